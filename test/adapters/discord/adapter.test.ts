import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMINISTRATOR, MANAGE_CHANNELS, MEMBER_PERMISSIONS } from '../../helpers/fake-discord.js'
import { startBotHarness } from './bot-harness.js'
import type { Harness } from './harness.js'

let h: Harness
const latencies: number[] = []

beforeAll(async () => {
  h = await startBotHarness()
})
afterAll(async () => {
  await h?.stop()
  if (latencies.length > 0) {
    const sorted = [...latencies].sort((a, b) => a - b)
    console.info(
      `discord interaction acknowledgement: n=${sorted.length} median=${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)}ms max=${sorted.at(-1)?.toFixed(1)}ms`,
    )
  }
})

async function run(invocation: Parameters<Harness['discord']['runCommand']>[0]) {
  const result = await h.discord.runCommand(invocation)
  const { acknowledgedAt, dispatchedAt } = result.record
  if (acknowledgedAt !== undefined) latencies.push(acknowledgedAt - dispatchedAt)
  const embed = result.reply.embeds[0] as {
    title?: string
    description?: string
    fields?: { name: string; value: string }[]
  }
  return { ...result, embed }
}

const channel = () => ({
  platform: 'discord' as const,
  workspaceId: h.discord.guildId,
  channelId: h.discord.channelId,
})

describe('gateway session', () => {
  it('identifies with the Guilds intent only and an uncompressed JSON gateway', () => {
    const identify = h.discord.gatewayReceived.find((p) => p.op === 2)?.d as {
      intents: number
      compress: boolean
    }
    expect(identify.intents).toBe(1)
    expect(identify.compress).toBe(false)
    // zlib-sync, when installed, switches discord.js to compress=zlib-stream, which the fake cannot speak.
    expect(h.discord.gatewayConnections[0]?.get('compress')).toBeNull()
    expect(h.discord.gatewayConnections[0]?.get('encoding')).toBe('json')
  })
})

describe('/kai ask', () => {
  it('answers publicly with an embed and no mentions allowed when private is not set', async () => {
    const { reply, record, embed } = await run({
      subcommand: 'ask',
      options: { question: '1차 평가 결과는?' },
    })
    expect(record.callbacks.map((c) => c.type)).toEqual([4])
    expect(reply.ephemeral).toBe(false)
    expect(reply.allowed_mentions).toEqual({ parse: [] })
    expect(embed.fields?.map((f) => f.name)).toEqual(expect.arrayContaining(['진출', '탈락', '출처']))
    expect(embed.fields?.find((f) => f.name === '출처')?.value).toMatch(
      /\[.+\]\(https:\/\/.+\) \(\d{4}-\d{2}(-\d{2})?\)/,
    )
    expect((reply.embeds[0] as { footer?: { text: string } }).footer?.text).toMatch(/^\d{4}-\d{2}-\d{2} 기준/)
  })

  it('answers in the question’s language rather than the person’s locale', async () => {
    const en = await run({
      subcommand: 'ask',
      locale: 'ko',
      options: { question: 'Who advanced in the first round?' },
    })
    const ko = await run({
      subcommand: 'ask',
      locale: 'en-US',
      options: { question: '1차 평가에서 누가 진출했어?' },
    })
    expect(en.embed.fields?.map((f) => f.name)).toContain('Advanced')
    expect(ko.embed.fields?.map((f) => f.name)).toContain('진출')
  })

  it('answers only to the asker when private is true', async () => {
    const { reply } = await run({
      subcommand: 'ask',
      options: { question: '1차 평가 결과는?', private: true },
    })
    expect(reply.ephemeral).toBe(true)
    expect(reply.allowed_mentions).toEqual({ parse: [] })
  })

  it('pings nobody when the question contains @everyone and a user mention', async () => {
    const question = '@everyone <@1400000000000000001> @here 결과는?'
    const { reply } = await run({ subcommand: 'ask', options: { question } })
    expect(reply.allowed_mentions).toEqual({ parse: [] })
    expect(reply.content ?? '').not.toMatch(/@everyone|@here|<@/)
  })
})

describe('/kai results, team, changes, help', () => {
  it('answers results publicly for the latest and for one phase', async () => {
    const latest = await run({ subcommand: 'results' })
    const phase1 = await run({ subcommand: 'results', options: { phase: 1 } })
    expect(latest.reply.ephemeral).toBe(false)
    expect(phase1.reply.ephemeral).toBe(false)
    expect(phase1.embed.title).toBeTruthy()
  })

  it('shows a known team publicly and tells only the asker when the team is unknown', async () => {
    const known = await run({ subcommand: 'team', options: { name: 'lg-ai-research' } })
    const unknown = await run({ subcommand: 'team', options: { name: 'no such team zzz' } })
    expect(known.reply.ephemeral).toBe(false)
    expect(unknown.reply.ephemeral).toBe(true)
  })

  it('lists changes publicly and refuses a since that is not a date', async () => {
    const ok = await run({ subcommand: 'changes', options: { since: '2026-01-01' } })
    const bad = await run({ subcommand: 'changes', options: { since: '2026-13-45' } })
    expect(ok.reply.ephemeral).toBe(false)
    expect(ok.embed.title).toBeTruthy()
    expect(bad.reply.ephemeral).toBe(true)
    expect(bad.embed.description).toContain('YYYY-MM-DD')
  })

  it('shows help only to the asker', async () => {
    const { reply, embed } = await run({ subcommand: 'help' })
    expect(reply.ephemeral).toBe(true)
    expect(embed.title).toBeTruthy()
  })

  it('replies in English when the locale is English and the question has no letters', async () => {
    const { embed } = await run({ subcommand: 'changes', locale: 'en-US', options: { since: '2099-01-01' } })
    const ko = await run({ subcommand: 'changes', locale: 'ko', options: { since: '2099-01-01' } })
    expect(embed.title).not.toBe(ko.embed.title)
    expect(/[가-힣]/.test(ko.embed.title ?? '')).toBe(true)
    expect(/[가-힣]/.test(embed.title ?? '')).toBe(false)
  })
})

