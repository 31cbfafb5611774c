import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createDispatcher,
  DeliveryError,
  diffResults,
  type NotifyStore,
  planDeliveries,
  resultsStateOf,
} from '../../../src/core/index.js'
import { openSqliteStore } from '../../../src/store/sqlite-store.js'
import { corpusOf, event, PHASE1, SELECTION } from './fixtures.js'
import { ManualClock, ScriptedSink } from './scripted-sink.js'

const logger = pino({ level: 'silent' })
const stores: NotifyStore[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
})

const MOTIF = event('motif-added', { date: '2026-02-20', kind: 'addition', outcomes: { motif: 'added' } })

/** A store with the given channels subscribed and the phase-1 and Motif changes in the outbox. */
async function setup(channels: { platform: 'slack' | 'discord'; channelId: string }[]) {
  const store = openSqliteStore({ path: ':memory:' })
  stores.push(store)
  const clock = new ManualClock(Date.parse('2026-02-20T09:00:00Z'))
  for (const c of channels) {
    await store.upsertSubscription(
      { ref: { ...c, workspaceId: 'W' }, teamId: null },
      { lang: 'ko', origin: 'command' },
      clock.now(),
    )
  }
  const next = resultsStateOf(corpusOf([SELECTION, PHASE1, MOTIF]))
  await store.commitChanges({
    events: diffResults(resultsStateOf(corpusOf([SELECTION])), next),
    baseline: { state: next, inputHash: 'h' },
    plan: planDeliveries,
    now: clock.now(),
  })
  return { store, clock }
}

function dispatcherFor(store: NotifyStore, clock: ManualClock, sinks: ScriptedSink[]) {
  return createDispatcher({
    store,
    sinks,
    logger,
    clock,
    options: { baseDelayMs: 1_000, maxDelayMs: 60_000, maxAttempts: 5, permanentFailureLimit: 3 },
  })
}

describe('createDispatcher', () => {
  it('sends every pending delivery once, in event order, and marks it sent', async () => {
    const { store, clock } = await setup([
      { platform: 'slack', channelId: 'C1' },
      { platform: 'discord', channelId: '42' },
    ])
    const slack = new ScriptedSink('slack')
    const discord = new ScriptedSink('discord')
    const d = dispatcherFor(store, clock, [slack, discord])
    await d.flush()
    await d.flush()
    expect(slack.to('C1').map((m) => m.blocks.title.slice(0, 2))).toStrictEqual(['📢', '📢'])
    expect(slack.to('C1')[0]!.text).toContain('1차 평가 결과 발표')
    expect(slack.to('C1')[1]!.text).toContain('모티프테크놀로지스')
    expect(discord.to('42')).toHaveLength(2)
    expect(await store.pendingDeliveries()).toStrictEqual([])
  })

  it('retries a transient failure with exponential backoff and delivers once', async () => {
    const { store, clock } = await setup([{ platform: 'slack', channelId: 'C1' }])
    const slack = new ScriptedSink('slack').failNext('C1', 2, () => new DeliveryError('HTTP 500'))
    const d = dispatcherFor(store, clock, [slack])
    await d.flush()
    expect((await store.pendingDeliveries())[0]).toMatchObject({
      attempts: 1,
      nextAttemptAt: clock.now().getTime() + 1_000,
    })
    clock.advance(1_000)
    await d.flush()
    expect((await store.pendingDeliveries())[0]).toMatchObject({
      attempts: 2,
      nextAttemptAt: clock.now().getTime() + 2_000,
    })
    clock.advance(1_999)
    await d.flush()
    expect(slack.posted).toHaveLength(0)
    clock.advance(1)
    await d.flush()
    await d.flush()
    expect(slack.to('C1')).toHaveLength(2)
    expect(slack.attempts).toStrictEqual(['C1', 'C1', 'C1', 'C1'])
  })

  it('waits exactly as long as the platform asks when it says Retry-After', async () => {
    const { store, clock } = await setup([{ platform: 'slack', channelId: 'C1' }])
    const slack = new ScriptedSink('slack').failNext(
      'C1',
      1,
      () => new DeliveryError('ratelimited', { retryAfterMs: 30_000 }),
    )
    const d = dispatcherFor(store, clock, [slack])
    await d.flush()
    clock.advance(29_999)
    await d.flush()
    expect(slack.posted).toHaveLength(0)
    clock.advance(1)
    await d.flush()
    expect(slack.to('C1')).toHaveLength(2)
    expect(slack.attempts).toHaveLength(3)
  })

  it("holds a channel's later changes until its earlier one is delivered, so order is kept", async () => {
    const { store, clock } = await setup([{ platform: 'slack', channelId: 'C1' }])
    const slack = new ScriptedSink('slack').failNext('C1', 1, () => new DeliveryError('HTTP 502'))
    const d = dispatcherFor(store, clock, [slack])
    await d.flush()
    expect(slack.attempts).toStrictEqual(['C1'])
    clock.advance(1_000)
    await d.flush()
    await d.flush()
    expect(slack.to('C1').map((m) => m.blocks.title.includes('1차'))).toStrictEqual([true, false])
  })

  it('marks a channel inactive after repeated permanent refusals while others still receive', async () => {
    const { store, clock } = await setup([
      { platform: 'slack', channelId: 'GONE' },
      { platform: 'slack', channelId: 'C1' },
    ])
    const slack = new ScriptedSink('slack').failAlways(
      'GONE',
      () => new DeliveryError('channel_not_found', { permanent: true }),
    )
    const d = dispatcherFor(store, clock, [slack])
    for (let i = 0; i < 5; i++) {
      await d.flush()
      clock.advance(60_000)
    }
    expect(slack.attempts.filter((c) => c === 'GONE')).toHaveLength(3)
    expect(slack.to('C1')).toHaveLength(2)
    expect((await store.listSubscriptions({ platform: 'slack', channelId: 'GONE' }))[0]!.active).toBe(false)
    expect(await store.pendingDeliveries()).toStrictEqual([])
  })

  it('gives a delivery up after the attempt limit of transient failures', async () => {
    const { store, clock } = await setup([{ platform: 'slack', channelId: 'C1' }])
    const slack = new ScriptedSink('slack').failAlways('C1', () => new Error('socket hang up'))
    const d = dispatcherFor(store, clock, [slack])
    for (let i = 0; i < 12; i++) {
      await d.flush()
      clock.advance(60_000)
    }
    // Two deliveries, five attempts each; the channel itself stays active.
    expect(slack.attempts).toHaveLength(10)
    expect((await store.listSubscriptions({ platform: 'slack', channelId: 'C1' }))[0]!.active).toBe(true)
  })

  it('leaves deliveries pending when their platform is not connected', async () => {
    const { store, clock } = await setup([{ platform: 'discord', channelId: '42' }])
    const d = dispatcherFor(store, clock, [new ScriptedSink('slack')])
    await d.flush()
    expect(await store.pendingDeliveries()).toHaveLength(2)
  })

  it('sends new rows after wake() without a flush when started', async () => {
    const { store, clock } = await setup([{ platform: 'slack', channelId: 'C1' }])
    const slack = new ScriptedSink('slack')
    const d = dispatcherFor(store, clock, [slack])
    d.start()
    await expect.poll(() => slack.posted.length).toBe(2)
    await d.stop()
  })
})
