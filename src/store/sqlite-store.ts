import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import {
  type Baseline,
  BotError,
  type ChangeEvent,
  type ChannelRef,
  type CommitResult,
  channelKey,
  type Lang,
  type NotifyStore,
  type PendingDelivery,
  type Platform,
  type RecordedChange,
  type Subscription,
  type SubscriptionKey,
} from '../core/index.js'
import { MIGRATIONS } from './migrations.js'

/** The database file under DATA_DIR; an operator backs kai-bot up by copying it. */
export function storePath(dataDir: string): string {
  return join(dataDir, 'kai-bot.sqlite')
}

export interface SqliteStoreOptions {
  /** File path, or ':memory:' for tests. */
  path: string
  /** Open without writing (notify:preview): no migrations, no directory creation. */
  readonly?: boolean
}

interface SubscriptionRow {
  platform: Platform
  workspace_id: string
  channel_id: string
  team_id: string
  lang: Lang
  active: number
  origin: Subscription['origin']
}

interface DeliveryRow {
  id: number
  event_id: string
  channel_key: string
  platform: Platform
  workspace_id: string
  channel_id: string
  lang: Lang
  attempts: number
  permanent_failures: number
  next_attempt_at: number
  in_doubt: number
  payload: string
}

/**
 * Opens (creating and migrating when needed) the notification store in SQLite with WAL and a busy
 * timeout, so a backup copy or a second reader never makes the bot fail.
 * @throws BotError STORE_FAILED when the file cannot be opened or migrated.
 */
export function openSqliteStore(options: SqliteStoreOptions): NotifyStore {
  let db: Database.Database
  try {
    if (options.path !== ':memory:' && !options.readonly)
      mkdirSync(dirname(options.path), { recursive: true })
    db = new Database(options.path, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    })
    db.pragma('busy_timeout = 5000')
    if (!options.readonly) {
      db.pragma('journal_mode = WAL')
      // NORMAL is durable against a killed process in WAL mode; only a power cut can lose the last commit.
      db.pragma('synchronous = NORMAL')
      db.pragma('foreign_keys = ON')
      migrate(db)
    }
  } catch (err) {
    throw new BotError(
      'STORE_FAILED',
      `cannot open the notification store at ${options.path}: ${(err as Error).message} — check DATA_DIR and that the directory is writable`,
      { cause: err },
    )
  }
  return new SqliteStore(db)
}

/** Applies every migration newer than the recorded version, each in its own transaction. */
export function migrate(db: Database.Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  const current =
    (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0
  let applied = 0
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue
    db.transaction(() => {
      db.exec(m.sql)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      )
    })()
    applied++
  }
  return applied
}

class SqliteStore implements NotifyStore {
  constructor(private readonly db: Database.Database) {}

  async loadBaseline(): Promise<Baseline | null> {
    const row = this.db.prepare('SELECT input_hash, state, updated_at FROM baseline WHERE id = 1').get() as
      | { input_hash: string; state: string; updated_at: string }
      | undefined
    if (!row) return null
    const state = JSON.parse(row.state) as Baseline['state']
    // A baseline written by an incompatible version is treated as none: re-baselined silently, never a flood.
    if (state.version !== 1) return null
    return { inputHash: row.input_hash, state, updatedAt: row.updated_at }
  }

