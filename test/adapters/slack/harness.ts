import { Writable } from 'node:stream'
import { pino } from 'pino'
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.js'
import { loadConfig } from '../../../src/config.js'
import type { KaiCore, NotificationService } from '../../../src/core/index.js'
import {
  createKaiCore,
  createNotifications,
  loadCorpusOrThrow,
  systemClock,
} from '../../../src/core/index.js'
import { openSqliteStore } from '../../../src/store/sqlite-store.js'
import { type FakeSlack, type Sender, startFakeSlack } from '../../helpers/fake-slack.js'

/** Log lines the adapter wrote, parsed. */
export interface LogSink {
  lines: Record<string, unknown>[]
}

export function logSink(): { logger: pino.Logger; sink: LogSink } {
  const sink: LogSink = { lines: [] }
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) sink.lines.push(JSON.parse(line))
      done()
    },
  })
  return { logger: pino({ level: 'debug', base: undefined }, stream), sink }
}

let fixtureCore_: Promise<KaiCore> | undefined

/** The real answer engine over the test fixture corpus (built once per test file). */
export function fixtureCore(): Promise<KaiCore> {
  fixtureCore_ ??= loadCorpusOrThrow('test/fixtures/corpus').then((corpus) => createKaiCore(corpus))
  return fixtureCore_
}

export interface SlackHarness {
  slack: FakeSlack
  adapter: SlackAdapter
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
  core?: KaiCore
}

/** Starts a fake Slack and the Slack adapter connected to it through the real configuration code. */
export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const slack = await startFakeSlack()
  const { logger, sink } = logSink()
  const config = loadConfig({
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: slack.signingSecret,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    ...(options.mode === 'socket' && { SLACK_APP_TOKEN: slack.appToken }),
    ...options.env,
  })
  const store = openSqliteStore({ path: ':memory:', readonly: false })
  const notifications = createNotifications({
    store,
    sinks: [],
    logger,
    clock: systemClock,
    config: config.notify,
  })
  const adapter = createSlackAdapter(config.slack!, {
    core: options.core ?? (await fixtureCore()),
    notifications: notifications.service,
    logger,
  })
  await adapter.start()
  const address = adapter.httpAddress()
  const baseUrl = address ? `http://127.0.0.1:${address.port}` : ''
  return {
    slack,
    adapter,
    send: slack.sender(`${baseUrl}/slack/events`),
    baseUrl,
    notifications: notifications.service,
    logs: sink,
    async stop() {
      await adapter.stop()
      await slack.close()
    },
  }
}
