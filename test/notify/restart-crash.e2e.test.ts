import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storePath } from '../../src/store/sqlite-store.js'
import { type FakeDiscord, startFakeDiscord } from '../helpers/fake-discord.js'
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js'
import { type BotProcess, type LogLine, spawnBot } from './bot-process.js'
import {
  copyCorpus,
  correctUpstage,
  editTimeline,
  publishPhase2,
  readTimeline,
  writeTimeline,
} from './corpus-edits.js'

/**
 * The whole bot as `npm start` runs it, in child processes over one DATA_DIR: killed with SIGKILL
 * between detecting a change and delivering it, restarted, fed the same file and an invalid one.
 * Configured channels (NOTIFY_*_CHANNELS) receive; the fakes count what was accepted.
 */
const SLACK_CHANNEL = 'C0CONFIGKO'
const DISCORD_CHANNEL = '1300000000000000001'

let slack: FakeSlack
let discord: FakeDiscord
let corpusDir: string
let dataDir: string
let env: Record<string, string>
let bot: BotProcess | undefined

const isMsg = (text: string) => (line: LogLine) => typeof line.msg === 'string' && line.msg.includes(text)

async function startBotProcess(): Promise<BotProcess> {
  const b = spawnBot(env)
  await b.waitForLog(isMsg('adapter ready'))
  await b.waitForLog((l) => l.msg === 'adapter ready' && l.adapter === 'discord')
  await b.waitForLog(isMsg('kai-bot ready'))
  return b
}

/** Posts the fake accepted: Slack calls minus the ones it was told to refuse. */
const slackCalls = () => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === SLACK_CHANNEL)
const discordAccepted = () => discord.channelMessages(DISCORD_CHANNEL)

function readStore<T>(query: (db: Database.Database) => T): T {
  const db = new Database(storePath(dataDir), { readonly: true })
  try {
    return query(db)
  } finally {
    db.close()
  }
}
const baselineHash = () =>
  readStore((db) => db.prepare('SELECT input_hash FROM baseline').pluck().get() as string | undefined)
const deliveryStatuses = () =>
  readStore((db) => db.prepare('SELECT channel_key, status FROM deliveries ORDER BY channel_key').all())

beforeAll(async () => {
  slack = await startFakeSlack()
  discord = await startFakeDiscord()
  corpusDir = copyCorpus()
  dataDir = mkdtempSync(join(tmpdir(), 'kai-notify-proc-'))
  env = {
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: slack.signingSecret,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_APPLICATION_ID: discord.applicationId,
    CORPUS_DIR: corpusDir,
    DATA_DIR: dataDir,
    CORPUS_WATCH: 'true',
    // File events can be missed while the watch starts under load; the rescan catches those edits.
    CORPUS_RESCAN_SECONDS: '1',
    NOTIFY_SLACK_CHANNELS: `${SLACK_CHANNEL}:ko`,
    NOTIFY_DISCORD_CHANNELS: `${DISCORD_CHANNEL}:en`,
  }
})

afterAll(async () => {
  await bot?.kill('SIGKILL')
  await slack?.close()
  await discord?.close()
  rmSync(corpusDir, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

describe('notifications across crashes and restarts (child processes through src/main.ts)', () => {
  it('records the baseline silently on the first start', async () => {
    bot = await startBotProcess()
    await bot.waitForLog(isMsg('results baseline recorded'))
    expect(slackCalls()).toStrictEqual([])
    expect(discordAccepted()).toStrictEqual([])
  }, 150_000)

  it('delivers once after restart when the process is SIGKILLed between detection and delivery', async () => {
    // Slack refuses the first attempt, so the delivery is committed but still pending when the kill lands.
    slack.failNext('chat.postMessage', { status: 500, error: 'internal_error' })
    editTimeline(corpusDir, publishPhase2)
    await slack.waitForCall('chat.postMessage', (c) => c.args.channel === SLACK_CHANNEL, 45_000)
    await bot!.kill('SIGKILL')
    expect(deliveryStatuses()).toContainEqual({ channel_key: `slack:${SLACK_CHANNEL}`, status: 'pending' })

    bot = await startBotProcess()
    // At least the refused Slack delivery is still pending after the kill.
    expect((await bot.waitForLog(isMsg('notification dispatcher started'))).pending).toBeGreaterThanOrEqual(1)
    await expect.poll(() => slackCalls().length, { timeout: 45_000, interval: 100 }).toBe(2)
    await expect.poll(() => discordAccepted().length, { timeout: 30_000, interval: 100 }).toBe(1)
    expect(String(slackCalls()[1]!.args.text)).toContain('탈락: 모티프테크놀로지스')
    expect(discordAccepted()[0]!.embeds).toMatchObject([
      {
        fields: expect.arrayContaining([{ name: 'Eliminated', value: 'Motif Technologies', inline: false }]),
      },
    ])
    expect(deliveryStatuses()).toStrictEqual([
      { channel_key: `discord:${DISCORD_CHANNEL}`, status: 'sent' },
      { channel_key: `slack:${SLACK_CHANNEL}`, status: 'sent' },
    ])
  }, 150_000)

  it('sends nothing for an invalid file and keeps the baseline, nor when the good file is saved again', async () => {
    const good = readTimeline(corpusDir)
    const before = baselineHash()
    const reloads = () => bot!.logs.filter(isMsg('corpus reloaded')).length
    const reloadsBefore = reloads()
    writeTimeline(corpusDir, good.replace('result: eliminated', 'result: knocked-out'))
    const rejected = await bot!.waitForLog(isMsg('corpus edit rejected'), 45_000)
    expect(JSON.stringify(rejected.issues)).toMatch(
      /timeline\.yaml:\d+ events\[\d+\]\.outcomes\[\d+\]\.result/,
    )
    expect(baselineHash()).toBe(before)

    // The good file again: the watcher reports it (it follows an error) and notifications find nothing.
    writeTimeline(corpusDir, good)
    await expect.poll(reloads, { timeout: 45_000, interval: 50 }).toBeGreaterThan(reloadsBefore)
    expect(baselineHash()).toBe(before)

    // A real change afterwards is the only thing that arrives: nothing was queued by the saves above.
    editTimeline(corpusDir, correctUpstage)
    await expect.poll(() => slackCalls().length, { timeout: 45_000, interval: 100 }).toBe(3)
    await expect.poll(() => discordAccepted().length, { timeout: 45_000, interval: 100 }).toBe(2)
    expect(String(slackCalls()[2]!.args.text)).toContain('✏️ 정정: 2차 평가')
  }, 150_000)

  it('sends nothing again after a clean restart', async () => {
    await bot!.kill('SIGTERM')
    bot = await startBotProcess()
    // Started after the corpus was diffed; SIGTERM lets a pass in flight finish, so anything queued would be sent.
    const started = await bot.waitForLog(isMsg('notification dispatcher started'))
    expect(started.pending).toBe(0)
    await bot.kill('SIGTERM')
    bot = undefined
    expect(slackCalls()).toHaveLength(3)
    expect(discordAccepted()).toHaveLength(2)
    expect(
      readStore((db) =>
        db.prepare("SELECT COUNT(*) FROM change_events WHERE kind != 'overdue'").pluck().get(),
      ),
    ).toBe(2)
    // The operator nudge for the overdue Phase-2 event (by the real clock) is recorded at most once across
    // the restarts, and with no OPS_CHANNEL it is delivered nowhere.
    expect(
      readStore((db) =>
        db.prepare("SELECT COUNT(*) FROM change_events WHERE kind = 'overdue'").pluck().get(),
      ),
    ).toBeLessThanOrEqual(1)
  }, 150_000)
})
