import { describe, expect, it } from 'vitest'
import { createKaiCore, createLiveCore } from '../../../src/core/answer/create-core.js'
import type { Corpus } from '../../../src/core/corpus/types.js'
import { diffCorpus } from '../../../src/core/search/corpus-diff.js'
import { createEntityMatcher } from '../../../src/core/search/entities.js'
import { buildPassages } from '../../../src/core/search/passages.js'
import { createSearchIndex } from '../../../src/core/search/search-index.js'
import { updateSearchIndex } from '../../../src/core/search/update.js'
import { createSearchFixtureCorpus } from '../../fixtures/search/corpus.js'

const corpus = createSearchFixtureCorpus()

function withParagraph(base: Corpus, paragraph: string): Corpus {
  const [doc, ...rest] = base.documents
  const paragraphs = [...doc!.paragraphs, paragraph]
  return {
    ...base,
    hash: `${base.hash}+1`,
    documents: [{ ...doc!, paragraphs, body: paragraphs.join('\n\n') }, ...rest],
  }
}

const QUESTIONS = [
  '네이버클라우드는 왜 떨어졌어?',
  'NC AI 알려줘',
  '양자컴퓨팅 협력은 어떻게 돼?',
  'What happened to Upstage?',
  '엘지 모델 이름',
  '업스테이즈 결과',
]

describe('LiveKaiCore.apply (hot reload of one changed document)', () => {
  it('updates the index it was given in place, so the edited paragraph is found', () => {
    const matcher = createEntityMatcher(corpus)
    const index = createSearchIndex(buildPassages(corpus), { matcher })
    const live = createLiveCore(corpus, { index, matcher })
    expect(index.search('양자컴퓨팅 협력')[0]?.passage.text ?? '').not.toContain('양자컴퓨팅')
    const edited = withParagraph(corpus, 'NC AI는 양자컴퓨팅 협력 계획을 발표했다.')
    expect(live.apply(edited)).toBe(index)
    expect(live.corpus()).toBe(edited)
    expect(index.search('양자컴퓨팅 협력')[0]?.passage.text).toContain('양자컴퓨팅')
  })

  it('answers as a core built afresh over the edited corpus does', () => {
    const live = createLiveCore(corpus)
    const edited = withParagraph(corpus, 'NC AI는 양자컴퓨팅 협력 계획을 발표했다.')
    live.apply(edited)
    const fresh = createKaiCore(edited)
    for (const q of QUESTIONS) expect(live.ask(q).text, q).toBe(fresh.ask(q).text)
  })

  it('understands a new alias after apply, when a name changed', () => {
    const live = createLiveCore(corpus)
    expect(live.resolveTeam('솔라팀')).toBeUndefined()
    const teams = corpus.teams.map((t) => (t.id === 'upstage' ? { ...t, aliases: ['솔라팀'] } : t))
    live.apply({ ...corpus, teams })
    expect(live.resolveTeam('솔라팀')).toBe('upstage')
  })

  it('keeps the old core and leaves the index untouched when the new corpus cannot be built', () => {
    const matcher = createEntityMatcher(corpus)
    const index = createSearchIndex(buildPassages(corpus), { matcher })
    const live = createLiveCore(corpus, { index, matcher })
    const size = index.size
    const broken = { ...withParagraph(corpus, '새 문단'), teams: null } as unknown as Corpus
    expect(() => live.apply(broken)).toThrow()
    expect(live.corpus()).toBe(corpus)
    expect(index.size).toBe(size)
    expect(live.ask('NC AI 알려줘').answered).toBe(true)
  })

  it('indexes exactly the passages of the edited corpus when only a document changed, and when more did', () => {
    const matcher = createEntityMatcher(corpus)
    const docEdit = withParagraph(corpus, '새 문단이다.')
    const facts = corpus.facts.map((f, i) => (i === 0 ? { ...f, ko: `${f.ko} 정정` } : f))
    for (const edited of [docEdit, { ...docEdit, facts }, { ...corpus, documents: [] }]) {
      const index = createSearchIndex(buildPassages(corpus), { matcher })
      updateSearchIndex(index, edited, diffCorpus(corpus, edited))
      const expected = buildPassages(edited)
      expect(index.size).toBe(expected.length)
      for (const p of expected) expect(index.passage(p.id)).toEqual(p)
    }
  })
})
