import { describe, expect, it } from 'vitest'
import { detectLang } from '../../../src/core/answer/lang.js'
import { createMentionFinder } from '../../../src/core/answer/mentions.js'
import { extractPhase, type Route, route } from '../../../src/core/answer/route.js'
import { createSearchFixtureCorpus } from '../../fixtures/search/corpus.js'

const findMentions = createMentionFinder(createSearchFixtureCorpus())
const r = (q: string, extra: Partial<Parameters<typeof route>[1]> = {}): Route =>
  route(q, { findMentions, ...extra })

describe('detectLang', () => {
  it('detects Korean when any Hangul is present, even in a mostly English question', () => {
    expect(detectLang('K-EXAONE 파라미터 몇 개?')).toBe('ko')
    expect(detectLang('Did LG advance?')).toBe('en')
  })

  it('falls back when the text has no letters', () => {
    expect(detectLang('2?', 'en')).toBe('en')
    expect(detectLang('2?')).toBe('ko')
  })
})

describe('extractPhase', () => {
  it.each([
    ['1차 평가 결과', 1],
    ['2차평가 언제야', 2],
    ['2차에 진출한 팀', 1], // advancing INTO phase 2 is the outcome of phase 1
    ['2차 단계로 올라간 곳', 1],
    ['2차에서 탈락한 팀', 2],
    ['첫 번째 평가', 1],
    ['phase 1 results', 1],
    ['who advanced to phase 2', 1],
    ['who advanced to the second round', 1],
    ['second round results', 2],
    ['the 1st round', 1],
  ] as const)('reads %s as phase %i', (q, phase) => {
    expect(extractPhase(q)).toBe(phase)
  })

  it('returns undefined when no phase is named', () => {
    expect(extractPhase('누가 탈락했어?')).toBeUndefined()
  })
})

