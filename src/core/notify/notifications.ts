import { createHash } from 'node:crypto'
import type { Logger } from 'pino'
import { z } from 'zod'
import type { Lang, Message } from '../answer/types.js'
import { TimelineEvent } from '../corpus/schema.js'
import type { Corpus } from '../corpus/types.js'
import { type ChannelRef, type ChatSink, type Clock, channelKey, type NotificationService } from '../ports.js'
import { seoulDate } from '../time/kst.js'
import { canonicalJson, currentStateChange, diffResults } from './diff-results.js'
import { createDispatcher, type DispatcherOptions } from './dispatcher.js'
import { overdueChanges } from './nudge.js'
import { planDeliveries } from './plan-deliveries.js'
import { resultsStateOf } from './state.js'
import type { Baseline, NotifyStore, PlannedDelivery } from './store-port.js'
import { renderChangeList } from './templates.js'
import type { ChangeEvent, OverdueChange, ResultsState } from './types.js'

/** The notification settings main.ts passes in; `Config['notify']` satisfies it. */
export interface NotifyOptions {
  slackChannels: { channelId: string; lang: Lang }[]
  discordChannels: { channelId: string; lang: Lang }[]
  /** Announce the current standings once (per distinct state), e.g. when first connecting a channel. */
  announceCurrent: boolean
  /** Where operators are told that the corpus is stale (OPS_CHANNEL); without it, only a log warning. */
  ops?: { platform: ChannelRef['platform']; channelId: string; lang: Lang }
}

/** What `onCorpus` did, for logs and tests. */
export type CorpusOutcome =
  | { kind: 'unchanged' }
  | { kind: 'baselined' }
  | { kind: 'recorded'; events: ChangeEvent[]; deliveries: number }
  /**
   * The store refused the write or cannot be reached (disk full, PostgreSQL down): nothing was
   * recorded; the diff is tried again after `retryMs` and on the next reload.
   */
  | { kind: 'failed'; error: string }
  /** Another instance leads change detection (PostgreSQL); this one takes over if that one goes away. */
  | { kind: 'follower' }

export interface Notifications {
  /** What the adapters' subscribe / unsubscribe / subscriptions / changes commands call. */
  service: NotificationService
  /** Diffs a freshly loaded, valid corpus against the baseline and writes the outbox; call it on every reload. */
  onCorpus(corpus: Corpus): Promise<CorpusOutcome>
  /**
   * A valid remote timeline (RESULTS_URL): its events override the corpus's by id until the next one.
   * Null clears it.
   */
  onRemoteTimeline(events: TimelineEvent[] | null): Promise<CorpusOutcome>
  /**
   * Tells the operators, once per event, about scheduled events overdue by more than 7 days (by the clock,
   * in Seoul) with no outcome in the last corpus: a log warning and, with `ops`, a message through the outbox.
   * Returns the nudges recorded by this call (none when they were all recorded before).
   */
  checkOverdue(): Promise<OverdueChange[]>
  /** Starts the dispatcher: pending deliveries left by a crash or restart go out first. */
  start(): Promise<void>
  /** Sends what is due now; `timeoutMs` also waits for retries that fall due within it. */
  flush(timeoutMs?: number): Promise<void>
  /**
   * Stops the dispatcher after the delivery in flight and gives back its claims. The store stays
   * open: its owner closes it.
   */
  stop(): Promise<void>
}

export interface NotificationsDeps {
  store: NotifyStore
  sinks: ChatSink[]
  logger: Logger
  clock: Clock
  config: NotifyOptions
  dispatcher?: DispatcherOptions
  /** This instance's name in outbox claims; unique per process (default: a random one). */
  owner?: string
  /**
   * How often a failed diff is retried and a follower checks whether it should lead change
   * detection now. Default 15 s.
   */
  retryMs?: number
}

const CHANGES_LIMIT = 20

/**
 * Wires change detection, the transactional outbox and the dispatcher around one store.
 * The first corpus on an empty store only records the baseline (no flood of old news).
 */