  async commitChanges(input: Parameters<NotifyStore['commitChanges']>[0]): Promise<CommitResult> {
    const at = input.now.toISOString()
    const insertEvent = this.db.prepare(
      'INSERT OR IGNORE INTO change_events (id, kind, date, payload, recorded_at) VALUES (?, ?, ?, ?, ?)',
    )
    const insertDelivery = this.db.prepare(`INSERT OR IGNORE INTO deliveries
      (event_id, channel_key, platform, workspace_id, channel_id, lang, next_attempt_at, created_at)
      VALUES (@eventId, @channelKey, @platform, @workspaceId, @channelId, @lang, @next, @at)`)
    const saveBaseline = this.db.prepare(`INSERT INTO baseline (id, input_hash, state, updated_at)
      VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET
      input_hash = excluded.input_hash, state = excluded.state, updated_at = excluded.updated_at`)
    return this.db.transaction((): CommitResult => {
      const recorded: ChangeEvent[] = []
      for (const event of input.events) {
        const r = insertEvent.run(event.id, event.kind, event.date, JSON.stringify(event), at)
        if (r.changes > 0) recorded.push(event)
      }
      let deliveries = 0
      if (recorded.length > 0) {
        const plan = input.plan(recorded, this.subscriptions())
        for (const d of plan) {
          deliveries += insertDelivery.run({ ...d, next: input.now.getTime(), at }).changes
        }
      }
      saveBaseline.run(input.baseline.inputHash, JSON.stringify(input.baseline.state), at)
      return { recorded, deliveries }
    })()
  }

  async listChanges(options: { since?: string; limit: number }): Promise<RecordedChange[]> {
    const rows = this.db
      .prepare(
        `SELECT seq, payload, recorded_at FROM change_events WHERE recorded_at >= ?
         ORDER BY seq DESC LIMIT ?`,
      )
      .all(options.since ?? '', options.limit) as { seq: number; payload: string; recorded_at: string }[]
    return rows.map((r) => ({
      seq: r.seq,
      event: JSON.parse(r.payload) as ChangeEvent,
      recordedAt: r.recorded_at,
    }))
  }

  async upsertSubscription(
    key: SubscriptionKey,
    values: { lang: Lang; origin: Subscription['origin']; reactivate?: boolean },
    now: Date,
  ): Promise<{ kind: 'created' | 'updated' | 'unchanged'; subscription: Subscription }> {
    const ck = channelKey(key.ref)
    const team = key.teamId ?? ''
    return this.db.transaction(() => {
      const existing = this.db
        .prepare('SELECT * FROM subscriptions WHERE channel_key = ? AND team_id = ?')
        .get(ck, team) as SubscriptionRow | undefined
      const at = now.toISOString()
      if (!existing) {
        this.db
          .prepare(`INSERT INTO subscriptions
            (platform, workspace_id, channel_id, channel_key, team_id, lang, active, origin, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`)
          .run(
            key.ref.platform,
            key.ref.workspaceId,
            key.ref.channelId,
            ck,
            team,
            values.lang,
            values.origin,
            at,
            at,
          )
        return { kind: 'created' as const, subscription: this.subscription(ck, team) }
      }
      // A command learns the workspace id that a configured channel lacks; never forget a known one.
      const workspace = key.ref.workspaceId || existing.workspace_id
      const active = values.reactivate === false ? existing.active : 1
      if (
        existing.lang === values.lang &&
        existing.active === active &&
        existing.workspace_id === workspace
      ) {
        return { kind: 'unchanged' as const, subscription: toSubscription(existing) }
      }
      this.db
        .prepare(`UPDATE subscriptions SET lang = ?, active = ?,
          inactive_reason = CASE WHEN ? = 1 THEN NULL ELSE inactive_reason END, workspace_id = ?,
          updated_at = ? WHERE channel_key = ? AND team_id = ?`)
        .run(values.lang, active, active, workspace, at, ck, team)
      return { kind: 'updated' as const, subscription: this.subscription(ck, team) }
    })()
  }

  async removeSubscriptions(key: SubscriptionKey): Promise<number> {
    const ck = channelKey(key.ref)
    if (key.teamId === null)
      return this.db.prepare('DELETE FROM subscriptions WHERE channel_key = ?').run(ck).changes
    return this.db
      .prepare('DELETE FROM subscriptions WHERE channel_key = ? AND team_id = ?')
      .run(ck, key.teamId).changes
  }

  async listSubscriptions(ref?: Pick<ChannelRef, 'platform' | 'channelId'>): Promise<Subscription[]> {
    return this.subscriptions(ref)
  }

