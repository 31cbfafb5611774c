/**
 * A small fake Discord on 127.0.0.1 for driving the real discord.js client end to end.
 *
 * ```ts
 * const discord = await startFakeDiscord()          // REST + gateway on a random loopback port
 * env.DISCORD_API_URL = discord.apiUrl              // http://127.0.0.1:<port>/api  (discord.js `rest.api`)
 * env.DISCORD_TOKEN = discord.token                 // the only token the fake accepts
 * env.DISCORD_APPLICATION_ID = discord.applicationId
 * await discord.waitForSession()                    // resolves once a client identified (READY + GUILD_CREATE sent)
 * const r = await discord.runCommand({ subcommand: 'ask', options: { question: '1차 결과는?' } })
 * r.reply.embeds[0].title; r.reply.ephemeral; r.reply.allowed_mentions
 * const choices = await discord.autocomplete({ subcommand: 'team', focused: 'name', value: 'LG' })
 * const press = discord.pressButton(r.reply, 'kai:dym:0')   // a button on that reply (type 3 interaction)
 * const answer = await discord.waitForReply(press)
 * await discord.forceReconnect('op7')               // or 'close' (4000) / 'terminate' (no close frame) / 'invalidate' (op 9)
 * discord.failChannelMessages('123', { status: 429, retryAfterSeconds: 2 })  // next POST to that channel fails
 * discord.channelMessages('123')                    // bodies the bot posted with POST /channels/123/messages
 * discord.requests                                  // every REST request: method, path (decoded), query, body
 * discord.commands('global' | guildId)              // what the last bulk overwrite stored
 * await discord.close()
 * ```
 *
 * REST (v10 under `/api/v10`): GET /gateway/bot, GET /users/@me, GET /applications/@me, GET/PUT
 * /applications/{app}/commands and /applications/{app}/guilds/{guild}/commands (`with_localizations`),
 * POST /interactions/{id}/{token}/callback, PATCH/GET/DELETE /webhooks/{app}/{token}/messages/{id|@original}
 * (discord.js sends `%40original`), POST /webhooks/{app}/{token} (follow-ups), POST /channels/{id}/messages.
 * Gateway: HELLO, IDENTIFY → READY then GUILD_CREATE at once (discord.js otherwise waits 15 s for guilds),
 * heartbeat ACKs, RESUME → RESUMED, RECONNECT (op 7), and INTERACTION_CREATE dispatches for chat-input
 * commands (data.type 1, `entitlements: []`, which discord.js needs), autocomplete (type 4) and button presses
 * (type 3, with the pressed message's components).
 * Payloads follow discord-api-types v10; the fake only checks what the tests rely on.
 */
import { randomUUID } from 'node:crypto'
import { EventEmitter, once } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { type WebSocket, WebSocketServer } from 'ws'

export const MANAGE_CHANNELS = 1n << 4n
export const ADMINISTRATOR = 1n << 3n
/** View Channel, Send Messages, Embed Links, Read Message History, Use Application Commands. */
export const MEMBER_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 31n)
/** What the bot itself holds in the fake guild's channels. */
export const BOT_PERMISSIONS = MEMBER_PERMISSIONS

export interface RecordedRequest {
  method: string
  /** Path after `/api/v10`, percent-decoded (`/webhooks/1/tok/messages/@original`). */
  path: string
  /** The raw path as it arrived (`%40original`). */
  rawPath: string
  query: URLSearchParams
  authorization: string | undefined
  body: unknown
}

/** One message the bot produced for an interaction, as Discord would show it. */
export interface InteractionReply {
  via: 'callback' | 'edit' | 'follow-up'
  content: string | undefined
  embeds: Record<string, unknown>[]
  flags: number
  ephemeral: boolean
  allowed_mentions: { parse?: string[]; users?: string[]; roles?: string[] } | undefined
  body: Record<string, unknown>
}

export interface InteractionRecord {
  id: string
  token: string
  /** Callback types in order (4 message, 5 deferred, 8 autocomplete result). */
  callbacks: { type: number; data: Record<string, unknown> | undefined }[]
  /** Every visible message, in order: the reply, edits of it, follow-ups. */
  messages: InteractionReply[]
  deletedOriginal: boolean
  /** performance.now() when dispatched and when the first callback arrived (Discord's 3-second clock). */
  dispatchedAt: number
  acknowledgedAt?: number
}

