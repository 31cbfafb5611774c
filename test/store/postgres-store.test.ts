import pg from 'pg'
import pino from 'pino'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { NotifyStore } from '../../src/core/index.js'
import { PG_MIGRATIONS } from '../../src/store/pg-migrations.js'
import { openPostgresStore } from '../../src/store/postgres-store.js'
import { createTestDatabase, hasPostgres } from '../helpers/postgres.js'
import { describeStoreContract } from './store-contract.js'

/**
 * The PostgreSQL store against a real server (test/helpers/postgres-global.ts starts one): the same
 * contract as SQLite, each test on a database of its own, plus what only several instances can do.
 */
const logger = pino({ level: 'silent' })
const opened: NotifyStore[] = []
const pools: pg.Pool[] = []
const drops: (() => Promise<void>)[] = []

async function freshDatabase(): Promise<string> {
  const db = await createTestDatabase()
  drops.push(db.drop)
  return db.url
}

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close()
  for (const p of pools.splice(0)) await p.end()
})
afterAll(async () => {
  for (const drop of drops.splice(0)) await drop()
})

describe.runIf(hasPostgres)('PostgreSQL store', () => {
  let url: string
  beforeAll(async () => {
    url = await freshDatabase()
  })

  describeStoreContract(
    'PostgreSQL',
    async () => {
      // One database for the contract, emptied between tests (creating one per test costs ~100 ms each).
      const pool = new pg.Pool({ connectionString: url, max: 2 })
      pools.push(pool)
      const store = await openPostgresStore({ url, logger })
      opened.push(store)
      await pool.query(
        'TRUNCATE subscriptions, deliveries, change_events, baseline, meta, handled_once RESTART IDENTITY',
      )
      return {
        store,
        raw: async (sql, params) => {
          await pool.query(sql, params)
        },
      }
    },
    (n) => `$${n}`,
  )

  it('migrates once when several instances start at the same moment (advisory lock)', async () => {
    const fresh = await freshDatabase()
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore({ url: fresh, logger })))
    opened.push(...stores)
    const pool = new pg.Pool({ connectionString: fresh, max: 1 })
    pools.push(pool)
    const rows = (await pool.query('SELECT version FROM schema_migrations ORDER BY version')).rows
    expect(rows.map((r) => r.version)).toStrictEqual(PG_MIGRATIONS.map((m) => m.version))
  })

  it('gives one instance the change-detection lead and passes it on when that one closes', async () => {
    const a = await openPostgresStore({ url, logger })
    const b = await openPostgresStore({ url, logger })
    opened.push(b)
    expect(await a.tryLead()).toBe(true)
    expect(await b.tryLead()).toBe(false)
    await a.close()
    expect(await b.tryLead()).toBe(true)
  })

  it('never claims one delivery for two instances claiming at once (FOR UPDATE SKIP LOCKED)', async () => {
    const fresh = await freshDatabase()
    const a = await openPostgresStore({ url: fresh, logger })
    const b = await openPostgresStore({ url: fresh, logger })
    opened.push(a, b)
    const now = new Date('2026-01-15T09:00:00Z')
    for (let i = 0; i < 40; i++) {
      await a.upsertSubscription(
        { ref: { platform: 'slack', workspaceId: 'T1', channelId: `C${i}` }, teamId: null },
        { lang: 'ko', origin: 'command' },
        now,
      )
    }
    const event = { id: 'results:x', kind: 'current', date: '2026-01-15' } as never
    await a.commitChanges({
      events: [event],
      baseline: { state: { version: 1, events: {}, teams: {} } as never, inputHash: 'h' },
      plan: (events, subs) =>
        subs.map((s) => ({ ...s, eventId: events[0]!.id, channelKey: `slack:${s.channelId}`, lang: s.lang })),
      now,
    })
    const claimed: number[] = []
    await Promise.all(
      [a, b, a, b].map(async (store, i) => {
        for (;;) {
          const got = await store.claimDue({
            owner: `o${i}`,
            now,
            leaseMs: 60_000,
            limit: 3,
            platforms: ['slack'],
          })
          if (got.length === 0) return
          claimed.push(...got.map((d) => d.id))
        }
      }),
    )
    expect(claimed).toHaveLength(40)
    expect(new Set(claimed).size).toBe(40)
  })

  it("refuses a key another instance holds until that one's lease lapses", async () => {
    const a = await openPostgresStore({ url, logger })
    const b = await openPostgresStore({ url, logger })
    opened.push(a, b)
    const now = new Date('2026-01-15T09:00:00Z')
    expect(await a.claimOnce('slack:C9:1.0', { owner: 'a', now, leaseMs: 30_000 })).toBe(true)
    expect(await b.claimOnce('slack:C9:1.0', { owner: 'b', now, leaseMs: 30_000 })).toBe(false)
    const lapsed = new Date(now.getTime() + 30_000)
    expect(await b.claimOnce('slack:C9:1.0', { owner: 'b', now: lapsed, leaseMs: 30_000 })).toBe(true)
  })

  it('fails to open with one clear STORE_FAILED line when the server cannot be reached', async () => {
    await expect(
      openPostgresStore({ url: 'postgres://kai:secret-pw@127.0.0.1:1/kai', logger }),
    ).rejects.toMatchObject({
      code: 'STORE_FAILED',
      message: expect.stringMatching(
        /^cannot open the notification store in PostgreSQL at postgres:\/\/kai:\*\*\*@127\.0\.0\.1:1\/kai: .* — check DATABASE_URL/,
      ),
    })
  })
})
