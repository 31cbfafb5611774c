import type { Lang } from '../answer/types.js'
import type { ChannelRef, Platform, Subscription } from '../ports.js'
import type { ChangeEvent, RecordedChange, ResultsState } from './types.js'

/** The last state announcements were computed against. */
export interface Baseline {
  state: ResultsState
  /** Hash of the corpus (plus remote timeline) it came from: an identical input is skipped without diffing. */
  inputHash: string
  updatedAt: string
}

/** One delivery to create: a change event for one channel, in that channel's language. */
export interface PlannedDelivery extends ChannelRef {
  eventId: string
  channelKey: string
  lang: Lang
}

/** A delivery waiting to be sent, with the event it carries. */
export interface PendingDelivery extends PlannedDelivery {
  id: number
  event: ChangeEvent
  /** Attempts made so far. */
  attempts: number
  /** Consecutive permanent refusals (channel gone, bot not allowed). */
  permanentFailures: number
  /** Epoch ms before which it must not be tried again. */
  nextAttemptAt: number
}

/** What `commitChanges` wrote. */
export interface CommitResult {
  /** Events not recorded before, in order; already known ids (same change seen again) are left out. */
  recorded: ChangeEvent[]
  deliveries: number
}

export interface SubscriptionKey {
  ref: ChannelRef
  /** null: every team. */
  teamId: string | null
}

/**
 * Persistence the notifier needs; the SQLite implementation lives in src/store. Every method is
 * synchronous (better-sqlite3) so a whole commit is one transaction with no await inside.
 */
export interface NotifyStore {
  loadBaseline(): Baseline | null
  /**
   * The transactional outbox: records the events (ignoring ids already recorded), one delivery per
   * channel that `plan` picks among the active subscriptions for the newly recorded events, and the
   * new baseline — all in ONE transaction, so a crash leaves either everything or nothing.
   */
  commitChanges(input: {
    events: ChangeEvent[]
    baseline: Omit<Baseline, 'updatedAt'>
    plan: (events: ChangeEvent[], subscriptions: Subscription[]) => PlannedDelivery[]
    now: Date
  }): CommitResult
  /** Recorded change events, newest first; `since` (ISO date) filters on when they were recorded. */
  listChanges(options: { since?: string; limit: number }): RecordedChange[]

  /**
   * Creates or updates (language, reactivation unless `reactivate` is false) a subscription;
   * `unchanged` when nothing differs.
   */
  upsertSubscription(
    key: SubscriptionKey,
    values: { lang: Lang; origin: Subscription['origin']; reactivate?: boolean },
    now: Date,
  ): { kind: 'created' | 'updated' | 'unchanged'; subscription: Subscription }
  /** Removes one subscription, or every subscription of the channel when `teamId` is null; returns how many. */
  removeSubscriptions(key: SubscriptionKey): number
  listSubscriptions(ref?: Pick<ChannelRef, 'platform' | 'channelId'>): Subscription[]

  /** Pending deliveries, oldest event first. */
  pendingDeliveries(): PendingDelivery[]
  markSent(id: number, now: Date): void
  markRetry(
    id: number,
    update: { attempts: number; permanentFailures: number; nextAttemptAt: number; error: string },
  ): void
  markFailed(id: number, error: string, now: Date): void
  /** Marks every subscription of a channel inactive and skips its pending deliveries. */
  deactivateChannel(channel: { platform: Platform; channelId: string }, reason: string, now: Date): void

  /** Small named values the runtime keeps between restarts (e.g. the remote results document and its ETag). */
  getMeta(key: string): string | undefined
  setMeta(key: string, value: string): void
  close(): void
}