describe('/kai subscribe, unsubscribe, subscriptions', () => {
  it('refuses subscribe and unsubscribe ephemerally without Manage Channels and changes nothing', async () => {
    const sub = await run({ subcommand: 'subscribe', permissions: MEMBER_PERMISSIONS })
    const unsub = await run({ subcommand: 'unsubscribe', permissions: MEMBER_PERMISSIONS })
    expect(sub.reply.ephemeral).toBe(true)
    expect(unsub.reply.ephemeral).toBe(true)
    expect(sub.embed.description).toContain('Manage Channels')
    expect(await h.notifications.list(channel())).toEqual([])
  })

  it('subscribes with Manage Channels, reports an unchanged repeat, lists it and unsubscribes', async () => {
    const perms = MEMBER_PERMISSIONS | MANAGE_CHANNELS
    const first = await run({ subcommand: 'subscribe', permissions: perms })
    expect(first.reply.ephemeral).toBe(true)
    expect(await h.notifications.list(channel())).toMatchObject([
      { teamId: null, lang: 'ko', origin: 'command' },
    ])
    const again = await run({ subcommand: 'subscribe', permissions: perms })
    expect(again.embed.description).not.toBe(first.embed.description)

    const list = await run({ subcommand: 'subscriptions' })
    expect(list.reply.ephemeral).toBe(true)
    expect(list.embed.fields?.[0]?.value).toContain('모든 K-AI 소식')

    const removed = await run({ subcommand: 'unsubscribe', permissions: perms })
    const missing = await run({ subcommand: 'unsubscribe', permissions: perms })
    expect(removed.reply.ephemeral).toBe(true)
    expect(missing.embed.title).not.toBe(removed.embed.title)
    expect(await h.notifications.list(channel())).toEqual([])
  })

  it('lets an Administrator subscribe to one team by name', async () => {
    await run({ subcommand: 'subscribe', permissions: ADMINISTRATOR, options: { team: 'lg-ai-research' } })
    expect(await h.notifications.list(channel())).toMatchObject([{ teamId: 'lg-ai-research' }])
    await run({ subcommand: 'unsubscribe', permissions: ADMINISTRATOR, options: { team: 'lg-ai-research' } })
    expect(await h.notifications.list(channel())).toEqual([])
  })

  it('refuses an unknown team without subscribing', async () => {
    const { reply, embed } = await run({
      subcommand: 'subscribe',
      permissions: ADMINISTRATOR,
      options: { team: 'zzz' },
    })
    expect(reply.ephemeral).toBe(true)
    expect(embed.description).toContain('zzz')
    expect(await h.notifications.list(channel())).toEqual([])
  })

  it('refuses to subscribe a channel where the bot cannot post', async () => {
    const { embed } = await run({
      subcommand: 'subscribe',
      locale: 'en-GB',
      permissions: ADMINISTRATOR,
      appPermissions: 1n << 10n,
    })
    expect(embed.description).toContain('Send Messages')
    expect(await h.notifications.list(channel())).toEqual([])
  })
})

describe('in a DM with the bot', () => {
  it('answers ask', async () => {
    const { reply, embed } = await run({
      subcommand: 'ask',
      guildId: null,
      options: { question: '1차 결과는?' },
    })
    expect(reply.ephemeral).toBe(false)
    expect(embed.title).toBeTruthy()
  })

  it('explains that subscriptions need a server channel', async () => {
    for (const subcommand of ['subscribe', 'unsubscribe', 'subscriptions']) {
      const { reply, embed } = await run({ subcommand, guildId: null, locale: 'en-US' })
      expect(reply.ephemeral).toBe(true)
      expect(embed.description).toContain('direct message')
    }
  })
})

describe('autocomplete', () => {
  it('offers teams by name in both languages for team, subscribe and unsubscribe', async () => {
    for (const subcommand of ['team', 'subscribe', 'unsubscribe']) {
      const focused = subcommand === 'team' ? 'name' : 'team'
      const ko = await h.discord.autocomplete({ subcommand, focused, value: 'LG' })
      expect(ko.map((c) => c.value)).toContain('lg-ai-research')
      expect(ko.length).toBeLessThanOrEqual(25)
    }
  })

  it('offers at most 25 suggested questions, each within Discord’s 100 characters, for ask', async () => {
    const choices = await h.discord.autocomplete({ subcommand: 'ask', focused: 'question', value: '' })
    expect(choices.length).toBeGreaterThan(0)
    expect(choices.length).toBeLessThanOrEqual(25)
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100)
      expect(String(c.value).length).toBeLessThanOrEqual(100)
    }
  })
})

describe('gateway reconnects', () => {
  for (const how of ['op7', 'close', 'terminate'] as const) {
    it(`still answers commands after Discord forces a reconnect (${how})`, async () => {
      const resumes = h.discord.resumeCount
      await h.discord.forceReconnect(how)
      expect(h.discord.resumeCount).toBe(resumes + 1)
      const { reply } = await run({ subcommand: 'help' })
      expect(reply.embeds).toHaveLength(1)
    })
  }

  it('identifies again and still answers commands when Discord invalidates the session', async () => {
    const identifies = h.discord.identifyCount
    await h.discord.forceReconnect('invalidate')
    expect(h.discord.identifyCount).toBe(identifies + 1)
    const { reply } = await run({ subcommand: 'help' })
    expect(reply.embeds).toHaveLength(1)
  })
})
