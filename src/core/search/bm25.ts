import type { Postings } from './postings.js'

/** MiniSearch's default BM25+ parameters (`defaultBM25params`). */
const K = 1.2
const B = 0.7
const D = 0.5
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
   * The `cap` best documents for the OR of `terms` (and how many matched): the same documents, scores and
   * order (ties in the order MiniSearch meets them) as the first `cap` results of `ms.search(terms.join(' '),
   * { boostTerm, boostDocument })` with a 0/1 document boost, without a result object for every posting.
   */
  top(
    terms: readonly string[],
    boost: (term: string) => number,
    allowed: ((shortId: number) => boolean) | undefined,
    cap: number,
  ): { top: ScoredDocument[]; matched: number }
}

/**
 * Perf (issue 7, bench/profile.ts): `MiniSearch#search` creates a result object per posting, calls
 * `boostDocument` per posting and sorts every match, so a question made only of common words (a
 * 3,000-posting bigram at 10k passages, 60,000 at 100k) cost 3–230 ms. Here a posting costs one
 * addition into a reused array, the filter runs once per document, and only the best `cap` are sorted,
 * giving the same candidates for a small fraction of the time.
 */
export function createBm25Scorer(postings: Postings): Bm25Scorer {
  // Scratch arrays indexed by short id, reused by every query and cleared after it.
  let scores = new Float64Array(0)
  let counts = new Uint16Array(0)
  /** Field lengths by short id (0: not read yet). A short id is never reused, so an entry never goes stale. */
  let fieldLengths = new Float64Array(0)
  /** Documents met by the current query, in the order MiniSearch meets them (filtered-out ones too). */
  let met = new Int32Array(0)
  /** Score × matched terms of the kept documents, in `met` order, and a copy to sort. */
  let keys = new Float64Array(0)
  let sortedKeys = new Float64Array(0)

  const ensureCapacity = (size: number) => {
    if (scores.length >= size) return
    const next = Math.max(size, scores.length * 2, 1024)
    const lengths = new Float64Array(next)
    lengths.set(fieldLengths)
    fieldLengths = lengths
    scores = new Float64Array(next)
    counts = new Uint16Array(next)
    met = new Int32Array(next)
    keys = new Float64Array(next)
    sortedKeys = new Float64Array(next)
  }

  const fieldLengthOf = (shortId: number): number => {
    const known = fieldLengths[shortId]!
    if (known > 0) return known
    const length = postings.fieldLength(shortId)
    fieldLengths[shortId] = length
    return length
  }

  return {
    top(terms, boost, allowed, cap) {
      const lists = terms.map(postings.of)
      ensureCapacity(postings.nextShortId)
      const n = postings.documentCount
      const avgLength = postings.averageFieldLength
      let seen = 0
      // Pass 1: BM25 per (term, document), summed per document in the order MiniSearch meets documents.
      lists.forEach((list, t) => {
        if (!list) return
        const termBoost = boost(terms[t]!)
        const matching = list.size
        const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5))
        list.forEach((tf, shortId) => {
          const count = counts[shortId]!
          if (count === FILTERED) return
          if (count === 0) {
            met[seen++] = shortId
            if (allowed && !allowed(shortId)) {
              // Marked, so the filter runs once per document.
              counts[shortId] = FILTERED
              return
            }
          }
          const fieldLength = fieldLengthOf(shortId)
          // The same expression, in the same order, as MiniSearch's calcBM25Score × boost: equal scores.
          const raw = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * fieldLength) / avgLength)))
          scores[shortId] = scores[shortId]! + termBoost * raw
          counts[shortId] = count + 1
        })
      })
      // Pass 2: MiniSearch's order is score × matched terms, descending, ties in the order met.
      let kept = 0
      for (let i = 0; i < seen; i++) {
        const shortId = met[i]!
        const count = counts[shortId]!
        keys[i] = count === FILTERED ? Number.NEGATIVE_INFINITY : scores[shortId]! * count
        if (count !== FILTERED) kept++
      }
      // The cap-th best key: everything above it is in, equal keys are taken in the order met.
      let threshold = Number.NEGATIVE_INFINITY
      if (kept > cap && cap > 0) {
        const sorted = sortedKeys.subarray(0, seen)
        sorted.set(keys.subarray(0, seen))
        sorted.sort()
        threshold = sorted[seen - cap]!
      }
      const chosen: number[] = []
      let above = 0
      for (let i = 0; i < seen; i++) if (keys[i]! > threshold) above++
      let ties = cap - above
      for (let i = 0; i < seen && chosen.length < cap; i++) {
        const key = keys[i]!
        if (key === Number.NEGATIVE_INFINITY) continue
        if (key > threshold) chosen.push(i)
        else if (key === threshold && ties-- > 0) chosen.push(i)
      }
      chosen.sort((a, b) => keys[b]! - keys[a]! || a - b)
      const top = chosen.map((order) => {
        const shortId = met[order]!
        const queryTerms: string[] = []
        lists.forEach((list, t) => {
          if (list?.has(shortId)) queryTerms.push(terms[t]!)
        })
        return { shortId, id: postings.idOf(shortId)!, score: keys[order]!, queryTerms }
      })
      // Clear only what this query touched.
      for (let i = 0; i < seen; i++) {
        scores[met[i]!] = 0
        counts[met[i]!] = 0
      }
      return { top, matched: kept }
    },
  }
}
