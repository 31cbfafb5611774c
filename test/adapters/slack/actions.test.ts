import { describe, expect, it } from 'vitest'
import {
  ACTION_IDS,
  answerActionBlocks,
  BlockActionBody,
  renderChatAnswer,
  renderSourceList,
} from '../../../adapters/slack/actions.js'
import { LIMITS } from '../../../adapters/slack/render.js'
import type { Answer, AnswerSource } from '../../../src/core/index.js'

function sources(n: number): AnswerSource[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    title: `제목 ${i}`,
    publisher: `발행처${i}`,
    url: `https://example.org/${i}`,
    date: '2026-01-15',
  }))
}

function answer(overrides: Partial<Answer> = {}, blocks: Partial<Answer['blocks']> = {}): Answer {
  const list = blocks.sources ?? sources(1)
  return {
    lang: 'ko',
    text: '모르겠습니다.',
    question: '매출은?',
    intent: 'unknown',
    answered: false,
    sources: list,
    context: {},
    suggestions: [],
    confidence: 0.2,
    outcome: 'abstain',
    didYouMean: [],
    blocks: {
      title: '답할 수 없는 질문',
      paragraphs: ['코퍼스에 매출 정보가 없습니다.', '자세한 설명'],
      fields: [],
      sources: list,
      asOf: null,
      conflict: false,
      ...blocks,
    },
    ...overrides,
  }
}

type Element = { type: string; action_id: string; value: string; text: { type: string; text: string } }
type Block = { type: string; block_id?: string; elements?: Element[]; text?: { text: string } }

const recipe = { k: 'ask', q: '매출은?', l: 'ko' } as const

describe('Slack did-you-mean and sources buttons', () => {
  it('puts each did-you-mean question whole in a button value, its text within 75 characters, at most three', () => {
    const long = `${'업스테이지 '.repeat(30)}모델은?`
    const blocks = answerActionBlocks(
      answer({ didYouMean: ['1차 결과는?', long, '2차 평가는 언제야?', '네 번째 질문?'] }),
    ) as Block[]
    expect(blocks[0]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '혹시 이런 질문이었나요?' }],
    })
    const actions = blocks[1]!
    expect(actions).toMatchObject({ type: 'actions', block_id: 'kai_dym' })
    const elements = actions.elements!
    expect(elements.map((e) => e.action_id)).toEqual(['kai_dym_0', 'kai_dym_1', 'kai_dym_2'])
    expect(elements.map((e) => e.value)).toEqual(['1차 결과는?', long, '2차 평가는 언제야?'])
    expect(elements.length).toBeLessThanOrEqual(LIMITS.actionsElements)
    for (const e of elements) {
      expect(e.type).toBe('button')
      expect(e.text.type).toBe('plain_text')
      expect(Array.from(e.text.text).length).toBeLessThanOrEqual(75)
      expect(Array.from(e.value).length).toBeLessThanOrEqual(2000)
      expect(ACTION_IDS.didYouMeanPattern.test(e.action_id)).toBe(true)
    }
    expect(elements[1]!.text.text.endsWith('…')).toBe(true)
  })

  it('leaves out a question too long for a button value, and renders no block without questions', () => {
    const blocks = answerActionBlocks(answer({ didYouMean: ['가'.repeat(2001)] }))
    expect(blocks).toEqual([])
  })

  it('keeps mention syntax in a question out of the button text', () => {
    const [, actions] = answerActionBlocks(answer({ didYouMean: ['<!channel> 결과는?'] })) as Block[]
    expect(actions?.elements?.[0]?.text.text).toBe('‹!channel› 결과는?')
    expect(actions?.elements?.[0]?.value).toBe('<!channel> 결과는?')
  })

  it('shows three sources inline with "외 N건" and a "+N more" button carrying the recipe', () => {
    const message = renderChatAnswer(answer({}, { sources: sources(8) }), { recipe })
    const blocks = message.blocks as Block[]
    const context = JSON.stringify(blocks.find((b) => b.type === 'context'))
    for (const i of [0, 1, 2]) expect(context).toContain(`발행처${i}`)
    expect(context).not.toContain('발행처3')
    expect(context).toContain('외 5건')
    const tools = blocks.find((b) => b.block_id === 'kai_tools')
    expect(tools?.elements).toEqual([
      {
        type: 'button',
        action_id: 'kai_sources',
        text: { type: 'plain_text', text: '출처 5건 더 보기' },
        value: JSON.stringify(recipe),
      },
    ])
  })

  it('leads with the answer: the first paragraph comes right after the header', () => {
    const blocks = renderChatAnswer(answer(), { recipe }).blocks as Block[]
    expect(blocks[0]?.type).toBe('header')
    expect(blocks[1]?.text?.text).toBe('코퍼스에 매출 정보가 없습니다.')
  })

  it('shows every source and no button when the recipe does not fit a button value', () => {
    // JSON escapes each quote, so this recipe is 3,600+ characters: no button can carry it.
    const tooLong = { k: 'ask', q: '"'.repeat(1800), l: 'ko' } as const
    for (const options of [{ recipe: tooLong }, {}]) {
      const json = JSON.stringify(renderChatAnswer(answer({}, { sources: sources(5) }), options).blocks)
      expect(json).not.toContain('kai_sources')
      expect(json).toContain('발행처4')
      expect(json).not.toContain('외 ')
    }
  })

  it('adds "Share in channel" next to "+N more" for ephemeral replies, and stays within 50 blocks', () => {
    const huge = answer(
      { didYouMean: ['1차 결과는?'] },
      { paragraphs: Array.from({ length: 80 }, (_, i) => `문단 ${i}`), sources: sources(9) },
    )
    const message = renderChatAnswer(huge, { recipe, share: true })
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks)
    const blocks = message.blocks as Block[]
    expect(blocks.at(-1)?.elements?.map((e) => e.action_id)).toEqual(['kai_sources', 'kai_share'])
    expect(blocks.some((b) => b.block_id === 'kai_dym')).toBe(true)
    expect(blocks[0]?.type).toBe('header')
  })

  it('lists every source, escaped, in sections within Block Kit limits', () => {
    const evil = { ...sources(1)[0]!, title: '<!here> 제목', publisher: '<@U0EVIL>' }
    const list = renderSourceList([evil, ...sources(60)], 'en')
    const json = JSON.stringify(list.blocks)
    expect(json).toContain('All 61 sources')
    expect(json).not.toContain('<!here>')
    expect(json).not.toContain('<@U0EVIL')
    expect(json).toContain('발행처59')
    expect(list.blocks.length).toBeLessThanOrEqual(LIMITS.blocks)
    // biome-ignore lint/suspicious/noExplicitAny: walking Block Kit JSON
    for (const b of list.blocks as any[]) expect(Array.from(b.text.text).length).toBeLessThanOrEqual(3000)
  })

  it('accepts a real block_actions payload shape and rejects one without a user or actions', () => {
    const ok = {
      type: 'block_actions',
      user: { id: 'U1' },
      container: { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: false },
      actions: [{ action_id: 'kai_dym_0', value: 'q' }],
    }
    expect(BlockActionBody.safeParse(ok).success).toBe(true)
    expect(BlockActionBody.safeParse({ ...ok, user: undefined }).success).toBe(false)
    expect(BlockActionBody.safeParse({ ...ok, actions: [] }).success).toBe(false)
    expect(BlockActionBody.safeParse({ ...ok, type: 'view_submission' }).success).toBe(false)
  })
})
