import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { pino } from 'pino'
import type { ChatAdapter, NotificationService } from '../../../src/core/index.js'
import { type RunningBot, startBot } from '../../../src/main.js'
import { type FakeSlack, type Sender, startFakeSlack } from '../../helpers/fake-slack.js'

/** Log lines the adapter wrote, parsed. */
export interface LogSink {
  lines: Record<string, unknown>[]
}

/** A writable that parses each JSON log line into `sink.lines`. */
export function logStream(): { stream: Writable; sink: LogSink } {
  const sink: LogSink = { lines: [] }
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) sink.lines.push(JSON.parse(line))
      done()
    },
  })
  return { stream, sink }
}

export function logSink(): { logger: pino.Logger; sink: LogSink } {
  const { stream, sink } = logStream()
  return { logger: pino({ level: 'debug', base: undefined }, stream), sink }
}

export interface SlackHarness {
  slack: FakeSlack
  bot: RunningBot
  adapter: ChatAdapter
  /** Signs and POSTs to the adapter's /slack/events (HTTP mode only). */
  send: Sender
  baseUrl: string
  notifications: NotificationService
  logs: LogSink
  stop(): Promise<void>
}

export interface HarnessOptions {
  mode?: 'http' | 'socket'
  env?: Record<string, string>
}

/** The environment `npm start` would get, pointing at the fake Slack, the fixture corpus and a fresh data dir. */
export function botEnv(slack: FakeSlack, options: HarnessOptions = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: slack.signingSecret,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    CORPUS_DIR: 'test/fixtures/corpus',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'kai-slack-')),
    CORPUS_WATCH: 'false',
    LOG_LEVEL: 'debug',
    LOG_FORMAT: 'json',
    ...(options.mode === 'socket' && { SLACK_APP_TOKEN: slack.appToken }),
    ...options.env,
  }
}

/** Starts a fake Slack and the bot through the project's real startup code (`startBot`) pointed at it. */
export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const slack = await startFakeSlack()
  const { stream, sink } = logStream()
  const env = botEnv(slack, options)
  let bot: RunningBot
  try {
    bot = await startBot({ env, logDestination: stream })
  } catch (err) {
    await slack.close()
    throw err
  }
  const adapter = bot.adapters.find((a) => a.name === 'slack')
  if (!adapter) throw new Error('startBot started no Slack adapter')
  const address = adapter.httpAddress?.()
  const baseUrl = address ? `http://127.0.0.1:${address.port}` : ''
  return {
    slack,
    bot,
    adapter,
    send: slack.sender(`${baseUrl}/slack/events`),
    baseUrl,
    notifications: bot.notifications.service,
    logs: sink,
    async stop() {
      await bot.stop()
      await slack.close()
      rmSync(env.DATA_DIR!, { recursive: true, force: true })
    },
  }
}
