/**
 * A small fake Slack on 127.0.0.1 for driving the real Bolt app end to end (HTTP and Socket Mode).
 *
 * ```ts
 * const slack = await startFakeSlack()                // Web API + response URLs + Socket Mode on a random port
 * env.SLACK_API_URL = slack.apiUrl                    // http://127.0.0.1:<port>/api/  (Bolt `clientOptions.slackApiUrl`)
 * env.SLACK_BOT_TOKEN = slack.botToken; env.SLACK_SIGNING_SECRET = slack.signingSecret
 * env.SLACK_APP_TOKEN = slack.appToken                // only for Socket Mode
 *
 * // HTTP mode: sign and POST like Slack does (v0 HMAC-SHA256 of `v0:${ts}:${body}`)
 * const to = slack.sender(`http://127.0.0.1:${port}/slack/events`)
 * const res = await to.event(mention('<@UBOT> 1차 결과는?'), { retryNum: 1, eventId: 'Ev1' })  // → fetch Response
 * await to.command({ text: 'results 1' })            // form-encoded slash command with a fake response_url
 * await to.action(shareAction(value))                // block_actions payload
 * await to.action(buttonAction({ actionId: 'kai_dym_0', value, threadTs, responseUrl }))  // any button
 * await to.event(body, { timestampSec: now + 600 })  // or { signature: 'v0=bad' } for forged requests
 *
 * // Socket Mode: apps.connections.open hands out ws://127.0.0.1:<port>/socket; the fake says `hello`
 * await slack.socket.connected()
 * const envelopeId = slack.socket.sendEvent(mention('…'))   // or sendCommand / sendAction, { retryAttempt }
 * await slack.socket.waitForAck(envelopeId)
 *
 * // What the bot did
 * slack.calls / slack.callsTo('chat.postMessage')    // every Web API call: method, args (form or JSON, decoded), token
 * await slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === ts)
 * slack.responses / await slack.waitForResponse()   // bodies the bot POSTed to response_url
 * slack.failNext('chat.postMessage', { error: 'not_in_channel' })           // `ok: false`, HTTP 200
 * slack.failNext('chat.postMessage', { error: 'ratelimited', retryAfterSec: 7 })  // `ok: false` + Retry-After
 * slack.failNext('chat.postMessage', { status: 429, retryAfterSec: 3 })     // a real HTTP 429
 * const held = slack.holdNext('chat.postMessage'); …; held.release()   // answer that call only when released
 * slack.users.set('U2', { is_admin: true }); slack.members.set('C1', ['U1'])
 * slack.users.set('U3', { locale: 'ko-KR' })       // users.info with include_locale (others get defaultLocale)
 * slack.posted                                       // messages the bot posted, as conversations.replies/history return them
 * await slack.close()
 * ```
 *
 * Web API methods: auth.test, chat.postMessage, chat.postEphemeral, chat.update, users.info,
 * conversations.members, users.conversations, conversations.replies, conversations.history (the bot's own
 * posts, with `metadata` when asked for `include_all_metadata`), apps.connections.open, views.open/publish/update; anything
 * else answers `{ ok: true }`. Every answer is HTTP 200 unless a test asks otherwise (the Web API client
 * retries non-200 answers for a long time). Tokens are checked: a wrong one gets `invalid_auth`.
 * Builders below (`messageEvent`, `mention`, `eventCallback`, `commandFields`, `shareAction`, `buttonAction`) follow the
 * payload shapes in Slack's docs; the fake only checks what the tests rely on.
 */
