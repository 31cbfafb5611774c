import { randomUUID } from 'node:crypto'
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
  /**
   * How long a claimed delivery stays this instance's; if it dies while sending, another instance
   * takes the delivery over after this. Must exceed the longest send (timeouts included). Default 60 s.
   */
  leaseMs?: number
  /** Channels claimed per round, so several instances share a burst. Default 5. */
  claimBatch?: number
}

export interface Dispatcher {
  /** Starts sending: pending deliveries left by a previous run (its claims included) go out first. */
  start(): Promise<void>
  /** Asks for a pass now (called after new deliveries were committed). */
  wake(): void
  /** Sends everything due now, including retries that become due while flushing within `timeoutMs`. */
  flush(timeoutMs?: number): Promise<void>
  /** Stops the loop after the delivery in flight and gives back the claims not yet sent. */
  stop(): Promise<void>
}

/**
 * Sends pending deliveries through the platforms' ChatSinks, one channel's changes in order, and
 * marks each sent only after the platform accepted it. Each round claims a few channels' oldest
 * deliveries in the store under a lease, so several instances on one database share the work and a
 * dead instance's claims pass to the others. Failures back off exponentially, a platform's
 * Retry-After wins, and a channel that keeps refusing permanently is marked inactive without
 * holding up the others.
 */
export function createDispatcher(deps: {
  store: NotifyStore
  sinks: ChatSink[]
  logger: Logger
  clock: Clock
  /** This instance's name in claims; unique per process. */
  owner?: string
  options?: DispatcherOptions
}): Dispatcher {
  const o = {
    baseDelayMs: 5_000,
    maxDelayMs: 30 * 60_000,
    maxAttempts: 20,
    permanentFailureLimit: 3,
    idleCheckMs: 60_000,
    leaseMs: 60_000,
    claimBatch: 5,
    ...deps.options,
  }
  const owner = deps.owner ?? `kai-${randomUUID()}`
  const log = deps.logger.child({ component: 'notify-dispatcher' })
  const sinks = new Map<Platform, ChatSink>(deps.sinks.map((s) => [s.platform, s]))
  const platforms = [...sinks.keys()]
  let running = false
  let unwatch: (() => void) | undefined
  let timer: NodeJS.Timeout | undefined
  let pass: Promise<number> | undefined
  let again = false

  /** One pass: claims rounds of channels' oldest due deliveries until none is left. Returns how many were attempted. */
  async function runPass(): Promise<number> {
    let attempted = 0
    for (;;) {
      if (!running && !flushing) break
      const claimed = await deps.store.claimDue({
        owner,
        now: deps.clock.now(),
        leaseMs: o.leaseMs,
        limit: o.claimBatch,
        platforms,
      })
      if (claimed.length === 0) break
      for (const d of claimed) {
        if (!running && !flushing) break
        attempted++
        await deliver(sinks.get(d.platform)!, d)
      }
    }
    return attempted
  }

  async function deliver(sink: ChatSink, d: PendingDelivery): Promise<void> {
    const message = renderChange(d.event, d.lang)
    try {
      await sink.post(d.channelId, message, { deliveryKey: `kai-delivery-${d.id}`, inDoubt: d.inDoubt })
    } catch (err) {
      await handleFailure(d, err)
      return
    }
    await deps.store.markSent(d.id, deps.clock.now())
    log.info({ channel: d.channelKey, event: d.eventId, inDoubt: d.inDoubt }, 'notification delivered')
  }

  async function handleFailure(d: PendingDelivery, err: unknown): Promise<void> {
    const now = deps.clock.now()
    const attempts = d.attempts + 1
    const permanent = err instanceof DeliveryError && err.permanent
    const permanentFailures = permanent ? d.permanentFailures + 1 : 0
    const error = err instanceof Error ? err.message : String(err)
    if (permanent && permanentFailures >= o.permanentFailureLimit) {
      await deps.store.markFailed(d.id, error, now)
      await deps.store.deactivateChannel(d, error, now)
      log.error(
        { err, channel: d.channelKey, attempts },
        'channel refuses the bot: subscription marked inactive',
      )
      return
    }
    if (!permanent && attempts >= o.maxAttempts) {
      await deps.store.markFailed(d.id, error, now)
      log.error(
        { err, channel: d.channelKey, event: d.eventId, attempts },
        'notification given up after retries',
      )
      return
    }
    const backoff = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempts - 1))
    const retryAfter = err instanceof DeliveryError ? err.retryAfterMs : undefined
    const delay = retryAfter !== undefined ? Math.max(retryAfter, 0) : backoff
    await deps.store.markRetry(d.id, {
      attempts,
      permanentFailures,
      nextAttemptAt: now.getTime() + delay,
      error,
    })
    log.warn(
      { err, channel: d.channelKey, event: d.eventId, attempts, retryInMs: delay },
      'notification will be retried',
    )
  }

  let flushing = false
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
        } while (again && (running || flushing))
      } catch (err) {
        // The store is unreachable (PostgreSQL down) or refused a write: deliveries stay pending.
        log.error({ err }, 'notification pass failed; will try again')
        failedPass = true
      } finally {
        pass = undefined
        await schedule()
      }
      return total
    })()
    return pass
  }

  let failedPass = false
  /** Sleeps until the earliest retry or lapsing lease is due (or `idleCheckMs`), instead of polling. */
  async function schedule(): Promise<void> {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (!running) return
    const now = deps.clock.now().getTime()
    let next = now + o.idleCheckMs
    if (failedPass) {
      failedPass = false
      next = now + Math.min(o.idleCheckMs, o.baseDelayMs)
    } else {
      try {
        next = Math.min(next, (await deps.store.nextClaimableAt(platforms)) ?? next)
      } catch (err) {
        log.error({ err }, 'could not read the outbox; will try again')
        next = now + Math.min(o.idleCheckMs, o.baseDelayMs)
      }
    }
    if (!running) return
    timer = setTimeout(() => void kick(), Math.max(0, next - now))
    timer.unref()
  }

  return {
    async start() {
      if (running) return
      running = true
      try {
        const recovered = await deps.store.recoverClaims(owner)
        if (recovered > 0)
          log.warn({ recovered }, 'deliveries a previous run was sending are retried, in doubt')
      } catch (err) {
        log.error({ err }, 'could not recover earlier claims; they lapse with their lease')
      }
      unwatch = deps.store.watchOutbox?.(() => {
        if (running) void kick()
      })
      void kick()
    },
    wake() {
      if (running) void kick()
    },
    async flush(timeoutMs = 0) {
      const deadline = Date.now() + timeoutMs
      flushing = true
      try {
        for (;;) {
          if (pass) await pass
          await kick()
          const next = await deps.store.nextClaimableAt(platforms)
          if (next === null) return
          const wait = next - deps.clock.now().getTime()
          if (wait <= 0) continue
          if (wait > deadline - Date.now()) return
          await new Promise((resolve) => setTimeout(resolve, wait))
        }
      } finally {
        flushing = false
      }
    },
    async stop() {
      running = false
      unwatch?.()
      unwatch = undefined
      if (timer) clearTimeout(timer)
      timer = undefined
      if (pass) await pass
      await deps.store.releaseClaims(owner)
    },
  }
}
