import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { DestinationStream } from 'pino'
import { runConsole } from '../adapters/cli/console.js'
import { createDiscordAdapter } from '../adapters/discord/index.js'
import { createSlackAdapter } from '../adapters/slack/index.js'
import { type Config, loadConfig, loadDotEnv } from './config.js'
import {
  type ChatAdapter,
  type ChatSink,
  ConfigError,
  CorpusError,
  type CorpusWatch,
  createLiveCore,
  createNotifications,
  type HandledOnce,
  type LiveKaiCore,
  loadCorpusOrThrow,
  loadOrBuildIndex,
  type Notifications,
  type Platform,
  saveIndex,
  systemClock,
  watchCorpus,
} from './core/index.js'
import { createLogger, type Logger, secretsOf } from './logger.js'
import { type ResultsPoller, startResultsPoller } from './notify/results-poller.js'
import { openStore } from './store/open-store.js'

export interface StartOptions {
  /** The environment to configure from; `process.env` when run as a program. */
  env: Record<string, string | undefined>
  /** Where log lines go (tests pass a sink); stdout by default. */
  logDestination?: DestinationStream
}

/** A started bot; `stop()` shuts it down gracefully. */
export interface RunningBot {
  config: Config
  logger: Logger
  core: LiveKaiCore
  notifications: Notifications
  adapters: ChatAdapter[]
  stop(): Promise<void>
}

/**
 * Composes and starts everything the configuration asks for: corpus → core → notifications → adapters.
 * With no platform configured it starts no adapter (the caller may open the console).
 * @throws ConfigError for a bad environment, CorpusError for a corpus that does not validate.
 */
