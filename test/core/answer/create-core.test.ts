import { beforeAll, describe, expect, it } from 'vitest'
import { createKaiCore, createLiveCore } from '../../../src/core/answer/create-core.js'
import type { KaiCore } from '../../../src/core/answer/types.js'
import { loadCorpusOrThrow } from '../../../src/core/corpus/load-corpus.js'
import type { Corpus } from '../../../src/core/corpus/types.js'
import { createSearchFixtureCorpus } from '../../fixtures/search/corpus.js'

let corpus: Corpus
let core: KaiCore

beforeAll(async () => {
  corpus = await loadCorpusOrThrow('test/fixtures/corpus')
  core = createKaiCore(corpus)
})

describe('createKaiCore: results', () => {
  it('lists who advanced and who was eliminated in phase 1, with fields and sources', () => {
    const a = core.ask('1차 평가 결과 알려줘')
    expect(a.intent).toBe('results')
    expect(a.answered).toBe(true)
    expect(a.text.split('\n')[0]).toBe(
      '2026년 1월 15일 1차 평가에서 LG AI연구원, SK텔레콤과 업스테이지가 다음 단계에 진출했고, 네이버클라우드가 탈락했습니다.',
    )
    expect(a.blocks.fields).toContainEqual({ label: '탈락', items: ['네이버클라우드'] })
    expect(a.sources.map((s) => s.id)).toContain('sbs-20260115-results')
    expect(a.blocks.asOf).toBe('2026-01-15')
    expect(a.sources).toEqual(a.blocks.sources)
  })

  it('answers in English with the same facts', () => {
    const a = core.ask('Who was eliminated in the first round?')
    expect(a.lang).toBe('en')
    expect(a.text).toContain('Naver Cloud was eliminated')
    expect(a.blocks.fields).toContainEqual({ label: 'Eliminated', items: ['Naver Cloud'] })
  })

  it('says phase-2 results are not known yet instead of guessing', () => {
    const a = core.ask('2차 평가 결과는?')
    expect(a.answered).toBe(false)
    expect(a.text).toContain('아직 알려지지 않았습니다')
    expect(a.text).not.toMatch(/진출했|탈락했/)
  })

  it('shows the current standing with the added team', () => {
    const a = core.results(undefined, 'ko')
    expect(a.answered).toBe(true)
    expect(a.text).toContain('LG AI연구원, SK텔레콤, 업스테이지와 모티프테크놀로지스 4곳')
    expect(a.text).toContain('네이버클라우드는 탈락했습니다')
  })
})

describe('createKaiCore: false premises', () => {
  it('corrects a wrong claim with the recorded fact and its source', () => {
    const a = core.ask('네이버클라우드가 2차에 진출했지?')
    expect(a.intent).toBe('false-premise')
    expect(a.answered).toBe(true)
    expect(a.text).toMatch(/^아니요/)
    expect(a.text).toContain('네이버클라우드는 2026년 1월 15일 1차 평가에서 탈락했습니다.')
    expect(a.sources.length).toBeGreaterThan(0)
  })

  it('corrects an English claim', () => {
    const a = core.ask('Did Naver Cloud advance?')
    expect(a.intent).toBe('false-premise')
    expect(a.text).toMatch(/^No/)
  })

  it('confirms a true claim', () => {
    const a = core.ask('업스테이지 2차 진출했지?')
    expect(a.intent).toBe('results')
    expect(a.text).toMatch(/^네, 맞습니다/)
  })

  it('corrects a claim about a team that was not selected', () => {
    const a = core.ask('Motif was selected in August 2025, right?')
    // Motif was not selected in 2025 but added in 2026: "selected" is true of the addition.
    expect(a.answered).toBe(true)
    expect(a.text).toContain('added')
  })
})

