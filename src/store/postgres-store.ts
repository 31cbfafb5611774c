import pg from 'pg'
import type { Logger } from 'pino'
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
import { PG_MIGRATIONS } from './pg-migrations.js'

/** Advisory lock keys (one bigint namespace per database): migrations, and the change-detection leader. */
export const MIGRATION_LOCK = 0x6b61_6901
export const LEADER_LOCK = 0x6b61_6902

/** The LISTEN/NOTIFY channel that tells instances new deliveries were committed. */
const OUTBOX_CHANNEL = 'kai_outbox'

/** A handled-once key marked done is remembered this long (Slack retries for up to an hour). */
const DONE_KEPT_MS = 24 * 60 * 60_000

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  url: string
  logger: Logger
  /** Connections in the pool. Default 10. */
  poolSize?: number
}

// BIGINT columns hold epoch milliseconds, well within a double: read them as numbers, not strings.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
}

/** The URL without its password, for logs and errors. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return '(unparseable DATABASE_URL)'
  }
}

/**
 * Opens the notification store in PostgreSQL: a connection pool, and every migration newer than the
 * recorded version applied under an advisory lock, so instances starting together migrate once.
 * @throws BotError STORE_FAILED when the server cannot be reached or a migration fails.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<NotifyStore> {
  const log = options.logger.child({ component: 'postgres-store' })
  const config: pg.PoolConfig = {
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    types,
  }
  const pool = new pg.Pool(config)
  // An idle connection that breaks (server restarted) must not crash the process; the next query reconnects.
  pool.on('error', (err) => log.warn({ err }, 'a PostgreSQL connection broke; it will be replaced'))
  try {
    const applied = await migrate(pool)
    if (applied > 0) log.info({ applied }, 'PostgreSQL migrations applied')
  } catch (err) {
    await pool.end().catch(() => undefined)
    throw new BotError(
      'STORE_FAILED',
      `cannot open the notification store in PostgreSQL at ${redactUrl(options.url)}: ${(err as Error).message} — check DATABASE_URL and that the server is up`,
      { cause: err },
    )
  }
  return new PostgresStore(pool, config, log)
}

/** Applies every migration newer than the recorded version, each in its own transaction, holding the migration lock. */
export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
      const current =
        (await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations')).rows[0]
          ?.v ?? 0
      let applied = 0
      for (const m of PG_MIGRATIONS) {
        if (m.version <= current) continue
        await client.query('BEGIN')
        try {
          await client.query(m.sql)
          await client.query(
            'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
            [m.version, m.name, new Date().toISOString()],
          )
          await client.query('COMMIT')
        } catch (err) {
          await client.query('ROLLBACK')
          throw new Error(`migration ${m.version} (${m.name}) failed: ${(err as Error).message}`, {
            cause: err,
          })
        }
        applied++
      }
      return applied
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK])
    }
  } finally {
    client.release()
  }
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

type Queryable = Pick<pg.PoolClient, 'query'>

/** Each channel's oldest pending delivery (its head): only a head may be sent, so a channel's changes stay in order. */
const HEADS = `SELECT id FROM (
    SELECT d.id, ROW_NUMBER() OVER (PARTITION BY d.channel_key ORDER BY e.seq, d.id) AS n
    FROM deliveries d JOIN change_events e ON e.id = d.event_id WHERE d.status = 'pending') h
  WHERE n = 1`

class PostgresStore implements NotifyStore {
  /** The connection holding the leader lock while this instance leads change detection. */
  private leader: pg.Client | undefined

  constructor(
    private readonly pool: pg.Pool,
    private readonly config: pg.PoolConfig,
    private readonly log: Logger,
  ) {}

