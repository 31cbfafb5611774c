import { Writable } from 'node:stream'
import { pino } from 'pino'
import { createDiscordAdapter, type DiscordAdapterOptions } from '../../../adapters/discord/index.js'
import { loadConfig } from '../../../src/config.js'
import type { ChatAdapter, KaiCore, NotificationService } from '../../../src/core/index.js'
import {
  createKaiCore,
  createNotifications,
  loadCorpusOrThrow,
  systemClock,
} from '../../../src/core/index.js'
import { openSqliteStore } from '../../../src/store/sqlite-store.js'
import { type FakeDiscord, startFakeDiscord } from '../../helpers/fake-discord.js'

export const FIXTURE_CORPUS = 'test/fixtures/corpus'

/** Log lines written during a test, parsed. */
export interface LogSink {
  lines: Record<string, unknown>[]
  stream: Writable
}

export function logSink(): { logger: pino.Logger; sink: LogSink } {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line))
      done()
    },
  })
  return { logger: pino({ level: 'debug', base: undefined }, stream), sink: { lines, stream } }
}

let fixtureCore: Promise<KaiCore> | undefined
/** The real answer engine over the fixture corpus (built once per test file). */
export function realCore(): Promise<KaiCore> {
  fixtureCore ??= loadCorpusOrThrow(FIXTURE_CORPUS).then((corpus) => createKaiCore(corpus))
  return fixtureCore
}

export interface Harness {
  discord: FakeDiscord
  adapter: ChatAdapter
  notifications: NotificationService
  logs: LogSink
  stop(): Promise<void>
}

/**
 * Starts the Discord adapter alone, for tests that inject a fault or a slow subcommand at the adapter's
 * edge (which the real startup code has no way to do); still the real discord.js client and config parsing.
 */
export async function startAdapterHarness(
  options: DiscordAdapterOptions & { core?: KaiCore } = {},
): Promise<Harness> {
  const discord = await startFakeDiscord()
  const { logger, sink } = logSink()
  const config = loadConfig({
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_APPLICATION_ID: discord.applicationId,
  })
  const store = openSqliteStore({ path: ':memory:' })
  const notifications = createNotifications({
    store,
    sinks: [],
    logger,
    clock: systemClock,
    config: config.notify,
  })
  const core = options.core ?? (await realCore())
  const adapter = createDiscordAdapter(
    config.discord!,
    { core, notifications: notifications.service, logger },
    options,
  )
  await adapter.start()
  await discord.waitForSession()
  return {
    discord,
    adapter,
    notifications: notifications.service,
    logs: sink,
    async stop() {
      await adapter.stop()
      store.close()
      await discord.close()
    },
  }
}
