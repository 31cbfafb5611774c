import { describe, expect, it } from 'vitest'
import { joinList, pickParticle, readingTail, withParticle } from '../../../src/core/answer/particles.js'

describe('withParticle', () => {
  it.each([
    // Hangul endings: es-hangul decides.
    ['업스테이지', '은/는', '업스테이지는'],
    ['SK텔레콤', '은/는', 'SK텔레콤은'],
    ['LG AI연구원', '은/는', 'LG AI연구원은'],
    ['LG AI연구원', '이/가', 'LG AI연구원이'],
    ['네이버클라우드', '이/가', '네이버클라우드가'],
    ['모티프테크놀로지스', '을/를', '모티프테크놀로지스를'],
    ['서울', '으로/로', '서울로'],
    ['정부서울청사', '으로/로', '정부서울청사로'],
    ['탈락', '으로/로', '탈락으로'],
    ['국민평가단', '이에요/예요', '국민평가단이에요'],
    // Latin acronyms are spelt out: the last letter decides.
    ['SKT', '은/는', 'SKT는'],
    ['NC AI', '은/는', 'NC AI는'],
    ['NC AI', '이/가', 'NC AI가'],
    ['LG', '이/가', 'LG가'],
    ['KT', '와/과', 'KT와'],
    ['MSIT', '을/를', 'MSIT를'],
    ['GLM', '은/는', 'GLM은'],
    ['NIPA', '와/과', 'NIPA와'],
    ['TTA', '이/가', 'TTA가'],
    ['KOSA', '은/는', 'KOSA는'],
    // ㄹ-final letters: 로 not 으로, but 은/이/을 still take the batchim form.
    ['URL', '으로/로', 'URL로'],
    ['URL', '은/는', 'URL은'],
    // Names whose reading is in the table.
    ['K-EXAONE', '은/는', 'K-EXAONE은'],
    ['K-EXAONE', '을/를', 'K-EXAONE을'],
    ['EXAONE', '이/가', 'EXAONE이'],
    ['Motif', '은/는', 'Motif는'],
    ['Solar Open', '은/는', 'Solar Open은'],
    ['Solar Open 100B', '은/는', 'Solar Open 100B는'],
    ['VAETKI', '은/는', 'VAETKI는'],
    ['Qwen', '을/를', 'Qwen을'],
    ['Epoch AI', '은/는', 'Epoch AI는'],
    ['HyperCLOVA X SEED 32B Think', '은/는', 'HyperCLOVA X SEED 32B Think는'],
    ['MoE', '이/가', 'MoE가'],
    // Unknown English words fall back to their ending sound.
    ['Konan', '은/는', 'Konan은'],
    ['Kakao', '은/는', 'Kakao는'],
    ['Model', '으로/로', 'Model로'],
    ['Team', '이/가', 'Team이'],
    ['Ring', '을/를', 'Ring을'],
    // Standalone numbers are read in Sino-Korean.
    ['3', '은/는', '3은'],
    ['2', '은/는', '2는'],
    ['1', '으로/로', '1로'],
    ['6', '이/가', '6이'],
    ['5', '와/과', '5와'],
    ['10', '이/가', '10이'],
    ['100', '은/는', '100은'],
    ['1,000', '이/가', '1,000이'],
    ['10000', '이/가', '10000이'],
    ['90.2', '이/가', '90.2가'],
    ['4.0', '은/는', '4.0은'],
    ['2차', '이/가', '2차가'],
    ['95%', '이/가', '95%가'],
    // Digits glued to a Latin letter are read in English: A.X K1 → 케이원.
    ['A.X K1', '은/는', 'A.X K1은'],
    ['A.X K2', '은/는', 'A.X K2는'],
    // Brackets and quotes: the word inside decides.
    ['K-EXAONE(케이엑사원)', '은/는', 'K-EXAONE(케이엑사원)은'],
    ['"모두의 AI"', '이/가', '"모두의 AI"가'],
    ['‘독파모’', '은/는', '‘독파모’는'],
  ] as const)('writes %s + %s as %s', (word, particle, expected) => {
    expect(withParticle(word, particle)).toBe(expected)
  })

  it('writes both forms when nothing can be read', () => {
    expect(withParticle('★', '은/는')).toBe('★은(는)')
    expect(withParticle('', '으로/로')).toBe('(으)로')
  })

  it('accepts 과/와 in either order', () => {
    expect(pickParticle('업스테이지', '과/와')).toBe('와')
    expect(pickParticle('SK텔레콤', '와/과')).toBe('과')
  })
})

describe('readingTail', () => {
  it('reads numbers ending in zeros by their unit', () => {
    expect(readingTail('10')).toBe('십')
    expect(readingTail('200')).toBe('백')
    expect(readingTail('1000')).toBe('천')
    expect(readingTail('20000')).toBe('만')
    expect(readingTail('100000000')).toBe('억')
    expect(readingTail('0')).toBe('영')
  })

  it('returns undefined when the word has nothing to read', () => {
    expect(readingTail('...')).toBeUndefined()
  })
})

describe('joinList', () => {
  it('joins Korean names with 와/과 chosen by the name before the last', () => {
    expect(joinList(['LG AI연구원', 'SK텔레콤', '업스테이지'], 'ko')).toBe(
      'LG AI연구원, SK텔레콤과 업스테이지',
    )
    expect(joinList(['네이버클라우드', 'NC AI'], 'ko')).toBe('네이버클라우드와 NC AI')
    expect(joinList(['SKT', 'LG'], 'ko')).toBe('SKT와 LG')
  })

  it('joins with 이나/나 for "or"', () => {
    expect(joinList(['2026년 12월', '2027년 2월'], 'ko', 'or')).toBe('2026년 12월이나 2027년 2월')
  })

  it('joins English names with "and" and commas', () => {
    expect(joinList(['LG AI Research', 'SK Telecom', 'Upstage'], 'en')).toBe(
      'LG AI Research, SK Telecom and Upstage',
    )
    expect(joinList(['Naver Cloud', 'NC AI'], 'en')).toBe('Naver Cloud and NC AI')
    expect(joinList(['a', 'b'], 'en', 'or')).toBe('a or b')
  })

  it('returns the single item or an empty string', () => {
    expect(joinList(['업스테이지'], 'ko')).toBe('업스테이지')
    expect(joinList([], 'en')).toBe('')
  })
})