export function createNotifications(deps: NotificationsDeps): Notifications {
  const log = deps.logger.child({ component: 'notify' })
  const dispatcher = createDispatcher({
    store: deps.store,
    sinks: deps.sinks,
    logger: deps.logger,
    clock: deps.clock,
    owner: deps.owner,
    options: deps.dispatcher,
  })
  const retryMs = deps.retryMs ?? 15_000
  let lastCorpus: Corpus | undefined
  // The last good remote timeline survives restarts: without it, the corpus alone would look like
  // the remote events were removed and announce status changes until the first poll.
  let remote: TimelineEvent[] | null = null
  let remoteSet = false
  let announcedCurrent = false
  let stopped = false
  let retryTimer: NodeJS.Timeout | undefined
  let chain: Promise<unknown> = Promise.resolve()

  /** Configured channels and the saved remote timeline, read once the store answers (retried until then). */
  let initialised: Promise<void> | undefined
  function init(): Promise<void> {
    initialised ??= (async () => {
      await upsertConfiguredChannels(deps)
      const saved = await loadRemote(deps.store, log)
      if (!remoteSet) remote = saved
    })().catch((err) => {
      initialised = undefined
      throw err
    })
    return initialised
  }

  /** One evaluation at a time; a failure or a follower's wait schedules another try. */
  function evaluate(): Promise<CorpusOutcome> {
    const run = chain.then(evaluateNow, evaluateNow)
    chain = run
    void run.then((outcome) => {
      if (outcome.kind === 'failed' || outcome.kind === 'follower') scheduleRetry()
    })
    return run
  }

  function scheduleRetry(): void {
    if (stopped || retryTimer) return
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      void evaluate()
    }, retryMs)
    retryTimer.unref()
  }

  let wasLeader: boolean | undefined
  async function evaluateNow(): Promise<CorpusOutcome> {
    if (!lastCorpus) return { kind: 'unchanged' }
    let found: Awaited<ReturnType<typeof findChanges>>
    try {
      await init()
      const leader = await deps.store.tryLead()
      if (leader !== wasLeader) {
        log.info({ leader }, leader ? 'leading change detection' : 'another instance leads change detection')
        wasLeader = leader
      }
      if (!leader) return { kind: 'follower' }
      const wantCurrent = deps.config.announceCurrent && !announcedCurrent
      found = await findChanges(deps.store, lastCorpus, remote, wantCurrent)
    } catch (err) {
      log.error({ err }, 'could not read the notification store; changes will be diffed again')
      return { kind: 'failed', error: (err as Error).message }
    }
    if (found.unchanged) return { kind: 'unchanged' }
    const { events, baseline, next, inputHash } = found
    let result: Awaited<ReturnType<NotifyStore['commitChanges']>>
    try {
      result = await deps.store.commitChanges({
        events,
        baseline: { state: next, inputHash },
        plan: planDeliveries,
        now: deps.clock.now(),
      })
    } catch (err) {
      // The transaction rolled back as a whole, so the old baseline stands and the same diff is found next time.
      log.error({ err, changes: events.map((e) => e.id) }, 'result changes could not be recorded')
      return { kind: 'failed', error: (err as Error).message }
    }
    announcedCurrent = true
    if (!baseline && events.length === 0) {
      log.info({ events: Object.keys(next.events).length }, 'first start: baseline recorded silently')
      return { kind: 'baselined' }
    }
    if (result.recorded.length > 0) {
      log.info(
        { changes: result.recorded.map((e) => e.id), deliveries: result.deliveries },
        'result changes recorded',
      )
      dispatcher.wake()
    }
    return { kind: 'recorded', events: result.recorded, deliveries: result.deliveries }
  }

  const service: NotificationService = {
    async subscribe(ref, options) {
      await init()
      return deps.store.upsertSubscription(
        { ref, teamId: options.teamId },
        { lang: options.lang, origin: 'command' },
        deps.clock.now(),
      )
    },
    async unsubscribe(ref, options) {
      const removed = await deps.store.removeSubscriptions({ ref, teamId: options.teamId })
      return { kind: removed > 0 ? 'removed' : 'not-found' }
    },
    async list(ref) {
      await init()
      return deps.store.listSubscriptions(ref)
    },
    async changes(since, lang): Promise<Message> {
      // Operator nudges are not news for the channels.
      const changes = await deps.store.listChanges({ since, limit: CHANGES_LIMIT })
      return renderChangeList(
        changes.filter((c) => c.event.kind !== 'overdue'),
        since,
        lang,
      )
    },
  }

  /** Runs after any evaluation in flight, so the baseline it writes back is the one just committed. */
  function checkOverdue(): Promise<OverdueChange[]> {
    const run = chain.then(checkOverdueNow, checkOverdueNow)
    chain = run.then(() => ({ kind: 'unchanged' }) as CorpusOutcome)
    return run
  }

  async function checkOverdueNow(): Promise<OverdueChange[]> {
    if (!lastCorpus) return []
    let baseline: Awaited<ReturnType<NotifyStore['loadBaseline']>>
    try {
      await init()
      // One instance tells the operators, as one detects changes.
      if (!(await deps.store.tryLead())) return []
      baseline = await deps.store.loadBaseline()
    } catch (err) {
      log.error({ err }, 'could not read the notification store to check for overdue events')
      return []
    }
    if (!baseline) return []
    const now = deps.clock.now()
    const nudges = overdueChanges(lastCorpus, seoulDate(now))
    if (nudges.length === 0) return []
    const ops = deps.config.ops
    let result: Awaited<ReturnType<NotifyStore['commitChanges']>>
    try {
      result = await deps.store.commitChanges({
        events: nudges,
        // The results baseline is unchanged: a nudge is about the calendar, not a change of results.
        baseline: { state: baseline.state, inputHash: baseline.inputHash },
        plan: (events) =>
          ops
            ? events.map((e) => ({
                platform: ops.platform,
                workspaceId: '',
                channelId: ops.channelId,
                channelKey: channelKey(ops),
                eventId: e.id,
                lang: ops.lang,
              }))
            : [],
        now,
      })
    } catch (err) {
      log.error({ err }, 'overdue nudges could not be recorded')
      return []
    }
    const recorded = result.recorded.filter((e): e is OverdueChange => e.kind === 'overdue')
    for (const n of recorded)
      log.warn(
        {
          event: n.event.id,
          scheduled: n.event.date,
          overdueSince: n.since,
          days: n.days,
          ...(ops && { opsChannel: channelKey(ops) }),
          howTo: 'corpus/README.md, "How to add a new evaluation result"',
        },
        'corpus is stale: a scheduled event is overdue with no outcome recorded',
      )
    if (result.deliveries > 0) dispatcher.wake()
    return recorded
  }

  return {
    service,
    checkOverdue,
    onCorpus(corpus) {
      lastCorpus = corpus
      return evaluate()
    },
    async onRemoteTimeline(events) {
      remote = events
      remoteSet = true
      try {
        await deps.store.setMeta(REMOTE_KEY, JSON.stringify(events))
      } catch (err) {
        // Used from memory now; a restart before the next good write falls back to the older one.
        log.warn({ err }, 'could not save the remote timeline')
      }
      return evaluate()
    },
    async start() {
      let pending: number | string
      try {
        await init()
        pending = (await deps.store.pendingDeliveries()).length
      } catch (err) {
        log.error({ err }, 'the notification store cannot be reached; deliveries wait for it')
        pending = 'unknown'
      }
      log.info({ pending }, 'notification dispatcher started')
      await dispatcher.start()
    },
    flush: (timeoutMs) => dispatcher.flush(timeoutMs),
    async stop() {
      stopped = true
      if (retryTimer) clearTimeout(retryTimer)
      retryTimer = undefined
      await chain.catch(() => undefined)
      await dispatcher.stop()
    },
  }
}

