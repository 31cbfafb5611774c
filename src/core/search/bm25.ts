import type MiniSearch from 'minisearch'

/**
 * The parts of MiniSearch 7's state that `createBm25Scorer` reads (never writes). They are private in its
 * typings; bm25.test.ts compares the scorer with `MiniSearch#search` on the same index, so a MiniSearch
 * release that changes them fails that test rather than ranking silently differently.
 */
interface MiniSearchState {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined }
  _documentIds: Map<number, string>
  _idToShortId: Map<string, number>
  _fieldLength: Map<number, number[]>
  _avgFieldLength: number[]
  _documentCount: number
  _nextId: number
}

/** MiniSearch's default BM25+ parameters (`defaultBM25params`). */
const K = 1.2
const B = 0.7
const D = 0.5
/** Our indexes have one field, `text`, whose field id is 0. */
const FIELD = 0
/** A count no query reaches (terms are far fewer): the document was met and filtered out. */
const FILTERED = 0xffff

/** One scored document, as `MiniSearch#search` would return it (score × number of matched query terms). */
export interface ScoredDocument {
  /** MiniSearch's internal short id, for cheap lookups by the caller. */
  shortId: number
  id: string
  score: number
  /** The query terms found in the document, in query order. */
  queryTerms: string[]
}

/** Scores documents straight from a MiniSearch index's postings. */
export interface Bm25Scorer {
  /**
   * The `cap` best documents for the OR of `terms` (and how many matched): the same documents, scores and order (ties in the order
   * MiniSearch meets them) as the first `cap` results of `ms.search(terms.join(' '), { boostTerm,
   * boostDocument })` with a 0/1 document boost, without building a result object for every posting.
   */
  top(
    terms: readonly string[],
    boost: (term: string) => number,
    allowed: ((shortId: number) => boolean) | undefined,
    cap: number,
  ): { top: ScoredDocument[]; matched: number }
  /** How many documents contain `term`. */
  df(term: string): number
  /** MiniSearch's short id of a document id. */
  shortIdOf(id: string): number | undefined
}

/**
 * Perf (issue 7, bench/profile.ts): `MiniSearch#search` creates a result object per posting, calls
 * `boostDocument` per posting and sorts every match, so a question made only of common words (a
 * 3,000-posting bigram at 10k passages, 60,000 at 100k) cost 3–230 ms. Here a posting costs one
 * addition into a reused array, the filter runs once per document, and only the best `cap` are kept
 * (a bounded heap), giving the same candidates for a small fraction of the time.
 */
export function createBm25Scorer(ms: MiniSearch<never> | MiniSearch<unknown>): Bm25Scorer {
  const state = ms as unknown as MiniSearchState
  let scores = new Float64Array(0)
  let counts = new Uint16Array(0)
  /** Documents met by the current query, in the order MiniSearch meets them (filtered-out ones too). */
  let met = new Int32Array(0)

  const postingsOf = (term: string) => state._index.get(term)?.get(FIELD)

  const ensureCapacity = (size: number) => {
    if (scores.length >= size) return
    const next = Math.max(size, scores.length * 2, 1024)
    scores = new Float64Array(next)
    counts = new Uint16Array(next)
    met = new Int32Array(next)
  }

  return {
    df: (term) => postingsOf(term)?.size ?? 0,
    shortIdOf: (id) => state._idToShortId.get(id),
    top(terms, boost, allowed, cap) {
      const lists = terms.map(postingsOf)
      ensureCapacity(state._nextId)
      const n = state._documentCount
      const avgLength = state._avgFieldLength[FIELD] ?? 0
      const lengths = state._fieldLength
      let seen = 0
      // Pass 1: BM25 per (term, document), summed per document in the order MiniSearch meets documents.
      lists.forEach((postings, t) => {
        if (!postings) return
        const termBoost = boost(terms[t]!)
        const matching = postings.size
        const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5))
        postings.forEach((tf, shortId) => {
          const fieldLength = lengths.get(shortId)?.[FIELD]
          if (fieldLength === undefined) return
          if (counts[shortId] === 0) {
            met[seen++] = shortId
            if (allowed && !allowed(shortId)) {
              // Marked, so the filter runs once per document.
              counts[shortId] = FILTERED
              return
            }
          } else if (counts[shortId] === FILTERED) return
          // The same expression, in the same order, as MiniSearch's calcBM25Score × boost: equal scores.
          const raw = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * fieldLength) / avgLength)))
          scores[shortId] = scores[shortId]! + termBoost * raw
          counts[shortId] = counts[shortId]! + 1
        })
      })
      // Pass 2: the best `cap` by score × matched terms; a tie goes to the document met first.
      const heap = new BoundedHeap(cap)
      for (let i = 0; i < seen; i++) {
        const shortId = met[i]!
        if (counts[shortId] !== FILTERED) heap.offer(scores[shortId]! * counts[shortId]!, i)
      }
      const best = heap.sorted()
      const top = best.map(({ key, order }) => {
        const shortId = met[order]!
        const queryTerms: string[] = []
        lists.forEach((postings, t) => {
          if (postings?.has(shortId)) queryTerms.push(terms[t]!)
        })
        return { shortId, id: state._documentIds.get(shortId)!, score: key, queryTerms }
      })
      // Clear only what this query touched.
      for (let i = 0; i < seen; i++) {
        scores[met[i]!] = 0
        counts[met[i]!] = 0
      }
      return { top, matched: heap.offered }
    },
  }
}

/** The `cap` largest keys; between equal keys the smaller `order` (met first) wins, as a stable sort would. */
class BoundedHeap {
  private readonly items: Array<{ key: number; order: number }> = []
  /** How many keys were offered. */
  offered = 0
  constructor(private readonly cap: number) {}

  /** Is `a` worse than `b` (lower key, or equal key met later)? */
  private static worse(a: { key: number; order: number }, b: { key: number; order: number }) {
    return a.key < b.key || (a.key === b.key && a.order > b.order)
  }

  offer(key: number, order: number) {
    const items = this.items
    this.offered++
    if (this.cap <= 0) return
    if (items.length === this.cap) {
      // Orders grow, so an equal key met later never displaces the root.
      if (key <= items[0]!.key) return
      items[0] = { key, order }
      this.down(0)
      return
    }
    items.push({ key, order })
    let i = items.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!BoundedHeap.worse(items[i]!, items[parent]!)) break
      ;[items[i], items[parent]] = [items[parent]!, items[i]!]
      i = parent
    }
  }

  private down(i: number) {
    const items = this.items
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let worst = i
      if (l < items.length && BoundedHeap.worse(items[l]!, items[worst]!)) worst = l
      if (r < items.length && BoundedHeap.worse(items[r]!, items[worst]!)) worst = r
      if (worst === i) return
      ;[items[i], items[worst]] = [items[worst]!, items[i]!]
      i = worst
    }
  }

  /** Best first. */
  sorted() {
    return [...this.items].sort((a, b) => b.key - a.key || a.order - b.order)
  }
}
