import { beforeAll, describe, expect, it } from 'vitest'
import { claimedRank, recordedRank, withDigits } from '../../../src/core/answer/compose/shared.js'
import { createQuoteFinder, type FindQuotes } from '../../../src/core/answer/quotes.js'
import { createKaiCore, type KaiCore, loadCorpusOrThrow } from '../../../src/core/index.js'
import { createEntityMatcher } from '../../../src/core/search/entities.js'

/*
 * The mechanisms added after the second blind run, each checked on questions that are in none of the three
 * question sets, so a pass here is not a memorised answer.
 */

let core: KaiCore
let findQuotes: FindQuotes

beforeAll(async () => {
  const corpus = await loadCorpusOrThrow('corpus')
  core = createKaiCore(corpus)
  findQuotes = createQuoteFinder(corpus, createEntityMatcher(corpus))
})

describe('quotes found by their words', () => {
  it('returns every speaker when two people said the quoted words', () => {
    // The minister said "정예팀 모두가 승자" at the presentation, the KOSA chair "사실상 모두가 승자" on SNS.
    const people = findQuotes("'모두가 승자' 누가 했던 말이야?").map((h) => h.personId)
    expect(people.sort()).toEqual(['bae-kyung-hoon', 'cho-jun-hee'])
  })

  it('matches a quoted span against the translation when the quote was said in Korean', () => {
    expect(findQuotes('who said "humbly"').length).toBe(0)
    expect(findQuotes('who said "I bow my head in thanks"').map((h) => h.quote.id)).toEqual([
      'cho-20260115-thanks',
    ])
  })

  it('matches unquoted content words when most of them are in one quote', () => {
    expect(findQuotes('선별보다 육성 하자고 한 사람').map((h) => h.personId)).toEqual(['lee-seung-hyun'])
  })

  it('matches English words that differ only in their ending ("refined" ~ "refine")', () => {
    expect(findQuotes('who said the criteria would be refined?').map((h) => h.personId)).toEqual([
      'ryu-je-myung',
    ])
  })

  it('answers with the speaker, when it was said and the source', () => {
    const a = core.ask('"0.0004%"라고 말한 사람 누구야?')
    expect(a.intent).toBe('people')
    expect(a.text).toContain('김성훈')
    expect(a.text).toContain('1월 2일')
    expect(a.sources.map((s) => s.id)).toContain('news1-20260102-upstage-verification')
  })
})

describe('ranks and scores', () => {
  it('reads a rank from a recorded reason, but not "within the top four"', () => {
    expect(recordedRank({ ko: '종합 점수 1위(90.2점)로', en: '' })).toBe(1)
    expect(recordedRank({ ko: '종합 점수로는 상위 4위 안이었지만', en: '' })).toBeUndefined()
    expect(recordedRank({ ko: '종합 점수가 가장 낮았다.', en: '' })).toBe('last')
  })

  it('reads the rank a question claims, not a phase or a grade', () => {
    expect(claimedRank('SKT 2등이었어?')).toBe(2)
    expect(claimedRank('1차에서 꼴찌 누구야')).toBe('last')
    expect(claimedRank('1차 평가 결과')).toBeUndefined()
    expect(claimedRank('수능 1등급 받았대')).toBeUndefined()
  })

  it('corrects a first-place claim by naming the team that was first, with its total', () => {
    const a = core.ask('SKT가 1차 1위였지?')
    expect(a.intent).toBe('false-premise')
    expect(a.text).toContain('LG AI연구원')
    expect(a.text).toContain('90.2')
  })

  it('names the lowest-ranked team and says its scores were not disclosed', () => {
    const a = core.ask('1차에서 꼴찌 한 팀 어디야?')
    expect(a.answered).toBe(true)
    expect(a.text).toContain('NC AI')
    expect(a.text).toContain('공개되지 않')
  })

  it('writes counts in words as digits so "다섯 팀" finds the five-team average', () => {
    expect(withDigits('다섯 팀 평균')).toBe('5 팀 평균')
    expect(core.ask('다섯 팀 총점 평균 얼마였어?').text).toContain('79.7')
  })
})

describe('people by role and specs that are not recorded', () => {
  it('abstains on a team role nobody in the sources holds instead of naming another CEO', () => {
    const a = core.ask('SKT 대표 이름 알려줘')
    expect(a.answered).toBe(false)
    expect(a.text).toContain('대표')
    expect(a.text).not.toContain('김성훈')
  })

  it('abstains on a spec the model does not record and answers one it does', () => {
    expect(core.ask('K-EXAONE 라이선스가 뭐야?').answered).toBe(false)
    const context = core.ask('A.X K1 컨텍스트 길이는?')
    expect(context.answered).toBe(true)
    expect(context.text).toContain('128K')
  })

  it('abstains on a model cost, which no source gives', () => {
    expect(core.ask('How much did A.X K1 cost to train?').answered).toBe(false)
  })
})

describe('why, disputes, reception, conflicts and support', () => {
  it('explains a decision without a team: the result, the recorded explanation and each reason', () => {
    const a = core.ask('Why were two teams dropped in phase 1?')
    expect(a.intent).toBe('why')
    expect(a.text).toContain('The original plan was to cut one team')
    expect(a.text).toContain('lowest composite score')
  })

  it('answers a "copied" question with the claims and rebuttals about that team', () => {
    const a = core.ask('Did SKT copy DeepSeek?')
    expect(a.text).toContain('randomly initialized')
    expect(a.context.teamId).toBe('skt')
  })

  it('answers what the industry worried about from the reception facts', () => {
    expect(core.ask('업계 우려는 뭐였어?').text).toContain('낙인')
  })

  it("answers a reaction to a team's result from reception facts, not as a claim to confirm", () => {
    const a = core.ask('NC AI 탈락 반응은?')
    expect(a.intent).toBe('program')
    expect(a.text).not.toContain('네, 맞습니다')
    expect(a.text).toContain('존중')
  })

  it('answers what a team said from its own statements', () => {
    expect(core.ask('트릴리온랩스 뭐라고 했어?').text).toContain('겸허히')
  })

  it('adds a conflict the question is about even when the route answers something else', () => {
    const a = core.ask('네이버 인코더 큐웬 몇 버전 거야')
    expect(a.text).toContain('2.4')
    expect(a.text).toContain('2.5')
    expect(a.blocks.conflict).toBe(true)
  })

  it('answers an amount of support even when the team is described by an outcome word', () => {
    expect(core.ask('새로 합류한 팀 B200 몇 장 받아?').text).toContain('768')
  })

  it('gives a team its last known result when the phase asked about has no results yet', () => {
    const a = core.ask('업스테이지 2차 통과함?')
    expect(a.text).toContain('아직 알려지지 않았습니다')
    expect(a.text).toContain('진출')
  })
})
