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
  /**
   * A claim on it lapsed without a mark (its claimer died or hung while sending): the previous
   * attempt may have reached the platform, so the sink checks before posting again.
   */
  inDoubt: boolean
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
 * Persistence the notifier needs; SQLite (the embedded default) and PostgreSQL (DATABASE_URL, several
 * instances) implement it in src/store. Every method is asynchronous because PostgreSQL is; each
 * method that writes several rows does so in one transaction.
 */
export interface NotifyStore {
  loadBaseline(): Promise<Baseline | null>
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
  }): Promise<CommitResult>
  /** Recorded change events, newest first; `since` (ISO date) filters on when they were recorded. */
  listChanges(options: { since?: string; limit: number }): Promise<RecordedChange[]>

  /**
   * Creates or updates (language, reactivation unless `reactivate` is false) a subscription;
   * `unchanged` when nothing differs.
   */
  upsertSubscription(
    key: SubscriptionKey,
    values: { lang: Lang; origin: Subscription['origin']; reactivate?: boolean },
    now: Date,
  ): Promise<{ kind: 'created' | 'updated' | 'unchanged'; subscription: Subscription }>
  /** Removes one subscription, or every subscription of the channel when `teamId` is null; returns how many. */
  removeSubscriptions(key: SubscriptionKey): Promise<number>
  listSubscriptions(ref?: Pick<ChannelRef, 'platform' | 'channelId'>): Promise<Subscription[]>

  /** Pending deliveries, oldest event first. */
  pendingDeliveries(): Promise<PendingDelivery[]>
  /**
   * Claims, for `owner`, up to `limit` channels' oldest pending delivery that is due and not held by
   * another claim whose lease (`leaseMs` from `now`) is still running. A channel whose oldest delivery
   * is claimed by someone else yields nothing, so each channel's changes still go out in order. On
   * PostgreSQL the claim is `FOR UPDATE SKIP LOCKED`: two instances never claim the same row.
   */
  claimDue(input: {
    owner: string
    now: Date
    leaseMs: number
    limit: number
    /** Only deliveries to these platforms (the ones this instance is connected to). */
    platforms: Platform[]
  }): Promise<PendingDelivery[]>
  /**
   * Epoch ms when a channel's oldest pending delivery next becomes claimable (its retry time, or when
   * another owner's lease lapses), among `platforms`; null when nothing waits.
   */
  nextClaimableAt(platforms: Platform[]): Promise<number | null>
  /**
   * At start: claims left by a previous run of this process are dead, so they become claimable now,
   * in doubt. SQLite (one process owns the file) takes back every claim; PostgreSQL only `owner`'s
   * (a stable INSTANCE_ID), since other instances' claims may be alive.
   */
  recoverClaims(owner: string): Promise<number>
  /**
   * Calls `onChange` when another process committed deliveries (PostgreSQL LISTEN/NOTIFY), so every
   * instance's dispatcher wakes for a change one leader recorded. Absent where one process owns the store.
   * Returns a function that stops listening.
   */
  watchOutbox?(onChange: () => void): () => void
  /** Gives back `owner`'s claims on deliveries not yet marked (graceful shutdown); returns how many. */
  releaseClaims(owner: string): Promise<number>
  markSent(id: number, now: Date): Promise<void>
  markRetry(
    id: number,
    update: { attempts: number; permanentFailures: number; nextAttemptAt: number; error: string },
  ): Promise<void>
  markFailed(id: number, error: string, now: Date): Promise<void>
  /** Marks every subscription of a channel inactive and skips its pending deliveries. */
  deactivateChannel(
    channel: { platform: Platform; channelId: string },
    reason: string,
    now: Date,
  ): Promise<void>

  /**
   * Whether this process may run change detection now: always on SQLite (one process owns the file);
   * on PostgreSQL the holder of a session advisory lock, so a change is recorded by one leader at a time.
   */
  tryLead(): Promise<boolean>
  /**
   * Records `key` (e.g. a Slack event) as being handled by `owner` until `leaseMs` from `now`; false
   * when another owner holds it or it was marked done. The shared store makes one instance answer
   * a Slack retry that another one already took.
   */
  claimOnce(key: string, input: { owner: string; now: Date; leaseMs: number }): Promise<boolean>
  /** Marks a key claimed with `claimOnce` done for good (kept a day, then forgotten). */
  doneOnce(key: string, now: Date): Promise<void>

  /** Small named values the runtime keeps between restarts (e.g. the remote results document and its ETag). */
  getMeta(key: string): Promise<string | undefined>
  setMeta(key: string, value: string): Promise<void>
  close(): Promise<void>
}
