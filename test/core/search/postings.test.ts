import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { analyze } from '../../../src/core/search/analyzer.js'
import { buildPassages, type Passage } from '../../../src/core/search/passages.js'
import { createPostings, fromCompact, withoutPostings } from '../../../src/core/search/postings.js'
import { createSearchFixtureCorpus } from '../../fixtures/search/corpus.js'

const passages = buildPassages(createSearchFixtureCorpus())

function indexOf(docs: readonly Passage[]) {
  const ms = new MiniSearch<Passage>({
    idField: 'id',
    fields: ['text'],
    storeFields: [],
    tokenize: analyze,
    processTerm: (t) => t,
    autoVacuum: false,
  })
  ms.addAll(docs)
  return ms
}

/** MiniSearch's serialised state with the terms in order, so two indexes with the same content compare equal. */
function contents(ms: MiniSearch<Passage>) {
  const json = ms.toJSON()
  return { ...json, index: [...json.index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) }
}

describe('createPostings', () => {
  // The updates write MiniSearch's private state; this is what tells a MiniSearch upgrade broke them.
  it('leaves MiniSearch as its own remove and add would', () => {
    const ours = indexOf(passages)
    const theirs = indexOf(passages)
    const postings = createPostings(ours)
    const edited = passages.slice(3, 15).map((p) => ({ ...p, text: `${p.text} 정정 보도 2차` }))
    for (const p of passages.slice(3, 15)) {
      postings.remove(p.id, analyze(p.text))
      theirs.remove(p)
    }
    for (const p of edited) {
      postings.add(p.id, analyze(p.text))
      theirs.add(p)
    }
    postings.remove(passages[0]!.id, analyze(passages[0]!.text))
    theirs.remove(passages[0]!)
    expect(contents(ours)).toEqual(contents(theirs))
    expect(ours.search('정정 보도').map((r) => [r.id, r.score])).toEqual(
      theirs.search('정정 보도').map((r) => [r.id, r.score]),
    )
  })

  it('answers lookups of terms added and removed after they were first looked up', () => {
    const postings = createPostings(indexOf(passages))
    expect(postings.df('양자')).toBe(0)
    postings.add('new', analyze('양자컴퓨팅 양자'))
    expect(postings.of('양자')?.get(postings.shortIdOf('new')!)).toBe(2)
    expect(postings.df('양자')).toBe(1)
    postings.remove('new', analyze('양자컴퓨팅 양자'))
    expect(postings.df('양자')).toBe(0)
    expect(postings.shortIdOf('new')).toBeUndefined()
  })

  it('serialises and loads back to the index MiniSearch itself holds', () => {
    const original = indexOf(passages)
    const json = JSON.parse(
      JSON.stringify({
        minisearch: withoutPostings(original),
        postings: createPostings(original).toCompact(),
      }),
    )
    const options = { idField: 'id', fields: ['text'], storeFields: [], tokenize: analyze, autoVacuum: false }
    const restored = MiniSearch.loadJS<Passage>(json.minisearch, options)
    createPostings(restored).load(fromCompact(json.postings))
    expect(contents(restored)).toEqual(contents(original))
  })

  it('refuses a duplicate id, as MiniSearch does', () => {
    const postings = createPostings(indexOf(passages))
    expect(() => postings.add(passages[0]!.id, ['x'])).toThrow(`MiniSearch: duplicate ID ${passages[0]!.id}`)
  })
})