const REMOTE_KEY = 'remote-timeline'

/** What a corpus would change against the stored baseline; `unchanged` when the input is the one diffed last. */
async function findChanges(
  store: Pick<NotifyStore, 'loadBaseline'>,
  corpus: Corpus,
  remote: TimelineEvent[] | null,
  announceCurrent: boolean,
): Promise<
  | { unchanged: true }
  | {
      unchanged: false
      events: ChangeEvent[]
      baseline: Baseline | null
      next: ResultsState
      inputHash: string
    }
> {
  const inputHash = hashInput(corpus.hash, remote)
  const next = resultsStateOf(remote ? withRemoteTimeline(corpus, remote) : corpus)
  const baseline = await store.loadBaseline()
  if (baseline && baseline.inputHash === inputHash && !announceCurrent) return { unchanged: true }
  const events = baseline ? diffResults(baseline.state, next) : []
  if (announceCurrent) events.push(currentStateChange(next))
  return { unchanged: false, events, baseline, next, inputHash }
}

/** What `previewNotifications` found: nothing is written. */
export interface NotificationPreview {
  baseline: { updatedAt: string } | null
  events: ChangeEvent[]
  deliveries: PlannedDelivery[]
}

/**
 * Dry run for `npm run notify:preview`: the changes the corpus (plus the saved remote timeline)
 * would announce against the stored baseline, and to which channels. Reads the store, never writes.
 */
