import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import {
  type Corpus,
  createNotifications,
  type NotifyOptions,
  type NotifyStore,
} from '../../../src/core/index.js'
import { openSqliteStore } from '../../../src/store/sqlite-store.js'
import { corpusOf, event, PHASE1, PHASE2_SCHEDULED, SELECTION } from './fixtures.js'
import { ManualClock, ScriptedSink } from './scripted-sink.js'

const logger = pino({ level: 'silent' })
const stores: NotifyStore[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
})

/** A corpus as the loader returns it; `hash` changes with the content, as a real file hash would. */
function corpus(...events: ReturnType<typeof event>[]): Corpus {
  return {
    ...corpusOf(events),
    hash: JSON.stringify(events.map((e) => [e.id, e.date, e.outcomes])),
  } as Corpus
}

const config = (over: Partial<NotifyOptions> = {}): NotifyOptions => ({
  slackChannels: [],
  discordChannels: [],
  announceCurrent: false,
  ...over,
})

function setup(options: { store?: NotifyStore; config?: NotifyOptions } = {}) {
  const store = options.store ?? openSqliteStore({ path: ':memory:' })
  if (!options.store) stores.push(store)
  const clock = new ManualClock(Date.parse('2026-01-15T09:00:00Z'))
  const slack = new ScriptedSink('slack')
  const discord = new ScriptedSink('discord')
  const n = createNotifications({
    store,
    sinks: [slack, discord],
    logger,
    clock,
    config: options.config ?? config(),
  })
  return { n, store, slack, discord, clock }
}

const C1 = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' }

describe('createNotifications', () => {
  it('records the baseline silently on the first corpus', async () => {
    const { n, store, slack } = setup()
    await n.service.subscribe(C1, { teamId: null, lang: 'ko' })
    expect(await n.onCorpus(corpus(SELECTION, PHASE1))).toStrictEqual({ kind: 'baselined' })
    await n.flush()
    expect(slack.posted).toStrictEqual([])
    expect(await store.loadBaseline()).not.toBeNull()
  })

  it('announces the current standings once when announceCurrent is set', async () => {
    const store = openSqliteStore({ path: ':memory:' })
    stores.push(store)
    const first = setup({
      store,
      config: config({ announceCurrent: true, slackChannels: [{ channelId: 'C9', lang: 'en' }] }),
    })
    await first.n.onCorpus(corpus(SELECTION, PHASE1))
    await first.n.flush()
    expect(first.slack.to('C9').map((m) => m.blocks.title)).toStrictEqual([
      '📋 Current standings (2026-01-15)',
    ])

    const restarted = setup({
      store,
      config: config({ announceCurrent: true, slackChannels: [{ channelId: 'C9', lang: 'en' }] }),
    })
    await restarted.n.onCorpus(corpus(SELECTION, PHASE1))
    await restarted.n.flush()
    expect(restarted.slack.posted).toStrictEqual([])
  })

  it('announces a change once to each matching channel and nothing when the same corpus comes again', async () => {
    const { n, slack, discord } = setup()
    await n.service.subscribe(C1, { teamId: null, lang: 'ko' })
    await n.service.subscribe(
      { platform: 'discord', workspaceId: 'G', channelId: '42' },
      { teamId: 'upstage', lang: 'en' },
    )
    await n.service.subscribe(
      { platform: 'discord', workspaceId: 'G', channelId: '43' },
      { teamId: 'motif', lang: 'en' },
    )
    await n.onCorpus(corpus(SELECTION))
    const outcome = await n.onCorpus(corpus(SELECTION, PHASE1))
    expect(outcome).toMatchObject({ kind: 'recorded', deliveries: 2 })
    expect(await n.onCorpus(corpus(SELECTION, PHASE1))).toStrictEqual({ kind: 'unchanged' })
    await n.flush()
    expect(slack.to('C1')).toHaveLength(1)
    expect(slack.to('C1')[0]!.lang).toBe('ko')
    expect(discord.to('42').map((m) => m.lang)).toStrictEqual(['en'])
    expect(discord.to('43')).toStrictEqual([])
  })

  it('announces missed changes once and in order after downtime', async () => {
    const store = openSqliteStore({ path: ':memory:' })
    stores.push(store)
    const before = setup({ store })
    await before.n.service.subscribe(C1, { teamId: null, lang: 'ko' })
    await before.n.onCorpus(corpus(SELECTION))
    const after = setup({ store })
    await after.n.onCorpus(
      corpus(
        SELECTION,
        PHASE1,
        event('motif-added', { date: '2026-02-20', kind: 'addition', outcomes: { motif: 'added' } }),
        PHASE2_SCHEDULED,
      ),
    )
    await after.n.flush()
    expect(after.slack.to('C1').map((m) => m.blocks.title.slice(0, 2))).toStrictEqual(['📢', '📢', '🗓'])
    expect(after.slack.to('C1')[0]!.blocks.title).toContain('1차')
  })

  it('keeps the remote timeline across a restart so its events do not look removed', async () => {
    const store = openSqliteStore({ path: ':memory:' })
    stores.push(store)
    const first = setup({ store })
    await first.n.service.subscribe(C1, { teamId: null, lang: 'ko' })
    await first.n.onCorpus(corpus(SELECTION))
    expect(await first.n.onRemoteTimeline([PHASE1])).toMatchObject({ kind: 'recorded', deliveries: 1 })
    await first.n.flush()

    const restarted = setup({ store })
    expect(await restarted.n.onCorpus(corpus(SELECTION))).toStrictEqual({ kind: 'unchanged' })
    await restarted.n.flush()
    expect(restarted.slack.posted).toStrictEqual([])
  })
})