import { createHmac, randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { type WebSocket, WebSocketServer } from 'ws'

export const TEAM_ID = 'T0FAKE'
export const BOT_USER_ID = 'UBOT0KAI'
export const BOT_ID = 'BBOT0KAI'
export const APP_ID = 'A0FAKEKAI'

export interface ApiCall {
  method: string
  args: Record<string, unknown>
  /** Bearer token the call carried (or the `token` form field). */
  token: string | undefined
}

export interface ResponseUrlPost {
  id: string
  body: Record<string, unknown>
}

export interface SocketAck {
  envelope_id: string
  payload?: Record<string, unknown>
}

type Failure = { error?: string; status?: number; retryAfterSec?: number }

export interface FakeSlackOptions {
  signingSecret?: string
  botToken?: string
  appToken?: string
  /** Locale users.info reports (with `include_locale`) for users without their own; Slack's default is en-US. */
  defaultLocale?: string
}

export interface FakeUser {
  is_admin?: boolean
  is_owner?: boolean
  is_primary_owner?: boolean
  is_bot?: boolean
  /** What users.info reports with `include_locale: true` ("ko-KR", "en-US"). */
  locale?: string
}

/** A message the bot posted with chat.postMessage, as the fake's history returns it. */
export interface PostedMessage {
  channel: string
  ts: string
  thread_ts?: string
  text?: string
  metadata?: { event_type: string; event_payload: Record<string, unknown> }
  user: string
  bot_id: string
}

let tsCounter = 0
/** A fresh, increasing Slack message timestamp. */
export function nextTs(): string {
  tsCounter += 1
  return `${1_760_000_000 + tsCounter}.${String(tsCounter).padStart(6, '0')}`
}

/** A `message` event as Slack sends it for a person's message (override any field). */
export function messageEvent(fields: Record<string, unknown> & { text?: string }): Record<string, unknown> {
  const ts = (fields.ts as string | undefined) ?? nextTs()
  return {
    type: 'message',
    user: 'U0ALICE',
    text: '',
    channel: 'C0GENERAL',
    channel_type: 'channel',
    team: TEAM_ID,
    client_msg_id: randomUUID(),
    event_ts: ts,
    ...fields,
    ts,
  }
}

/** An `app_mention` event: `text` should contain `<@UBOT0KAI>` like Slack's does. */
export function mention(text: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return messageEvent({ type: 'app_mention', text, ...fields, channel_type: undefined })
}

/** Wraps an event in the Events API `event_callback` envelope. */
export function eventCallback(event: Record<string, unknown>, eventId = `Ev${randomUUID().slice(0, 8)}`) {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    api_app_id: APP_ID,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }],
    is_ext_shared_channel: false,
    event_context: `4-${randomUUID()}`,
  }
}

/** A `block_actions` payload for the "Share in channel" button. */
export function shareAction(
  value: string,
  fields: { user?: string; channel?: string; responseUrl: string },
): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: TEAM_ID, domain: 'fake' },
    user: { id: fields.user ?? 'U0ALICE', username: 'alice', team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: nextTs(),
      channel_id: fields.channel ?? 'C0GENERAL',
      is_ephemeral: true,
    },
    trigger_id: `${Date.now()}.trigger`,
    channel: { id: fields.channel ?? 'C0GENERAL', name: 'general' },
    response_url: fields.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: 'kai_share',
        block_id: 'share',
        value,
        text: { type: 'plain_text', text: 'Share' },
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  }
}

/**
 * A `block_actions` payload for pressing any button on a message, as Slack sends it: `container` names the
 * message (and its thread, and whether it is ephemeral), `message` repeats its `ts` / `thread_ts`.
 */
