import { ApplicationCommandOptionType } from 'discord.js'
import { afterEach, describe, expect, it } from 'vitest'
import { SUBCOMMANDS, type Subcommand } from '../../../adapters/discord/commands.js'
import { createDiscordAdapter } from '../../../adapters/discord/index.js'
import { EMBED_LIMITS, embedLength } from '../../../adapters/discord/render.js'
import { loadConfig } from '../../../src/config.js'
import type { Answer, KaiCore } from '../../../src/core/index.js'
import { ConfigError, createNotifications, systemClock } from '../../../src/core/index.js'
import { openSqliteStore } from '../../../src/store/sqlite-store.js'
import { startFakeDiscord } from '../../helpers/fake-discord.js'
import { type Harness, logSink, realCore, startAdapterHarness } from './harness.js'

let h: Harness | undefined
afterEach(async () => {
  await h?.stop()
  h = undefined
})

/** The real core with one method replaced, to inject a fault or an oversized answer at the adapter's edge. */
async function coreWith(overrides: Partial<KaiCore>): Promise<KaiCore> {
  return { ...(await realCore()), ...overrides }
}

function hugeAnswer(question: string): Answer {
  const blocks = {
    title: `${'긴 제목 '.repeat(100)}`,
    paragraphs: Array.from({ length: 20 }, (_, i) => `${i}: ${'아주 긴 문단입니다. '.repeat(60)}`),
    fields: Array.from({ length: 40 }, (_, i) => ({
      label: `목록 ${i}`,
      items: Array.from({ length: 60 }, (_, j) => `항목 ${i}-${j}`),
    })),
    sources: Array.from({ length: 50 }, (_, i) => ({
      id: `s${i}`,
      title: `Source ${i}`,
      publisher: 'MSIT',
      url: `https://example.org/${i}`,
      date: '2026-01-15',
    })),
    asOf: '2026-01-15',
    conflict: false,
  }
  return {
    lang: 'ko',
    text: blocks.paragraphs.join('\n'),
    blocks,
    question,
    intent: 'search',
    answered: true,
    sources: blocks.sources,
    context: {},
    suggestions: [],
    confidence: 1,
    outcome: 'answer',
    didYouMean: [],
  }
}

/** `/kai help` that takes longer than the deferral threshold, as an async handler would. */
function slowHelp(
  delayMs: number,
  outcome: 'ok' | 'throw',
  audience: 'public' | 'ephemeral' = 'public',
): Subcommand {
  const help = SUBCOMMANDS.find((s) => s.definition.name === 'help')!
  return {
    definition: { type: ApplicationCommandOptionType.Subcommand, name: 'slow', description: 'slow' },
    audience,
    async execute(ctx) {
      await new Promise((resolve) => setTimeout(resolve, delayMs))
      if (outcome === 'throw') throw new Error('slow handler failed')
      return { ...(await help.execute(ctx)), ephemeral: audience === 'ephemeral' }
    },
  }
}

describe('failures', () => {
  it('apologizes ephemerally, logs the error, and still answers the next command when a handler throws', async () => {
    h = await startAdapterHarness({
      core: await coreWith({
        ask: () => {
          throw new Error('boom in the core')
        },
      }),
    })
    const failed = await h.discord.runCommand({ subcommand: 'ask', options: { question: '결과는?' } })
    expect(failed.reply.ephemeral).toBe(true)
    expect(failed.reply.allowed_mentions).toEqual({ parse: [] })
    expect(failed.reply.embeds[0]?.title).toBe('죄송합니다')
    const line = h.logs.lines.find((l) => l.msg === 'command failed')
    expect(line).toMatchObject({
      adapter: 'discord',
      level: 50,
      subcommand: 'ask',
      err: { message: 'boom in the core' },
    })

    const next = await h.discord.runCommand({ subcommand: 'help' })
    expect(next.reply.embeds[0]?.title).not.toBe('죄송합니다')
  })

  it('responds with no choices instead of failing when autocomplete throws', async () => {
    h = await startAdapterHarness({
      core: await coreWith({
        suggestTeams: () => {
          throw new Error('boom in suggest')
        },
      }),
    })
    const choices = await h.discord.autocomplete({ subcommand: 'team', focused: 'name', value: 'L' })
    expect(choices).toEqual([])
    expect(h.logs.lines.some((l) => l.msg === 'autocomplete failed')).toBe(true)
  })

  it('shortens a too-long answer to fit every Discord embed limit', async () => {
    h = await startAdapterHarness({ core: await coreWith({ ask: (q) => hugeAnswer(q) }) })
    const { reply } = await h.discord.runCommand({ subcommand: 'ask', options: { question: '전부 알려줘' } })
    const embed = reply.embeds[0] as Parameters<typeof embedLength>[0]
    expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.total)
    expect(embed.fields?.length).toBeLessThanOrEqual(EMBED_LIMITS.fields)
    expect(embed.title?.length).toBeLessThanOrEqual(EMBED_LIMITS.title)
    for (const f of embed.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue)
  })
})

