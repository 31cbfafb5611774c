import { beforeAll, describe, expect, it } from 'vitest'
import { createKaiCore } from '../../../src/core/answer/create-core.js'
import type { KaiCore } from '../../../src/core/answer/types.js'
import { unknownWords } from '../../../src/core/answer/unknown-words.js'
import { loadCorpusOrThrow } from '../../../src/core/corpus/load-corpus.js'
import { createEntityMatcher, type EntityMatcher } from '../../../src/core/search/entities.js'
import { buildPassages } from '../../../src/core/search/passages.js'
import { createSearchIndex, type SearchIndex } from '../../../src/core/search/search-index.js'

let core: KaiCore
let index: SearchIndex
let matcher: EntityMatcher

beforeAll(async () => {
  const corpus = await loadCorpusOrThrow('corpus')
  matcher = createEntityMatcher(corpus)
  index = createSearchIndex(buildPassages(corpus), { matcher })
  core = createKaiCore(corpus, { index, matcher })
})

describe('unknownWords', () => {
  it.each([
    ['업스테이지 작년 매출 얼마야', ['작년', '매출']],
    ['네이버 웹툰 추천 좀', ['웹툰', '추천']],
    ['How many employees does LG AI Research have?', ['employees']],
  ])('finds the words of %s that the corpus never writes', (q, words) => {
    expect(unknownWords(q, index, matcher)).toEqual(words)
  })

  it.each([
    '엘지 몇 점 받았음?',
    '지금 살아남은 팀 몇 개야',
    '목표 성능이 글로벌 모델 대비 몇 퍼센트야',
    '1라운드 탈락팀',
    'Solar Open 100B context length?',
    '이승현 부사장 의견은?',
  ])('finds none in %s: names, synonyms, question words and one-syllable nouns are not topics', (q) => {
    expect(unknownWords(q, index, matcher)).toEqual([])
  })
})

describe('a question about something the corpus never mentions', () => {
  it('abstains and names the missing words instead of answering with the named team', () => {
    const a = core.ask('카카오톡 백업 어떻게 해')
    expect(a.answered).toBe(false)
    expect(a.intent).toBe('unknown')
    expect(a.text).toContain("'백업'에 관한 내용이 없어")
    expect(a.sources).toEqual([])
  })

  it('abstains in English too', () => {
    const a = core.ask('How many employees does LG AI Research have?')
    expect(a.answered).toBe(false)
    expect(a.text).toContain('say nothing about "employees"')
  })
})
