import { describe, expect, it } from 'vitest'
import {
  type ChangeEvent,
  diffResults,
  EMPTY_STATE,
  type NotifyStore,
  planDeliveries,
  resultsStateOf,
} from '../../src/core/index.js'
import { corpusOf, PHASE1, PHASE2_SCHEDULED, SELECTION } from '../core/notify/fixtures.js'

/** A store under test and a way to run raw SQL against its database (constraint checks). */
export interface OpenedStore {
  store: NotifyStore
  /** Runs one statement with positional parameters; rejects with the database's error. */
  raw(sql: string, params: unknown[]): Promise<void>
}

const NOW = new Date('2026-01-15T09:00:00Z')
const slack = (channelId: string) => ({ platform: 'slack' as const, workspaceId: 'T1', channelId })
const next = resultsStateOf(corpusOf([SELECTION, PHASE1, PHASE2_SCHEDULED]))
const changes: ChangeEvent[] = diffResults(resultsStateOf(corpusOf([SELECTION])), next)

/**
 * The store port's behaviour, the same on every implementation: SQLite and PostgreSQL run it.
 * `open` gives a fresh, empty store; `placeholder(n)` is the dialect's n-th parameter (? or $n).
 */
export function describeStoreContract(
  name: string,
  open: () => Promise<OpenedStore>,
  placeholder: (n: number) => string,
): void {
  async function subscribeTwo(store: NotifyStore) {
    await store.upsertSubscription({ ref: slack('C1'), teamId: null }, { lang: 'ko', origin: 'command' }, NOW)
    await store.upsertSubscription(
      { ref: slack('C2'), teamId: 'upstage' },
      { lang: 'en', origin: 'command' },
      NOW,
    )
  }
  const commit = (store: NotifyStore, inputHash = 'h1', events = changes, now = NOW) =>
    store.commitChanges({ events, baseline: { state: next, inputHash }, plan: planDeliveries, now })

  describe(`${name}: subscriptions`, () => {
    it('creates, then leaves unchanged, then updates the language of a subscription', async () => {
      const { store } = await open()
      const key = { ref: slack('C1'), teamId: null }
      expect((await store.upsertSubscription(key, { lang: 'ko', origin: 'command' }, NOW)).kind).toBe(
        'created',
      )
      expect((await store.upsertSubscription(key, { lang: 'ko', origin: 'command' }, NOW)).kind).toBe(
        'unchanged',
      )
      const updated = await store.upsertSubscription(key, { lang: 'en', origin: 'command' }, NOW)
      expect(updated).toStrictEqual({
        kind: 'updated',
        subscription: { ...slack('C1'), teamId: null, lang: 'en', active: true, origin: 'command' },
      })
      expect(await store.listSubscriptions(slack('C1'))).toHaveLength(1)
    })

    it('keeps one all-teams row per channel (NULLs would be distinct in UNIQUE)', async () => {
      const { store } = await open()
      for (let i = 0; i < 3; i++)
        await store.upsertSubscription(
          { ref: slack('C1'), teamId: null },
          { lang: 'ko', origin: 'command' },
          NOW,
        )
      await store.upsertSubscription(
        { ref: slack('C1'), teamId: 'upstage' },
        { lang: 'ko', origin: 'command' },
        NOW,
      )
      expect((await store.listSubscriptions(slack('C1'))).map((s) => s.teamId)).toStrictEqual([
        null,
        'upstage',
      ])
    })

    it('removes one team or the whole channel when unsubscribing', async () => {
      const { store } = await open()
      for (const teamId of [null, 'upstage', 'nc-ai']) {
        await store.upsertSubscription({ ref: slack('C1'), teamId }, { lang: 'ko', origin: 'command' }, NOW)
      }
      expect(await store.removeSubscriptions({ ref: slack('C1'), teamId: 'upstage' })).toBe(1)
      expect(await store.removeSubscriptions({ ref: slack('C1'), teamId: 'upstage' })).toBe(0)
      expect(await store.removeSubscriptions({ ref: slack('C1'), teamId: null })).toBe(2)
      expect(await store.listSubscriptions()).toStrictEqual([])
    })

    it('does not reactivate an inactive channel from configuration but does on a command', async () => {
      const { store } = await open()
      const key = { ref: slack('C1'), teamId: null }
      await store.upsertSubscription(key, { lang: 'ko', origin: 'config' }, NOW)
      await store.deactivateChannel(slack('C1'), 'channel_not_found', NOW)
      expect(
        (await store.upsertSubscription(key, { lang: 'ko', origin: 'config', reactivate: false }, NOW)).kind,
      ).toBe('unchanged')
      expect(
        (await store.upsertSubscription(key, { lang: 'ko', origin: 'command' }, NOW)).subscription.active,
      ).toBe(true)
    })
  })

  describe(`${name}: commitChanges (the outbox)`, () => {
    it('records events, one delivery per matching channel and the baseline together', async () => {
      const { store } = await open()
      await subscribeTwo(store)
      const result = await commit(store)
      expect(result.recorded.map((e) => e.kind)).toStrictEqual(['results', 'schedule'])
      // C1 gets both; C2 (Upstage only) gets both too: Upstage is in the results and pending in the schedule.
      expect(result.deliveries).toBe(4)
      expect((await store.loadBaseline())?.inputHash).toBe('h1')
      expect(
        (await store.pendingDeliveries()).map((d) => `${d.channelKey}:${d.lang}:${d.event.kind}`),
      ).toStrictEqual([
        'slack:C1:ko:results',
        'slack:C2:en:results',
        'slack:C1:ko:schedule',
        'slack:C2:en:schedule',
      ])
    })

    it('records nothing new and plans no delivery when the same events are committed again', async () => {
      const { store } = await open()
      await subscribeTwo(store)
      await commit(store)
      expect(await commit(store)).toStrictEqual({ recorded: [], deliveries: 0 })
      expect(await store.pendingDeliveries()).toHaveLength(4)
    })

    it('rejects a second delivery of one event to one channel at the database level', async () => {
      const { store, raw } = await open()
      await subscribeTwo(store)
      await commit(store)
      const p = placeholder(1)
      await expect(
        raw(
          `INSERT INTO deliveries (event_id, channel_key, platform, channel_id, lang, created_at)
           VALUES (${p}, 'slack:C1', 'slack', 'C1', 'ko', 'x')`,
          [changes[0]!.id],
        ),
      ).rejects.toThrow(/UNIQUE constraint failed: deliveries.event_id, deliveries.channel_key|duplicate key/)
    })

    it('writes nothing at all when the transaction fails half way', async () => {
      const { store } = await open()
      await subscribeTwo(store)
      await store.commitChanges({
        events: [],
        baseline: { state: EMPTY_STATE, inputHash: 'h0' },
        plan: planDeliveries,
        now: NOW,
      })
      await expect(
        store.commitChanges({
          events: changes,
          baseline: { state: next, inputHash: 'h1' },
          plan: () => {
            throw new Error('crash between the event rows and the delivery rows')
          },
          now: NOW,
        }),
      ).rejects.toThrow('crash between')
      expect(await store.listChanges({ limit: 10 })).toStrictEqual([])
      expect(await store.pendingDeliveries()).toStrictEqual([])
      expect((await store.loadBaseline())?.inputHash).toBe('h0')
    })

    it('lists recorded changes newest first and filters by the day they were recorded', async () => {
      const { store } = await open()
      await commit(store, 'h1', changes.slice(0, 1), new Date('2026-01-15T09:00:00Z'))
      await commit(store, 'h2', changes.slice(1), new Date('2026-02-01T09:00:00Z'))
      expect((await store.listChanges({ limit: 10 })).map((c) => c.event.kind)).toStrictEqual([
        'schedule',
        'results',
      ])
      expect(
        (await store.listChanges({ since: '2026-01-20', limit: 10 })).map((c) => c.event.kind),
      ).toStrictEqual(['schedule'])
    })
  })

  describe(`${name}: deliveries`, () => {
    it('marks a delivery sent once and skips pending ones of a deactivated channel', async () => {
      const { store } = await open()
      await store.upsertSubscription(
        { ref: slack('C1'), teamId: null },
        { lang: 'ko', origin: 'command' },
        NOW,
      )
      await store.upsertSubscription(
        { ref: slack('C2'), teamId: null },
        { lang: 'ko', origin: 'command' },
        NOW,
      )
      await commit(store, 'h')
      const [first] = await store.pendingDeliveries()
      await store.markSent(first!.id, NOW)
      await store.markSent(first!.id, NOW)
      await store.deactivateChannel(slack('C2'), 'channel_not_found', NOW)
      expect((await store.pendingDeliveries()).map((d) => d.channelKey)).toStrictEqual(['slack:C1'])
      expect((await store.listSubscriptions(slack('C2')))[0]!.active).toBe(false)
    })

    it("claims each channel's oldest due delivery once, and nothing behind a live claim", async () => {
      const { store } = await open()
      await subscribeTwo(store)
      await commit(store)
      const claim = (owner: string, now = NOW) =>
        store.claimDue({ owner, now, leaseMs: 60_000, limit: 10, platforms: ['slack'] })
      const a = await claim('a')
      expect(a.map((d) => `${d.channelKey}:${d.event.kind}:${d.inDoubt}`)).toStrictEqual([
        'slack:C1:results:false',
        'slack:C2:results:false',
      ])
      // The second instance gets nothing: the heads are claimed and the rows behind them must wait.
      expect(await claim('b')).toStrictEqual([])
      expect(
        await store.claimDue({ owner: 'b', now: NOW, leaseMs: 1, limit: 10, platforms: ['discord'] }),
      ).toStrictEqual([])
      await store.markSent(a[0]!.id, NOW)
      expect((await claim('b')).map((d) => `${d.channelKey}:${d.event.kind}`)).toStrictEqual([
        'slack:C1:schedule',
      ])
      // Nothing is claimable before the claims lapse, then the lapsed one comes back in doubt.
      expect(await store.nextClaimableAt(['slack'])).toBe(NOW.getTime() + 60_000)
      const later = new Date(NOW.getTime() + 60_000)
      const retaken = await claim('c', later)
      expect(retaken.map((d) => `${d.channelKey}:${d.event.kind}:${d.inDoubt}`)).toStrictEqual([
        'slack:C2:results:true',
        'slack:C1:schedule:true',
      ])
    })

    it("takes back a previous run's claims at start, in doubt", async () => {
      const { store } = await open()
      await subscribeTwo(store)
      await commit(store)
      const claim = (owner: string) =>
        store.claimDue({ owner, now: NOW, leaseMs: 60_000, limit: 10, platforms: ['slack'] })
      expect(await claim('me')).toHaveLength(2)
      expect(await store.recoverClaims('me')).toBe(2)
      expect((await claim('me')).map((d) => d.inDoubt)).toStrictEqual([true, true])
    })

    it('gives released claims back without doubt, and retries wait for their time', async () => {
      const { store } = await open()
      await subscribeTwo(store)
      await commit(store)
      const claim = (owner: string, now = NOW) =>
        store.claimDue({ owner, now, leaseMs: 60_000, limit: 1, platforms: ['slack'] })
      const [first] = await claim('a')
      expect(first).toBeDefined()
      expect(await store.releaseClaims('a')).toBe(1)
      expect(await store.releaseClaims('a')).toBe(0)
      const [again] = await claim('b')
      expect(again).toMatchObject({ id: first!.id, inDoubt: false })
      await store.markRetry(again!.id, {
        attempts: 1,
        permanentFailures: 0,
        nextAttemptAt: NOW.getTime() + 5_000,
        error: 'x',
      })
      const [other] = await claim('b')
      expect(other!.channelKey).not.toBe(again!.channelKey)
      await store.markSent(other!.id, NOW)
      expect(await store.nextClaimableAt(['slack'])).toBe(NOW.getTime())
      const [next1] = await claim('b')
      await store.markSent(next1!.id, NOW)
      expect(await store.nextClaimableAt(['slack'])).toBe(NOW.getTime() + 5_000)
      expect(await claim('b')).toStrictEqual([])
      expect(await claim('b', new Date(NOW.getTime() + 5_000))).toMatchObject([
        { id: again!.id, attempts: 1 },
      ])
      expect(await store.nextClaimableAt(['discord'])).toBeNull()
    })
  })

  describe(`${name}: handled-once keys and leadership`, () => {
    it('lets one claim of a key through until its lease lapses, and none once it is done', async () => {
      const { store } = await open()
      const lease = { now: NOW, leaseMs: 30_000 }
      expect(await store.claimOnce('msg:C1:1.0', { owner: 'a', ...lease })).toBe(true)
      expect(await store.claimOnce('msg:C1:1.0', { owner: 'a', ...lease })).toBe(false)
      const later = new Date(NOW.getTime() + 30_000)
      expect(await store.claimOnce('msg:C1:1.0', { owner: 'b', now: later, leaseMs: 30_000 })).toBe(true)
      await store.doneOnce('msg:C1:1.0', later)
      const muchLater = new Date(NOW.getTime() + 3_600_000)
      expect(await store.claimOnce('msg:C1:1.0', { owner: 'c', now: muchLater, leaseMs: 30_000 })).toBe(false)
      expect(await store.claimOnce('msg:C1:2.0', { owner: 'c', now: muchLater, leaseMs: 30_000 })).toBe(true)
    })

    it('lets this instance lead change detection when it is alone', async () => {
      const { store } = await open()
      expect(await store.tryLead()).toBe(true)
      expect(await store.tryLead()).toBe(true)
    })

    it('keeps named values between calls', async () => {
      const { store } = await open()
      expect(await store.getMeta('k')).toBeUndefined()
      await store.setMeta('k', 'v1')
      await store.setMeta('k', 'v2')
      expect(await store.getMeta('k')).toBe('v2')
    })
  })
}
