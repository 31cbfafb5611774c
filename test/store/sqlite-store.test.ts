import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import {
  type ChangeEvent,
  diffResults,
  EMPTY_STATE,
  type NotifyStore,
  planDeliveries,
  resultsStateOf,
} from '../../src/core/index.js'
import { MIGRATIONS } from '../../src/store/migrations.js'
import { openSqliteStore, storePath } from '../../src/store/sqlite-store.js'
import { corpusOf, PHASE1, PHASE2_SCHEDULED, SELECTION } from '../core/notify/fixtures.js'

const NOW = new Date('2026-01-15T09:00:00Z')
const dirs: string[] = []
const stores: NotifyStore[] = []

function tempStore(): { store: NotifyStore; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kai-store-'))
  dirs.push(dir)
  const path = storePath(join(dir, 'data'))
  const store = openSqliteStore({ path })
  stores.push(store)
  return { store, path }
}

afterEach(() => {
  for (const s of stores.splice(0)) s.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const slack = (channelId: string) => ({ platform: 'slack' as const, workspaceId: 'T1', channelId })
const next = resultsStateOf(corpusOf([SELECTION, PHASE1, PHASE2_SCHEDULED]))
const changes: ChangeEvent[] = diffResults(resultsStateOf(corpusOf([SELECTION])), next)

describe('openSqliteStore', () => {
  it('creates the file under DATA_DIR in WAL mode with every migration recorded', () => {
    const { path } = tempStore()
    const db = new Database(path, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()
    expect(versions).toStrictEqual(MIGRATIONS.map((m) => m.version))
    db.close()
  })

  it('applies no migration twice when an existing file is reopened', () => {
    const { store, path } = tempStore()
    store.setMeta('k', 'v')
    store.close()
    const again = openSqliteStore({ path })
    stores.push(again)
    expect(again.getMeta('k')).toBe('v')
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
})

describe('subscriptions', () => {
  it('creates, then leaves unchanged, then updates the language of a subscription', () => {
    const { store } = tempStore()
    const key = { ref: slack('C1'), teamId: null }
    expect(store.upsertSubscription(key, { lang: 'ko', origin: 'command' }, NOW).kind).toBe('created')
    expect(store.upsertSubscription(key, { lang: 'ko', origin: 'command' }, NOW).kind).toBe('unchanged')
    const updated = store.upsertSubscription(key, { lang: 'en', origin: 'command' }, NOW)
    expect(updated).toStrictEqual({
      kind: 'updated',
      subscription: { ...slack('C1'), teamId: null, lang: 'en', active: true, origin: 'command' },
    })
    expect(store.listSubscriptions(slack('C1'))).toHaveLength(1)
  })

  it('keeps one all-teams row per channel even though SQLite treats NULLs as distinct', () => {
    const { store } = tempStore()
    for (let i = 0; i < 3; i++)
      store.upsertSubscription({ ref: slack('C1'), teamId: null }, { lang: 'ko', origin: 'command' }, NOW)
    store.upsertSubscription({ ref: slack('C1'), teamId: 'upstage' }, { lang: 'ko', origin: 'command' }, NOW)
    expect(store.listSubscriptions(slack('C1')).map((s) => s.teamId)).toStrictEqual([null, 'upstage'])
  })

  it('removes one team or the whole channel when unsubscribing', () => {
    const { store } = tempStore()
    for (const teamId of [null, 'upstage', 'nc-ai']) {
      store.upsertSubscription({ ref: slack('C1'), teamId }, { lang: 'ko', origin: 'command' }, NOW)
    }
    expect(store.removeSubscriptions({ ref: slack('C1'), teamId: 'upstage' })).toBe(1)
    expect(store.removeSubscriptions({ ref: slack('C1'), teamId: 'upstage' })).toBe(0)
    expect(store.removeSubscriptions({ ref: slack('C1'), teamId: null })).toBe(2)
    expect(store.listSubscriptions()).toStrictEqual([])
  })

  it('does not reactivate an inactive channel from configuration but does on a command', () => {
    const { store } = tempStore()
    const key = { ref: slack('C1'), teamId: null }
    store.upsertSubscription(key, { lang: 'ko', origin: 'config' }, NOW)
    store.deactivateChannel(slack('C1'), 'channel_not_found', NOW)
    expect(store.upsertSubscription(key, { lang: 'ko', origin: 'config', reactivate: false }, NOW).kind).toBe(
      'unchanged',
    )
    expect(store.upsertSubscription(key, { lang: 'ko', origin: 'command' }, NOW).subscription.active).toBe(
      true,
    )
  })
})

describe('commitChanges (the outbox)', () => {
  function subscribeTwo(store: NotifyStore) {
    store.upsertSubscription({ ref: slack('C1'), teamId: null }, { lang: 'ko', origin: 'command' }, NOW)
    store.upsertSubscription({ ref: slack('C2'), teamId: 'upstage' }, { lang: 'en', origin: 'command' }, NOW)
  }

  it('records events, one delivery per matching channel and the baseline together', () => {
    const { store } = tempStore()
    subscribeTwo(store)
    const result = store.commitChanges({
      events: changes,
      baseline: { state: next, inputHash: 'h1' },
      plan: planDeliveries,
      now: NOW,
    })
    expect(result.recorded.map((e) => e.kind)).toStrictEqual(['results', 'schedule'])
    // C1 gets both; C2 (Upstage only) gets both too: Upstage is in the results and pending in the schedule.
    expect(result.deliveries).toBe(4)
    expect(store.loadBaseline()?.inputHash).toBe('h1')
    expect(store.pendingDeliveries().map((d) => `${d.channelKey}:${d.lang}:${d.event.kind}`)).toStrictEqual([
      'slack:C1:ko:results',
      'slack:C2:en:results',
      'slack:C1:ko:schedule',
      'slack:C2:en:schedule',
    ])
  })

  it('records nothing new and plans no delivery when the same events are committed again', () => {
    const { store } = tempStore()
    subscribeTwo(store)
    const input = {
      events: changes,
      baseline: { state: next, inputHash: 'h1' },
      plan: planDeliveries,
      now: NOW,
    }
    store.commitChanges(input)
    expect(store.commitChanges(input)).toStrictEqual({ recorded: [], deliveries: 0 })
    expect(store.pendingDeliveries()).toHaveLength(4)
  })

  it('rejects a second delivery of one event to one channel at the database level', () => {
    const { store, path } = tempStore()
    subscribeTwo(store)
    store.commitChanges({
      events: changes,
      baseline: { state: next, inputHash: 'h1' },
      plan: planDeliveries,
      now: NOW,
    })
    const db = new Database(path)
    const insert = () =>
      db
        .prepare(`INSERT INTO deliveries (event_id, channel_key, platform, channel_id, lang, created_at)
          VALUES (?, 'slack:C1', 'slack', 'C1', 'ko', 'x')`)
        .run(changes[0]!.id)
    expect(insert).toThrow(/UNIQUE constraint failed: deliveries.event_id, deliveries.channel_key/)
    db.close()
  })

  it('writes nothing at all when the transaction fails half way', () => {
    const { store } = tempStore()
    subscribeTwo(store)
    store.commitChanges({
      events: [],
      baseline: { state: EMPTY_STATE, inputHash: 'h0' },
      plan: planDeliveries,
      now: NOW,
    })
    expect(() =>
      store.commitChanges({
        events: changes,
        baseline: { state: next, inputHash: 'h1' },
        plan: () => {
          throw new Error('crash between the event rows and the delivery rows')
        },
        now: NOW,
      }),
    ).toThrow('crash between')
    expect(store.listChanges({ limit: 10 })).toStrictEqual([])
    expect(store.pendingDeliveries()).toStrictEqual([])
    expect(store.loadBaseline()?.inputHash).toBe('h0')
  })

  it('lists recorded changes newest first and filters by the day they were recorded', () => {
    const { store } = tempStore()
    store.commitChanges({
      events: changes.slice(0, 1),
      baseline: { state: next, inputHash: 'h1' },
      plan: planDeliveries,
      now: new Date('2026-01-15T09:00:00Z'),
    })
    store.commitChanges({
      events: changes.slice(1),
      baseline: { state: next, inputHash: 'h2' },
      plan: planDeliveries,
      now: new Date('2026-02-01T09:00:00Z'),
    })
    expect(store.listChanges({ limit: 10 }).map((c) => c.event.kind)).toStrictEqual(['schedule', 'results'])
    expect(store.listChanges({ since: '2026-01-20', limit: 10 }).map((c) => c.event.kind)).toStrictEqual([
      'schedule',
    ])
  })
})

describe('deliveries', () => {
  it('marks a delivery sent once and skips pending ones of a deactivated channel', () => {
    const { store } = tempStore()
    store.upsertSubscription({ ref: slack('C1'), teamId: null }, { lang: 'ko', origin: 'command' }, NOW)
    store.upsertSubscription({ ref: slack('C2'), teamId: null }, { lang: 'ko', origin: 'command' }, NOW)
    store.commitChanges({
      events: changes,
      baseline: { state: next, inputHash: 'h' },
      plan: planDeliveries,
      now: NOW,
    })
    const [first] = store.pendingDeliveries()
    store.markSent(first!.id, NOW)
    store.markSent(first!.id, NOW)
    store.deactivateChannel(slack('C2'), 'channel_not_found', NOW)
    expect(store.pendingDeliveries().map((d) => d.channelKey)).toStrictEqual(['slack:C1'])
    expect(store.listSubscriptions(slack('C2'))[0]!.active).toBe(false)
  })
})
