/**
 * Slack adapter: answers mentions, direct messages and Q&A-channel questions in threads, serves `/kai`,
 * and delivers notifications. Socket Mode when an app token is configured, HTTP otherwise.
 * @module
 */
import { App, SocketModeReceiver, webApi } from '@slack/bolt'
import type { Config } from '../../src/config.js'
import { type AdapterDeps, type ChatAdapter, ConfigError } from '../../src/core/index.js'
import { registerAnswerActions } from './actions.js'
import { boltLoggerFrom } from './bolt-logger.js'
import { BoundedMap, SeenSet } from './bounded.js'
import { type Conversation, registerEventHandlers } from './events.js'
import { GuardedHttpReceiver } from './receiver.js'
import { createSlackSink } from './sink.js'
import { classifySlackError } from './slack-errors.js'
import { registerKaiCommand } from './slash.js'
import { createUserLang, slackLocaleLookup } from './user-lang.js'

export type SlackAdapterConfig = NonNullable<Config['slack']>

/** A running Slack connection; `httpAddress` reports where the HTTP receiver listens (HTTP mode only). */
export interface SlackAdapter extends ChatAdapter {
  name: 'slack'
  /** The bound host and port once started in HTTP mode (useful with PORT=0); undefined in Socket Mode. */
  httpAddress(): { host: string; port: number } | undefined
}

/**
 * Web API retries: a few quick ones, never the SDK default of ten over half an hour (an answer that
 * late is worse than an apology).
 */
const RETRY = { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 3000 }

/** How many deliveries and conversations to remember; the oldest are forgotten first. */
const SEEN_CAPACITY = 5000
const CONVERSATION_CAPACITY = 2000

/**
 * Creates the Slack adapter. Nothing connects until `start()`.
 * @throws ConfigError when neither an app token (Socket Mode) nor a signing secret (HTTP) is configured.
 */
export function createSlackAdapter(config: SlackAdapterConfig, deps: AdapterDeps): SlackAdapter {
  const log = deps.logger.child({ adapter: 'slack' })
  const boltLogger = boltLoggerFrom(log)
  const apiUrl = config.apiUrl && (config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/`)
  const clientOptions = () => ({ ...(apiUrl && { slackApiUrl: apiUrl }), retryConfig: { ...RETRY } })

  let httpReceiver: GuardedHttpReceiver | undefined
  let socketReceiver: SocketModeReceiver | undefined
  if (config.appToken) {
    socketReceiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger: boltLogger,
      // The Socket Mode client asks `apps.connections.open` for its websocket URL through this Web API base.
      installerOptions: { clientOptions: clientOptions() },
    })
  } else {
    if (!config.signingSecret) {
      throw new ConfigError([
        'SLACK_SIGNING_SECRET: missing — HTTP mode needs it (Basic Information → Signing Secret), or set SLACK_APP_TOKEN for Socket Mode',
      ])
    }
    httpReceiver = new GuardedHttpReceiver({
      signingSecret: config.signingSecret,
      host: config.host,
      port: config.port,
      logger: log,
      boltLogger,
    })
  }

  const app = new App({
    token: config.botToken,
    receiver: socketReceiver ?? httpReceiver,
    clientOptions: clientOptions(),
    logger: boltLogger,
    // auth.test runs in start(), so a bad token fails start() instead of an unhandled rejection.
    deferInitialization: true,
  })
  app.error(async (err) => {
    log.error({ err }, 'unhandled error in a Slack listener')
  })

  // Locale lookups get their own client: no retries and no waiting out rate limits, since a late
  // language is worth less than a Korean answer now.
  const userLang = createUserLang({
    lookup: slackLocaleLookup(
      new webApi.WebClient(config.botToken, {
        ...(apiUrl && { slackApiUrl: apiUrl }),
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        timeout: 2000,
        logger: boltLogger,
      }),
    ),
    log,
  })

  const inFlight = new Set<Promise<unknown>>()
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work)
    return work.finally(() => inFlight.delete(work))
  }

  const conversations = new BoundedMap<string, Conversation>(CONVERSATION_CAPACITY)
  registerEventHandlers(app, {
    core: deps.core,
    log,
    qaChannels: new Set(config.qaChannels),
    seen: new SeenSet(SEEN_CAPACITY),
    conversations,
    userLang,
    track,
    handledOnce: deps.handledOnce,
  })
  registerAnswerActions(app, {
    core: deps.core,
    notifications: deps.notifications,
    log,
    conversations,
    userLang,
    track,
  })
  registerKaiCommand(app, {
    core: deps.core,
    notifications: deps.notifications,
    log,
    subscribeRule: config.subscribeRule,
    userLang,
    track,
  })

  let started = false
  return {
    name: 'slack',
    sink: createSlackSink({ botToken: config.botToken, apiUrl, logger: log }),
    httpAddress: () => httpReceiver?.address(),
    async start() {
      try {
        await app.init()
      } catch (err) {
        const failure = classifySlackError(err)
        if (['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked'].includes(failure.error)) {
          throw new ConfigError([
            `SLACK_BOT_TOKEN: Slack refused it (${failure.error}) — copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions`,
          ])
        }
        throw err
      }
      if (socketReceiver) {
        await socketReceiver.start()
        log.info({ mode: 'socket' }, 'slack adapter ready (Socket Mode connected)')
      } else {
        await httpReceiver?.start()
        log.info(
          { mode: 'http', ...httpReceiver?.address() },
          'slack adapter ready (HTTP, events at /slack/events)',
        )
      }
      started = true
    },
    async stop() {
      if (!started) return
      started = false
      if (socketReceiver) await socketReceiver.client.disconnect()
      else await httpReceiver?.stop()
      await Promise.allSettled([...inFlight])
      log.info('slack adapter stopped')
    },
  }
}
