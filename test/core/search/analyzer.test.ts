import { describe, expect, it } from 'vitest'
import { analyze, analyzeQuery, bigrams, splitRuns, stripKo } from '../../../src/core/search/analyzer.js'
import { createEntityMatcher } from '../../../src/core/search/entities.js'
import { createSearchFixtureCorpus } from '../../fixtures/search/corpus.js'

const matcher = createEntityMatcher(createSearchFixtureCorpus())

describe('analyze', () => {
  it('splits at script boundaries and bigrams Hangul runs when a name mixes Latin and Hangul', () => {
    expect(analyze('LG AI연구원이')).toEqual(['lg', 'ai', '연구', '구원', '원이'])
  })

  it('keeps number+counter terms and decimals when numbers carry a counter', () => {
    expect(analyze('2차단계 90.2점 3위')).toEqual([
      '2',
      '2차',
      '차단',
      '단계',
      '90.2',
      '90.2점',
      '점',
      '3',
      '3위',
      '위',
    ])
  })

  it('applies NFKC, case folding, thousands separators and plural folding', () => {
    expect(analyze('ＬＧ 1,000 GPUs K-EXAONE')).toEqual(['lg', '1000', 'gpu', 'k', 'exaone'])
  })

  it('keeps a lone syllable as a unigram', () => {
    expect(analyze('팀 가')).toEqual(['팀', '가'])
  })
})

describe('helpers', () => {
  it('splits runs at punctuation and scripts', () => {
    expect(splitRuns('A.X K1은, "솔라"')).toEqual(['a', 'x', 'k1', '은', '솔라'])
  })
  it('bigrams a run', () => {
    expect(bigrams('네이버')).toEqual(['네이', '이버'])
  })
  it('strips stacked particles and endings but keeps two syllables', () => {
    expect(stripKo('평가에서는')).toBe('평가')
    expect(stripKo('진출했나요')).toBe('진출')
    expect(stripKo('추가')).toBe('추가')
  })
})

describe('analyzeQuery', () => {
  it('expands a nickname to both canonical names and drops its particle', () => {
    const plan = analyzeQuery('엘지는 2차에 올라갔어?', matcher)
    expect([...plan.terms.keys()]).toEqual(
      expect.arrayContaining(['lg', 'ai', '연구', '구원', 'research', '진출', 'advanced', '2차']),
    )
    expect(plan.units.map((u) => `${u.kind}:${u.text}`)).toEqual([
      'entity:엘지',
      'synonym:올라갔',
      'word:2차',
    ])
  })

  it('drops Korean and English question words', () => {
    expect([...analyzeQuery('누가 언제 뭐 알려줘', matcher).terms.keys()]).toEqual([])
    expect([...analyzeQuery('who is the what', matcher).terms.keys()]).toEqual([])
  })

  it('weights synonym expansions below the words the person typed', () => {
    const plan = analyzeQuery('탈락한 팀', matcher)
    expect(plan.terms.get('탈락')).toBeLessThan(1)
    expect(plan.terms.get('팀')).toBe(1)
  })

  it('replaces a typo by the canonical name instead of searching the misspelling', () => {
    const plan = analyzeQuery('업스테이즈 모델', matcher)
    expect(plan.terms.has('이즈')).toBe(false)
    expect(plan.terms.has('upstage')).toBe(true)
  })
})
