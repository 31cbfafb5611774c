/**
 * Loopback end to end, in its own process (started by bench/run.ts): the whole bot is started with
 * `startBot` the way `npm start` does, on a synthetic corpus written to a temporary CORPUS_DIR, against
 * the fake Slack and fake Discord the adapter tests use. Each request is sent only after the previous
 * answer arrived, so the figures are one person's wait, not a load test.
 *
 * Slack: signed `app_mention` event POSTed to the bot's /slack/events → `chat.postMessage` in the thread
 * at the fake Slack. Discord: `/kai ask` INTERACTION_CREATE on the fake gateway → the reply at the fake's
 * REST (callback or edit of the deferred reply, whichever carries the answer).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { buildPassages } from '../src/core/search/passages.js'
import { type RunningBot, startBot } from '../src/main.js'
import { startFakeDiscord } from '../test/helpers/fake-discord.js'
import { BOT_USER_ID, mention, startFakeSlack } from '../test/helpers/fake-slack.js'
import { makeQuestions } from './questions.js'
import type { E2eResult } from './results.js'
import { progress, summarize } from './stats.js'
import { makeCorpus } from './synth.js'
import { writeCorpusDir } from './write-corpus.js'

export interface E2eArgs {
  size: number
  requests: number
}

const WARMUP = 20

export async function runE2e(args: E2eArgs): Promise<E2eResult[]> {
  const root = mkdtempSync(join(tmpdir(), 'kai-e2e-'))
  const { corpus } = makeCorpus(args.size, { countPassages: (c) => buildPassages(c).length })
  writeCorpusDir(corpus, join(root, 'corpus'))
  const questions = makeQuestions(corpus).map((q) => q.text)
  const passages = buildPassages(corpus).length

  const slack = await startFakeSlack()
  const discord = await startFakeDiscord()
  const quiet = new Writable({ write: (_chunk, _enc, done) => done() })
  progress(`e2e: starting the bot on ${passages} passages against the fake Slack and Discord`)
  const bot = await startBot({
    env: {
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      CORPUS_DIR: join(root, 'corpus'),
      DATA_DIR: join(root, 'data'),
      CORPUS_WATCH: 'false',
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: slack.signingSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
    },
    logDestination: quiet,
  })
  const results: E2eResult[] = []
  try {
    results.push(await measureSlack(bot, slack, questions, args.requests))
    results.push(await measureDiscord(discord, questions, args.requests))
  } finally {
    await bot.stop()
    await slack.close()
    await discord.close()
    rmSync(root, { recursive: true, force: true })
  }
  return results.map((r) => (r.measured ? { ...r, passages } : r))
}

async function timeEach(label: string, count: number, send: (i: number) => Promise<void>) {
  for (let i = 0; i < WARMUP; i++) await send(i)
  const samples: number[] = []
  for (let i = 0; i < count; i++) {
    const start = performance.now()
    await send(WARMUP + i)
    samples.push(performance.now() - start)
    if ((i + 1) % 100 === 0) progress(`e2e ${label}: ${i + 1}/${count}`)
  }
  return summarize(samples)
}

async function measureSlack(
  bot: RunningBot,
  slack: Awaited<ReturnType<typeof startFakeSlack>>,
  questions: string[],
  count: number,
): Promise<E2eResult> {
  const port = bot.adapters.find((a) => a.name === 'slack')?.httpAddress?.()?.port
  if (!port)
    return { platform: 'slack', measured: false, reason: 'the Slack adapter reports no HTTP address' }
  const to = slack.sender(`http://127.0.0.1:${port}/slack/events`)
  const latency = await timeEach('slack', count, async (i) => {
    const event = mention(`<@${BOT_USER_ID}> ${questions[i % questions.length]}`)
    const res = await to.event(event)
    if (!res.ok) throw new Error(`bench e2e: the bot answered HTTP ${res.status} to a signed event`)
    await slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === event.ts)
  })
  return { platform: 'slack', measured: true, passages: 0, latency }
}

async function measureDiscord(
  discord: Awaited<ReturnType<typeof startFakeDiscord>>,
  questions: string[],
  count: number,
): Promise<E2eResult> {
  await discord.waitForSession()
  const latency = await timeEach('discord', count, async (i) => {
    await discord.runCommand({ subcommand: 'ask', options: { question: questions[i % questions.length]! } })
  })
  return { platform: 'discord', measured: true, passages: 0, latency }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = JSON.parse(process.argv[2] ?? '{}') as E2eArgs
  const result = await runE2e(args)
  process.stdout.write(`${JSON.stringify(result)}\n`)
  // discord.js and Bolt may keep sockets half-open for a while after stop(); the result is written.
  process.exit(0)
}
