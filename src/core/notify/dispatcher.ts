import type { Logger } from 'pino'
import { DeliveryError } from '../errors.js'
import type { ChatSink, Clock, Platform } from '../ports.js'
import type { NotifyStore, PendingDelivery } from './store-port.js'
import { renderChange } from './templates.js'

/** Retry policy of the dispatcher; the defaults suit production, tests shorten them. */
export interface DispatcherOptions {
  /** First retry delay after a failure; doubles each attempt. Default 5 s. */
  baseDelayMs?: number
  /** Longest wait between attempts. Default 30 min. */
  maxDelayMs?: number
  /** Attempts before a delivery is given up as failed (transient errors). Default 20 (about 8 hours). */
  maxAttempts?: number
  /** Permanent refusals in a row (channel gone, bot not allowed) before the channel is marked inactive. Default 3. */
  permanentFailureLimit?: number
  /** Longest sleep while deliveries wait for a retry; wake-ups after new rows come from `wake()`. Default 60 s. */
  idleCheckMs?: number
}

export interface Dispatcher {
  /** Starts sending: pending deliveries left by a previous run go out first. */
  start(): void
  /** Asks for a pass now (called after new deliveries were committed). */
  wake(): void
  /** Sends everything due now, including retries that become due while flushing within `timeoutMs`. */
  flush(timeoutMs?: number): Promise<void>
  /** Stops the loop after the delivery in flight. */
  stop(): Promise<void>
}

/**
 * Sends pending deliveries through the platforms' ChatSinks, one channel's changes in order, and
 * marks each sent only after the platform accepted it. Failures back off exponentially, a
 * platform's Retry-After wins, and a channel that keeps refusing permanently is marked inactive
 * without holding up the others.
 */
export function createDispatcher(deps: {
  store: NotifyStore
  sinks: ChatSink[]
  logger: Logger
  clock: Clock
  options?: DispatcherOptions
}): Dispatcher {
  const o = {
    baseDelayMs: 5_000,
    maxDelayMs: 30 * 60_000,
    maxAttempts: 20,
    permanentFailureLimit: 3,
    idleCheckMs: 60_000,
    ...deps.options,
  }
  const log = deps.logger.child({ component: 'notify-dispatcher' })
  const sinks = new Map<Platform, ChatSink>(deps.sinks.map((s) => [s.platform, s]))
  const missingSinkLogged = new Set<Platform>()
  let running = false
  let timer: NodeJS.Timeout | undefined
  let pass: Promise<number> | undefined
  let again = false

  /** One pass: each channel's oldest pending delivery, if due. Returns how many were attempted. */
  async function runPass(): Promise<number> {
    const now = deps.clock.now().getTime()
    const firstPerChannel = new Map<string, PendingDelivery>()
    for (const d of deps.store.pendingDeliveries()) {
      if (!firstPerChannel.has(d.channelKey)) firstPerChannel.set(d.channelKey, d)
    }
    let attempted = 0
    for (const d of firstPerChannel.values()) {
      if (d.nextAttemptAt > now) continue
      const sink = sinks.get(d.platform)
      if (!sink) {
        if (!missingSinkLogged.has(d.platform)) {
          missingSinkLogged.add(d.platform)
          log.warn({ platform: d.platform }, 'deliveries wait: this platform is not connected')
        }
        continue
      }
      attempted++
      await deliver(sink, d)
    }
    return attempted
  }

  async function deliver(sink: ChatSink, d: PendingDelivery): Promise<void> {
    const message = renderChange(d.event, d.lang)
    try {
      await sink.post(d.channelId, message)
      deps.store.markSent(d.id, deps.clock.now())
      log.info({ channel: d.channelKey, event: d.eventId }, 'notification delivered')
    } catch (err) {
      handleFailure(d, err)
    }
  }

  function handleFailure(d: PendingDelivery, err: unknown): void {
    const now = deps.clock.now()
    const attempts = d.attempts + 1
    const permanent = err instanceof DeliveryError && err.permanent
    const permanentFailures = permanent ? d.permanentFailures + 1 : 0
    const error = err instanceof Error ? err.message : String(err)
    if (permanent && permanentFailures >= o.permanentFailureLimit) {
      deps.store.markFailed(d.id, error, now)
      deps.store.deactivateChannel(d, error, now)
      log.error(
        { err, channel: d.channelKey, attempts },
        'channel refuses the bot: subscription marked inactive',
      )
      return
    }
    if (!permanent && attempts >= o.maxAttempts) {
      deps.store.markFailed(d.id, error, now)
      log.error(
        { err, channel: d.channelKey, event: d.eventId, attempts },
        'notification given up after retries',
      )
      return
    }
    const backoff = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempts - 1))
    const retryAfter = err instanceof DeliveryError ? err.retryAfterMs : undefined
    const delay = retryAfter !== undefined ? Math.max(retryAfter, 0) : backoff
    deps.store.markRetry(d.id, { attempts, permanentFailures, nextAttemptAt: now.getTime() + delay, error })
    log.warn(
      { err, channel: d.channelKey, event: d.eventId, attempts, retryInMs: delay },
      'notification will be retried',
    )
  }

  /** Runs passes until nothing is due, never two at once; a wake during a pass queues one more. */
  function kick(): Promise<number> {
    if (pass) {
      again = true
      return pass
    }
    pass = (async () => {
      let total = 0
      try {
        do {
          again = false
          total += await runPass()
        } while (again && running)
      } catch (err) {
        log.error({ err }, 'notification pass failed; will try again')
      } finally {
        pass = undefined
        schedule()
      }
      return total
    })()
    return pass
  }

  /** Epoch ms when the next delivery may go (each channel's oldest only), or null when none waits. */
  function nextDue(): number | null {
    const seen = new Set<string>()
    let next: number | null = null
    for (const d of deps.store.pendingDeliveries()) {
      if (seen.has(d.channelKey)) continue
      seen.add(d.channelKey)
      if (!sinks.has(d.platform)) continue
      next = next === null ? d.nextAttemptAt : Math.min(next, d.nextAttemptAt)
    }
    return next
  }

  /** Sleeps until the earliest retry is due (or `idleCheckMs`), instead of polling. */
  function schedule(): void {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (!running) return
    const now = deps.clock.now().getTime()
    const next = Math.min(nextDue() ?? Number.POSITIVE_INFINITY, now + o.idleCheckMs)
    timer = setTimeout(() => void kick(), Math.max(0, next - now))
    timer.unref()
  }

  return {
    start() {
      if (running) return
      running = true
      void kick()
    },
    wake() {
      if (running) void kick()
    },
    async flush(timeoutMs = 0) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        if (pass) await pass
        await kick()
        const next = nextDue()
        if (next === null) return
        const wait = next - deps.clock.now().getTime()
        if (wait <= 0) continue
        if (wait > deadline - Date.now()) return
        await new Promise((resolve) => setTimeout(resolve, wait))
      }
    },
    async stop() {
      running = false
      if (timer) clearTimeout(timer)
      timer = undefined
      if (pass) await pass
    },
  }
}
