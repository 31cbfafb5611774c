import { describe, expect, it } from 'vitest'
import {
  type ChangeEvent,
  currentStateChange,
  diffResults,
  renderChange,
  renderChangeList,
  resultsStateOf,
} from '../../../src/core/index.js'
import { corpusOf, event, PHASE1, PHASE2_SCHEDULED, SELECTION } from './fixtures.js'

const state = (...events: ReturnType<typeof event>[]) => resultsStateOf(corpusOf(events))
const only = (changes: ChangeEvent[]): ChangeEvent => {
  expect(changes).toHaveLength(1)
  return changes[0]!
}

const phase1 = only(diffResults(state(SELECTION), state(SELECTION, PHASE1)))

describe('renderChange', () => {
  it('announces evaluation results in Korean with date, publisher, groups and source link', () => {
    const message = renderChange(phase1, 'ko')
    expect(message.text).toBe(
      '📢 1차 평가 결과 발표 (2026-01-15, 과학기술정보통신부) — 진출: LG AI연구원, SK텔레콤, 업스테이지 · 탈락: 네이버클라우드, NC AI\n' +
        '출처: 독자 AI 파운데이션 모델 1차 평가 결과 — 과학기술정보통신부 (2026-01-15) https://www.msit.go.kr/eng/bbs/view.do?nttSeqNo=1212',
    )
    expect(message.lang).toBe('ko')
    expect(message.blocks.fields).toStrictEqual([
      { label: '진출', items: ['LG AI연구원', 'SK텔레콤', '업스테이지'] },
      { label: '탈락', items: ['네이버클라우드', 'NC AI'] },
    ])
    expect(message.blocks.sources).toStrictEqual([
      {
        id: 'msit-phase1',
        title: '독자 AI 파운데이션 모델 1차 평가 결과',
        publisher: '과학기술정보통신부',
        url: 'https://www.msit.go.kr/eng/bbs/view.do?nttSeqNo=1212',
        date: '2026-01-15',
      },
    ])
    expect(message.blocks.asOf).toBe('2026-01-15')
  })

  it('announces the same results in English with English team names', () => {
    const message = renderChange(phase1, 'en')
    expect(message.text.split('\n')[0]).toBe(
      '📢 1차 평가 결과 발표 (2026-01-15, 과학기술정보통신부) — Advanced: LG AI Research, SK Telecom, Upstage · Eliminated: Naver Cloud, NC AI',
    )
    expect(message.text.split('\n')[1]).toMatch(/^Source: /)
  })

  it('adds "results announced" when the event title does not say so', () => {
    const change = only(
      diffResults(
        state(SELECTION, PHASE1),
        state(
          SELECTION,
          PHASE1,
          event('motif-added', {
            date: '2026-02-20',
            kind: 'addition',
            title: 'Re-tender',
            outcomes: { motif: 'added' },
          }),
        ),
      ),
    )
    expect(renderChange(change, 'en').blocks.title).toBe(
      '📢 Re-tender results announced (2026-02-20, 과학기술정보통신부)',
    )
    expect(renderChange(change, 'ko').text).toContain('추가 선정: 모티프테크놀로지스')
  })

  it('shows a correction as from → to per team', () => {
    const change = only(
      diffResults(
        state(SELECTION, PHASE1),
        state(SELECTION, {
          ...PHASE1,
          outcomes: PHASE1.outcomes.map((o) =>
            o.team === 'upstage' ? { ...o, result: 'eliminated' as const } : o,
          ),
        }),
      ),
    )
    expect(renderChange(change, 'ko').text.split('\n')[0]).toBe(
      '✏️ 정정: 1차 평가 결과 발표 (2026-01-15, 과학기술정보통신부) — 업스테이지: 진출 → 탈락',
    )
    expect(renderChange(change, 'en').text.split('\n')[0]).toBe(
      '✏️ Correction: 1차 평가 결과 발표 (2026-01-15, 과학기술정보통신부) — Upstage: Advanced → Eliminated',
    )
  })

  it('shows a moved date as old → new and names a source without URL without inventing a link', () => {
    const change = only(
      diffResults(state(PHASE2_SCHEDULED), state({ ...PHASE2_SCHEDULED, date: '2026-09-01' })),
    )
    const message = renderChange(change, 'ko')
    expect(message.text).toBe(
      '🗓️ 일정 변경: 2차 평가 — 2026-08 → 2026-09-01\n출처: Final two K-AI teams — Korea Herald',
    )
    expect(message.blocks.sources).toStrictEqual([])
  })

  it('summarises the current standings with the next scheduled event', () => {
    const message = renderChange(currentStateChange(state(SELECTION, PHASE1, PHASE2_SCHEDULED)), 'ko')
    expect(message.text).toBe(
      '📋 현재 현황 (2026-01-15) — 진출: LG AI연구원, SK텔레콤, 업스테이지 · 탈락: 네이버클라우드, NC AI · 다음 일정: 2차 평가 (2026-08)',
    )
  })
})

describe('renderChangeList', () => {
  it('lists recorded changes newest first, one line each, with when they were recorded', () => {
    const motif = only(
      diffResults(
        state(SELECTION, PHASE1),
        state(
          SELECTION,
          PHASE1,
          event('motif-added', { date: '2026-02-20', kind: 'addition', outcomes: { motif: 'added' } }),
        ),
      ),
    )
    const message = renderChangeList(
      [
        { seq: 2, event: motif, recordedAt: '2026-02-20T09:00:00.000Z' },
        { seq: 1, event: phase1, recordedAt: '2026-01-15T08:00:00.000Z' },
      ],
      undefined,
      'ko',
    )
    expect(message.blocks.title).toBe('최근 변경 사항')
    expect(message.blocks.paragraphs).toStrictEqual([
      '2026-02-20 · 📢 motif-added 결과 발표 (2026-02-20, 과학기술정보통신부) — 추가 선정: 모티프테크놀로지스',
      '2026-01-15 · 📢 1차 평가 결과 발표 (2026-01-15, 과학기술정보통신부) — 진출: LG AI연구원, SK텔레콤, 업스테이지 · 탈락: 네이버클라우드, NC AI',
    ])
    expect(message.blocks.asOf).toBe('2026-02-20')
  })

  it('says nothing was recorded yet when the list is empty', () => {
    const message = renderChangeList([], '2026-03-01', 'en')
    expect(message.text).toBe(
      'Changes since 2026-03-01\nNo changes recorded yet. Subscribed channels are told when results change.',
    )
  })
})