  private subscriptions(ref?: Pick<ChannelRef, 'platform' | 'channelId'>): Subscription[] {
    const rows = ref
      ? this.db
          .prepare('SELECT * FROM subscriptions WHERE channel_key = ? ORDER BY team_id')
          .all(channelKey(ref))
      : this.db.prepare('SELECT * FROM subscriptions ORDER BY channel_key, team_id').all()
    return (rows as SubscriptionRow[]).map(toSubscription)
  }

  async pendingDeliveries(): Promise<PendingDelivery[]> {
    const rows = this.db
      .prepare(`SELECT d.*, e.payload FROM deliveries d JOIN change_events e ON e.id = d.event_id
        WHERE d.status = 'pending' ORDER BY e.seq, d.id`)
      .all() as DeliveryRow[]
    return rows.map(toDelivery)
  }

  async claimDue(input: Parameters<NotifyStore['claimDue']>[0]): Promise<PendingDelivery[]> {
    if (input.platforms.length === 0) return []
    const now = input.now.getTime()
    const platforms = input.platforms.map(() => '?').join(', ')
    const pick = this.db.prepare(`SELECT id FROM (
        SELECT d.id, d.status, d.platform, d.next_attempt_at, d.claimed_by, d.claim_expires_at, e.seq,
          ROW_NUMBER() OVER (PARTITION BY d.channel_key ORDER BY e.seq, d.id) AS n
        FROM deliveries d JOIN change_events e ON e.id = d.event_id WHERE d.status = 'pending')
      WHERE n = 1 AND platform IN (${platforms}) AND next_attempt_at <= ?
        AND (claimed_by IS NULL OR claim_expires_at <= ?)
      ORDER BY seq, id LIMIT ?`)
    const claim = this.db.prepare(`UPDATE deliveries SET claimed_by = ?, claim_expires_at = ?,
        in_doubt = CASE WHEN claimed_by IS NULL THEN in_doubt ELSE 1 END WHERE id = ?`)
    const read = this.db.prepare(
      'SELECT d.*, e.payload FROM deliveries d JOIN change_events e ON e.id = d.event_id WHERE d.id = ?',
    )
    // IMMEDIATE: a second process on the same file waits instead of claiming the same rows.
    const run = this.db.transaction((): PendingDelivery[] => {
      const ids = pick.pluck().all(...input.platforms, now, now, input.limit) as number[]
      return ids.map((id) => {
        claim.run(input.owner, now + input.leaseMs, id)
        return toDelivery(read.get(id) as DeliveryRow)
      })
    })
    return run.immediate()
  }

  async nextClaimableAt(platforms: Platform[]): Promise<number | null> {
    if (platforms.length === 0) return null
    const row = this.db
      .prepare(`SELECT MIN(MAX(next_attempt_at, COALESCE(claim_expires_at, 0))) AS at FROM (
          SELECT d.platform, d.next_attempt_at, d.claim_expires_at,
            ROW_NUMBER() OVER (PARTITION BY d.channel_key ORDER BY e.seq, d.id) AS n
          FROM deliveries d JOIN change_events e ON e.id = d.event_id WHERE d.status = 'pending')
        WHERE n = 1 AND platform IN (${platforms.map(() => '?').join(', ')})`)
      .get(...platforms) as { at: number | null }
    return row.at
  }

  async recoverClaims(): Promise<number> {
    return this.db
      .prepare(`UPDATE deliveries SET claimed_by = NULL, claim_expires_at = NULL, in_doubt = 1
        WHERE claimed_by IS NOT NULL AND status = 'pending'`)
      .run().changes
  }

  async releaseClaims(owner: string): Promise<number> {
    return this.db
      .prepare(`UPDATE deliveries SET claimed_by = NULL, claim_expires_at = NULL
        WHERE claimed_by = ? AND status = 'pending'`)
      .run(owner).changes
  }

  async tryLead(): Promise<boolean> {
    return true
  }