describe('route', () => {
  it.each([
    // results
    ['1차 평가 결과 알려줘', 'results'],
    ['누가 탈락했어?', 'results'],
    ['누가떨어졌어', 'results'],
    ['2차에 진출한 팀은?', 'results'],
    ['지금 남은 팀 어디야', 'results'],
    ['Who was eliminated in the first round?', 'results'],
    ['Which teams advanced?', 'results'],
    ['who got added?', 'results'],
    // team
    ['업스테이지 알려줘', 'team'],
    ['엘지 모델은?', 'team'],
    ['SKT 컨소시엄 참여사는?', 'team'],
    ['Tell me about Upstage', 'team'],
    ['What model does SK Telecom have?', 'team'],
    ['LG 점수 몇 점이야?', 'team'],
    // why
    ['네이버클라우드는 왜 탈락했어?', 'why'],
    ['네이버 탈락 이유', 'why'],
    ['Why was Naver Cloud eliminated?', 'why'],
    // people
    ['류제명 차관이 뭐라고 했어?', 'people'],
    ['Who is Ryu Je-myung?', 'people'],
    ['Who is the science minister?', 'people'], // a role stands for the person holding it
    // where an event took place is in its timeline entry
    ['1차 발표회 어디서 했어?', 'timeline'],
    // glossary
    ['정예팀이 뭐야?', 'glossary'],
    ['독자성이란?', 'glossary'],
    ['What is an elite team?', 'glossary'],
    ['과기정통부가 뭐야', 'glossary'],
    // program
    ['예산이 얼마야?', 'program'],
    ['사업 목표가 뭐야', 'program'],
    ['How much is the budget?', 'program'],
    ['최종 2팀은 언제 뽑아?', 'program'],
    ['When are the final two teams chosen?', 'program'],
    ['독파모가 뭐야?', 'program'],
    // timeline
    ['1차 평가 결과 발표 언제였어?', 'timeline'],
    ['모티프는 언제 합류했어?', 'timeline'],
    ['2차 평가 언제야', 'timeline'],
    ['When was the second evaluation?', 'timeline'],
    // help
    ['도움말', 'help'],
    ['/help', 'help'],
    ['뭘 물어볼 수 있어?', 'help'],
    ['what can you do?', 'help'],
    // out of scope
    ['오늘 서울 날씨 어때?', 'out-of-scope'],
    ['엔비디아 주가 알려줘', 'out-of-scope'],
    ["What's the weather in Seoul?", 'out-of-scope'],
    ['손흥민 골 넣었어?', 'out-of-scope'],
    ["What is Japan's sovereign AI program?", 'out-of-scope'],
    ['프랑스 AI 정책은 어때?', 'out-of-scope'],
    ['LG 주가 얼마야?', 'out-of-scope'],
    // a team nickname is also a sports club: 엔씨 다이노스, SKT T1
    ['엔씨 다이노스 선발 투수 누구야', 'out-of-scope'],
    ['Did SKT T1 win the LCK?', 'out-of-scope'],
    // reception: what people said about the programme, even about the final two
    ['최종 2팀만 남기는 거 업계 우려는?', 'program'],
    // a role of a named team asks for a person, not the team's results
    ['엔씨 대표 누구야', 'people'],
    // invalid
    ['', 'invalid'],
    ['   ', 'invalid'],
    ['가'.repeat(600), 'invalid'],
  ] as const)('routes %j to %s', (q, intent) => {
    expect(r(q).intent).toBe(intent)
  })

  it.each([
    ['LG 몇 등이었어?', 'score'],
    ['Which rank did Upstage get?', 'score'],
    ['업스테이지 베꼈다는 논란', 'dispute'],
    ['Did SKT copy DeepSeek?', 'dispute'],
  ] as const)("reads %j as asking about the team's %s", (q, aspect) => {
    expect(r(q).aspect).toBe(aspect)
  })

  it('reads colloquial 붙음 as a claim that the team advanced', () => {
    expect(r('엘지 1차 붙음?').claim).toMatchObject({
      teamId: 'lg-ai-research',
      outcome: 'advanced',
      phase: 1,
    })
  })

  it('reads an English statement with a question mark as a claim to check', () => {
    expect(r('So NC AI advanced?').claim).toMatchObject({ teamId: 'nc-ai', outcome: 'advanced' })
  })

  it('routes a question citing words to the quote finder only when it asks who said them', () => {
    const findQuotes = () => [{ personId: 'p', quote: { id: 'q1' } as never, score: 1 }]
    expect(r("'모두가 승자'라고 누가 말했어?", { findQuotes }).quoteIds).toEqual(['q1'])
    expect(r("'모두가 승자'가 무슨 뜻이야?", { findQuotes }).quoteIds).toEqual([])
  })

  it('finds teams through aliases, models and typos', () => {
    expect(r('엔씨는 어떻게 됐어?').teamIds).toEqual(['nc-ai'])
    expect(r('K-EXAONE 파라미터 몇 개야?').teamIds).toEqual(['lg-ai-research'])
    expect(r('네이버클라우듸는 왜 떨어졌어').teamIds).toEqual(['naver-cloud'])
  })

  it('reads a claim to check when the question asks for confirmation', () => {
    expect(r('NC AI가 2차에 진출했지?').claim).toEqual({
      teamId: 'nc-ai',
      outcome: 'advanced',
      phase: 1,
      negated: false,
    })
    expect(r('Did Naver Cloud advance?').claim).toMatchObject({ teamId: 'naver-cloud', outcome: 'advanced' })
    expect(r('Kakao was selected, right?').claim).toMatchObject({
      teamId: 'kakao',
      outcome: 'selected',
      negated: false,
    })
    expect(r('업스테이지 탈락 안 했지?').claim).toMatchObject({
      teamId: 'upstage',
      outcome: 'eliminated',
      negated: true,
    })
    expect(r("NC AI advanced, didn't it?").claim).toMatchObject({ outcome: 'advanced', negated: false })
  })

  it('does not read a claim from a wh-question', () => {
    expect(r('누가 탈락했어?').claim).toBeUndefined()
    expect(r('Which teams advanced?').claim).toBeUndefined()
  })

  it('uses the previous team for a follow-up that names none', () => {
    const followUp = r('그 팀 모델은?', { context: { teamId: 'skt' } })
    expect(followUp.intent).toBe('team')
    expect(followUp.teamIds).toEqual(['skt'])
    expect(followUp.teamFromContext).toBe(true)
    expect(r('what about their model?', { context: { teamId: 'upstage' } }).teamIds).toEqual(['upstage'])
  })

  it('ignores the context when the question names another team', () => {
    expect(r('업스테이지 모델은?', { context: { teamId: 'skt' } }).teamIds).toEqual(['upstage'])
  })

  it('sets the team aspect from the words used', () => {
    expect(r('SKT 멤버 누구야').aspect).toBe('members')
    expect(r('LG 점수').aspect).toBe('score')
    expect(r('솔라 오픈 파라미터').aspect).toBe('model')
  })

  it('names the outcome a results question asks about', () => {
    expect(r('누가 탈락했어?').outcome).toBe('eliminated')
    expect(r('who advanced to phase 2?')).toMatchObject({ outcome: 'advanced', phase: 1 })
  })

  it('follows a forced language', () => {
    expect(r('누가 탈락했어?', { lang: 'en' }).lang).toBe('en')
  })
})
