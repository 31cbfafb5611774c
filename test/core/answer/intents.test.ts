import { beforeAll, describe, expect, it } from 'vitest'
import { classify, FRAME_WORDS, frameExamples } from '../../../src/core/answer/intents/classify.js'
import { FRAMES } from '../../../src/core/answer/intents/table.js'
import { createKaiCore, type KaiCore, loadCorpusOrThrow } from '../../../src/core/index.js'

let core: KaiCore

beforeAll(async () => {
  core = createKaiCore(await loadCorpusOrThrow('corpus'))
})

const teamsIn = (text: string) => (text.match(/\{(team|model)\}/g) ?? []).length

describe('question frames (intents/table.ts)', () => {
  it('every frame has examples in Korean and English', () => {
    for (const f of FRAMES) {
      expect(f.examples.ko.length, f.id).toBeGreaterThanOrEqual(3)
      expect(f.examples.en.length, f.id).toBeGreaterThanOrEqual(3)
    }
  })

  it.each(frameExamples())('"$text" is nearest to its own frame ($frame)', ({ frame, text }) => {
    const c = classify(text, [], { teams: teamsIn(text) })
    expect(c.best?.id).toBe(frame)
  })

  it('the examples are the frame vocabulary: frame words in, absent topics out', () => {
    for (const w of ['특징', '정의', '요약', '어디서', 'specialize', 'insiders', 'compare'])
      expect(FRAME_WORDS.has(w), w).toBe(true)
    for (const w of ['매출', '주가', '연봉', 'revenue', 'salary']) expect(FRAME_WORDS.has(w), w).toBe(false)
  })
})

describe('answer classes the frames carry (issue 11)', () => {
  it('frame words no longer refuse a question the corpus covers', () => {
    for (const q of ['각 팀 특징 좀 정리해줘', 'what does Upstage specialize in?', '업계 사람들은 뭐래?']) {
      const a = core.ask(q)
      expect(a.answered, q).toBe(true)
      expect(a.outcome, q).not.toBe('abstain')
    }
  })

  it('absent topics still abstain, with nearby questions that are answered', () => {
    for (const q of ['업스테이지 매출은?', 'LG 연구원 연봉 얼마야', 'What is Upstage revenue?']) {
      const a = core.ask(q)
      expect(a.answered, q).toBe(false)
      expect(a.outcome, q).toBe('abstain')
      for (const s of a.didYouMean) {
        const b = core.ask(s)
        expect(b.outcome, s).toBe('answer')
      }
    }
    expect(core.ask('오늘 서울 날씨 어때?').didYouMean).toEqual([])
  })

  it('several teams in one question are answered for every team', () => {
    const a = core.ask('LG랑 업스테이지 둘 다 올라간 거 맞아?')
    expect(a.text).toContain('LG AI연구원은 2026년 1월 15일 1차 평가를 통과')
    expect(a.text).toContain('업스테이지는 2026년 1월 15일 1차 평가를 통과')
    const b = core.ask('compare SKT and Naver')
    expect(b.answered).toBe(true)
    expect(b.text).toContain('SK Telecom consortium')
    expect(b.text).toContain('Naver Cloud consortium')
    const c = core.ask('네이버랑 업스테이지 둘 다 떨어졌지?')
    expect(c.text).toMatch(/네이버클라우드.*탈락/)
    expect(c.text).toContain('아니요, 사실과 다릅니다. 업스테이지는')
  })

  it('a count states the number first', () => {
    const a = core.ask('몇 팀이 지원했어?')
    expect(a.blocks.paragraphs[0]).toContain('15곳')
  })

  it('describe a team from what the sources say of it, every team at once too', () => {
    const a = core.ask('NC AI는 어떤 팀이야?')
    expect(a.blocks.paragraphs[0]).toContain('멀티모달 생성형 파운데이션 모델을 목표로')
    const all = core.ask('각 팀 특징 좀 정리해줘')
    for (const s of ['LG AI연구원 컨소시엄은', 'SK텔레콤 컨소시엄은', 'NC AI 컨소시엄은'])
      expect(all.text).toContain(s)
  })

  it("the programme's goals, not its results", () => {
    const a = core.ask('what is the point of K-AI?')
    expect(a.intent).toBe('program')
    expect(a.text).toContain('95%')
  })

  it('did-you-mean offers only questions the core answers outright', () => {
    const a = core.ask('업스테이지 매출은?')
    expect(a.didYouMean.length).toBeGreaterThan(0)
    expect(a.didYouMean.length).toBeLessThanOrEqual(3)
    for (const s of a.didYouMean) expect(core.ask(s).outcome).toBe('answer')
  })
})
