/**
 * One measurement in its own process (so heap figures are not polluted by another engine or size),
 * started by bench/run.ts as `node --expose-gc --import tsx bench/measure.ts <json args>`.
 * Prints one JSON object on stdout; progress goes to stderr.
 *
 * Method after the research bench (../shared/research/korean-search-bench/perf.ts): heap after GC
 * around the build, warm-up before timing, every question timed on its own, loadJSON against rebuild.
 */
import { mkdirSync } from 'node:fs'
import type { Corpus } from '../src/core/corpus/types.js'
import { buildPassages } from '../src/core/search/passages.js'
import { createOursEngine, type Engine, type EngineName, flexEngine, plainEngine } from './engines.js'
import { type BenchQuestion, makeQuestions } from './questions.js'
import { canCollect, heapAfterGc, MB, progress, summarize, timed } from './stats.js'
import { makeCorpus, withChangedDocument } from './synth.js'

export type MeasureMode = 'main' | 'cold-load' | 'cold-rebuild'

export interface MeasureArgs {
  size: number
  engine: EngineName
  mode: MeasureMode
  /** Where `main` persists the index and `cold-load` restores it from (a DATA_DIR). */
  dir: string
  /** Timed passes over the question set (more samples → steadier p99). */
  passes: number
}

/** What `main` reports for one (size, engine). */
export interface MainMeasurement {
  mode: 'main'
  engine: EngineName
  measures: string
  size: number
  passages: number
  questions: number
  generateMs: number
  buildMs: number
  /** Heap the built engine holds (after GC, minus the heap before building). */
  heapMB: number
  /** All heap in use after GC with the corpus and the engine loaded. */
  heapTotalMB: number
  rssMB: number
  gcExposed: boolean
  latency: ReturnType<typeof summarize>
  /**
   * Each question's fastest time over the passes, summarised: preemption by other processes on a busy
   * machine inflates single samples, rarely all of them, so this shows what a question itself costs.
   */
  latencyBest: ReturnType<typeof summarize>
  /** Latency per question kind (p50/p99/max). */
  byKind: Record<string, ReturnType<typeof summarize>>
  serializedMB: number | null
  /** One changed document applied in place, the whole hot reload (passages, index, core). */
  changeMs: number
  /** The part of `changeMs` spent in the index itself. */
  changeIndexMs: number
  /** A full rebuild of the engine over the changed corpus, for comparison. */
  rebuildMs: number
}

/** What a cold-start child reports: time to a ready engine in a fresh process, and its first answer. */
export interface ColdMeasurement {
  mode: 'cold-load' | 'cold-rebuild'
  engine: EngineName
  size: number
  readyMs: number
  firstAnswerMs: number
}

function engineFor(name: EngineName): Engine {
  if (name === 'ours') return createOursEngine()
  return name === 'plain' ? plainEngine : flexEngine
}

function askAll(ask: (q: string) => unknown, questions: readonly BenchQuestion[], passes: number) {
  const samples: number[] = []
  const best = new Array<number>(questions.length).fill(Number.POSITIVE_INFINITY)
  const byKind = new Map<string, number[]>()
  let sink = 0
  for (let pass = 0; pass < passes; pass++) {
    for (const [i, question] of questions.entries()) {
      const start = performance.now()
      const answer = ask(question.text)
      const ms = performance.now() - start
      if (answer) sink++
      samples.push(ms)
      best[i] = Math.min(best[i]!, ms)
      const list = byKind.get(question.kind) ?? []
      list.push(ms)
      byKind.set(question.kind, list)
    }
  }
  if (sink < 0) progress('unreachable')
  return {
    latency: summarize(samples),
    latencyBest: summarize(best),
    byKind: Object.fromEntries([...byKind].map(([kind, list]) => [kind, summarize(list)])),
  }
}

export async function measure(args: MeasureArgs): Promise<MainMeasurement | ColdMeasurement> {
  const engine = engineFor(args.engine)
  const label = `${args.engine} @ ${args.size}`
  const generated = timed(() => makeCorpus(args.size, { countPassages: (c) => buildPassages(c).length }))
  const corpus: Corpus = generated.value.corpus
  const passages = buildPassages(corpus)

  if (args.mode === 'cold-load' || args.mode === 'cold-rebuild') {
    const ready = timed(() =>
      args.mode === 'cold-load' ? engine.restore!(corpus, args.dir) : engine.build(corpus, passages),
    )
    const first = timed(() => ready.value.ask('1차 평가 결과 알려줘'))
    return {
      mode: args.mode,
      engine: args.engine,
      size: args.size,
      readyMs: ready.ms,
      firstAnswerMs: first.ms,
    }
  }

  const questions = makeQuestions(corpus)
  progress(`${label}: ${passages.length} passages generated in ${Math.round(generated.ms)} ms; building`)
  const heapBefore = heapAfterGc()
  const built = timed(() => engine.build(corpus, passages))
  const heapAfter = heapAfterGc()
  const rssMB = process.memoryUsage().rss / MB
  progress(
    `${label}: built in ${Math.round(built.ms)} ms; asking ${questions.length} questions × ${args.passes}`,
  )

  const warmup = Math.min(200, questions.length)
  for (let i = 0; i < warmup; i++) built.value.ask(questions[i]!.text)
  const { latency, latencyBest, byKind } = askAll((q) => built.value.ask(q), questions, args.passes)
  progress(`${label}: p50 ${latency.p50.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms`)

  mkdirSync(args.dir, { recursive: true })
  const savedBytes = built.value.save(args.dir)

  const changed = withChangedDocument(corpus)
  const change = timed(() => built.value.applyChange(changed))
  const rebuild = timed(() => engine.build(changed, buildPassages(changed)))
  progress(`${label}: one changed document ${change.ms.toFixed(1)} ms, rebuild ${Math.round(rebuild.ms)} ms`)

  return {
    mode: 'main',
    engine: args.engine,
    measures: engine.measures,
    size: args.size,
    passages: passages.length,
    questions: questions.length,
    generateMs: generated.ms,
    buildMs: built.ms,
    heapMB: (heapAfter - heapBefore) / MB,
    heapTotalMB: heapAfter / MB,
    rssMB,
    gcExposed: canCollect,
    latency,
    latencyBest,
    byKind,
    serializedMB: savedBytes === undefined ? null : savedBytes / MB,
    changeMs: change.ms,
    changeIndexMs: change.value.indexMs,
    rebuildMs: rebuild.ms,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = JSON.parse(process.argv[2] ?? '{}') as MeasureArgs
  const result = await measure(args)
  process.stdout.write(`${JSON.stringify(result)}\n`)
}
