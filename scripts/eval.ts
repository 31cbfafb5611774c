/**
 * `npm run eval [corpus-dir]`: retrieval quality of our analyzer against MiniSearch's default tokenizer.
 * Uses corpus/ (or the given directory); falls back to the search test fixture while corpus/ is incomplete.
 * Then the accuracy of the four question sets (questions.ts, holdout.ts, blind2.ts, blind3.ts) on the same corpus.
 */
import { loadCorpus } from '../src/core/corpus/load-corpus.js'
import type { Corpus } from '../src/core/corpus/types.js'
import { runRetrievalEval } from '../src/core/index.js'
import { RETRIEVAL_SET } from '../test/core/search/retrieval-set.js'
import { createSearchFixtureCorpus } from '../test/fixtures/search/corpus.js'

async function chooseCorpus(dir: string): Promise<{ corpus: Corpus; label: string }> {
  try {
    const result = await loadCorpus(dir)
    if (result.ok) return { corpus: result.corpus, label: dir }
    console.error(
      `${dir} does not load yet (${result.issues.length} problems, run npm run corpus:check); using the search fixture.`,
    )
  } catch (err) {
    console.error(`${dir} could not be loaded (${(err as Error).message}); using the search fixture.`)
  }
  return { corpus: createSearchFixtureCorpus(), label: 'test/fixtures/search (fixture)' }
}

const args = process.argv.slice(2)
const verbose = args.includes('--verbose')
const dir = args.find((a) => !a.startsWith('--')) ?? 'corpus'
const { corpus, label } = await chooseCorpus(dir)
const report = runRetrievalEval(corpus, RETRIEVAL_SET, { variants: verbose })
console.log(`## Retrieval (${label})\n`)
console.log(report.markdown)
if (verbose) {
  console.log('\nMisses (rank, coverage, top passage):')
  for (const m of report.misses)
    console.log(`- ${m.q} → rank ${m.rank || '>10'}, coverage ${m.coverage.toFixed(2)}, top ${m.top}`)
  if (report.unlabelled.length)
    console.log(`\nNo relevant passage in this corpus: ${report.unlabelled.join(' | ')}`)
}

// Answer quality (issue 3 §4): every question set against the answer engine on the same corpus. The
// held-out and blind sets were written before reading the engine; their first runs are the honest numbers,
// later runs are tuned on their failures (test/questions/*-first-run.md).
const { createKaiCore } = await import('../src/core/answer/create-core.js')
const { runQuestionSet, formatQuestionSetsTable } = await import('../test/questions/evaluate.js')
const { QUESTIONS } = await import('../test/questions/questions.js')
const { HOLDOUT } = await import('../test/questions/holdout.js')
const { BLIND2 } = await import('../test/questions/blind2.js')
const { BLIND3 } = await import('../test/questions/blind3.js')
const core = createKaiCore(corpus)
console.log(`\n## Question sets (${label})\n`)
console.log(
  formatQuestionSetsTable([
    { name: 'questions.ts', note: 'tuned on', report: runQuestionSet(core, QUESTIONS) },
    { name: 'holdout.ts', note: 'first blind run 70.0%, since tuned', report: runQuestionSet(core, HOLDOUT) },
    { name: 'blind2.ts', note: 'first blind run 55.0%, since tuned', report: runQuestionSet(core, BLIND2) },
    {
      name: 'blind3.ts',
      note: 'first blind run 85.0% (OOS 8/8), since tuned',
      report: runQuestionSet(core, BLIND3),
    },
  ]),
)

// Issue 11: accuracy per answer class and the abstention rate, ours beside the previous router's (measured
// once at the commit named in previous-router.json, see scripts/eval-classes.ts). blind4 is a development set.
const { readFileSync } = await import('node:fs')
const { classReport, formatClassTable } = await import('../test/questions/classes.js')
const { QuestionCaseSchema } = await import('../test/questions/questions.js')
const BLIND4 = JSON.parse(readFileSync('test/questions/blind4.json', 'utf8')).map((c: unknown) =>
  QuestionCaseSchema.parse(c),
)
const previous = JSON.parse(readFileSync('test/questions/previous-router.json', 'utf8'))
console.log(`\n## blind4.json (first run 73.7% at 6dd9b25, a development set since)\n`)
console.log(
  formatQuestionSetsTable([
    { name: 'blind4.json', note: 'first blind run 73.7% (OOS 12/13)', report: runQuestionSet(core, BLIND4) },
  ]),
)
console.log(`\n## Answer classes, all five sets (ours vs the previous router at ${previous.commit})\n`)
console.log(
  formatClassTable(
    classReport(core, [QUESTIONS, HOLDOUT, BLIND2, BLIND3, BLIND4]),
    previous.report,
    `previous router (${previous.commit})`,
  ),
)
