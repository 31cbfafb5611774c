/**
 * The Discord adapter: `/kai` slash commands in, the core's answers out as embeds, notifications via `sink`.
 * @module
 */
import { Client, DiscordjsErrorCodes, Events, GatewayIntentBits, REST, RESTEvents } from 'discord.js'
import type { Config } from '../../src/config.js'
import { type AdapterDeps, type ChatAdapter, ConfigError } from '../../src/core/index.js'
import { SUBCOMMANDS, type Subcommand } from './commands.js'
import { createInteractionRouter, NO_MENTIONS } from './interactions.js'
import { createDiscordSink } from './sink.js'

export type DiscordAdapterConfig = NonNullable<Config['discord']>

/** Knobs for tests; main.ts passes none. */
export interface DiscordAdapterOptions {
  /** Replaces the `/kai` subcommands (e.g. a deliberately slow one to exercise deferral). */
  subcommands?: readonly Subcommand[]
  deferAfterMs?: number
}

/** `DISCORD_API_URL` as discord.js wants `rest.api`: no trailing slash (it appends `/v10/...`). */
function restApi(apiUrl: string | undefined): { api: string } | Record<string, never> {
  return apiUrl ? { api: apiUrl.replace(/\/+$/, '') } : {}
}

/**
 * Creates the Discord adapter. `start()` logs in with the Guilds intent only (no privileged intents,
 * no message content) and resolves once the gateway session is ready; discord.js reconnects by itself.
 * @throws ConfigError from `start()` when Discord rejects the token.
 */
export function createDiscordAdapter(
  config: DiscordAdapterConfig,
  deps: AdapterDeps,
  options: DiscordAdapterOptions = {},
): ChatAdapter {
  const log = deps.logger.child({ adapter: 'discord' })
  const api = restApi(config.apiUrl)
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Also set on every message we send; this default covers anything sent another way.
    allowedMentions: NO_MENTIONS,
    rest: api,
  })
  // A separate REST client for notifications, so a 429 reaches the dispatcher (which schedules the retry)
  // while interaction replies keep discord.js's own waiting.
  const sinkRest = new REST({ ...api, rejectOnRateLimit: () => true }).setToken(config.token)
  const route = createInteractionRouter({
    subcommands: options.subcommands ?? SUBCOMMANDS,
    deps,
    log,
    deferAfterMs: options.deferAfterMs,
  })
  const inFlight = new Set<Promise<void>>()
  let stopping = false

  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) return
    const handled = route(interaction).finally(() => inFlight.delete(handled))
    inFlight.add(handled)
  })
  // An 'error' event without a listener would crash the process; log it and let discord.js recover.
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'))
  client.on(Events.Warn, (message) => log.warn({ detail: message }, 'discord client warning'))
  client.on(Events.ShardDisconnect, (event, shardId) =>
    log.warn({ shardId, code: event.code }, 'gateway disconnected for good'),
  )
  client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, 'gateway reconnecting'))
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway resumed'))
  client.rest.on(RESTEvents.RateLimited, (info) =>
    log.warn({ route: info.route, retryAfterMs: info.retryAfter }, 'discord rate limit, waiting'),
  )

  return {
    name: 'discord',
    sink: createDiscordSink(sinkRest),

    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()))
      try {
        await client.login(config.token)
      } catch (err) {
        if ((err as { code?: unknown }).code === DiscordjsErrorCodes.TokenInvalid) {
          throw new ConfigError([
            'DISCORD_TOKEN: Discord rejected the token — copy it again from the developer portal (Bot → Reset Token)',
          ])
        }
        throw err
      }
      await ready
      log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord ready')
    },

    async stop() {
      if (stopping) return
      stopping = true
      await Promise.allSettled([...inFlight])
      await client.destroy()
      log.info('discord stopped')
    },
  }
}
