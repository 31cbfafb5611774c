import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { analyze } from '../../../src/core/search/analyzer.js'
import { createBm25Scorer } from '../../../src/core/search/bm25.js'
import { buildPassages, type Passage } from '../../../src/core/search/passages.js'
import { createPostings } from '../../../src/core/search/postings.js'
import { createSearchFixtureCorpus } from '../../fixtures/search/corpus.js'

const passages = buildPassages(createSearchFixtureCorpus())
const identity = (t: string) => t

function indexOf(docs: readonly Passage[]) {
  const ms = new MiniSearch<Passage>({
    idField: 'id',
    fields: ['text'],
    storeFields: [],
    tokenize: analyze,
    processTerm: identity,
  })
  ms.addAll(docs)
  return ms
}

const QUERIES = [
  ['탈락', '이유', '네이'],
  ['정예', '선정', 'elite', 'team'],
  ['업스', '테이', '스테', '이지', '모델'],
  ['gpu', '지원', '2차'],
  ['평가', '결과'],
  ['없는말'],
]

/** What MiniSearch itself answers for the OR of `terms` with the same boosts and 0/1 document boost. */
function reference(
  ms: MiniSearch<Passage>,
  terms: string[],
  boost: (t: string) => number,
  allowed?: (id: string) => boolean,
) {
  return ms
    .search(terms.join(' '), {
      tokenize: (text) => text.split(' '),
      processTerm: identity,
      boostTerm: boost,
      ...(allowed ? { boostDocument: (id: string) => (allowed(id) ? 1 : 0) } : {}),
    })
    .map((r) => ({ id: r.id as string, score: r.score, queryTerms: r.queryTerms }))
}

describe('createBm25Scorer', () => {
  // The scorer reads MiniSearch's private postings; these tests are what tells a MiniSearch upgrade broke it.
  it('returns the documents, scores and order of MiniSearch#search when the cap is not reached', () => {
    const ms = indexOf(passages)
    const scorer = createBm25Scorer(createPostings(ms))
    const boost = (t: string) => (t.length > 2 ? 0.6 : 1)
    for (const terms of QUERIES) {
      const { top, matched } = scorer.top(terms, boost, undefined, 10_000)
      const expected = reference(ms, terms, boost)
      expect(top.map(({ id, score, queryTerms }) => ({ id, score, queryTerms }))).toEqual(expected)
      expect(matched).toBe(expected.length)
    }
  })

  it('keeps the first `cap` of MiniSearch#search, ties in the order MiniSearch meets them, when capped', () => {
    const ms = indexOf(passages)
    const scorer = createBm25Scorer(createPostings(ms))
    const expected = reference(ms, ['평가', '결과'], () => 1)
    expect(expected.length).toBeGreaterThan(5)
    expect(scorer.top(['평가', '결과'], () => 1, undefined, 5).top.map((d) => d.id)).toEqual(
      expected.slice(0, 5).map((r) => r.id),
    )
  })

  it('scores only allowed documents, as a zero document boost does', () => {
    const ms = indexOf(passages)
    const postings = createPostings(ms)
    const scorer = createBm25Scorer(postings)
    const english = (id: string) => passages.find((p) => p.id === id)?.lang !== 'ko'
    const byShortId = new Map(passages.map((p) => [postings.shortIdOf(p.id)!, p.id]))
    for (const terms of QUERIES) {
      const { top } = scorer.top(
        terms,
        () => 1,
        (shortId) => english(byShortId.get(shortId)!),
        10_000,
      )
      expect(top.map((d) => d.id)).toEqual(reference(ms, terms, () => 1, english).map((r) => r.id))
    }
  })

  it('matches MiniSearch after passages are removed and added again through the postings', () => {
    const ms = indexOf(passages)
    const postings = createPostings(ms)
    const scorer = createBm25Scorer(postings)
    for (const terms of QUERIES) scorer.top(terms, () => 1, undefined, 10) // fills the postings cache
    for (const p of passages.slice(0, 20)) postings.remove(p.id, analyze(p.text))
    for (const p of passages.slice(0, 10)) postings.add(p.id, analyze(`${p.text} 평가 결과 추가`))
    for (const terms of QUERIES) {
      const { top } = scorer.top(terms, () => 1, undefined, 10_000)
      expect(top.map(({ id, score }) => ({ id, score }))).toEqual(
        reference(ms, terms, () => 1).map(({ id, score }) => ({ id, score })),
      )
    }
  })
})