describe('NotificationService', () => {
  it('creates, updates and reports unchanged subscriptions and lists them per channel', async () => {
    const { n } = setup()
    expect((await n.service.subscribe(C1, { teamId: null, lang: 'ko' })).kind).toBe('created')
    expect((await n.service.subscribe(C1, { teamId: null, lang: 'ko' })).kind).toBe('unchanged')
    expect((await n.service.subscribe(C1, { teamId: null, lang: 'en' })).kind).toBe('updated')
    expect((await n.service.subscribe(C1, { teamId: 'upstage', lang: 'en' })).kind).toBe('created')
    expect((await n.service.list(C1)).map((s) => s.teamId)).toStrictEqual([null, 'upstage'])
    expect(await n.service.unsubscribe(C1, { teamId: 'upstage' })).toStrictEqual({ kind: 'removed' })
    expect(await n.service.unsubscribe(C1, { teamId: 'upstage' })).toStrictEqual({ kind: 'not-found' })
  })

  it('subscribes configured channels at creation with origin config', async () => {
    const { n } = setup({ config: config({ discordChannels: [{ channelId: '987', lang: 'en' }] }) })
    expect(await n.service.list({ platform: 'discord', workspaceId: '', channelId: '987' })).toStrictEqual([
      {
        platform: 'discord',
        workspaceId: '',
        channelId: '987',
        teamId: null,
        lang: 'en',
        active: true,
        origin: 'config',
      },
    ])
  })

  it('lists recorded changes newest first as a message', async () => {
    const { n } = setup()
    await n.onCorpus(corpus(SELECTION))
    await n.onCorpus(corpus(SELECTION, PHASE1))
    await n.onCorpus(corpus(SELECTION, PHASE1, PHASE2_SCHEDULED))
    const message = await n.service.changes(undefined, 'ko')
    expect(message.blocks.paragraphs.map((p) => p.slice(13, 15))).toStrictEqual(['🗓', '📢'])
    expect((await n.service.changes('2099-01-01', 'en')).text).toContain('No changes recorded yet')
  })
})

describe('createNotifications when the store fails', () => {
  it('reports failed, keeps the old baseline and records the same changes on the next try', async () => {
    const { n, store, slack } = setup()
    await n.service.subscribe(C1, { teamId: null, lang: 'ko' })
    await n.onCorpus(corpus(SELECTION))
    const before = await store.loadBaseline()
    const commit = store.commitChanges.bind(store)
    store.commitChanges = () => {
      throw new Error('SQLITE_FULL: database or disk is full')
    }
    expect(await n.onCorpus(corpus(SELECTION, PHASE1))).toStrictEqual({
      kind: 'failed',
      error: 'SQLITE_FULL: database or disk is full',
    })
    expect(await store.loadBaseline()).toStrictEqual(before)

    store.commitChanges = commit
    expect(await n.onCorpus(corpus(SELECTION, PHASE1))).toMatchObject({ kind: 'recorded', deliveries: 1 })
    await n.flush()
    expect(slack.to('C1')).toHaveLength(1)
  })
})
