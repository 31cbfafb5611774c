/**
 * The things the bench measures, behind one shape: our full answer path (`createKaiCore`), plain
 * MiniSearch with its default tokenizer (the baseline) and FlexSearch 0.8 with our analyzer (the
 * reference the issue names). Each engine is built from the same corpus and passages and answers the
 * same questions.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import FlexSearch from 'flexsearch'
import MiniSearch from 'minisearch'
import { createLiveCore } from '../src/core/answer/create-core.js'
import type { Corpus } from '../src/core/corpus/types.js'
import { analyze } from '../src/core/search/analyzer.js'
import { createEntityMatcher, type EntityMatcher } from '../src/core/search/entities.js'
import { buildPassages, type Passage } from '../src/core/search/passages.js'
import { loadOrBuildIndex, saveIndex } from '../src/core/search/persist.js'
import { createSearchIndex, type SearchIndex } from '../src/core/search/search-index.js'

export type EngineName = 'ours' | 'plain' | 'flex'

/** Time spent applying one changed document; `indexMs` is the part spent updating the index itself. */
export interface ChangeTiming {
  indexMs: number
}

/** One built engine: answers questions, persists itself, and takes one changed document in place. */
export interface BuiltEngine {
  /** Answers (ours) or searches (baselines) one question; the result is only kept alive, never checked. */
  ask(question: string): unknown
  /** Persists the index under `dir` as the bot would; returns its size in bytes, or undefined when it cannot. */
  save(dir: string): number | undefined
  /**
   * Brings the engine to `next` (the same corpus with one document edited) the incremental way, as a hot
   * reload would: passages of the new corpus, then only what changed goes through the index.
   */
  applyChange(next: Corpus): ChangeTiming
  /** Our search index, for tools that explain what a question did (bench/slowest.ts). */
  index?: SearchIndex
}

export interface Engine {
  name: EngineName
  /** What one question costs here, for the table: "full answer" or "search". */
  measures: string
  build(corpus: Corpus, passages: readonly Passage[]): BuiltEngine
  /** Cold start: restores what `save(dir)` wrote; undefined when the engine cannot persist. */
  restore?(corpus: Corpus, dir: string): BuiltEngine
}

/** Passages whose text changed or that are new, and ids that are gone (what one changed document touches). */
export function changedPassages(
  previous: readonly Passage[],
  next: readonly Passage[],
): { upsert: Passage[]; remove: string[] } {
  const before = new Map(previous.map((p) => [p.id, p.text]))
  const after = new Set(next.map((p) => p.id))
  return {
    upsert: next.filter((p) => before.get(p.id) !== p.text),
    remove: previous.filter((p) => !after.has(p.id)).map((p) => p.id),
  }
}

const since = (start: number) => performance.now() - start

// ---------------------------------------------------------------- ours

/**
 * Our answer path as the bot runs it: entity matcher, search index over `buildPassages`, and the live
 * core on top (`createLiveCore`, as src/main.ts); persisted with the search module's own save/load keyed
 * by the corpus hash; one changed document applied with `LiveKaiCore.apply`, the bot's hot reload.
 */
export function createOursEngine(): Engine {
  const wrap = (corpus: Corpus, index: SearchIndex, matcher: EntityMatcher): BuiltEngine => {
    const live = createLiveCore(corpus, { index, matcher })
    // Times the index's own share of `apply` (it updates the index through one of these).
    let indexMs = 0
    const sync = index.syncPassages.bind(index)
    const update = index.updatePassages.bind(index)
    index.syncPassages = (passages) => {
      const start = performance.now()
      try {
        return sync(passages)
      } finally {
        indexMs += since(start)
      }
    }
    index.updatePassages = (upsert, remove) => {
      const start = performance.now()
      try {
        return update(upsert, remove)
      } finally {
        indexMs += since(start)
      }
    }
    return {
      index,
      ask: (q) => live.ask(q),
      save(dir) {
        return statSync(saveIndex(dir, live.corpus().hash, index)).size
      },
      applyChange(next) {
        indexMs = 0
        live.apply(next)
        return { indexMs }
      },
    }
  }
  return {
    name: 'ours',
    measures: 'full answer',
    build(corpus) {
      const matcher = createEntityMatcher(corpus)
      const index = createSearchIndex(buildPassages(corpus), { matcher })
      return wrap(corpus, index, matcher)
    },
    restore(corpus, dir) {
      // As the bot starts: the matcher's known words come from the file too.
      const { index, matcher, origin } = loadOrBuildIndex(corpus, { dataDir: dir })
      if (origin !== 'loaded') throw new Error(`bench: no persisted index for this corpus under ${dir}`)
      return wrap(corpus, index, matcher)
    },
  }
}

// ---------------------------------------------------------------- plain MiniSearch (baseline)

const PLAIN_OPTIONS = { idField: 'id', fields: ['text'], storeFields: [] as string[] }
const PLAIN_FILE = 'plain-minisearch.json'

export const plainEngine: Engine = {
  name: 'plain',
  measures: 'search',
  build(_corpus, passages) {
    const ms = new MiniSearch<Passage>(PLAIN_OPTIONS)
    ms.addAll(passages)
    return plainBuilt(ms, passages)
  },
  restore(corpus, dir) {
    const ms = MiniSearch.loadJSON<Passage>(readFileSync(join(dir, PLAIN_FILE), 'utf8'), PLAIN_OPTIONS)
    return plainBuilt(ms, buildPassages(corpus))
  },
}

function plainBuilt(ms: MiniSearch<Passage>, initial: readonly Passage[]): BuiltEngine {
  let passages = initial
  return {
    ask: (q) => ms.search(q),
    save(dir) {
      const json = JSON.stringify(ms)
      writeFileSync(join(dir, PLAIN_FILE), json)
      return Buffer.byteLength(json)
    },
    applyChange(next) {
      const nextPassages = buildPassages(next)
      const start = performance.now()
      const { upsert, remove } = changedPassages(passages, nextPassages)
      for (const id of remove) ms.discard(id)
      for (const passage of upsert) {
        if (ms.has(passage.id)) ms.replace(passage)
        else ms.add(passage)
      }
      passages = nextPassages
      return { indexMs: since(start) }
    },
  }
}

// ---------------------------------------------------------------- FlexSearch (reference)

/** FlexSearch 0.8 with our analyzer on both sides, as the research measured it (flexperf.ts). */
export const flexEngine: Engine = {
  name: 'flex',
  measures: 'search',
  build(_corpus, initial) {
    const index = new FlexSearch.Index({ tokenize: 'strict', encode: analyze } as never)
    const ids = new Map<string, number>()
    initial.forEach((p, i) => {
      ids.set(p.id, i)
      index.add(i, p.text)
    })
    let passages = initial
    let nextId = initial.length
    return {
      ask: (q) => index.search(q, { limit: 10, suggest: true }),
      save: () => undefined,
      applyChange(next) {
        const nextPassages = buildPassages(next)
        const start = performance.now()
        const { upsert, remove } = changedPassages(passages, nextPassages)
        for (const id of remove) {
          const n = ids.get(id)
          if (n !== undefined) index.remove(n)
        }
        for (const passage of upsert) {
          const n = ids.get(passage.id) ?? nextId++
          ids.set(passage.id, n)
          index.update(n, passage.text)
        }
        passages = nextPassages
        return { indexMs: since(start) }
      },
    }
  },
}