  /** One process owns the file, so a claim of another owner is a dead earlier run's: taken over at once. */
  async claimOnce(key: string, input: { owner: string; now: Date; leaseMs: number }): Promise<boolean> {
    const now = input.now.getTime()
    const r = this.db
      .prepare(`INSERT INTO handled_once (key, owner, expires_at) VALUES (?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
        WHERE handled_once.done = 0 AND (handled_once.expires_at <= ? OR handled_once.owner <> excluded.owner)`)
      .run(key, input.owner, now + input.leaseMs, now)
    if (Math.random() < 0.01) this.db.prepare('DELETE FROM handled_once WHERE expires_at < ?').run(now)
    return r.changes > 0
  }

  async doneOnce(key: string, now: Date): Promise<void> {
    this.db
      .prepare('UPDATE handled_once SET done = 1, expires_at = ? WHERE key = ?')
      .run(now.getTime() + DONE_KEPT_MS, key)
  }

  async markSent(id: number, now: Date): Promise<void> {
    this.db
      .prepare(`UPDATE deliveries SET status = 'sent', attempts = attempts + 1, last_error = NULL, finished_at = ?
        WHERE id = ? AND status = 'pending'`)
      .run(now.toISOString(), id)
  }

  async markRetry(
    id: number,
    update: { attempts: number; permanentFailures: number; nextAttemptAt: number; error: string },
  ): Promise<void> {
    this.db
      .prepare(`UPDATE deliveries SET attempts = ?, permanent_failures = ?, next_attempt_at = ?, last_error = ?,
        claimed_by = NULL, claim_expires_at = NULL WHERE id = ? AND status = 'pending'`)
      .run(update.attempts, update.permanentFailures, update.nextAttemptAt, update.error, id)
  }

  async markFailed(id: number, error: string, now: Date): Promise<void> {
    this.db
      .prepare(`UPDATE deliveries SET status = 'failed', attempts = attempts + 1, last_error = ?, finished_at = ?
        WHERE id = ? AND status = 'pending'`)
      .run(error, now.toISOString(), id)
  }

  async deactivateChannel(
    channel: { platform: Platform; channelId: string },
    reason: string,
    now: Date,
  ): Promise<void> {
    const ck = channelKey(channel)
    const at = now.toISOString()
    this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE subscriptions SET active = 0, inactive_reason = ?, updated_at = ? WHERE channel_key = ?',
        )
        .run(reason, at, ck)
      this.db
        .prepare(`UPDATE deliveries SET status = 'skipped', last_error = ?, finished_at = ?
          WHERE channel_key = ? AND status = 'pending'`)
        .run(`channel inactive: ${reason}`, at, ck)
    })()
  }

  async getMeta(key: string): Promise<string | undefined> {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
      | { value: string }
      | undefined
    return row?.value
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value)
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close()
  }

  private subscription(ck: string, team: string): Subscription {
    const row = this.db
      .prepare('SELECT * FROM subscriptions WHERE channel_key = ? AND team_id = ?')
      .get(ck, team) as SubscriptionRow
    return toSubscription(row)
  }
}

/** A handled-once key marked done is remembered this long (Slack retries for up to an hour). */
const DONE_KEPT_MS = 24 * 60 * 60_000

function toDelivery(r: DeliveryRow): PendingDelivery {
  return {
    id: r.id,
    eventId: r.event_id,
    channelKey: r.channel_key,
    platform: r.platform,
    workspaceId: r.workspace_id,
    channelId: r.channel_id,
    lang: r.lang,
    attempts: r.attempts,
    permanentFailures: r.permanent_failures,
    nextAttemptAt: r.next_attempt_at,
    inDoubt: r.in_doubt === 1,
    event: JSON.parse(r.payload) as ChangeEvent,
  }
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    platform: row.platform,
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    teamId: row.team_id === '' ? null : row.team_id,
    lang: row.lang,
    active: row.active === 1,
    origin: row.origin,
  }
}
