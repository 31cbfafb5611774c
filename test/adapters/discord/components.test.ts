import { ButtonStyle, ComponentType } from 'discord.js'
import { describe, expect, it } from 'vitest'
import {
  answerComponents,
  ButtonStore,
  COMPONENT_LIMITS,
  CUSTOM_ID,
  parseCustomId,
  sourceListMessage,
} from '../../../adapters/discord/components.js'
import { withAuthor } from '../../../adapters/discord/interactions.js'
import { EMBED_LIMITS, embedLength, renderEmbed } from '../../../adapters/discord/render.js'
import type { Answer, AnswerSource } from '../../../src/core/index.js'

function sources(n: number): AnswerSource[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    title: `Title ${i}`,
    publisher: `Publisher${i}`,
    url: `https://example.org/${i}`,
    date: '2026-01-15',
  }))
}

function answer(didYouMean: string[], sourceCount = 1, lang: Answer['lang'] = 'ko'): Answer {
  const list = sources(sourceCount)
  return {
    lang,
    text: '모르겠습니다.',
    question: '매출은?',
    intent: 'unknown',
    answered: false,
    sources: list,
    context: {},
    suggestions: [],
    confidence: 0.3,
    outcome: 'abstain',
    didYouMean,
    blocks: {
      title: '모름',
      paragraphs: ['모르겠습니다.'],
      fields: [],
      sources: list,
      asOf: null,
      conflict: false,
    },
  }
}

describe('Discord did-you-mean and sources components', () => {
  it('builds one row of at most three buttons within Discord limits, the label being the question', () => {
    const long = `업스테이지 ${'모델 '.repeat(40)}은?`
    const store = new ButtonStore()
    const rows = answerComponents(answer(['1차 결과는?', long, '2차는 언제?', '넷째?']), store)
    expect(rows).toHaveLength(1)
    const [row] = rows
    expect(row!.type).toBe(ComponentType.ActionRow)
    expect(row!.components.length).toBeLessThanOrEqual(COMPONENT_LIMITS.buttonsPerRow)
    const buttons = row!.components as { type: number; style: number; custom_id: string; label: string }[]
    expect(buttons.map((b) => b.label)).toEqual([
      '1차 결과는?',
      expect.stringMatching(/^업스테이지 모델/),
      '2차는 언제?',
    ])
    for (const b of buttons) {
      expect(b.type).toBe(ComponentType.Button)
      expect(b.style).toBe(ButtonStyle.Secondary)
      expect(b.label.length).toBeLessThanOrEqual(80)
      expect(b.custom_id.length).toBeLessThanOrEqual(100)
    }
    expect(buttons[0]!.custom_id).toBe('kai:dym:0')
    expect(buttons[1]!.label.endsWith('…')).toBe(true)
    const parsed = parseCustomId(buttons[1]!.custom_id)
    expect(parsed).toMatchObject({ kind: 'dym', index: 1 })
    expect(store.get((parsed as { key: string }).key)).toEqual({ kind: 'question', question: long })
  })

  it('adds "+N more sources" only beyond three sources and keeps the list in the store', () => {
    const store = new ButtonStore()
    expect(answerComponents(answer([], 3), store)).toEqual([])
    const rows = answerComponents(answer([], 7, 'en'), store)
    const button = rows[0]!.components[0] as { custom_id: string; label: string }
    expect(button.label).toBe('Show 4 more sources')
    const parsed = parseCustomId(button.custom_id)
    expect(parsed?.kind).toBe('src')
    expect(store.get((parsed as { key: string }).key)).toMatchObject({ kind: 'sources', lang: 'en' })
  })

  it('shows at most three sources in the embed when asked, counting the rest', () => {
    const embed = renderEmbed(answer([], 7), { inlineSources: 3 })
    const value = embed.fields?.find((f) => f.name === '출처')?.value ?? ''
    expect(value.split('\n')).toHaveLength(4)
    expect(value).toContain('외 4건')
    expect(value).not.toContain('Title 3')
    expect(renderEmbed(answer([], 7)).fields?.at(-1)?.value).toContain('Title 6')
  })

  it('lists every source in the description of the source-list message', () => {
    const embed = renderEmbed(sourceListMessage(sources(40), 'ko'))
    expect(embed.title).toBe('출처 40건 전체')
    expect(embed.description).toContain('Publisher39')
  })

  it('adds the asked question as the author line without passing 6000 characters', () => {
    const full = renderEmbed({
      ...answer([]),
      blocks: {
        ...answer([]).blocks,
        paragraphs: ['가'.repeat(4096)],
        fields: [{ label: 'x', items: ['나'.repeat(1000), '다'.repeat(1000)] }],
      },
    })
    const embed = withAuthor(full, `질문: ${'라'.repeat(250)}`)
    expect(embed.author?.name.length).toBeLessThanOrEqual(256)
    expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.total)
  })

  it('parses only its own custom ids', () => {
    expect(parseCustomId(CUSTOM_ID.didYouMean(2))).toEqual({ kind: 'dym', index: 2, key: undefined })
    expect(parseCustomId('kai:src:abcdef12')).toEqual({ kind: 'src', key: 'abcdef12' })
    for (const bad of [
      'kai:dym',
      'kai:dym:-1',
      'kai:dym:99',
      'kai:src:',
      'kai:src:ABC!',
      'other:dym:0',
      `kai:src:${'a'.repeat(99)}`,
    ])
      expect(parseCustomId(bad)).toBeUndefined()
  })

  it('forgets the oldest entries beyond its capacity', () => {
    const store = new ButtonStore(2)
    const a = store.put({ kind: 'question', question: 'a' })
    store.put({ kind: 'question', question: 'b' })
    store.put({ kind: 'question', question: 'c' })
    expect(store.size).toBe(2)
    expect(store.get(a)).toBeUndefined()
  })
})
