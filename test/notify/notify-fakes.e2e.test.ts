import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REST } from 'discord.js'
import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDiscordSink } from '../../adapters/discord/sink.js'
import { createSlackSink } from '../../adapters/slack/sink.js'
import {
  type Corpus,
  createNotifications,
  loadCorpusSync,
  type Notifications,
  type NotifyStore,
  systemClock,
} from '../../src/core/index.js'
import { openSqliteStore, storePath } from '../../src/store/sqlite-store.js'
import { type FakeDiscord, startFakeDiscord } from '../helpers/fake-discord.js'
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js'
import { copyCorpus, correctUpstage, editTimeline, publishPhase2 } from './corpus-edits.js'

/**
 * Notifications end to end in one process: the real corpus loader on a temporary corpus, the SQLite
 * store on disk, and the Slack and Discord adapters' own sinks posting to the fake platforms.
 * Retry delays are shortened so failure cases run in well under a second.
 */
const logger = pino({ level: 'silent' })
const SLACK_ALL = 'C0ALLKO'
const SLACK_MOTIF = 'C0MOTIFEN'
const DISCORD_ALL = '1200000000000000001'
const DISCORD_NAVER = '1200000000000000002'
const DISCORD_GONE = '1200000000000000003'

let slack: FakeSlack
let discord: FakeDiscord
let corpusDir: string
let dataDir: string
let store: NotifyStore
let n: Notifications

function load(): Corpus {
  const result = loadCorpusSync(corpusDir)
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'))
  return result.corpus
}

async function start(): Promise<Notifications> {
  store = openSqliteStore({ path: storePath(dataDir) })
  const rest = new REST({ api: discord.apiUrl, rejectOnRateLimit: () => true }).setToken(discord.token)
  n = createNotifications({
    store,
    sinks: [
      createSlackSink({ botToken: slack.botToken, apiUrl: slack.apiUrl, logger }),
      createDiscordSink(rest),
    ],
    logger,
    clock: systemClock,
    config: { slackChannels: [], discordChannels: [], announceCurrent: false },
    dispatcher: { baseDelayMs: 20, maxDelayMs: 200, permanentFailureLimit: 3 },
  })
  await n.start()
  return n
}

async function restart(): Promise<void> {
  await n.stop()
  await store.close()
  await start()
}

const slackPosts = (channel: string) =>
  slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel)
const discordPosts = (channel: string) => discord.channelMessages(channel)
const embedTitle = (body: Record<string, unknown>) => (body.embeds as { title: string }[])[0]!.title

beforeEach(async () => {
  slack = await startFakeSlack()
  discord = await startFakeDiscord()
  corpusDir = copyCorpus()
  dataDir = join(tmpdir(), `kai-notify-data-${process.pid}-${Date.now()}`)
  await start()
  const sub = (platform: 'slack' | 'discord', channelId: string, teamId: string | null, lang: 'ko' | 'en') =>
    n.service.subscribe({ platform, workspaceId: 'W1', channelId }, { teamId, lang })
  await sub('slack', SLACK_ALL, null, 'ko')
  await sub('slack', SLACK_MOTIF, 'motif', 'en')
  await sub('discord', DISCORD_ALL, null, 'en')
  await sub('discord', DISCORD_NAVER, 'naver-cloud', 'ko')
  expect(await n.onCorpus(load())).toStrictEqual({ kind: 'baselined' })
})

