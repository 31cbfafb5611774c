import { describe, expect, it } from 'vitest'
import { LIMITS, renderAnswer, renderNotice, withShareButton } from '../../../adapters/slack/render.js'
import type { Answer, Message } from '../../../src/core/index.js'

function answer(overrides: Partial<Answer> = {}, blocks: Partial<Answer['blocks']> = {}): Answer {
  const sources = [
    {
      id: 's1',
      title: '1차 평가 결과 발표',
      publisher: '과학기술정보통신부',
      url: 'https://www.msit.go.kr/a?b=1&c=2',
      date: '2026-01-15',
    },
  ]
  return {
    lang: 'ko',
    text: '1차 평가에서 LG AI연구원, SK텔레콤, 업스테이지가 진출했습니다.',
    question: '1차 결과는?',
    intent: 'results',
    answered: true,
    sources,
    context: { intent: 'results', phase: 1 },
    suggestions: ['2차 평가는 언제?'],
    confidence: 1,
    outcome: 'answer',
    didYouMean: [],
    blocks: {
      title: '1차 평가 결과',
      paragraphs: ['1차 평가에서 세 팀이 진출했습니다.'],
      fields: [
        { label: '진출', items: ['LG AI연구원', 'SK텔레콤', '업스테이지'] },
        { label: '탈락', items: ['네이버클라우드', 'NC AI'] },
      ],
      sources,
      asOf: '2026-01-15',
      conflict: false,
      ...blocks,
    },
    ...overrides,
  }
}

function allText(value: unknown): string {
  return JSON.stringify(value)
}

describe('renderAnswer', () => {
  it('renders header, paragraph, list fields and a sources context with as-of when given a results answer', () => {
    const { text, blocks } = renderAnswer(answer())
    expect(text).toContain('LG AI연구원')
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '1차 평가 결과' } })
    expect(blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '1차 평가에서 세 팀이 진출했습니다.' },
    })
    expect(blocks[2]).toEqual({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '*진출*\n• LG AI연구원\n• SK텔레콤\n• 업스테이지' },
        { type: 'mrkdwn', text: '*탈락*\n• 네이버클라우드\n• NC AI' },
      ],
    })
    const context = blocks[3] as { type: string; elements: { text: string }[] }
    expect(context.type).toBe('context')
    expect(context.elements.map((e) => e.text)).toEqual([
      '출처: <https://www.msit.go.kr/a?b=1&amp;c=2|1차 평가 결과 발표> · 과학기술정보통신부 · 2026-01-15',
      '2026-01-15 기준',
    ])
  })

  it('labels sources and as-of in English when the answer is English', () => {
    const { blocks } = renderAnswer(answer({ lang: 'en' }))
    const json = allText(blocks)
    expect(json).toContain('Sources: ')
    expect(json).toContain('As of 2026-01-15')
    expect(json).toContain('You could ask')
  })

  it('shows a source without a link when its URL is unknown', () => {
    const src = {
      id: 's0',
      title: 'Founding article',
      publisher: 'unknown',
      url: null,
      date: null,
    }
    const { blocks } = renderAnswer(answer({}, { sources: [src] }))
    expect(allText(blocks)).toContain('출처: Founding article · unknown')
  })

  it('escapes every corpus and user text so no mention or broadcast can form', () => {
    const evil = '<!channel> <!here> <@U0EVIL> <!subteam^S1|@all> & more'
    const { text, blocks } = renderAnswer(
      answer(
        { text: `echo ${evil}`, suggestions: [evil] },
        {
          title: evil,
          paragraphs: [evil],
          fields: [{ label: evil, items: [evil] }],
          sources: [{ id: 'x', title: evil, publisher: evil, url: 'https://ok.example/', date: '2026' }],
        },
      ),
    )
    for (const sequence of ['<!channel>', '<!here>', '<@U0EVIL>', '<!subteam']) {
      expect(text).not.toContain(sequence)
      expect(allText(blocks)).not.toContain(sequence)
    }
    expect(text).toContain('&lt;!channel&gt;')
  })

  it('marks conflicting sources when the answer says they disagree', () => {
    const { blocks } = renderAnswer(answer({}, { conflict: true }))
    expect(allText(blocks)).toContain(':warning: 출처마다 내용이 다릅니다')
  })

  it('shortens to Block Kit limits when the answer is huge', () => {
    const big = answer(
      { text: 'x'.repeat(50_000) },
      {
        title: '제목'.repeat(200),
        paragraphs: Array.from({ length: 80 }, (_, i) => `문단 ${i} ${'가'.repeat(3500)}`),
        fields: [
          { label: '진출', items: Array.from({ length: 400 }, (_, i) => `팀 ${i} ${'나'.repeat(20)}`) },
          ...Array.from({ length: 14 }, (_, i) => ({ label: `L${i}`, items: ['a'] })),
        ],
        sources: Array.from({ length: 30 }, (_, i) => ({
          id: `s${i}`,
          title: `T${i}`,
          publisher: 'P',
          url: 'https://a.b/',
          date: '2026',
        })),
      },
    )
    const { text, blocks } = renderAnswer(big)
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks)
    expect(Array.from(text).length).toBeLessThanOrEqual(LIMITS.fallbackText)
    // biome-ignore lint/suspicious/noExplicitAny: walking arbitrary Block Kit JSON
    for (const block of blocks as Record<string, any>[]) {
      if (block.type === 'header') expect(Array.from(block.text.text).length).toBeLessThanOrEqual(150)
      if (block.type === 'section' && block.text)
        expect(Array.from(block.text.text).length).toBeLessThanOrEqual(3000)
      if (block.type === 'section' && block.fields) {
        expect(block.fields.length).toBeLessThanOrEqual(10)
        for (const f of block.fields) expect(Array.from(f.text).length).toBeLessThanOrEqual(2000)
      }
      if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(10)
    }
    expect(blocks.at(-2)?.type).toBe('context')
    expect(allText(blocks)).toContain('외 24건')
  })

  it('renders a plain Message (a notification) without suggestions', () => {
    const message: Message = { lang: 'en', text: 'Phase 1 results are out', blocks: answer().blocks }
    const { text, blocks } = renderAnswer(message)
    expect(text).toBe('Phase 1 results are out')
    expect(allText(blocks)).not.toContain('You could ask')
  })
})

describe('renderNotice and withShareButton', () => {
  it('escapes notices and keeps a text fallback', () => {
    expect(renderNotice("No team called '<!here>'")).toEqual({
      text: "No team called '&lt;!here&gt;'",
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: "No team called '&lt;!here&gt;'" } }],
    })
  })

  it('adds a share button after the answer when asked', () => {
    const shared = withShareButton(renderAnswer(answer()), 'en', '{"k":"help","l":"en"}')
    expect(shared.blocks.at(-1)).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: 'kai_share',
          text: { type: 'plain_text', text: 'Share in channel' },
          value: '{"k":"help","l":"en"}',
        },
      ],
    })
  })
})