export function buttonAction(fields: {
  actionId: string
  value?: string
  responseUrl: string
  user?: string
  channel?: string
  /** The `ts` of the message holding the button. */
  messageTs?: string
  /** The thread that message is in (absent for a top-level message). */
  threadTs?: string
  /** True for a button on an ephemeral message (a `/kai` reply). */
  ephemeral?: boolean
  blockId?: string
}): Record<string, unknown> {
  const channel = fields.channel ?? 'C0GENERAL'
  const messageTs = fields.messageTs ?? nextTs()
  return {
    type: 'block_actions',
    team: { id: TEAM_ID, domain: 'fake' },
    user: { id: fields.user ?? 'U0ALICE', username: 'alice', team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: messageTs,
      channel_id: channel,
      is_ephemeral: fields.ephemeral ?? false,
      ...(fields.threadTs && { thread_ts: fields.threadTs }),
    },
    trigger_id: `${Date.now()}.${Math.floor(Math.random() * 1e6)}.trigger`,
    channel: { id: channel, name: 'general' },
    ...(!fields.ephemeral && {
      message: { type: 'message', ts: messageTs, ...(fields.threadTs && { thread_ts: fields.threadTs }) },
    }),
    response_url: fields.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: fields.actionId,
        block_id: fields.blockId ?? 'kai',
        ...(fields.value !== undefined && { value: fields.value }),
        text: { type: 'plain_text', text: 'button' },
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  }
}

export interface SignOptions {
  /** X-Slack-Request-Timestamp in seconds; now by default. */
  timestampSec?: number
  /** Replaces the computed signature (forgery tests). */
  signature?: string
  retryNum?: number
  retryReason?: string
}

export interface Sender {
  /** POSTs an event (a bare event is wrapped in `event_callback`) as JSON. */
  event(bodyOrEvent: Record<string, unknown>, options?: SignOptions & { eventId?: string }): Promise<Response>
  /** POSTs a slash command, form-encoded; fills in ids and a response_url pointing at the fake. */
  command(fields: Record<string, string>, options?: SignOptions): Promise<Response>
  /** POSTs an interactivity payload (`payload=<json>`). */
  action(payload: Record<string, unknown>, options?: SignOptions): Promise<Response>
  /** POSTs any body with the given content type, signed. */
  raw(body: string, contentType: string, options?: SignOptions): Promise<Response>
}