describe('slow handlers', () => {
  it('defers at once and then edits the reply when a handler is slower than the threshold', async () => {
    h = await startAdapterHarness({ subcommands: [slowHelp(200, 'ok')], deferAfterMs: 20 })
    const { record, reply } = await h.discord.runCommand({ subcommand: 'slow' })
    expect(record.callbacks.map((c) => c.type)).toEqual([5])
    expect(reply.via).toBe('edit')
    expect(reply.allowed_mentions).toEqual({ parse: [] })
    expect(reply.ephemeral).toBe(false)
  })

  it('keeps the deferral private when the subcommand answers privately', async () => {
    h = await startAdapterHarness({ subcommands: [slowHelp(200, 'ok', 'ephemeral')], deferAfterMs: 20 })
    const { record, reply } = await h.discord.runCommand({ subcommand: 'slow' })
    expect(record.callbacks[0]).toMatchObject({ type: 5, data: { flags: 64 } })
    expect(reply.ephemeral).toBe(true)
  })

  it('replaces a public deferral with an ephemeral apology when the slow handler fails', async () => {
    h = await startAdapterHarness({ subcommands: [slowHelp(200, 'throw')], deferAfterMs: 20 })
    const record = h.discord.dispatchCommand({ subcommand: 'slow' })
    const [apology] = await h.discord.waitForMessages(record, 1)
    expect(record.deletedOriginal).toBe(true)
    expect(apology).toMatchObject({ via: 'follow-up', ephemeral: true, allowed_mentions: { parse: [] } })
  })
})

describe('start and stop', () => {
  it('lets a command in flight finish, then disconnects, when stopped', async () => {
    let running!: () => void
    const isRunning = new Promise<void>((resolve) => {
      running = resolve
    })
    const slow: Subcommand = {
      ...slowHelp(150, 'ok'),
      async execute(ctx) {
        running()
        return slowHelp(150, 'ok').execute(ctx)
      },
    }
    h = await startAdapterHarness({ subcommands: [slow] })
    const record = h.discord.dispatchCommand({ subcommand: 'slow' })
    await isRunning
    await h.adapter.stop()
    expect(record.messages).toHaveLength(1)
    expect(h.discord.connected).toBe(false)
  })

  it('fails start with a ConfigError naming DISCORD_TOKEN when Discord rejects the token', async () => {
    const discord = await startFakeDiscord()
    try {
      const config = loadConfig({ DISCORD_TOKEN: 'not-the-token', DISCORD_API_URL: discord.apiUrl })
      const { logger } = logSink()
      const store = openSqliteStore({ path: ':memory:' })
      const notifications = createNotifications({
        store,
        sinks: [],
        logger,
        clock: systemClock,
        config: config.notify,
      })
      const adapter = createDiscordAdapter(config.discord!, {
        core: await realCore(),
        notifications: notifications.service,
        logger,
      })
      const started = adapter.start()
      await expect(started).rejects.toThrow(ConfigError)
      await expect(started).rejects.toThrow(/DISCORD_TOKEN/)
      await adapter.stop()
    } finally {
      await discord.close()
    }
  })
})