export async function previewNotifications(
  store: Pick<NotifyStore, 'loadBaseline' | 'listSubscriptions' | 'getMeta'>,
  corpus: Corpus,
  options: { announceCurrent: boolean; logger: Logger },
): Promise<NotificationPreview> {
  const remote = await loadRemote(store, options.logger)
  const baseline = await store.loadBaseline()
  const found = await findChanges(store, corpus, remote, options.announceCurrent)
  const events = found.unchanged ? [] : found.events
  return {
    baseline: baseline ? { updatedAt: baseline.updatedAt } : null,
    events,
    deliveries: planDeliveries(events, await store.listSubscriptions()),
  }
}

async function loadRemote(store: Pick<NotifyStore, 'getMeta'>, log: Logger): Promise<TimelineEvent[] | null> {
  const saved = await store.getMeta(REMOTE_KEY)
  if (saved === undefined) return null
  let json: unknown
  try {
    json = JSON.parse(saved)
  } catch {
    json = undefined
  }
  const parsed = z.array(TimelineEvent).nullable().safeParse(json)
  if (parsed.success) return parsed.data
  log.warn(
    { problems: z.prettifyError(parsed.error) },
    'ignoring the saved remote timeline: it no longer matches the schema',
  )
  return null
}

/**
 * NOTIFY_*_CHANNELS become subscriptions as soon as notifications exist, so the first corpus
 * already plans deliveries for them. A configured channel the platform said is gone stays
 * inactive until someone subscribes it again.
 */
async function upsertConfiguredChannels(deps: NotificationsDeps): Promise<void> {
  const configured: [ChannelRef['platform'], NotifyOptions['slackChannels']][] = [
    ['slack', deps.config.slackChannels],
    ['discord', deps.config.discordChannels],
  ]
  for (const [platform, channels] of configured) {
    for (const { channelId, lang } of channels) {
      await deps.store.upsertSubscription(
        { ref: { platform, workspaceId: '', channelId }, teamId: null },
        { lang, origin: 'config', reactivate: false },
        deps.clock.now(),
      )
    }
  }
}

/** The corpus with a remote timeline's events replacing (by id) or adding to its own. */
export function withRemoteTimeline(corpus: Corpus, events: TimelineEvent[]): Corpus {
  const byId = new Map(corpus.events.map((e) => [e.id, e]))
  for (const e of events) byId.set(e.id, e)
  return { ...corpus, events: [...byId.values()] }
}

function hashInput(corpusHash: string, remote: TimelineEvent[] | null): string {
  if (!remote) return corpusHash
  const digest = createHash('sha256').update(canonicalJson(remote)).digest('hex')
  return `${corpusHash}+${digest.slice(0, 16)}`
}