export interface CommandInvocation {
  /** `/kai <subcommand>`; the command name defaults to `kai`. */
  subcommand: string
  command?: string
  options?: Record<string, string | number | boolean>
  /** Guild id, or null for a DM with the bot. Defaults to the fake's guild. */
  guildId?: string | null
  channelId?: string
  userId?: string
  locale?: string
  /** The member's permissions in the channel (bitfield); defaults to a regular member. */
  permissions?: bigint
  appPermissions?: bigint
}

export interface AutocompleteInvocation extends Omit<CommandInvocation, 'options'> {
  focused: string
  value: string
  options?: Record<string, string | number | boolean>
}

export interface ChannelFailure {
  status: number
  /** Discord JSON error code, e.g. 10003 Unknown Channel, 50001 Missing Access, 50013 Missing Permissions. */
  code?: number
  retryAfterSeconds?: number
}

export interface FakeDiscordOptions {
  token?: string
  applicationId?: string
  guildId?: string
  /** Milliseconds between heartbeats that the fake asks for. */
  heartbeatIntervalMs?: number
}

interface Session {
  id: string
  seq: number
  socket: WebSocket | null
}

type OptionType = 3 | 4 | 5

const SUBCOMMAND = 1
const API_PREFIX = '/api/v10'

function optionType(value: string | number | boolean): OptionType {
  if (typeof value === 'boolean') return 5
  if (typeof value === 'number') return 4
  return 3
}

let snowflakeCounter = 0n
function snowflake(): string {
  snowflakeCounter += 1n
  // Discord epoch-based ids: (ms since 2015) << 22; only uniqueness and shape matter here.
  return String(((BigInt(Date.now()) - 1420070400000n) << 22n) + snowflakeCounter)
}

