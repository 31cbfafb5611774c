import { beforeAll, describe, expect, it } from 'vitest'
import { createKaiCore } from '../../../src/core/answer/create-core.js'
import type { KaiCore } from '../../../src/core/answer/types.js'
import { loadCorpusOrThrow } from '../../../src/core/corpus/load-corpus.js'

let core: KaiCore

beforeAll(async () => {
  core = createKaiCore(await loadCorpusOrThrow('corpus'))
})

describe('an answer addresses what was asked (real corpus)', () => {
  it('adds the fact a team profile leaves out when the question asks for it', () => {
    // The profile says nothing of 분사 (spin-off); the team fact that does is added with its source.
    const a = core.ask('엔씨AI는 어디서 분사한 회사야?')
    expect(a.text).toContain('엔씨소프트에서 분사')
    expect(a.sources.map((s) => s.id)).toContain('dailygame-20250804-selection')
  })

  it("never adds another team's passage to a team's answer", () => {
    const a = core.ask('Kakao was one of the five elite teams, right?')
    expect(a.text).not.toContain('Epoch')
  })

  it('adds nothing when the answer already says every content word', () => {
    const plain = core.results(1, 'ko')
    expect(core.ask('1차 평가 결과 알려줘').blocks.paragraphs).toEqual(plain.blocks.paragraphs)
  })
})

describe('false premises', () => {
  it('corrects a claim about a decision another team won and says who won it', () => {
    const a = core.ask('트릴리온랩스가 추가 정예팀으로 뽑혔지?')
    expect(a.intent).toBe('false-premise')
    expect(a.text).toContain('트릴리온랩스는 2026년 2월 20일 추가 공모에서 정예팀으로 선정되지 못했습니다.')
    expect(a.blocks.fields).toContainEqual({ label: '추가 선정', items: ['모티프테크놀로지스'] })
    expect(a.sources.map((s) => s.id)).toContain('donga-20260220-motif')
  })
})

describe('counts and unknown dates', () => {
  it('states how many when asked how many, not only the names', () => {
    expect(core.ask('처음에 몇 개 컨소시엄이 지원했었지').text).toContain('지원: 모두 15곳입니다.')
    expect(core.ask('How many consortia applied?').text).toContain('Applied: 15 in all.')
  })

  it('shows every reported date of the final selection instead of picking one', () => {
    const a = core.ask('최종 두 팀 어디로 정해졌어?')
    expect(a.answered).toBe(false)
    expect(a.blocks.conflict).toBe(true)
    for (const d of ['2026년 12월', '2027년 2월', '2027년 상반기']) expect(a.text).toContain(d)
    expect(a.text).not.toContain('2026년 12월에 예정되어')
  })
})