export async function startBot(options: StartOptions): Promise<RunningBot> {
  const config = loadConfig(options.env)
  // Without a platform the console owns the terminal: logs go to stderr, and only warnings and worse.
  const consoleMode = !config.slack && !config.discord
  const logger = createLogger({
    level: consoleMode && config.logLevel === 'info' ? 'warn' : config.logLevel,
    format: config.logFormat,
    secrets: secretsOf(config),
    destination: options.logDestination,
    fd: consoleMode ? 2 : 1,
    isTTY: (consoleMode ? process.stderr : process.stdout).isTTY,
  })

  const corpus = await loadCorpusOrThrow(config.corpusDir)
  const indexDir = join(config.dataDir, 'index')
  const built = loadOrBuildIndex(corpus, {
    dataDir: indexDir,
    onSaveError: (err) =>
      logger.warn({ err }, 'could not persist the search index; it will be rebuilt next start'),
  })
  logger.info(
    { corpus: config.corpusDir, hash: corpus.hash.slice(0, 12), index: built.origin },
    'corpus loaded',
  )
  const core = createLiveCore(corpus, {
    index: built.index,
    matcher: built.matcher,
    onError: (err, question) => logger.error({ err, question }, 'answering failed'),
    clock: systemClock,
  })

  const store = await openStore(config, logger)
  // Adapters need the notification service and notifications need the adapters' sinks: the sinks
  // forward to whichever adapter is registered for their platform once it exists.
  const adapters: ChatAdapter[] = []
  const forwardingSink = (platform: Platform): ChatSink => ({
    platform,
    post: (channelId, message, options) => {
      const adapter = adapters.find((a) => a.name === platform)
      if (!adapter) throw new Error(`no ${platform} adapter is running`)
      return adapter.sink.post(channelId, message, options)
    },
  })
  const platforms: Platform[] = []
  if (config.slack) platforms.push('slack')
  if (config.discord) platforms.push('discord')
  const notifications = createNotifications({
    store,
    sinks: platforms.map(forwardingSink),
    logger,
    clock: systemClock,
    config: config.notify,
    owner: config.instanceId,
    dispatcher: { leaseMs: config.notify.leaseSeconds * 1000 },
    // A follower checks for the leader lock twice a lease: the leader's work passes on about as fast as its claims.
    retryMs: Math.min(15_000, config.notify.leaseSeconds * 500),
  })
  // A Slack question is claimed for two minutes: longer than an answer takes, shorter than Slack's 5-minute retry.
  const handledOnce: HandledOnce = {
    claim: (key) => store.claimOnce(key, { owner: config.instanceId, now: new Date(), leaseMs: 120_000 }),
    done: (key) => store.doneOnce(key, new Date()),
  }
  const deps = { core, notifications: notifications.service, logger, handledOnce }
  if (config.slack) adapters.push(createSlackAdapter(config.slack, deps))
  if (config.discord) adapters.push(createDiscordAdapter(config.discord, deps))

  let watch: CorpusWatch | undefined
  let poller: ResultsPoller | undefined
  let overdueTimer: NodeJS.Timeout | undefined
  const stop = async (): Promise<void> => {
    if (overdueTimer) clearInterval(overdueTimer)
    watch?.close()
    poller?.stop()
    await notifications.stop()
    await Promise.allSettled(adapters.map((a) => a.stop()))
    await store.close()
    logger.info('stopped')
  }

  try {
    for (const adapter of adapters) {
      await adapter.start()
      logger.info({ adapter: adapter.name }, 'adapter ready')
    }
    await logNotifyOutcome(logger, notifications.onCorpus(corpus))
    await notifications.start()
    // Events become overdue as days pass, not only when the corpus changes: look again every hour. The
    // local console (no platform) is someone trying the bot, not an operator: it stays quiet.
    if (!consoleMode) {
      void notifications.checkOverdue()
      overdueTimer = setInterval(() => void notifications.checkOverdue(), 3_600_000)
      overdueTimer.unref()
    }
    if (config.corpusWatch) {
      watch = watchCorpus(config.corpusDir, {
        currentHash: corpus.hash,
        rescanMs: config.corpusRescanSeconds * 1000,
        logger,
        onLoad: (next) => {
          // The edit is applied to the live index in place (one changed document: milliseconds, where a
          // rebuild takes seconds at 10k passages); the index is persisted afterwards, off the reload's
          // path, so the next start loads it instead of rebuilding.
          const index = core.apply(next)
          logger.info({ hash: next.hash.slice(0, 12) }, 'corpus reloaded')
          void logNotifyOutcome(logger, notifications.onCorpus(next))
          if (!consoleMode) void notifications.checkOverdue()
          setImmediate(() => {
            if (core.corpus() !== next) return // a later edit was applied since and persists itself
            try {
              saveIndex(indexDir, next.hash, index)
            } catch (err) {
              logger.warn({ err }, 'could not persist the search index; it will be rebuilt next start')
            }
          })
        },
        onError: (issues) =>
          logger.error(
            { issues: issues.map((i) => `${i.file}:${i.line} ${i.path}: ${i.message}`) },
            'corpus edit rejected; still serving the last good corpus',
          ),
      })
    }
    if (config.notify.resultsUrl) {
      poller = startResultsPoller({
        url: config.notify.resultsUrl,
        intervalMs: config.notify.pollSeconds * 1000,
        logger,
        onTimeline: (events) => void logNotifyOutcome(logger, notifications.onRemoteTimeline(events)),
      })
    }
  } catch (err) {
    await stop()
    throw err
  }

  logger.info({ adapters: adapters.map((a) => a.name), watch: config.corpusWatch }, 'kai-bot ready')
  return { config, logger, core, notifications, adapters, stop }
}

async function logNotifyOutcome(
  logger: Logger,
  pending: ReturnType<Notifications['onCorpus']>,
): Promise<void> {
  const outcome = await pending
  if (outcome.kind === 'recorded') {
    logger.info({ events: outcome.events.length, deliveries: outcome.deliveries }, 'result changes recorded')
  } else if (outcome.kind === 'baselined') {
    logger.info('results baseline recorded (first start: nothing announced)')
  }
}

/** `npm start`: the bot on the configured platforms, or the local console when none is configured. */
async function main(): Promise<void> {
  loadDotEnv()
  let bot: RunningBot
  try {
    bot = await startBot({ env: process.env })
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(
        `kai-bot: the configuration is not valid:\n${err.problems.map((p) => `  ${p}`).join('\n')}\n`,
      )
    } else if (err instanceof CorpusError) {
      process.stderr.write(`kai-bot: the corpus is not valid:\n${err.message}\n`)
    } else {
      process.stderr.write(`kai-bot: could not start: ${(err as Error).message}\n`)
    }
    process.exit(1)
  }

  let stopping = false
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return
    stopping = true
    bot.logger.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    await bot.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  if (bot.adapters.length === 0) {
    await runConsole({
      core: bot.core,
      input: process.stdin,
      output: process.stdout,
      changes: (since, lang) => bot.notifications.service.changes(since, lang),
    })
    await shutdown('end of input')
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main()
}
