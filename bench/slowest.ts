/**
 * The slowest questions of one size, with what the search did for each, for finding out which questions
 * make the p99 (the CPU profile shows where time goes, this shows for which questions):
 *
 *   npx tsx bench/slowest.ts --size 10k --top 30
 *
 * Each question is timed (best of 3) after a warm-up; the trace is that of `SearchIndex.explain` on the
 * question as asked (the answer path may search with filters, so it is a hint, not the exact work done).
 */
import { parseArgs } from 'node:util'
import { buildPassages } from '../src/core/search/passages.js'
import { createOursEngine } from './engines.js'
import { makeQuestions } from './questions.js'
import { progress } from './stats.js'
import { makeCorpus } from './synth.js'
import { parseSize } from './table.js'

async function main() {
  const { values } = parseArgs({
    options: { size: { type: 'string', default: '10k' }, top: { type: 'string', default: '30' } },
  })
  const size = parseSize(values.size!)
  const { corpus } = makeCorpus(size, { countPassages: (c) => buildPassages(c).length })
  const passages = buildPassages(corpus)
  const built = createOursEngine().build(corpus, passages)
  const questions = makeQuestions(corpus)
  for (const q of questions.slice(0, 200)) built.ask(q.text)
  const timed = questions.map((q) => {
    let best = Number.POSITIVE_INFINITY
    for (let pass = 0; pass < 3; pass++) {
      const start = performance.now()
      built.ask(q.text)
      best = Math.min(best, performance.now() - start)
    }
    return { ...q, ms: best }
  })
  timed.sort((a, b) => b.ms - a.ms)
  const p99 = timed[Math.floor(timed.length * 0.01)]!.ms
  progress(`${values.size}: best-of-3 p99 ${p99.toFixed(2)} ms`)
  for (const q of timed.slice(0, Number(values.top))) {
    const { trace } = built.index!.explain(q.text)
    const known = trace.known.map((t) => `${t.term}:${t.df}`).join(' ')
    process.stdout.write(
      `${q.ms.toFixed(2).padStart(7)} ms  ${q.kind.padEnd(13)} ${q.text}\n           searched ${trace.searched.length}, candidates ${trace.candidates}; known ${known}\n`,
    )
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
