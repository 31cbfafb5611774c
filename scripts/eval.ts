/**
 * `npm run eval [corpus-dir]`: retrieval quality of our analyzer against MiniSearch's default tokenizer.
 * Uses corpus/ (or the given directory); falls back to the search test fixture while corpus/ is incomplete.
 * Further sections (question-set accuracy) are added as more exported runners.
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

// Answer quality (issue 3 §4): the question set against the answer engine on the same corpus.
const { createKaiCore } = await import('../src/core/answer/create-core.js')
const { runQuestionSet, formatQuestionSetReport } = await import('../test/questions/evaluate.js')
const { QUESTIONS } = await import('../test/questions/questions.js')
console.log(`\n## Question set (${label})\n`)
console.log(formatQuestionSetReport(runQuestionSet(createKaiCore(corpus), QUESTIONS)))