  private async tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    let broken: Error | undefined
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (err) {
      await client.query('ROLLBACK').catch((rollbackErr: Error) => {
        broken = rollbackErr
      })
      throw err
    } finally {
      client.release(broken)
    }
  }

  async loadBaseline(): Promise<Baseline | null> {
    const row = (
      await this.pool.query<{ input_hash: string; state: string; updated_at: string }>(
        'SELECT input_hash, state, updated_at FROM baseline WHERE id = 1',
      )
    ).rows[0]
    if (!row) return null
    const state = JSON.parse(row.state) as Baseline['state']
    if (state.version !== 1) return null
    return { inputHash: row.input_hash, state, updatedAt: row.updated_at }
  }

  async commitChanges(input: Parameters<NotifyStore['commitChanges']>[0]): Promise<CommitResult> {
    const at = input.now.toISOString()
    return this.tx(async (c) => {
      const recorded: ChangeEvent[] = []
      for (const event of input.events) {
        // A second instance committing the same change waits here for the first and then records nothing.
        const r = await c.query(
          `INSERT INTO change_events (id, kind, date, payload, recorded_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO NOTHING`,
          [event.id, event.kind, event.date, JSON.stringify(event), at],
        )
        if ((r.rowCount ?? 0) > 0) recorded.push(event)
      }
      let deliveries = 0
      if (recorded.length > 0) {
        const plan = input.plan(recorded, await subscriptions(c))
        for (const d of plan) {
          const r = await c.query(
            `INSERT INTO deliveries
              (event_id, channel_key, platform, workspace_id, channel_id, lang, next_attempt_at, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id, channel_key) DO NOTHING`,
            [
              d.eventId,
              d.channelKey,
              d.platform,
              d.workspaceId,
              d.channelId,
              d.lang,
              input.now.getTime(),
              at,
            ],
          )
          deliveries += r.rowCount ?? 0
        }
      }
      // Delivered at commit: every instance's dispatcher wakes for the new rows (watchOutbox).
      if (deliveries > 0) await c.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`)
      await c.query(
        `INSERT INTO baseline (id, input_hash, state, updated_at) VALUES (1, $1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET input_hash = excluded.input_hash, state = excluded.state,
           updated_at = excluded.updated_at`,
        [input.baseline.inputHash, JSON.stringify(input.baseline.state), at],
      )
      return { recorded, deliveries }
    })
  }

  async listChanges(options: { since?: string; limit: number }): Promise<RecordedChange[]> {
    const rows = (
      await this.pool.query<{ seq: number; payload: string; recorded_at: string }>(
        `SELECT seq, payload, recorded_at FROM change_events WHERE recorded_at COLLATE "C" >= $1
         ORDER BY seq DESC LIMIT $2`,
        [options.since ?? '', options.limit],
      )
    ).rows
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
    const at = now.toISOString()
    return this.tx(async (c) => {
      const inserted = await c.query<SubscriptionRow>(
        `INSERT INTO subscriptions
          (platform, workspace_id, channel_id, channel_key, team_id, lang, active, origin, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $8)
         ON CONFLICT (channel_key, team_id) DO NOTHING RETURNING *`,
        [key.ref.platform, key.ref.workspaceId, key.ref.channelId, ck, team, values.lang, values.origin, at],
      )
      if (inserted.rows[0])
        return { kind: 'created' as const, subscription: toSubscription(inserted.rows[0]) }
      const existing = (
        await c.query<SubscriptionRow>(
          'SELECT * FROM subscriptions WHERE channel_key = $1 AND team_id = $2 FOR UPDATE',
          [ck, team],
        )
      ).rows[0]!
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
      const updated = await c.query<SubscriptionRow>(
        `UPDATE subscriptions SET lang = $1, active = $2,
           inactive_reason = CASE WHEN $2 = 1 THEN NULL ELSE inactive_reason END, workspace_id = $3,
           updated_at = $4 WHERE channel_key = $5 AND team_id = $6 RETURNING *`,
        [values.lang, active, workspace, at, ck, team],
      )
      return { kind: 'updated' as const, subscription: toSubscription(updated.rows[0]!) }
    })
  }

  async removeSubscriptions(key: SubscriptionKey): Promise<number> {
    const ck = channelKey(key.ref)
    const r =
      key.teamId === null
        ? await this.pool.query('DELETE FROM subscriptions WHERE channel_key = $1', [ck])
        : await this.pool.query('DELETE FROM subscriptions WHERE channel_key = $1 AND team_id = $2', [
            ck,
            key.teamId,
          ])
    return r.rowCount ?? 0
  }

  listSubscriptions(ref?: Pick<ChannelRef, 'platform' | 'channelId'>): Promise<Subscription[]> {
    return subscriptions(this.pool, ref)
  }

  async pendingDeliveries(): Promise<PendingDelivery[]> {
    const rows = (
      await this.pool.query<DeliveryRow>(
        `SELECT d.*, e.payload FROM deliveries d JOIN change_events e ON e.id = d.event_id
         WHERE d.status = 'pending' ORDER BY e.seq, d.id`,
      )
    ).rows
    return rows.map(toDelivery)
  }

  async claimDue(input: Parameters<NotifyStore['claimDue']>[0]): Promise<PendingDelivery[]> {
    if (input.platforms.length === 0) return []
    const now = input.now.getTime()
    // SKIP LOCKED: a row another instance is claiming right now is passed over, never waited for or
    // taken twice; the conditions on `d` are re-checked on the row's latest version after the lock.
    const rows = (
      await this.pool.query<DeliveryRow>(
        `WITH claimed AS (
           UPDATE deliveries SET claimed_by = $1, claim_expires_at = $2,
             in_doubt = CASE WHEN claimed_by IS NULL THEN in_doubt ELSE 1 END
           WHERE id IN (
             SELECT d.id FROM deliveries d
             WHERE d.id IN (${HEADS}) AND d.status = 'pending' AND d.platform = ANY ($3)
               AND d.next_attempt_at <= $4 AND (d.claimed_by IS NULL OR d.claim_expires_at <= $4)
             ORDER BY d.id LIMIT $5
             FOR UPDATE SKIP LOCKED)
           RETURNING *)
         SELECT c.*, e.payload FROM claimed c JOIN change_events e ON e.id = c.event_id ORDER BY e.seq, c.id`,
        [input.owner, now + input.leaseMs, input.platforms, now, input.limit],
      )
    ).rows
    return rows.map(toDelivery)
  }

  async nextClaimableAt(platforms: Platform[]): Promise<number | null> {
    if (platforms.length === 0) return null
    const row = (
      await this.pool.query<{ at: number | null }>(
        `SELECT MIN(GREATEST(d.next_attempt_at, COALESCE(d.claim_expires_at, 0))) AS at
         FROM deliveries d WHERE d.id IN (${HEADS}) AND d.platform = ANY ($1)`,
        [platforms],
      )
    ).rows[0]
    return row?.at ?? null
  }

  async recoverClaims(owner: string): Promise<number> {
    const r = await this.pool.query(
      `UPDATE deliveries SET claimed_by = NULL, claim_expires_at = NULL, in_doubt = 1
       WHERE claimed_by = $1 AND status = 'pending'`,
      [owner],
    )
    return r.rowCount ?? 0
  }

  async releaseClaims(owner: string): Promise<number> {
    const r = await this.pool.query(
      `UPDATE deliveries SET claimed_by = NULL, claim_expires_at = NULL
       WHERE claimed_by = $1 AND status = 'pending'`,
      [owner],
    )
    return r.rowCount ?? 0
  }

  async tryLead(): Promise<boolean> {
    if (this.leader) {
      try {
        await this.leader.query('SELECT 1')
        return true
      } catch (err) {
        // The connection (and with it the lock) is gone: another instance may lead by now.
        this.log.warn({ err }, 'lost the change-detection leader lock')
        this.dropLeader()
      }
    }
    const client = new pg.Client(this.config)
    client.on('error', (err) => {
      this.log.warn({ err }, 'the leader connection broke')
      if (this.leader === client) this.dropLeader()
    })
    try {
      await client.connect()
      const r = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [LEADER_LOCK])
      if (r.rows[0]?.ok) {
        this.leader = client
        return true
      }
    } catch (err) {
      await client.end().catch(() => undefined)
      throw err
    }
    await client.end().catch(() => undefined)
    return false
  }

  watchOutbox(onChange: () => void): () => void {
    let client: pg.Client | undefined
    let closed = false
    let retry: NodeJS.Timeout | undefined
    const listen = async (): Promise<void> => {
      const c = new pg.Client(this.config)
      client = c
      c.on('notification', () => onChange())
      c.on('error', (err) => {
        // Reconnect; a notification missed meanwhile is caught by the dispatcher's idle check.
        this.log.warn({ err }, 'the outbox listener connection broke; reconnecting')
        void c.end().catch(() => undefined)
        if (!closed && client === c) retry = setTimeout(() => void listen().catch(again), 2_000).unref()
      })
      await c.connect()
      await c.query(`LISTEN ${OUTBOX_CHANNEL}`)
      if (closed) await c.end()
    }
    const again = (err: unknown) => {
      this.log.warn({ err }, 'cannot listen for outbox changes yet; retrying')
      if (!closed) retry = setTimeout(() => void listen().catch(again), 2_000).unref()
    }
    void listen().catch(again)
    this.unwatchers.add(stop)
    function stop() {
      closed = true
      if (retry) clearTimeout(retry)
      void client?.end().catch(() => undefined)
    }
    return () => {
      this.unwatchers.delete(stop)
      stop()
    }
  }

  private readonly unwatchers = new Set<() => void>()

  private dropLeader(): void {
    const client = this.leader
    this.leader = undefined
    void client?.end().catch(() => undefined)
  }

  async claimOnce(key: string, input: { owner: string; now: Date; leaseMs: number }): Promise<boolean> {
    const now = input.now.getTime()
    const r = await this.pool.query(
      `INSERT INTO handled_once (key, owner, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
       WHERE handled_once.done = 0 AND handled_once.expires_at <= $4`,
      [key, input.owner, now + input.leaseMs, now],
    )
    if (Math.random() < 0.01) await this.pool.query('DELETE FROM handled_once WHERE expires_at < $1', [now])
    return (r.rowCount ?? 0) > 0
  }

  async doneOnce(key: string, now: Date): Promise<void> {
    await this.pool.query('UPDATE handled_once SET done = 1, expires_at = $1 WHERE key = $2', [
      now.getTime() + DONE_KEPT_MS,
      key,
    ])
  }

  async markSent(id: number, now: Date): Promise<void> {
    await this.pool.query(
      `UPDATE deliveries SET status = 'sent', attempts = attempts + 1, last_error = NULL, finished_at = $1
       WHERE id = $2 AND status = 'pending'`,
      [now.toISOString(), id],
    )
  }

  async markRetry(
    id: number,
    update: { attempts: number; permanentFailures: number; nextAttemptAt: number; error: string },
  ): Promise<void> {
    await this.pool.query(
      `UPDATE deliveries SET attempts = $1, permanent_failures = $2, next_attempt_at = $3, last_error = $4,
         claimed_by = NULL, claim_expires_at = NULL WHERE id = $5 AND status = 'pending'`,
      [update.attempts, update.permanentFailures, update.nextAttemptAt, update.error, id],
    )
  }

  async markFailed(id: number, error: string, now: Date): Promise<void> {
    await this.pool.query(
      `UPDATE deliveries SET status = 'failed', attempts = attempts + 1, last_error = $1, finished_at = $2
       WHERE id = $3 AND status = 'pending'`,
      [error, now.toISOString(), id],
    )
  }

  async deactivateChannel(
    channel: { platform: Platform; channelId: string },
    reason: string,
    now: Date,
  ): Promise<void> {
    const ck = channelKey(channel)
    const at = now.toISOString()
    await this.tx(async (c) => {
      await c.query(
        'UPDATE subscriptions SET active = 0, inactive_reason = $1, updated_at = $2 WHERE channel_key = $3',
        [reason, at, ck],
      )
      await c.query(
        `UPDATE deliveries SET status = 'skipped', last_error = $1, finished_at = $2
         WHERE channel_key = $3 AND status = 'pending'`,
        [`channel inactive: ${reason}`, at, ck],
      )
    })
  }

  async getMeta(key: string): Promise<string | undefined> {
    const row = (await this.pool.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]))
      .rows[0]
    return row?.value
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.pool.query(
      'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    )
  }

  async close(): Promise<void> {
    for (const stop of this.unwatchers) stop()
    this.unwatchers.clear()
    this.dropLeader()
    await this.pool.end().catch(() => undefined)
  }
}

async function subscriptions(
  db: Queryable,
  ref?: Pick<ChannelRef, 'platform' | 'channelId'>,
): Promise<Subscription[]> {
  const r = ref
    ? await db.query<SubscriptionRow>(
        'SELECT * FROM subscriptions WHERE channel_key = $1 ORDER BY team_id COLLATE "C"',
        [channelKey(ref)],
      )
    : await db.query<SubscriptionRow>(
        'SELECT * FROM subscriptions ORDER BY channel_key COLLATE "C", team_id COLLATE "C"',
      )
  return r.rows.map(toSubscription)
}

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