describe('createKaiCore: team, why, people, glossary, program, timeline', () => {
  it('answers a team model question with specs as fields', () => {
    const a = core.ask('엘지 모델 뭐야?')
    expect(a.intent).toBe('team')
    expect(a.text).toContain('LG AI연구원의 모델은 K-EXAONE입니다.')
    expect(a.context.teamId).toBe('lg-ai-research')
  })

  it('uses the previous team for a follow-up', () => {
    const first = core.ask('업스테이지 알려줘')
    const follow = core.ask('그 팀 모델은?', { context: first.context })
    expect(follow.text).toContain('Solar Open 100B')
  })

  it('gives the recorded reason for an elimination', () => {
    const a = core.ask('네이버 왜 떨어졌어?')
    expect(a.intent).toBe('why')
    expect(a.text).toContain('초기화하지 않고')
  })

  it('quotes a person with the date and source', () => {
    const a = core.ask('류제명 차관이 뭐라고 했어?')
    expect(a.intent).toBe('people')
    expect(a.sources.length).toBeGreaterThan(0)
    expect(a.text).toContain('류제명')
  })

  it('defines a glossary term', () => {
    const a = core.ask('정예팀이 뭐야?')
    expect(a.intent).toBe('glossary')
    expect(a.answered).toBe(true)
  })

  it('shows a conflict with each side and its source, never one answer', () => {
    const a = core.ask('최종 2팀은 언제 뽑아?')
    expect(a.blocks.conflict).toBe(true)
    expect(a.text).toContain('2026년 12월')
    expect(a.text).toContain('2027년 2월')
  })

  it('gives the date of an event', () => {
    const a = core.ask('모티프는 언제 추가됐어?')
    expect(a.intent).toBe('timeline')
    expect(a.text).toContain('2026년 2월 20일')
  })
})

describe('createKaiCore: abstaining', () => {
  it.each([
    '오늘 서울 날씨 어때?',
    '비트코인 가격 알려줘',
    'Who won the World Cup?',
    '일본 소버린 AI 프로젝트는?',
  ])('abstains on %s and lists what it can answer', (q) => {
    const a = core.ask(q)
    expect(a.answered).toBe(false)
    expect(a.sources).toEqual([])
    expect(a.text).toMatch(/답할 수 있는 것|I can answer/)
  })

  it('answers empty and overly long questions without throwing', () => {
    expect(core.ask('').intent).toBe('invalid')
    expect(core.ask(' \t ').answered).toBe(false)
    const long = core.ask('가'.repeat(5000))
    expect(long.intent).toBe('invalid')
    expect(long.text).toContain('500')
  })

  it('abstains on a follow-up without a team to refer to', () => {
    expect(core.ask('그 팀 모델은?').answered).toBe(false)
  })
})

describe('createKaiCore: helpers for adapters', () => {
  it('resolves team names, aliases and model names', () => {
    expect(core.resolveTeam('엘지')).toBe('lg-ai-research')
    expect(core.resolveTeam('K-EXAONE')).toBe('lg-ai-research')
    expect(core.resolveTeam('skt')).toBe('skt')
    expect(core.resolveTeam('없는팀')).toBeUndefined()
  })

  it('suggests teams by prefix, elite teams first', () => {
    const choices = core.suggestTeams('업', 'ko')
    expect(choices[0]).toEqual({ name: '업스테이지', value: 'upstage' })
    expect(core.suggestTeams('', 'en').length).toBeGreaterThan(3)
  })

  it('suggests questions that contain the typed text', () => {
    const choices = core.suggestQuestions('모델', 'ko')
    expect(choices.length).toBeGreaterThan(0)
    for (const c of choices) expect(c.value).toContain('모델')
  })

  it('answers /team with an unknown name as not answered', () => {
    const a = core.team('없는팀', 'ko')
    expect(a.answered).toBe(false)
    expect(a.intent).toBe('team')
  })
})

describe('createLiveCore', () => {
  it('swaps to a new corpus in one step', () => {
    const live = createLiveCore(corpus)
    expect(live.ask('NC AI 알려줘').answered).toBe(false)
    const other = createSearchFixtureCorpus()
    live.swap(other)
    expect(live.corpus()).toBe(other)
    expect(live.ask('NC AI 알려줘').answered).toBe(true)
  })

  it('keeps the old core when building the new one throws', () => {
    const live = createLiveCore(corpus)
    const broken = { ...corpus, teams: null } as unknown as Corpus
    expect(() => live.swap(broken)).toThrow()
    expect(live.corpus()).toBe(corpus)
    expect(live.ask('1차 평가 결과').answered).toBe(true)
  })
})
