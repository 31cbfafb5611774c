import { createHash } from 'node:crypto'
import type { Logger } from 'pino'
import { z } from 'zod'
import type { Lang, Message } from '../answer/types.js'
import { TimelineEvent } from '../corpus/schema.js'
import type { Corpus } from '../corpus/types.js'
import type { ChannelRef, ChatSink, Clock, NotificationService } from '../ports.js'
import { canonicalJson, currentStateChange, diffResults } from './diff-results.js'
import { createDispatcher, type DispatcherOptions } from './dispatcher.js'
import { planDeliveries } from './plan-deliveries.js'
import { resultsStateOf } from './state.js'
import type { Baseline, NotifyStore, PlannedDelivery } from './store-port.js'
import { renderChangeList } from './templates.js'
import type { ChangeEvent, ResultsState } from './types.js'

/** The notification settings main.ts passes in; `Config['notify']` satisfies it. */
export interface NotifyOptions {
  slackChannels: { channelId: string; lang: Lang }[]
  discordChannels: { channelId: string; lang: Lang }[]
  /** Announce the current standings once (per distinct state), e.g. when first connecting a channel. */
  announceCurrent: boolean
}

/** What `onCorpus` did, for logs and tests. */
export type CorpusOutcome =
  | { kind: 'unchanged' }
  | { kind: 'baselined' }
  | { kind: 'recorded'; events: ChangeEvent[]; deliveries: number }
  /** The store refused the write (disk full, locked): nothing was recorded; the next reload retries the diff. */
  | { kind: 'failed'; error: string }

export interface Notifications {
  /** What the adapters' subscribe / unsubscribe / subscriptions / changes commands call. */
  service: NotificationService
  /** Diffs a freshly loaded, valid corpus against the baseline and writes the outbox; call it on every reload. */
  onCorpus(corpus: Corpus): CorpusOutcome
  /**
   * A valid remote timeline (RESULTS_URL): its events override the corpus's by id until the next one.
   * Null clears it.
   */
  onRemoteTimeline(events: TimelineEvent[] | null): CorpusOutcome
  /** Starts the dispatcher: pending deliveries left by a crash or restart go out first. */
  start(): void
  /** Sends what is due now; `timeoutMs` also waits for retries that fall due within it. */
  flush(timeoutMs?: number): Promise<void>
  /** Stops the dispatcher after the delivery in flight. The store stays open: its owner closes it. */
  stop(): Promise<void>
}

export interface NotificationsDeps {
  store: NotifyStore
  sinks: ChatSink[]
  logger: Logger
  clock: Clock
  config: NotifyOptions
  dispatcher?: DispatcherOptions
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
    options: deps.dispatcher,
  })
  let lastCorpus: Corpus | undefined
  // The last good remote timeline survives restarts: without it, the corpus alone would look like
  // the remote events were removed and announce status changes until the first poll.
  let remote: TimelineEvent[] | null = loadRemote(deps.store, log)
  let announcedCurrent = false
  upsertConfiguredChannels(deps)

  function evaluate(): CorpusOutcome {
    if (!lastCorpus) return { kind: 'unchanged' }
    const wantCurrent = deps.config.announceCurrent && !announcedCurrent
    const found = findChanges(deps.store, lastCorpus, remote, wantCurrent)
    if (found.unchanged) return { kind: 'unchanged' }
    const { events, baseline, next, inputHash } = found
    let result: ReturnType<NotifyStore['commitChanges']>
    try {
      result = deps.store.commitChanges({
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
    subscribe(ref, options) {
      return deps.store.upsertSubscription(
        { ref, teamId: options.teamId },
        { lang: options.lang, origin: 'command' },
        deps.clock.now(),
      )
    },
    unsubscribe(ref, options) {
      const removed = deps.store.removeSubscriptions({ ref, teamId: options.teamId })
      return { kind: removed > 0 ? 'removed' : 'not-found' }
    },
    list(ref) {
      return deps.store.listSubscriptions(ref)
    },
    changes(since, lang): Message {
      return renderChangeList(deps.store.listChanges({ since, limit: CHANGES_LIMIT }), since, lang)
    },
  }

  return {
    service,
    onCorpus(corpus) {
      lastCorpus = corpus
      return evaluate()
    },
    onRemoteTimeline(events) {
      remote = events
      deps.store.setMeta(REMOTE_KEY, JSON.stringify(events))
      return evaluate()
    },
    start() {
      const pending = deps.store.pendingDeliveries().length
      log.info({ pending }, 'notification dispatcher started')
      dispatcher.start()
    },
    flush: (timeoutMs) => dispatcher.flush(timeoutMs),
    stop: () => dispatcher.stop(),
  }
}

const REMOTE_KEY = 'remote-timeline'

/** What a corpus would change against the stored baseline; `unchanged` when the input is the one diffed last. */
function findChanges(
  store: Pick<NotifyStore, 'loadBaseline'>,
  corpus: Corpus,
  remote: TimelineEvent[] | null,
  announceCurrent: boolean,
):
  | { unchanged: true }
  | {
      unchanged: false
      events: ChangeEvent[]
      baseline: Baseline | null
      next: ResultsState
      inputHash: string
    } {
  const inputHash = hashInput(corpus.hash, remote)
  const next = resultsStateOf(remote ? withRemoteTimeline(corpus, remote) : corpus)
  const baseline = store.loadBaseline()
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
export function previewNotifications(
  store: Pick<NotifyStore, 'loadBaseline' | 'listSubscriptions' | 'getMeta'>,
  corpus: Corpus,
  options: { announceCurrent: boolean; logger: Logger },
): NotificationPreview {
  const remote = loadRemote(store, options.logger)
  const baseline = store.loadBaseline()
  const found = findChanges(store, corpus, remote, options.announceCurrent)
  const events = found.unchanged ? [] : found.events
  return {
    baseline: baseline ? { updatedAt: baseline.updatedAt } : null,
    events,
    deliveries: planDeliveries(events, store.listSubscriptions()),
  }
}

function loadRemote(store: Pick<NotifyStore, 'getMeta'>, log: Logger): TimelineEvent[] | null {
  const saved = store.getMeta(REMOTE_KEY)
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
function upsertConfiguredChannels(deps: NotificationsDeps): void {
  const configured: [ChannelRef['platform'], NotifyOptions['slackChannels']][] = [
    ['slack', deps.config.slackChannels],
    ['discord', deps.config.discordChannels],
  ]
  for (const [platform, channels] of configured) {
    for (const { channelId, lang } of channels) {
      deps.store.upsertSubscription(
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