export interface FakeSlack {
  apiUrl: string
  baseUrl: string
  signingSecret: string
  botToken: string
  appToken: string
  calls: ApiCall[]
  responses: ResponseUrlPost[]
  users: Map<string, FakeUser>
  members: Map<string, string[]>
  posted: PostedMessage[]
  callsTo(method: string): ApiCall[]
  waitForCall(method: string, predicate?: (call: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>
  waitForResponse(
    predicate?: (post: ResponseUrlPost) => boolean,
    timeoutMs?: number,
  ): Promise<ResponseUrlPost>
  failNext(method: string, failure: Failure): void
  /** Holds the answer to the next call of `method` until `release()`; `arrived` resolves when the call comes in. */
  holdNext(method: string): { arrived: Promise<ApiCall>; release(): void }
  /**
   * Answers every call of `method` `ms` late, after it took effect (a slow network): a process killed
   * meanwhile has posted without learning so. 0 turns it off.
   */
  slowDown(method: string, ms: number): void
  /** A new response_url on the fake. */
  responseUrl(): string
  /** Slash command form fields as Slack sends them (override any). */
  commandFields(fields?: Record<string, string>): Record<string, string>
  sender(url: string): Sender
  socket: {
    connected(timeoutMs?: number): Promise<void>
    acks: SocketAck[]
    sendEvent(
      bodyOrEvent: Record<string, unknown>,
      options?: { retryAttempt?: number; eventId?: string },
    ): string
    sendCommand(fields: Record<string, string>): string
    sendAction(payload: Record<string, unknown>): string
    waitForAck(envelopeId: string, timeoutMs?: number): Promise<SocketAck>
    /** How many Socket Mode connections were opened so far. */
    connections(): number
    /** How many Socket Mode connections are open now. */
    openConnections(): number
  }
  close(): Promise<void>
}

function sign(secret: string, timestampSec: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex')}`
}

/** Form fields become strings; Bolt's Web API client sends `blocks` and other objects as JSON strings. */
function decodeForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(body)) {
    if (/^[[{]/.test(value)) {
      try {
        out[key] = JSON.parse(value)
        continue
      } catch {
        // not JSON after all: keep the string
      }
    }
    out[key] = value
  }
  return out
}

/** Form-encoded booleans arrive as strings. */
function isTrue(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1
}

function isMetadata(value: unknown): value is PostedMessage['metadata'] {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { event_type?: unknown }).event_type === 'string'
  )
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** Starts the fake on 127.0.0.1 (random port). */
export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const signingSecret = options.signingSecret ?? 'fake-signing-secret-0123456789'
  const botToken = options.botToken ?? 'xoxb-fake-bot-token'
  const appToken = options.appToken ?? 'xapp-1-fake-app-token'
  const calls: ApiCall[] = []
  const responses: ResponseUrlPost[] = []
  const acks: SocketAck[] = []
  const users = new Map<string, FakeUser>()
  const members = new Map<string, string[]>()
  const posted: PostedMessage[] = []
  const defaultLocale = options.defaultLocale ?? 'en-US'
  const failures = new Map<string, Failure[]>()
  const latency = new Map<string, number>()
  const holds = new Map<string, { arrive: (call: ApiCall) => void; released: Promise<void> }[]>()
  const events = new EventEmitter()
  events.setMaxListeners(100)
  const sockets = new Set<WebSocket>()
  let connectionCount = 0

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const raw = await readBody(req)
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const write = () => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers })
        res.end(JSON.stringify(body))
      }
      const late = latency.get(url.pathname.replace(/^.*\//, '')) ?? 0
      if (late > 0) setTimeout(write, late)
      else write()
    }
    if (url.pathname.startsWith('/response/')) {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
      const post = { id: url.pathname.slice('/response/'.length), body }
      responses.push(post)
      events.emit('response', post)
      json(200, { ok: true })
      return
    }
    if (!url.pathname.startsWith('/api/')) {
      json(404, { ok: false, error: 'unknown_path' })
      return
    }
    const method = url.pathname.slice('/api/'.length)
    const contentType = req.headers['content-type'] ?? ''
    const args = contentType.includes('application/json')
      ? ((raw ? JSON.parse(raw) : {}) as Record<string, unknown>)
      : decodeForm(raw)
    const auth = req.headers.authorization
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : (args.token as string | undefined)
    const call: ApiCall = { method, args, token }
    calls.push(call)
    events.emit('call', call)
    const hold = holds.get(method)?.shift()
    if (hold) {
      hold.arrive(call)
      await hold.released
    }

    const failure = failures.get(method)?.shift()
    if (failure) {
      const headers: Record<string, string> =
        failure.retryAfterSec !== undefined ? { 'retry-after': String(failure.retryAfterSec) } : {}
      json(failure.status ?? 200, { ok: false, error: failure.error ?? 'ratelimited' }, headers)
      return
    }
    const expected = method === 'apps.connections.open' ? appToken : botToken
    if (token !== expected) {
      json(200, { ok: false, error: 'invalid_auth' })
      return
    }
    json(200, answer(method, args))
  })

  function answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake Team',
          user: 'kai',
          team_id: TEAM_ID,
          user_id: BOT_USER_ID,
          bot_id: BOT_ID,
          is_enterprise_install: false,
        }
      case 'chat.postMessage': {
        const ts = nextTs()
        posted.push({
          channel: String(args.channel),
          ts,
          ...(typeof args.thread_ts === 'string' && { thread_ts: args.thread_ts }),
          ...(typeof args.text === 'string' && { text: args.text }),
          ...(isMetadata(args.metadata) && { metadata: args.metadata }),
          user: BOT_USER_ID,
          bot_id: BOT_ID,
        })
        return {
          ok: true,
          channel: args.channel,
          ts,
          message: { ...args, ts, bot_id: BOT_ID, user: BOT_USER_ID },
        }
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts }
      case 'users.info': {
        const id = String(args.user)
        const user = users.get(id)
        if (!user && !id.startsWith('U')) return { ok: false, error: 'user_not_found' }
        const { locale = defaultLocale, ...fields } = user ?? {}
        const withLocale = isTrue(args.include_locale) ? { locale } : {}
        return { ok: true, user: { id, team_id: TEAM_ID, name: id.toLowerCase(), ...fields, ...withLocale } }
      }
      case 'conversations.replies':
      case 'conversations.history': {
        const channel = String(args.channel)
        const oldest = Number(args.oldest ?? 0)
        const inThread = (m: PostedMessage) => m.ts === args.ts || m.thread_ts === args.ts
        const messages = posted
          .filter((m) => m.channel === channel && Number(m.ts) > oldest)
          .filter((m) => (method === 'conversations.replies' ? inThread(m) : m.thread_ts === undefined))
          .map(({ channel: _, metadata, ...m }) => ({
            type: 'message',
            ...m,
            ...(metadata && isTrue(args.include_all_metadata) && { metadata }),
          }))
        if (method === 'conversations.history') messages.reverse()
        return { ok: true, messages, has_more: false, response_metadata: { next_cursor: '' } }
      }
      case 'conversations.members': {
        const list = members.get(String(args.channel))
        if (!list) return { ok: false, error: 'channel_not_found' }
        return { ok: true, members: list, response_metadata: { next_cursor: '' } }
      }
      case 'users.conversations': {
        const user = String(args.user ?? BOT_USER_ID)
        const channels = [...members].filter(([, m]) => m.includes(user)).map(([id]) => ({ id }))
        return { ok: true, channels, response_metadata: { next_cursor: '' } }
      }
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${port()}/socket?ticket=${randomUUID()}` }
      case 'views.open':
      case 'views.publish':
      case 'views.update':
        return { ok: true, view: { id: `V${randomUUID().slice(0, 8)}`, ...((args.view as object) ?? {}) } }
      default:
        return { ok: true }
    }
  }

  const wss = new WebSocketServer({ noServer: true })
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== '/socket') {
      socket.destroy()
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      connectionCount += 1
      sockets.add(ws)
      ws.on('close', () => sockets.delete(ws))
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as SocketAck
        if (message.envelope_id) {
          acks.push(message)
          events.emit('ack', message)
        }
      })
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: sockets.size,
          debug_info: { host: 'fake-slack', approximate_connection_time: 18060 },
          connection_info: { app_id: APP_ID },
        }),
      )
      events.emit('connected')
    })
  })

  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve))
  const port = () => (server.address() as AddressInfo).port
  const baseUrl = `http://127.0.0.1:${port()}`

  function waitFor<T>(
    name: string,
    existing: () => T | undefined,
    match: (item: T) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<T> {
    const found = existing()
    if (found !== undefined) return Promise.resolve(found)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        events.off(name, listener)
        reject(new Error(`fake Slack: timed out waiting for ${what}`))
      }, timeoutMs)
      const listener = (item: T) => {
        if (!match(item)) return
        clearTimeout(timer)
        events.off(name, listener)
        resolve(item)
      }
      events.on(name, listener)
    })
  }

  function responseUrl(): string {
    return `${baseUrl}/response/${randomUUID()}`
  }

  function commandFields(fields: Record<string, string> = {}): Record<string, string> {
    return {
      token: 'legacy-verification-token',
      team_id: TEAM_ID,
      team_domain: 'fake',
      channel_id: 'C0GENERAL',
      channel_name: 'general',
      user_id: 'U0ALICE',
      user_name: 'alice',
      command: '/kai',
      text: '',
      api_app_id: APP_ID,
      is_enterprise_install: 'false',
      response_url: responseUrl(),
      trigger_id: `${Date.now()}.${Math.floor(Math.random() * 1e6)}.trigger`,
      ...fields,
    }
  }

  function toCallback(bodyOrEvent: Record<string, unknown>, eventId?: string) {
    return bodyOrEvent.type === 'event_callback' ? bodyOrEvent : eventCallback(bodyOrEvent, eventId)
  }

  function sendEnvelope(envelope: Record<string, unknown>): string {
    const envelopeId = randomUUID()
    const text = JSON.stringify({ envelope_id: envelopeId, ...envelope })
    for (const ws of sockets) ws.send(text)
    return envelopeId
  }

  return {
    apiUrl: `${baseUrl}/api/`,
    baseUrl,
    signingSecret,
    botToken,
    appToken,
    calls,
    responses,
    users,
    members,
    posted,
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitForCall: (method, predicate = () => true, timeoutMs = 10_000) =>
      waitFor<ApiCall>(
        'call',
        () => calls.find((c) => c.method === method && predicate(c)),
        (c) => c.method === method && predicate(c),
        timeoutMs,
        `a ${method} call`,
      ),
    waitForResponse: (predicate = () => true, timeoutMs = 10_000) =>
      waitFor<ResponseUrlPost>(
        'response',
        () => responses.find(predicate),
        predicate,
        timeoutMs,
        'a response_url post',
      ),
    failNext(method, failure) {
      const list = failures.get(method) ?? []
      list.push(failure)
      failures.set(method, list)
    },
    slowDown(method, ms) {
      latency.set(method, ms)
    },
    holdNext(method) {
      let arrive!: (call: ApiCall) => void
      let release!: () => void
      const arrived = new Promise<ApiCall>((resolve) => {
        arrive = resolve
      })
      const released = new Promise<void>((resolve) => {
        release = resolve
      })
      const list = holds.get(method) ?? []
      list.push({ arrive, released })
      holds.set(method, list)
      return { arrived, release }
    },
    responseUrl,
    commandFields,
    sender(url: string): Sender {
      const raw = (body: string, contentType: string, o: SignOptions = {}) => {
        const ts = o.timestampSec ?? Math.floor(Date.now() / 1000)
        const headers: Record<string, string> = {
          'content-type': contentType,
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': o.signature ?? sign(signingSecret, ts, body),
        }
        if (o.retryNum !== undefined) {
          headers['x-slack-retry-num'] = String(o.retryNum)
          headers['x-slack-retry-reason'] = o.retryReason ?? 'http_timeout'
        }
        return fetch(url, { method: 'POST', headers, body })
      }
      return {
        raw,
        event: (bodyOrEvent, o = {}) =>
          raw(JSON.stringify(toCallback(bodyOrEvent, o.eventId)), 'application/json', o),
        command: (fields, o) =>
          raw(new URLSearchParams(commandFields(fields)).toString(), 'application/x-www-form-urlencoded', o),
        action: (payload, o) =>
          raw(
            new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
            'application/x-www-form-urlencoded',
            o,
          ),
      }
    },
    socket: {
      acks,
      connections: () => connectionCount,
      openConnections: () => sockets.size,
      connected: (timeoutMs = 10_000) =>
        sockets.size > 0
          ? Promise.resolve()
          : waitFor<void>(
              'connected',
              () => undefined,
              () => true,
              timeoutMs,
              'a Socket Mode connection',
            ),
      sendEvent: (bodyOrEvent, o = {}) =>
        sendEnvelope({
          type: 'events_api',
          payload: toCallback(bodyOrEvent, o.eventId),
          accepts_response_payload: false,
          retry_attempt: o.retryAttempt ?? 0,
          retry_reason: o.retryAttempt ? 'timeout' : '',
        }),
      sendCommand: (fields) =>
        sendEnvelope({
          type: 'slash_commands',
          payload: commandFields(fields),
          accepts_response_payload: true,
        }),
      sendAction: (payload) =>
        sendEnvelope({ type: 'interactive', payload, accepts_response_payload: false }),
      waitForAck: (envelopeId, timeoutMs = 10_000) =>
        waitFor<SocketAck>(
          'ack',
          () => acks.find((a) => a.envelope_id === envelopeId),
          (a) => a.envelope_id === envelopeId,
          timeoutMs,
          `the ack of envelope ${envelopeId}`,
        ),
    },
    async close() {
      for (const ws of sockets) ws.terminate()
      wss.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