/** How long Discord remembers a nonce for `enforce_nonce` ("a few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000

export class FakeDiscord extends EventEmitter {
  readonly token: string
  readonly applicationId: string
  readonly guildId: string
  readonly channelId = '1100000000000000001'
  readonly botUserId = '1200000000000000001'
  readonly requests: RecordedRequest[] = []
  /** Gateway payloads received from the client (IDENTIFY, RESUME, heartbeats). */
  readonly gatewayReceived: { op: number; d: unknown }[] = []
  /** Query strings the client connected to the gateway with (`v=10&encoding=json`, no `compress`). */
  readonly gatewayConnections: URLSearchParams[] = []
  identifyCount = 0
  resumeCount = 0

  private readonly server: http.Server
  private readonly wss: WebSocketServer
  private readonly heartbeatIntervalMs: number
  private session: Session | null = null
  private readonly interactions = new Map<string, InteractionRecord>()
  private readonly storedCommands = new Map<string, Record<string, unknown>[]>()
  private readonly posted = new Map<string, Record<string, unknown>[]>()
  private readonly postAttempts = new Map<string, number>()
  private channelLatencyMs = 0
  private readonly nonces = new Map<string, { at: number; response: Record<string, unknown> }>()
  private readonly channelFailures = new Map<string, ChannelFailure[]>()
  private port = 0

  constructor(options: FakeDiscordOptions = {}) {
    super()
    this.token = options.token ?? 'fake-discord-bot-token'
    this.applicationId = options.applicationId ?? '1000000000000000001'
    this.guildId = options.guildId ?? '1300000000000000001'
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250
    this.server = http.createServer((req, res) => {
      this.handleHttp(req, res).catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: String(err), code: 0 }))
      })
    })
    this.wss = new WebSocketServer({ server: this.server })
    this.wss.on('connection', (socket, req) => {
      this.gatewayConnections.push(new URL(req.url ?? '/', 'ws://127.0.0.1').searchParams)
      this.handleSocket(socket)
    })
  }

  /** Binds to 127.0.0.1 on a random port. */
  async listen(): Promise<this> {
    this.server.listen(0, '127.0.0.1')
    await once(this.server, 'listening')
    this.port = (this.server.address() as AddressInfo).port
    return this
  }

  /** REST base URL for discord.js `rest.api` / DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`
  }

  /** Resolves once a client holds a ready session (after IDENTIFY or RESUME). */
  async waitForSession(): Promise<void> {
    if (this.session?.socket && this.isReady) return
    await once(this, 'session-ready')
  }

  private isReady = false

  /** Whether a client holds an open gateway connection. */
  get connected(): boolean {
    return Boolean(this.session?.socket)
  }

  /** Stored application commands: 'global' or a guild id. */
  commands(scope: 'global' | string = 'global'): Record<string, unknown>[] {
    return this.storedCommands.get(scope) ?? []
  }

  /** Bodies the bot posted to a channel with POST /channels/{id}/messages (visible messages: nonce repeats are not). */
  channelMessages(channelId: string): Record<string, unknown>[] {
    return this.posted.get(channelId) ?? []
  }

  /** Answers POSTs to channels' messages `ms` late, after the message exists (a slow network). */
  slowChannelMessages(ms: number): void {
    this.channelLatencyMs = ms
  }

  /** POSTs to a channel's messages, including failed ones and nonce repeats that created nothing. */
  channelPostAttempts(channelId: string): number {
    return this.postAttempts.get(channelId) ?? 0
  }

  /** Makes the next POST to that channel fail with this status (queue several by calling again). */
  failChannelMessages(channelId: string, failure: ChannelFailure): void {
    const queue = this.channelFailures.get(channelId) ?? []
    queue.push(failure)
    this.channelFailures.set(channelId, queue)
  }

  interaction(id: string): InteractionRecord | undefined {
    return this.interactions.get(id)
  }

  /**
   * Drops the gateway connection the way Discord does: 'op7' sends RECONNECT, 'close' closes with 4000
   * (resumable), 'terminate' cuts TCP without a close frame, 'invalidate' sends INVALID_SESSION (not
   * resumable: the client must identify again). Resolves once the client is back (resumed or identified).
   */
  async forceReconnect(how: 'op7' | 'close' | 'terminate' | 'invalidate'): Promise<void> {
    const socket = this.session?.socket
    if (!socket) throw new Error('fake-discord: no connected client to disconnect')
    this.isReady = false
    const back = once(this, 'session-ready')
    if (how === 'op7') socket.send(JSON.stringify({ op: 7, d: null }))
    else if (how === 'invalidate') socket.send(JSON.stringify({ op: 9, d: false }))
    else if (how === 'close') socket.close(4000, 'fake-discord: forced close')
    else socket.terminate()
    await back
  }

  /** Sends INTERACTION_CREATE for `/kai <subcommand>` and waits for the bot's first visible reply. */
  async runCommand(
    invocation: CommandInvocation,
  ): Promise<{ reply: InteractionReply; record: InteractionRecord }> {
    const record = this.dispatchCommand(invocation)
    const reply = await this.waitForReply(record)
    return { reply, record }
  }

  /** Sends INTERACTION_CREATE without waiting; use `waitForReply` or `waitForMessages` on the record. */
  dispatchCommand(invocation: CommandInvocation): InteractionRecord {
    const options = Object.entries(invocation.options ?? {}).map(([name, value]) => ({
      name,
      type: optionType(value),
      value,
    }))
    return this.dispatchInteraction(2, invocation, options)
  }

  /** Sends an autocomplete interaction and resolves with the choices the bot responded with. */
  async autocomplete(
    invocation: AutocompleteInvocation,
  ): Promise<{ name: string; value: string | number }[]> {
    const options = Object.entries(invocation.options ?? {}).map(([name, value]) => ({
      name,
      type: optionType(value),
      value,
    }))
    options.push({ name: invocation.focused, type: 3, value: invocation.value, focused: true } as never)
    const record = this.dispatchInteraction(4, invocation, options)
    await this.waitFor(record, (r) => r.callbacks.length > 0)
    const callback = record.callbacks[0]!
    if (callback.type !== 8)
      throw new Error(`fake-discord: autocomplete answered with callback type ${callback.type}`)
    return (callback.data?.choices ?? []) as { name: string; value: string | number }[]
  }

  /** Resolves with the first visible message: a reply, the edit after a deferral, or a follow-up. */
  async waitForReply(record: InteractionRecord): Promise<InteractionReply> {
    await this.waitFor(record, (r) => r.messages.length > 0)
    return record.messages[0]!
  }

  /** Resolves once the record holds at least `count` visible messages. */
  async waitForMessages(record: InteractionRecord, count: number): Promise<InteractionReply[]> {
    await this.waitFor(record, (r) => r.messages.length >= count)
    return record.messages
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate()
    await new Promise<void>((resolve) => this.wss.close(() => resolve()))
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  // ------------------------------------------------------------------ gateway

  private send(
    socket: WebSocket,
    payload: { op: number; d: unknown; s?: number | null; t?: string | null },
  ): void {
    socket.send(JSON.stringify({ s: null, t: null, ...payload }))
  }

  private dispatch(t: string, d: unknown): void {
    const session = this.session
    if (!session?.socket) throw new Error(`fake-discord: cannot dispatch ${t}, no client connected`)
    session.seq += 1
    this.send(session.socket, { op: 0, t, s: session.seq, d })
  }

  private handleSocket(socket: WebSocket): void {
    this.send(socket, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } })
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> | null }
      this.gatewayReceived.push(payload)
      switch (payload.op) {
        case 1:
          this.send(socket, { op: 11, d: null })
          break
        case 2:
          this.onIdentify(socket, payload.d ?? {})
          break
        case 6:
          this.onResume(socket, payload.d ?? {})
          break
        default:
          break
      }
    })
    socket.on('close', () => {
      if (this.session?.socket === socket) {
        this.session.socket = null
        this.isReady = false
      }
    })
  }

  private onIdentify(socket: WebSocket, d: Record<string, unknown>): void {
    if (d.token !== this.token) {
      socket.close(4004, 'Authentication failed.')
      return
    }
    this.identifyCount += 1
    this.session = { id: randomUUID(), seq: 0, socket }
    this.dispatch('READY', {
      v: 10,
      user: this.botUser(),
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: this.session.id,
      resume_gateway_url: this.gatewayUrl,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
    })
    // discord.js waits up to 15 s for every guild listed in READY; send it at once.
    this.dispatch('GUILD_CREATE', this.guild())
    this.isReady = true
    this.emit('session-ready', 'identify')
  }

  private onResume(socket: WebSocket, d: Record<string, unknown>): void {
    if (d.token !== this.token || !this.session || d.session_id !== this.session.id) {
      this.send(socket, { op: 9, d: false })
      return
    }
    this.resumeCount += 1
    this.session.socket = socket
    this.dispatch('RESUMED', {})
    this.isReady = true
    this.emit('session-ready', 'resume')
  }

  private botUser() {
    return {
      id: this.botUserId,
      username: 'kai-bot',
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
      flags: 0,
    }
  }

  private user(id: string) {
    return { id, username: `user${id.slice(-4)}`, discriminator: '0', global_name: null, avatar: null }
  }

  private guild() {
    return {
      id: this.guildId,
      name: 'Fake Guild',
      icon: null,
      owner_id: '1400000000000000099',
      unavailable: false,
      member_count: 2,
      large: false,
      joined_at: new Date().toISOString(),
      preferred_locale: 'ko',
      features: [],
      roles: [
        {
          id: this.guildId,
          name: '@everyone',
          permissions: String(MEMBER_PERMISSIONS),
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      channels: [
        {
          id: this.channelId,
          type: 0,
          name: 'general',
          position: 0,
          permission_overwrites: [],
          parent_id: null,
          nsfw: false,
          topic: null,
          last_message_id: null,
          rate_limit_per_user: 0,
        },
      ],
      members: [],
      emojis: [],
      stickers: [],
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    }
  }

  /**
   * Presses a button on a message the bot sent (a reply from `runCommand` / `pressButton`): sends a
   * MESSAGE_COMPONENT interaction (type 3) carrying that message — its embeds, components and flags, as
   * Discord does — and `customId`. Use `waitForReply` on the returned record.
   */
  pressButton(
    on: InteractionReply,
    customId: string,
    invocation: Omit<CommandInvocation, 'subcommand' | 'options'> = {},
  ): InteractionRecord {
    const message = {
      ...this.message(on.body, on.flags),
      components: (on.body.components ?? []) as unknown[],
    }
    return this.dispatchInteraction(3, { subcommand: '', ...invocation }, [], {
      data: { custom_id: customId, component_type: 2 },
      message,
    })
  }

  private dispatchInteraction(
    type: 2 | 3 | 4,
    invocation: CommandInvocation,
    options: { name: string; type: number; value: string | number | boolean }[],
    component?: { data: Record<string, unknown>; message: Record<string, unknown> },
  ): InteractionRecord {
    if (!this.isReady) throw new Error('fake-discord: no ready client; await waitForSession() first')
    const id = snowflake()
    const token = `interaction-token-${id}`
    const record: InteractionRecord = {
      id,
      token,
      callbacks: [],
      messages: [],
      deletedOriginal: false,
      dispatchedAt: performance.now(),
    }
    this.interactions.set(token, record)
    this.interactions.set(id, record)
    const guildId = invocation.guildId === undefined ? this.guildId : invocation.guildId
    const userId = invocation.userId ?? '1400000000000000001'
    const permissions = String(invocation.permissions ?? MEMBER_PERMISSIONS)
    const channelId = invocation.channelId ?? (guildId ? this.channelId : `15${userId.slice(2)}`)
    const where = guildId
      ? {
          guild_id: guildId,
          guild_locale: 'ko',
          channel_id: channelId,
          channel: { id: channelId, type: 0, guild_id: guildId, name: 'general', permissions, flags: 0 },
          member: {
            user: this.user(userId),
            roles: [],
            permissions,
            joined_at: new Date().toISOString(),
            deaf: false,
            mute: false,
            flags: 0,
            nick: null,
            avatar: null,
            pending: false,
          },
          context: 0,
          authorizing_integration_owners: { '0': guildId },
        }
      : {
          channel_id: channelId,
          channel: { id: channelId, type: 1, flags: 0, recipients: [this.user(userId)] },
          user: this.user(userId),
          context: 1,
          authorizing_integration_owners: { '0': this.guildId },
        }
    this.dispatch('INTERACTION_CREATE', {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      locale: invocation.locale ?? 'ko',
      app_permissions: String(invocation.appPermissions ?? BOT_PERMISSIONS),
      // discord.js iterates `entitlements` unconditionally and throws when it is missing.
      entitlements: [],
      attachment_size_limit: 10_485_760,
      data: component?.data ?? {
        id: '1600000000000000001',
        name: invocation.command ?? 'kai',
        // discord.js drops application-command interactions whose data.type is missing; 1 is CHAT_INPUT.
        type: 1,
        options: [{ name: invocation.subcommand, type: SUBCOMMAND, options }],
        ...(guildId ? { guild_id: guildId } : {}),
      },
      ...(component && { message: { ...component.message, channel_id: channelId } }),
      ...where,
    })
    return record
  }

  private async waitFor(record: InteractionRecord, done: (r: InteractionRecord) => boolean): Promise<void> {
    while (!done(record)) await once(this, `interaction:${record.token}`)
  }

  // ------------------------------------------------------------------ REST

  private async handleHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const contentType = String(req.headers['content-type'] ?? '')
    const body = text && contentType.includes('application/json') ? JSON.parse(text) : text || undefined
    const method = req.method ?? 'GET'
    if (!url.pathname.startsWith(API_PREFIX))
      return this.json(res, 404, { message: '404: Not Found', code: 0 })
    const rawPath = url.pathname.slice(API_PREFIX.length)
    const path = decodeURIComponent(rawPath)
    const authorization = req.headers.authorization
    this.requests.push({ method, path, rawPath, query: url.searchParams, authorization, body })
    const parts = path.split('/').filter(Boolean)

    // Interaction callbacks and webhooks authenticate with the interaction token in the URL.
    const tokenRoute = parts[0] === 'interactions' || parts[0] === 'webhooks'
    if (!tokenRoute && authorization !== `Bot ${this.token}`) {
      return this.json(res, 401, { message: '401: Unauthorized', code: 0 })
    }

    if (method === 'GET' && path === '/gateway/bot') {
      return this.json(res, 200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      })
    }
    if (method === 'GET' && path === '/users/@me') return this.json(res, 200, this.botUser())
    if (method === 'GET' && path === '/applications/@me') {
      return this.json(res, 200, { id: this.applicationId, name: 'kai-bot', flags: 0, bot_public: true })
    }
    if (parts[0] === 'applications' && parts.at(-1) === 'commands') {
      return this.handleCommands(res, method, parts, url.searchParams, body)
    }
    if (method === 'POST' && parts[0] === 'interactions' && parts[3] === 'callback') {
      return this.handleCallback(res, parts[2]!, body as { type: number; data?: Record<string, unknown> })
    }
    if (parts[0] === 'webhooks')
      return this.handleWebhook(res, method, parts, body as Record<string, unknown>)
    if (method === 'POST' && parts[0] === 'channels' && parts[2] === 'messages') {
      return this.handleChannelMessage(res, parts[1]!, body as Record<string, unknown>)
    }
    return this.json(res, 404, { message: '404: Not Found', code: 0 })
  }

  private json(
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    if (status === 204) {
      res.writeHead(204, headers)
      res.end()
      return
    }
    res.writeHead(status, { 'content-type': 'application/json', ...headers })
    res.end(JSON.stringify(body))
  }

  private handleCommands(
    res: http.ServerResponse,
    method: string,
    parts: string[],
    query: URLSearchParams,
    body: unknown,
  ) {
    if (parts[1] !== this.applicationId)
      return this.json(res, 403, { message: 'Missing Access', code: 50001 })
    const scope = parts[2] === 'guilds' ? parts[3]! : 'global'
    if (method === 'GET') {
      const stored = this.commands(scope)
      const withLocalizations = query.get('with_localizations') === 'true'
      return this.json(res, 200, withLocalizations ? stored : stored.map(withoutLocalizations))
    }
    if (method === 'PUT') {
      const previous = this.commands(scope)
      const next = (body as Record<string, unknown>[]).map((command) => {
        const old = previous.find((c) => c.name === command.name)
        return {
          // What Discord adds and returns; the deploy script must ignore these when comparing.
          id: (old?.id as string | undefined) ?? snowflake(),
          application_id: this.applicationId,
          version: snowflake(),
          type: 1,
          nsfw: false,
          default_member_permissions: null,
          integration_types: [0],
          ...(scope === 'global' ? {} : { guild_id: scope }),
          ...command,
        }
      })
      this.storedCommands.set(scope, next)
      return this.json(res, 200, next)
    }
    return this.json(res, 405, { message: '405: Method Not Allowed', code: 0 })
  }

  private handleCallback(
    res: http.ServerResponse,
    token: string,
    body: { type: number; data?: Record<string, unknown> },
  ) {
    const record = this.interactions.get(token)
    if (!record) return this.json(res, 404, { message: 'Unknown interaction', code: 10062 })
    if (record.callbacks.length > 0) {
      return this.json(res, 400, { message: 'Interaction has already been acknowledged.', code: 40060 })
    }
    record.acknowledgedAt = performance.now()
    record.callbacks.push({ type: body.type, data: body.data })
    if (body.type === 4 && body.data) record.messages.push(this.reply('callback', body.data, 0))
    this.json(res, 204, null)
    this.emit(`interaction:${token}`)
  }

  private handleWebhook(
    res: http.ServerResponse,
    method: string,
    parts: string[],
    body: Record<string, unknown> | undefined,
  ) {
    // /webhooks/{app}/{token}[/messages/{id}]
    const token = parts[2]!
    const record = this.interactions.get(token)
    if (parts[1] !== this.applicationId || !record) {
      return this.json(res, 404, { message: 'Unknown Webhook', code: 10015 })
    }
    if (record.callbacks.length === 0) {
      return this.json(res, 404, { message: 'Unknown Webhook', code: 10015 })
    }
    const deferredFlags = Number(record.callbacks[0]?.data?.flags ?? 0)
    if (parts[3] === 'messages' && parts[4] === '@original') {
      if (method === 'DELETE') {
        record.deletedOriginal = true
        this.json(res, 204, null)
        this.emit(`interaction:${token}`)
        return
      }
      if (method === 'PATCH') {
        const reply = this.reply('edit', body ?? {}, deferredFlags)
        record.messages.push(reply)
        this.json(res, 200, this.message(body ?? {}, reply.flags, '@original'))
        this.emit(`interaction:${token}`)
        return
      }
      return this.json(res, 200, this.message(record.messages[0]?.body ?? {}, deferredFlags, '@original'))
    }
    if (method === 'POST' && parts.length === 3) {
      const reply = this.reply('follow-up', body ?? {}, 0)
      record.messages.push(reply)
      this.json(res, 200, this.message(body ?? {}, reply.flags))
      this.emit(`interaction:${token}`)
      return
    }
    return this.json(res, 405, { message: '405: Method Not Allowed', code: 0 })
  }

  private handleChannelMessage(res: http.ServerResponse, channelId: string, body: Record<string, unknown>) {
    this.postAttempts.set(channelId, (this.postAttempts.get(channelId) ?? 0) + 1)
    const failure = this.channelFailures.get(channelId)?.shift()
    if (failure) {
      if (failure.status === 429) {
        const retryAfter = failure.retryAfterSeconds ?? 1
        return this.json(
          res,
          429,
          { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
          { 'retry-after': String(retryAfter), 'x-ratelimit-scope': 'user' },
        )
      }
      return this.json(res, failure.status, { message: 'fake failure', code: failure.code ?? 0 })
    }
    // Like Discord: with enforce_nonce, a nonce this bot used in the last few minutes returns that
    // message again instead of creating a second one.
    const nonce =
      typeof body.nonce === 'string' || typeof body.nonce === 'number' ? String(body.nonce) : undefined
    if (nonce !== undefined && body.enforce_nonce === true) {
      const earlier = this.nonces.get(nonce)
      if (earlier && Date.now() - earlier.at < NONCE_WINDOW_MS) return this.json(res, 200, earlier.response)
    }
    const list = this.posted.get(channelId) ?? []
    list.push(body)
    this.posted.set(channelId, list)
    const response = { ...this.message(body, 0), channel_id: channelId }
    if (nonce !== undefined) this.nonces.set(nonce, { at: Date.now(), response })
    this.emit(`channel:${channelId}`)
    if (this.channelLatencyMs > 0) {
      setTimeout(() => this.json(res, 200, response), this.channelLatencyMs)
      return
    }
    return this.json(res, 200, response)
  }

  private reply(
    via: InteractionReply['via'],
    data: Record<string, unknown>,
    inheritedFlags: number,
  ): InteractionReply {
    const flags = Number(data.flags ?? 0) | inheritedFlags
    return {
      via,
      content: data.content as string | undefined,
      embeds: (data.embeds ?? []) as Record<string, unknown>[],
      flags,
      ephemeral: (flags & 64) !== 0,
      allowed_mentions: data.allowed_mentions as InteractionReply['allowed_mentions'],
      body: data,
    }
  }

  private message(body: Record<string, unknown>, flags: number, id?: string) {
    return {
      id: id === '@original' || !id ? snowflake() : id,
      channel_id: this.channelId,
      type: 0,
      content: (body.content as string | undefined) ?? '',
      embeds: body.embeds ?? [],
      author: this.botUser(),
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      components: [],
      pinned: false,
      application_id: this.applicationId,
    }
  }
}

function withoutLocalizations(command: Record<string, unknown>): Record<string, unknown> {
  const strip = (o: Record<string, unknown>): Record<string, unknown> => {
    const { name_localizations: _n, description_localizations: _d, ...rest } = o
    if (Array.isArray(rest.options)) rest.options = (rest.options as Record<string, unknown>[]).map(strip)
    return rest
  }
  return strip(command)
}

/** Starts a fake Discord on 127.0.0.1 (random port). */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(options).listen()
}
