import { describe, expect, it } from 'vitest'
import { answerToJson, renderForTerminal } from '../../../adapters/cli/render.js'
import type { Answer } from '../../../src/core/index.js'

const answer: Answer = {
  question: '1차 결과?',
  lang: 'ko',
  intent: 'results',
  answered: true,
  text: 'plain',
  blocks: {
    title: '1차 평가 결과',
    paragraphs: ['첫 문장.'],
    fields: [{ label: '진출', items: ['A', 'B'] }],
    sources: [
      { id: 's1', title: '기사', publisher: '언론사', url: 'https://example.org/a', date: '2026-01-15' },
    ],
    asOf: '2026-01-15',
    conflict: true,
  },
  sources: [
    { id: 's1', title: '기사', publisher: '언론사', url: 'https://example.org/a', date: '2026-01-15' },
  ],
  context: {},
  suggestions: [],
  confidence: 1,
  outcome: 'answer',
  didYouMean: [],
}

describe('renderForTerminal', () => {
  it('renders title, conflict flag, paragraphs, fields, numbered sources with dates and the as-of line', () => {
    expect(renderForTerminal(answer)).toBe(
      [
        '▌ 1차 평가 결과',
        '⚠ 출처마다 내용이 다릅니다',
        '첫 문장.',
        '  진출: A, B',
        '출처:',
        '  [1] 기사 (언론사, 2026-01-15) https://example.org/a',
        '기준일: 2026-01-15',
      ].join('\n'),
    )
  })

  it('shows a source without a link when its URL is unknown, and keeps url null in JSON', () => {
    const noUrl = { id: 's0', title: '창간 기사', publisher: 'unknown', url: null, date: null }
    const a = { ...answer, sources: [noUrl], blocks: { ...answer.blocks, sources: [noUrl] } }
    expect(renderForTerminal(a)).toContain('  [1] 창간 기사 (unknown, ?)\n')
    expect(answerToJson(a).sources).toEqual([{ ...noUrl }])
  })

  it('marks an unanswered question and adds colours only when asked', () => {
    const text = renderForTerminal({ ...answer, answered: false }, { color: true })
    expect(text).toContain('답하지 못함')
    expect(text).toContain('\u001b[1m')
    expect(renderForTerminal(answer)).not.toContain('\u001b[')
  })
})

describe('answerToJson', () => {
  it('keeps the fields JSON consumers rely on', () => {
    expect(answerToJson(answer)).toMatchObject({
      question: '1차 결과?',
      lang: 'ko',
      intent: 'results',
      answered: true,
      text: 'plain',
      sources: [{ id: 's1', title: '기사', url: 'https://example.org/a', date: '2026-01-15' }],
      asOf: '2026-01-15',
    })
  })
})
