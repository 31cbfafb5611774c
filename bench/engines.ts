/**
 * The things the bench measures, behind one shape: our full answer path (`createKaiCore`), plain
 * MiniSearch with its default tokenizer (the baseline) and FlexSearch 0.8 with our analyzer (the
 * reference the issue names). Each engine is built from the same corpus and passages and answers the
 * same questions.
 */
import { existsSync } from 'node:fs'
import FlexSearch from 'flexsearch'
import MiniSearch from 'minisearch'
import type { Corpus } from '../src/core/corpus/types.js'
import { analyze } from '../src/core/search/analyzer.js'
import { createEntityMatcher } from '../src/core/search/entities.js'
import { buildPassages, type Passage } from '../src/core/search/passages.js'
import {
  createSearchIndex,
  type PersistedSearchIndex,
  restoreSearchIndex,
  type SearchIndex,
} from '../src/core/search/search-index.js'

export type EngineName = 'ours' | 'plain' | 'flex'

/** One built engine: answers questions, can be serialised, and can take one changed document. */
export interface BuiltEngine {
  /** Answers (ours) or searches (baselines) one question; the result is only kept alive, never checked. */
  ask(question: string): unknown
  /** The persisted form as bytes on disk would hold it; undefined when the engine cannot persist. */
  serialize(): string | undefined
  /** Applies `next` (one document changed) in place, the incremental way. */
  applyChange(previous: readonly Passage[], next: readonly Passage[]): void
}

export interface Engine {
  name: EngineName
  /** What one question costs here, for the table: "full answer" or "search". */
  measures: string
  build(corpus: Corpus, passages: readonly Passage[]): BuiltEngine
  /** Restores from `serialize()` output (cold start); undefined when the engine cannot. */
  restore?(corpus: Corpus, serialized: string): BuiltEngine
}

/** Passages whose id or text differ between two passage lists (what one changed document touches). */
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

// ---------------------------------------------------------------- ours

type CreateKaiCore = (corpus: Corpus, options?: { index?: SearchIndex }) => { ask(question: string): unknown }

/**
 * `createKaiCore` is being written alongside the bench; until it lands the bench measures search alone
 * and the table says so.
 */
async function loadCreateKaiCore(): Promise<CreateKaiCore | undefined> {
  const path = new URL('../src/core/answer/create-core.ts', import.meta.url)
  if (!existsSync(path)) return undefined
  const mod = (await import(path.href)) as { createKaiCore?: CreateKaiCore }
  return mod.createKaiCore
}

export async function createOursEngine(): Promise<Engine> {
  const createKaiCore = await loadCreateKaiCore()
  const wrap = (corpus: Corpus, index: SearchIndex): BuiltEngine => {
    const core = createKaiCore?.(corpus, { index })
    return {
      ask: core ? (q) => core.ask(q) : (q) => index.search(q),
      serialize: () => JSON.stringify(index.toJSON()),
      applyChange(previous, next) {
        const { upsert, remove } = changedPassages(previous, next)
        index.discardPassages(remove)
        index.replacePassages(upsert)
      },
    }
  }
  return {
    name: 'ours',
    measures: createKaiCore ? 'full answer' : 'search only (createKaiCore not available yet)',
    build(corpus) {
      const index = createSearchIndex(buildPassages(corpus), { matcher: createEntityMatcher(corpus) })
      return wrap(corpus, index)
    },
    restore(corpus, serialized) {
      const persisted = JSON.parse(serialized) as PersistedSearchIndex
      const index = restoreSearchIndex(persisted, { matcher: createEntityMatcher(corpus) })
      if (!index) throw new Error('bench: persisted index was made by another analyzer version')
      return wrap(corpus, index)
    },
  }
}

// ---------------------------------------------------------------- plain MiniSearch (baseline)

const PLAIN_OPTIONS = { idField: 'id', fields: ['text'], storeFields: [] as string[] }

export const plainEngine: Engine = {
  name: 'plain',
  measures: 'search',
  build(_corpus, passages) {
    const ms = new MiniSearch<Passage>(PLAIN_OPTIONS)
    ms.addAll(passages)
    return plainBuilt(ms)
  },
  restore(_corpus, serialized) {
    return plainBuilt(MiniSearch.loadJSON<Passage>(serialized, PLAIN_OPTIONS))
  },
}

function plainBuilt(ms: MiniSearch<Passage>): BuiltEngine {
  return {
    ask: (q) => ms.search(q),
    serialize: () => JSON.stringify(ms),
    applyChange(previous, next) {
      const { upsert, remove } = changedPassages(previous, next)
      for (const id of remove) ms.discard(id)
      for (const passage of upsert) {
        if (ms.has(passage.id)) ms.replace(passage)
        else ms.add(passage)
      }
    },
  }
}

// ---------------------------------------------------------------- FlexSearch (reference)

/** FlexSearch 0.8 with our analyzer on both sides, as the research measured it (flexperf.ts). */
export const flexEngine: Engine = {
  name: 'flex',
  measures: 'search',
  build(_corpus, passages) {
    const index = new FlexSearch.Index({ tokenize: 'strict', encode: analyze } as never)
    const ids = new Map<string, number>()
    passages.forEach((p, i) => {
      ids.set(p.id, i)
      index.add(i, p.text)
    })
    let nextId = passages.length
    return {
      ask: (q) => index.search(q, { limit: 10, suggest: true }),
      serialize: () => undefined,
      applyChange(previous, next) {
        const { upsert, remove } = changedPassages(previous, next)
        for (const id of remove) {
          const n = ids.get(id)
          if (n !== undefined) index.remove(n)
        }
        for (const passage of upsert) {
          const n = ids.get(passage.id) ?? nextId++
          ids.set(passage.id, n)
          index.update(n, passage.text)
        }
      },
    }
  },
}
