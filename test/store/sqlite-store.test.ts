import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { NotifyStore } from '../../src/core/index.js'
import { MIGRATIONS } from '../../src/store/migrations.js'
import { PG_MIGRATIONS } from '../../src/store/pg-migrations.js'
import { openSqliteStore, storePath } from '../../src/store/sqlite-store.js'
import { describeStoreContract } from './store-contract.js'

const dirs: string[] = []
const stores: NotifyStore[] = []
const handles: Database.Database[] = []

function tempStore(): { store: NotifyStore; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kai-store-'))
  dirs.push(dir)
  const path = storePath(join(dir, 'data'))
  const store = openSqliteStore({ path })
  stores.push(store)
  return { store, path }
}

afterEach(async () => {
  for (const h of handles.splice(0)) h.close()
  for (const s of stores.splice(0)) await s.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describeStoreContract(
  'SQLite',
  async () => {
    const { store, path } = tempStore()
    const db = new Database(path)
    handles.push(db)
    return {
      store,
      raw: async (sql, params) => {
        db.prepare(sql).run(...params)
      },
    }
  },
  () => '?',
)

describe('openSqliteStore', () => {
  it('creates the file under DATA_DIR in WAL mode with every migration recorded', () => {
    const { path } = tempStore()
    const db = new Database(path, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()
    expect(versions).toStrictEqual(MIGRATIONS.map((m) => m.version))
    db.close()
  })

  it('applies no migration twice when an existing file is reopened', async () => {
    const { store, path } = tempStore()
    await store.setMeta('k', 'v')
    await store.close()
    const again = openSqliteStore({ path })
    stores.push(again)
    expect(await again.getMeta('k')).toBe('v')
  })

  it('reports a clear STORE_FAILED error when the directory cannot be created', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kai-store-'))
    dirs.push(dir)
    const aFile = join(dir, 'not-a-dir')
    writeFileSync(aFile, '')
    expect(() => openSqliteStore({ path: join(aFile, 'data', 'kai-bot.sqlite') })).toThrow(
      expect.objectContaining({ code: 'STORE_FAILED', message: expect.stringMatching(/check DATA_DIR/) }),
    )
  })

  it('takes over a key an earlier run claimed (one process owns the file)', async () => {
    const { store } = tempStore()
    const now = new Date('2026-01-15T09:00:00Z')
    expect(await store.claimOnce('slack:C9:1.0', { owner: 'run1', now, leaseMs: 30_000 })).toBe(true)
    expect(await store.claimOnce('slack:C9:1.0', { owner: 'run2', now, leaseMs: 30_000 })).toBe(true)
    await store.doneOnce('slack:C9:1.0', now)
    expect(await store.claimOnce('slack:C9:1.0', { owner: 'run3', now, leaseMs: 30_000 })).toBe(false)
  })

  it('has the same migration versions and names as the PostgreSQL store', () => {
    expect(MIGRATIONS.map((m) => [m.version, m.name])).toStrictEqual(
      PG_MIGRATIONS.map((m) => [m.version, m.name]),
    )
  })
})
