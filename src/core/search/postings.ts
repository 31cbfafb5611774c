import type MiniSearch from 'minisearch'

/**
 * The parts of MiniSearch 7's state read and written here. They are private in its typings; postings.test.ts
 * and bm25.test.ts compare what is done here with MiniSearch's own `add`, `remove` and `search`, so a
 * MiniSearch release that changes them fails those tests rather than ranking silently differently.
 */
interface MiniSearchState {
  _index: {
    [Symbol.iterator](): Iterator<[string, Map<number, Map<number, number>>]>
    set(term: string, data: Map<number, Map<number, number>>): void
    get(term: string): Map<number, Map<number, number>> | undefined
    fetch(term: string, create: () => Map<number, Map<number, number>>): Map<number, Map<number, number>>
    delete(term: string): void
  }
  _documentIds: Map<number, string>
  _idToShortId: Map<string, number>
  _fieldLength: Map<number, number[]>
  _avgFieldLength: number[]
  _documentCount: number
  _nextId: number
  _fieldIds: Record<string, number>
  _storedFields: Map<number, unknown>
  _dirtCount: number
  addDocumentId(id: string): number
  addFieldLength(shortId: number, fieldId: number, count: number, length: number): void
  removeFieldLength(shortId: number, fieldId: number, count: number, length: number): void
}

/** Our indexes have one field, `text`, whose field id is 0. */
export const FIELD = 0

/** At most this many terms' postings are remembered (a query uses tens; edits forget theirs). */
const CACHE_LIMIT = 50_000

/**
 * The inverted index of a MiniSearch instance with a single field, read and updated directly.
 *
 * Perf (issue 7): MiniSearch keeps terms in a radix tree whose nodes are scanned key by key, so finding a
 * term costs microseconds, and `add`/`remove` walk it for every token (`remove` four times): re-indexing
 * one ~300-character passage took about a millisecond at 10k passages, and a question's tens of term
 * lookups a tenth of its time. Here a term is looked up once and remembered, and a document is added or
 * removed with one walk per distinct term, leaving MiniSearch in the state its own `add`/`remove` would.
 */
export interface Postings {
  /** The documents (short ids) containing `term`, with its frequency in each. Read only. */
  of(term: string): ReadonlyMap<number, number> | undefined
  /** How many documents contain `term`. */
  df(term: string): number
  shortIdOf(id: string): number | undefined
  idOf(shortId: number): string | undefined
  /** The document's number of distinct terms (MiniSearch's field length), 0 when it is not indexed. */
  fieldLength(shortId: number): number
  readonly documentCount: number
  readonly averageFieldLength: number
  /** Every short id so far is below this. */
  readonly nextShortId: number
  /** Indexes a document with its terms (repeats counted), as `MiniSearch#add` with our tokenizer does. */
  add(id: string, terms: readonly string[]): void
  /** Removes a document indexed with these terms, as `MiniSearch#remove` does. */
  remove(id: string, terms: readonly string[]): void
  /** Puts in the postings of terms the index does not hold yet (a bulk build, a saved index). */
  load(postings: Iterable<[string, Map<number, number>]>): void
  /** Every term's postings, compactly for JSON (see CompactPostings). */
  toCompact(): CompactPostings
}

/**
 * Postings for JSON: per term, its documents' short ids and term frequencies in turn. Perf (issue 7):
 * MiniSearch's own form (an object per term keyed by short id) made loading convert every key back to a
 * number, a third of a 10k cold start, and building such objects was half of a build.
 */
export type CompactPostings = Array<[term: string, shortIdsAndFrequencies: number[]]>

/** Reads compact postings back into maps. */
export function fromCompact(compact: CompactPostings): Array<[string, Map<number, number>]> {
  return compact.map(([term, flat]) => {
    const postings = new Map<number, number>()
    for (let i = 0; i < flat.length; i += 2) postings.set(flat[i]!, flat[i + 1]!)
    return [term, postings]
  })
}

/**
 * MiniSearch's serialised form (for `MiniSearch.loadJS`) of `ms` without its postings, which go separately
 * (`toCompact`, `load`): the same fields `MiniSearch#toJSON` writes.
 */
export function withoutPostings(ms: MiniSearch<never> | MiniSearch<unknown>): MiniSearchJson {
  const state = ms as unknown as MiniSearchState
  return {
    documentCount: state._documentCount,
    nextId: state._nextId,
    documentIds: Object.fromEntries(state._documentIds),
    fieldIds: state._fieldIds,
    fieldLength: Object.fromEntries(state._fieldLength),
    averageFieldLength: state._avgFieldLength,
    storedFields: Object.fromEntries(state._storedFields) as MiniSearchJson['storedFields'],
    dirtCount: state._dirtCount,
    index: [],
    serializationVersion: 2,
  }
}

export type MiniSearchJson = Parameters<typeof MiniSearch.loadJS>[0]

export function createPostings(ms: MiniSearch<never> | MiniSearch<unknown>): Postings {
  const state = ms as unknown as MiniSearchState
  const cache = new Map<string, Map<number, number> | undefined>()

  const of = (term: string) => {
    if (cache.has(term)) return cache.get(term)
    const postings = state._index.get(term)?.get(FIELD)
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(term, postings)
    return postings
  }

  return {
    of,
    df: (term) => of(term)?.size ?? 0,
    shortIdOf: (id) => state._idToShortId.get(id),
    idOf: (shortId) => state._documentIds.get(shortId),
    fieldLength: (shortId) => state._fieldLength.get(shortId)?.[FIELD] ?? 0,
    get documentCount() {
      return state._documentCount
    },
    get averageFieldLength() {
      return state._avgFieldLength[FIELD] ?? 0
    },
    get nextShortId() {
      return state._nextId
    },
    add(id, terms) {
      if (state._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`)
      const tf = frequencies(terms)
      const shortId = state.addDocumentId(id)
      state.addFieldLength(shortId, FIELD, state._documentCount - 1, tf.size)
      for (const [term, count] of tf) {
        const data = state._index.fetch(term, () => new Map())
        let postings = data.get(FIELD)
        if (!postings) {
          postings = new Map()
          data.set(FIELD, postings)
        }
        postings.set(shortId, count)
        cache.set(term, postings)
      }
    },
    load(entries) {
      for (const [term, postings] of entries) {
        if (postings.size === 0) continue
        state._index.set(term, new Map([[FIELD, postings]]))
        cache.delete(term)
      }
    },
    toCompact() {
      const out: CompactPostings = []
      for (const [term, data] of state._index) {
        const postings = data.get(FIELD)
        if (!postings || postings.size === 0) continue
        const flat: number[] = []
        postings.forEach((tf, shortId) => {
          flat.push(shortId, tf)
        })
        out.push([term, flat])
      }
      return out
    },
    remove(id, terms) {
      const shortId = state._idToShortId.get(id)
      if (shortId === undefined) return
      const tf = frequencies(terms)
      state.removeFieldLength(shortId, FIELD, state._documentCount, tf.size)
      for (const term of tf.keys()) {
        cache.delete(term)
        const data = state._index.get(term)
        const postings = data?.get(FIELD)
        if (!data || !postings) continue
        postings.delete(shortId)
        if (postings.size > 0) continue
        data.delete(FIELD)
        if (data.size === 0) state._index.delete(term)
      }
      state._documentIds.delete(shortId)
      state._idToShortId.delete(id)
      state._fieldLength.delete(shortId)
      state._documentCount -= 1
    },
  }
}

function frequencies(terms: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>()
  for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1)
  return tf
}
