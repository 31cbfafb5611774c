import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeDiscord, startFakeDiscord } from '../helpers/fake-discord.js'
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js'
import { createTestDatabase, hasPostgres } from '../helpers/postgres.js'
import { type BotProcess, type LogLine, spawnBot } from './bot-process.js'
import { copyCorpus, editTimeline, publishPhase2 } from './corpus-edits.js'

/**
 * Two kai-bot processes (src/main.ts, as `npm start` runs it) on one PostgreSQL, against the fake Slack
 * and Discord: a corpus change for 20 channels, one instance SIGKILLed mid-burst while its posts are in
 * flight (the fakes answer late, after the message exists, so the kill lands between "posted" and
 * "marked sent"). Every channel must show the change exactly once: the survivor takes the dead one's
 * claims over when their lease lapses, and finds the in-doubt posts (Slack: history metadata; Discord:
 * the nonce) instead of posting them again.
 */
const SLACK_CHANNELS = Array.from({ length: 10 }, (_, i) => `C0TWO${String(i).padStart(2, '0')}`)
const DISCORD_CHANNELS = Array.from(
  { length: 10 },
  (_, i) => `13000000000000001${String(i).padStart(2, '0')}`,
)

let slack: FakeSlack
let discord: FakeDiscord
let corpusDir: string
const dataDirs: string[] = []
let db: { url: string; drop(): Promise<void> }
const bots: BotProcess[] = []

const isMsg = (text: string) => (line: LogLine) => typeof line.msg === 'string' && line.msg.includes(text)

async function startInstance(id: string): Promise<BotProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), `kai-two-${id}-`))
  dataDirs.push(dataDir)
  const bot = spawnBot({
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
    CORPUS_RESCAN_SECONDS: '1',
    DATABASE_URL: db.url,
    INSTANCE_ID: id,
    NOTIFY_LEASE_SECONDS: '3',
    NOTIFY_SLACK_CHANNELS: SLACK_CHANNELS.join(','),
    NOTIFY_DISCORD_CHANNELS: DISCORD_CHANNELS.map((c) => `${c}:en`).join(','),
  })
  bots.push(bot)
  await bot.waitForLog(isMsg('kai-bot ready'), 60_000)
  return bot
}

/** Visible messages per channel: Slack's history of the bot's posts, Discord's created messages. */
function visibleCounts(): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const c of SLACK_CHANNELS) counts[c] = slack.posted.filter((m) => m.channel === c).length
  for (const c of DISCORD_CHANNELS) counts[c] = discord.channelMessages(c).length
  return counts
}
const total = () => Object.values(visibleCounts()).reduce((a, b) => a + b, 0)

async function deliveryStatuses(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  try {
    const rows = (await client.query('SELECT status, COUNT(*)::int AS n FROM deliveries GROUP BY status'))
      .rows
    return Object.fromEntries(rows.map((r) => [r.status, r.n]))
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  if (!hasPostgres) return
  slack = await startFakeSlack()
  discord = await startFakeDiscord()
  corpusDir = copyCorpus()
  db = await createTestDatabase()
})

afterAll(async () => {
  for (const b of bots) await b.kill('SIGKILL')
  await slack?.close()
  await discord?.close()
  await db?.drop()
  if (corpusDir) rmSync(corpusDir, { recursive: true, force: true })
  for (const d of dataDirs) rmSync(d, { recursive: true, force: true })
})

describe.runIf(hasPostgres)('two instances on one PostgreSQL (child processes through src/main.ts)', () => {
  it('delivers a change to each of 20 channels exactly once when one instance is SIGKILLed mid-burst', async () => {
    const a = await startInstance('kai-a')
    await a.waitForLog(isMsg('results baseline recorded'))
    const b = await startInstance('kai-b')
    // b follows: a holds the leader lock, so b never diffs the corpus itself while a lives.
    await b.waitForLog(isMsg('another instance leads change detection'))

    // Posts take effect at once but are answered 300 ms late: the burst takes seconds, and a kill
    // always finds posts that reached the platform without the sender learning so.
    slack.slowDown('chat.postMessage', 300)
    discord.slowChannelMessages(300)
    editTimeline(corpusDir, publishPhase2)
    const recorded = await a.waitForLog(isMsg('result changes recorded'), 45_000)
    expect(recorded.deliveries).toBe(20)

    // Both instances share the burst: each sends some before the kill.
    await expect.poll(() => total(), { timeout: 45_000, interval: 20 }).toBeGreaterThanOrEqual(6)
    await a.kill('SIGKILL')
    const sentByA = a.logs.filter(isMsg('notification delivered')).length
    expect(sentByA).toBeGreaterThan(0)
    expect(sentByA).toBeLessThan(20)
    expect(b.logs.filter(isMsg('notification delivered')).length).toBeGreaterThan(0)

    // b takes a's claims over once their 3 s lease lapses, in doubt, and finishes the burst.
    await expect
      .poll(async () => (await deliveryStatuses()).sent ?? 0, { timeout: 60_000, interval: 200 })
      .toBe(20)
    const counts = visibleCounts()
    expect(Object.keys(counts)).toHaveLength(20)
    expect(Object.entries(counts).filter(([, n]) => n !== 1)).toStrictEqual([])
    expect(await deliveryStatuses()).toStrictEqual({ sent: 20 })
    const inDoubt = b.logs.filter(
      (l) => (isMsg('notification delivered')(l) && l.inDoubt === true) || isMsg('not posted again')(l),
    )
    expect(inDoubt.length).toBeGreaterThan(0)
    // b now leads change detection: a later change is recorded (by b) and delivered once more.
    await b.waitForLog(isMsg('leading change detection'), 45_000)
    slack.slowDown('chat.postMessage', 0)
    discord.slowChannelMessages(0)
    editTimeline(corpusDir, (t) =>
      t.replace('{ team: upstage, result: advanced }', '{ team: upstage, result: eliminated }'),
    )
    await expect.poll(() => total(), { timeout: 45_000, interval: 100 }).toBe(40)
    expect(Object.values(visibleCounts()).every((n) => n === 2)).toBe(true)
  }, 180_000)
})
