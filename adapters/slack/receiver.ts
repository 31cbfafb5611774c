import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { App, Logger as BoltLogger, Receiver } from '@slack/bolt'
import { HTTPReceiver } from '@slack/bolt'
import type { Logger } from 'pino'

/** Where Slack sends events, slash commands and interactions (the manifest's request URLs). */
export const EVENTS_PATH = '/slack/events'
export const HEALTH_PATH = '/healthz'
/** Slack's replay window: requests signed more than five minutes away from our clock are refused. */
const MAX_SKEW_SECONDS = 5 * 60

export interface GuardedHttpReceiverOptions {
  signingSecret: string
  host: string
  port: number
  logger: Logger
  boltLogger: BoltLogger
  /** Milliseconds since the epoch; injectable for tests of the replay window. */
  now?: () => number
}

/**
 * Bolt's HTTPReceiver behind our own server: it binds `host:port` explicitly (never every interface),
 * answers `GET /healthz`, and refuses requests stamped more than five minutes in the future, which
 * Bolt's own check (past only) lets through. Signature and staleness checks stay Bolt's.
 */
export class GuardedHttpReceiver implements Receiver {
  private readonly inner: HTTPReceiver
  private server: Server | undefined
  private readonly now: () => number

  constructor(private readonly options: GuardedHttpReceiverOptions) {
    this.now = options.now ?? Date.now
    this.inner = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: EVENTS_PATH,
      logger: options.boltLogger,
      // Ack first, work after: Slack wants an answer within 3 s and retries otherwise.
      processBeforeResponse: false,
    })
  }

  init(app: App): void {
    this.inner.init(app)
  }

  start(): Promise<Server> {
    if (this.server) return Promise.resolve(this.server)
    const server = createServer((req, res) => this.route(req, res))
    this.server = server
    return new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen({ port: this.options.port, host: this.options.host }, () => {
        server.off('error', reject)
        server.on('error', (err) => this.options.logger.error({ err }, 'slack http server error'))
        resolve(server)
      })
    })
  }

  /** Stops accepting connections; resolves once open requests are done. */
  stop(): Promise<void> {
    const server = this.server
    this.server = undefined
    if (!server) return Promise.resolve()
    return new Promise((resolve) => {
      server.close(() => resolve())
      server.closeIdleConnections()
    })
  }

  /** The bound address, once started (useful with port 0). */
  address(): { host: string; port: number } | undefined {
    const address = this.server?.address() as AddressInfo | null | undefined
    return address ? { host: address.address, port: address.port } : undefined
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    if (path === HEALTH_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(req.method === 'GET' ? '{"ok":true}' : undefined)
      return
    }
    if (path === EVENTS_PATH && req.method === 'POST' && this.isFromTheFuture(req)) {
      this.options.logger.warn({ path }, 'refused a Slack request signed more than 5 minutes in the future')
      res.writeHead(401)
      res.end()
      return
    }
    if (path !== EVENTS_PATH) {
      res.writeHead(404)
      res.end()
      return
    }
    try {
      this.inner.requestListener(req, res)
    } catch (err) {
      this.options.logger.error({ err }, 'slack request failed before reaching Bolt')
      if (!res.headersSent) res.writeHead(500)
      res.end()
    }
  }

  private isFromTheFuture(req: IncomingMessage): boolean {
    const header = req.headers['x-slack-request-timestamp']
    const stamp = Number(Array.isArray(header) ? header[0] : header)
    // A missing or malformed stamp is Bolt's to refuse (401) along with the signature.
    if (!Number.isFinite(stamp)) return false
    return stamp > Math.floor(this.now() / 1000) + MAX_SKEW_SECONDS
  }
}