afterEach(async () => {
  await n.stop()
  await store.close()
  await slack.close()
  await discord.close()
  rmSync(corpusDir, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

describe('notifications end to end against the fake Slack and Discord', () => {
  it('sends each subscribed channel exactly one message in its language, filtered by team', async () => {
    editTimeline(corpusDir, publishPhase2)
    expect(await n.onCorpus(load())).toMatchObject({ kind: 'recorded', deliveries: 3 })
    await n.flush(5_000)

    expect(slackPosts(SLACK_ALL)).toHaveLength(1)
    expect(slackPosts(SLACK_ALL)[0]!.args.text).toContain(
      '진출: LG AI연구원, SK텔레콤, 업스테이지 · 탈락: 모티프테크놀로지스',
    )
    expect(slackPosts(SLACK_MOTIF)).toHaveLength(1)
    expect(slackPosts(SLACK_MOTIF)[0]!.args.text).toContain('Eliminated: Motif Technologies')
    expect(discordPosts(DISCORD_ALL)).toHaveLength(1)
    expect(embedTitle(discordPosts(DISCORD_ALL)[0]!)).toMatch(
      /^📢 Phase-2 evaluation results announced \(2026-08-07, /,
    )
    expect(discordPosts(DISCORD_NAVER)).toStrictEqual([])
  })

  it('sends nothing when the same file is saved again or the bot restarts', async () => {
    editTimeline(corpusDir, publishPhase2)
    await n.onCorpus(load())
    await n.flush(5_000)
    const before = slack.callsTo('chat.postMessage').length + discordPosts(DISCORD_ALL).length

    editTimeline(corpusDir, (text) => text)
    expect(await n.onCorpus(load())).toStrictEqual({ kind: 'unchanged' })
    await restart()
    expect(await n.onCorpus(load())).toStrictEqual({ kind: 'unchanged' })
    await n.flush(1_000)

    expect(slack.callsTo('chat.postMessage').length + discordPosts(DISCORD_ALL).length).toBe(before)
  })

  it('announces a later correction once, as from → to', async () => {
    editTimeline(corpusDir, publishPhase2)
    await n.onCorpus(load())
    editTimeline(corpusDir, correctUpstage)
    await n.onCorpus(load())
    await n.flush(5_000)
    expect(slackPosts(SLACK_ALL).map((c) => String(c.args.text).split('\n')[0])).toStrictEqual([
      expect.stringContaining('📢 2차 평가'),
      '✏️ 정정: 2차 평가 (2026-08-07, Asia Economy (English)) — 업스테이지: 진출 → 탈락',
    ])
    // The Motif channel is not told about a correction that does not touch Motif.
    expect(slackPosts(SLACK_MOTIF)).toHaveLength(1)
  })

  it('delivers once when Slack answers 500 and then 200', async () => {
    slack.failNext('chat.postMessage', { status: 500, error: 'internal_error' })
    editTimeline(corpusDir, publishPhase2)
    await n.onCorpus(load())
    await n.flush(5_000)
    const calls = slack.callsTo('chat.postMessage')
    // One refused call, then each Slack channel once.
    expect(calls).toHaveLength(3)
    expect(new Set(calls.map((c) => c.args.channel)).size).toBe(2)
    expect(slackPosts(SLACK_ALL).length + slackPosts(SLACK_MOTIF).length).toBe(3)
    expect(await store.pendingDeliveries()).toStrictEqual([])
  })

  it('waits for Retry-After when Slack answers 429, then delivers once', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfterSec: 1 })
    editTimeline(corpusDir, publishPhase2)
    await n.onCorpus(load())
    await n.flush(0)
    const refusedAt = Date.now()
    const waiting = (await store.pendingDeliveries()).find((d) => d.attempts === 1)
    expect(waiting).toBeDefined()
    // The platform asked for 1 s: the retry is not scheduled any sooner than that.
    expect(waiting!.nextAttemptAt).toBeGreaterThanOrEqual(refusedAt + 1_000 - 100)
    await n.flush(5_000)
    expect(slackPosts(waiting!.channelId)).toHaveLength(2)
    expect(await store.pendingDeliveries()).toStrictEqual([])
  })

  it('waits for Retry-After when Discord answers 429, then delivers once', async () => {
    discord.failChannelMessages(DISCORD_ALL, { status: 429, retryAfterSeconds: 1 })
    editTimeline(corpusDir, publishPhase2)
    await n.onCorpus(load())
    await n.flush(5_000)
    expect(discordPosts(DISCORD_ALL)).toHaveLength(1)
    expect(await store.pendingDeliveries()).toStrictEqual([])
  })

  it('marks a deleted Discord channel inactive while the other channels still receive', async () => {
    await n.service.subscribe(
      { platform: 'discord', workspaceId: 'W1', channelId: DISCORD_GONE },
      { teamId: null, lang: 'ko' },
    )
    for (let i = 0; i < 5; i++) discord.failChannelMessages(DISCORD_GONE, { status: 404, code: 10003 })
    editTimeline(corpusDir, publishPhase2)
    expect(await n.onCorpus(load())).toMatchObject({ deliveries: 4 })
    await n.flush(5_000)

    expect(discord.requests.filter((r) => r.path === `/channels/${DISCORD_GONE}/messages`)).toHaveLength(3)
    expect(
      (await n.service.list({ platform: 'discord', workspaceId: 'W1', channelId: DISCORD_GONE }))[0]!.active,
    ).toBe(false)
    expect(discordPosts(DISCORD_ALL)).toHaveLength(1)
    expect(slackPosts(SLACK_ALL)).toHaveLength(1)

    // Later changes are no longer planned for the inactive channel.
    editTimeline(corpusDir, correctUpstage)
    expect(await n.onCorpus(load())).toMatchObject({ deliveries: 2 })
  })

  it('marks a Slack channel the bot was removed from inactive after repeated not_in_channel', async () => {
    await n.service.unsubscribe(
      { platform: 'slack', workspaceId: 'W1', channelId: SLACK_MOTIF },
      { teamId: null },
    )
    for (let i = 0; i < 3; i++) slack.failNext('chat.postMessage', { error: 'not_in_channel' })
    editTimeline(corpusDir, publishPhase2)
    await n.onCorpus(load())
    await n.flush(5_000)
    expect(slackPosts(SLACK_ALL)).toHaveLength(3)
    expect(
      (await n.service.list({ platform: 'slack', workspaceId: 'W1', channelId: SLACK_ALL }))[0]!.active,
    ).toBe(false)
    expect(discordPosts(DISCORD_ALL)).toHaveLength(1)
  })

  it('lists the recorded change with /kai changes', async () => {
    editTimeline(corpusDir, publishPhase2)
    await n.onCorpus(load())
    const message = await n.service.changes(undefined, 'en')
    expect(message.blocks.paragraphs).toHaveLength(1)
    expect(message.blocks.paragraphs[0]).toContain(
      'Advanced: LG AI Research, SK Telecom, Upstage · Eliminated: Motif Technologies',
    )
  })
})
