import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKaiCore, type KaiCore, loadCorpusOrThrow } from '../../../src/core/index.js'
import { offerSuggestionsOnAbstain } from '../../helpers/did-you-mean.js'
import type { InteractionReply } from '../../helpers/fake-discord.js'
import { FIXTURE_CORPUS, type Harness, startAdapterHarness } from './harness.js'

type Button = { type: number; style: number; custom_id: string; label: string }
type Row = { type: number; components: Button[] }
type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[] }

let h: Harness
let core: KaiCore

beforeAll(async () => {
  core = createKaiCore(await loadCorpusOrThrow(FIXTURE_CORPUS))
  offerSuggestionsOnAbstain(core)
  h = await startAdapterHarness({ core })
})
afterAll(async () => {
  await h?.stop()
})

const rows = (reply: InteractionReply) => (reply.body.components ?? []) as Row[]
const buttonsOf = (reply: InteractionReply) => rows(reply).flatMap((r) => r.components)
const embedOf = (reply: InteractionReply) => reply.embeds[0] as Embed

async function ask(question: string, isPrivate = false) {
  const { reply } = await h.discord.runCommand({
    subcommand: 'ask',
    options: { question, ...(isPrivate && { private: true }) },
  })
  return reply
}

async function press(on: InteractionReply, customId: string) {
  const record = h.discord.pressButton(on, customId)
  const reply = await h.discord.waitForReply(record)
  return { reply, record }
}

describe('Discord answer buttons (real discord.js against the fake Discord)', () => {
  it('offers did-you-mean buttons under an abstention, and pressing one replies with that answer publicly', async () => {
    const reply = await ask('매출은?')
    const dym = buttonsOf(reply).filter((b) => b.custom_id.startsWith('kai:dym:'))
    expect(dym.length).toBeGreaterThan(0)
    expect(dym.length).toBeLessThanOrEqual(3)
    expect(dym.map((b) => b.custom_id)).toEqual(dym.map((_, i) => `kai:dym:${i}`))
    for (const row of rows(reply)) expect(row.components.length).toBeLessThanOrEqual(5)
    const question = dym[0]!.label
    const expected = core.ask(question, { fallbackLang: 'ko' })
    expect(expected.answered).toBe(true)

    const { reply: answer, record } = await press(reply, dym[0]!.custom_id)
    expect(record.callbacks.map((c) => c.type)).toEqual([4])
    expect(answer.ephemeral).toBe(false)
    expect(embedOf(answer).title).toBe(expected.blocks.title)
    expect(embedOf(answer).description).toContain(expected.blocks.paragraphs[0])
    expect((answer.embeds[0] as { author?: { name: string } }).author?.name).toBe(`질문: ${question}`)
    expect(answer.allowed_mentions).toEqual({ parse: [] })
  })

  it('answers a did-you-mean press under a private answer privately', async () => {
    const reply = await ask('매출은?', true)
    expect(reply.ephemeral).toBe(true)
    const dym = buttonsOf(reply).filter((b) => b.custom_id.startsWith('kai:dym:'))
    const { reply: answer } = await press(reply, dym.at(-1)!.custom_id)
    expect(answer.ephemeral).toBe(true)
    expect(embedOf(answer).title).toBe(core.ask(dym.at(-1)!.label, { fallbackLang: 'ko' }).blocks.title)
    expect(answer.allowed_mentions).toEqual({ parse: [] })
  })

  it('shows three sources and "외 N건", and "+N more" replies privately with every source', async () => {
    const all = core.ask('프로그램 일정은?').sources
    expect(all.length).toBeGreaterThan(3)
    const reply = await ask('프로그램 일정은?')
    const shown = embedOf(reply).fields?.find((f) => f.name === '출처')?.value ?? ''
    expect(shown.split('\n')).toHaveLength(4)
    expect(shown).toContain(`외 ${all.length - 3}건`)
    expect(shown).not.toContain(all[3]!.title)
    const more = buttonsOf(reply).find((b) => b.custom_id.startsWith('kai:src:'))
    expect(more?.label).toBe(`출처 ${all.length - 3}건 더 보기`)
    expect(more!.custom_id.length).toBeLessThanOrEqual(100)

    const { reply: list } = await press(reply, more!.custom_id)
    expect(list.ephemeral).toBe(true)
    expect(list.allowed_mentions).toEqual({ parse: [] })
    const value = JSON.stringify(embedOf(list))
    expect(embedOf(list).title).toBe(`출처 ${all.length}건 전체`)
    for (const s of all) expect(value).toContain(s.publisher)
  })

  it('keeps a question longer than a label in memory and still asks it whole', async () => {
    const long =
      `업스테이지 모델은 무엇이고 어떤 회사들이 참여했는지 자세히 알려줄 수 있어? ${'정말 궁금합니다. '.repeat(6)}`.trim()
    expect(long.length).toBeGreaterThan(80)
    const ask = core.ask.bind(core)
    const original = core.ask
    core.ask = (q, o) => {
      const a = ask(q, o)
      return q === '매출 말고 뭐 알아?' ? { ...a, didYouMean: [long] } : a
    }
    try {
      const reply = await (async () => {
        const { reply } = await h.discord.runCommand({
          subcommand: 'ask',
          options: { question: '매출 말고 뭐 알아?' },
        })
        return reply
      })()
      const [button] = buttonsOf(reply)
      expect(button!.label.length).toBeLessThanOrEqual(80)
      expect(button!.label.endsWith('…')).toBe(true)
      expect(button!.custom_id).toMatch(/^kai:dym:0:[a-z0-9]+$/)
      const { reply: answer } = await press(reply, button!.custom_id)
      expect(embedOf(answer).title).toBe(ask(long, { fallbackLang: 'ko' }).blocks.title)
    } finally {
      core.ask = original
    }
  })

  it('answers an expired, unknown or forged button privately and politely, and changes nothing', async () => {
    const reply = await ask('매출은?')
    const cases = [
      ['kai:dym:0:0123456789abcdef', '만료된 버튼입니다'],
      ['kai:src:0123456789abcdef', '만료된 버튼입니다'],
      ['kai:dym:7', '만료된 버튼입니다'],
      ['kai:bogus', '알 수 없는 버튼입니다'],
      ['kai:dym:x', '알 수 없는 버튼입니다'],
      [`kai:dym:0:${'a'.repeat(120)}`, '알 수 없는 버튼입니다'],
    ] as const
    for (const [customId, title] of cases) {
      const { reply: told, record } = await press(reply, customId)
      expect(told.ephemeral).toBe(true)
      expect(embedOf(told).title).toBe(title)
      expect(told.body.components ?? []).toEqual([])
      expect(told.allowed_mentions).toEqual({ parse: [] })
      expect(record.messages).toHaveLength(1)
    }
    expect(h.discord.channelMessages(h.discord.channelId)).toHaveLength(0)
  })
})
