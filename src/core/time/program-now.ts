/**
 * The programme as of one day: which events are behind us, which are still to come, which are overdue
 * (scheduled, their last possible day passed, no outcome recorded), the stage the teams are in, and how old
 * the newest source is. Pure: the day comes from the caller's clock (see kst.ts).
 */
import { comparePartialDates } from '../corpus/dates.js'
import type { OutcomeResult, TimelineEvent } from '../corpus/schema.js'
import { deriveTeamStatus, eventsInDateOrder } from '../corpus/state.js'
import type { Corpus } from '../corpus/types.js'
import { addDays, daysBetween } from './kst.js'
import { dateRange } from './partial-date.js'

/** How old the newest source may be before an answer about "now" says so. */
export const HORIZON_WARN_DAYS = 30

export type EventTime =
  /** It happened (status happened) and its first day is not after today. */
  | { kind: 'happened' }
  /** Its first possible day is after today. */
  | { kind: 'upcoming' }
  /** Scheduled, and today lies between its first and last possible day. */
  | { kind: 'due' }
  /** Scheduled, its last possible day has passed and no outcome is recorded: overdue since `since`. */
  | { kind: 'overdue'; since: string; days: number }

/** Where one event stands relative to `today` (YYYY-MM-DD, Seoul). */
export function eventTime(event: TimelineEvent, today: string): EventTime {
  const range = dateRange(event.date) ?? { first: event.date, last: event.date }
  if (range.first > today) return { kind: 'upcoming' }
  if (event.status !== 'scheduled') return { kind: 'happened' }
  if (range.last >= today) return { kind: 'due' }
  const since = addDays(range.last, 1)
  return { kind: 'overdue', since, days: daysBetween(since, today) + 1 }
}

export interface OverdueEvent {
  event: TimelineEvent
  /** The first day it was overdue: the day after its last possible day. */
  since: string
  /** Days overdue today, counting `since` as the first. */
  days: number
}

export type ProgramStage =
  /** Nothing has happened yet. */
  | { kind: 'not-started' }
  /** The call, applications or screening happened; the elite teams are not chosen yet. */
  | { kind: 'selecting'; last: TimelineEvent }
  /** Teams are working towards the evaluation of `phase` (1, 2, or 3 for the final one). */
  | { kind: 'phase'; phase: number; since: TimelineEvent; active: string[] }
  /** The final evaluation happened. */
  | { kind: 'finished'; since: TimelineEvent; active: string[] }

export interface ProgramNow {
  today: string
  /** Events that happened by today, newest first. */
  past: TimelineEvent[]
  /** Events still to come or under way today (upcoming or due), in date order. */
  ahead: TimelineEvent[]
  overdue: OverdueEvent[]
  stage: ProgramStage
  /** The newest source date in the whole corpus (the corpus horizon), or null. */
  horizon: string | null
  /** Days from the horizon's last possible day to today; null without a horizon. */
  horizonAge: number | null
}

const ACTIVE: readonly OutcomeResult[] = ['selected', 'advanced', 'added']

function stageOf(corpus: Corpus, past: TimelineEvent[], today: string): ProgramStage {
  const elite = new Set(corpus.teams.filter((t) => t.role === 'elite').map((t) => t.id))
  const active = () =>
    deriveTeamStatus({ teams: corpus.teams, events: corpus.events.filter((e) => past.includes(e)) }, today)
      .filter((s) => elite.has(s.teamId) && ACTIVE.includes(s.result))
      .map((s) => s.teamId)
  const decision = past.find(
    (e) => e.kind === 'selection' || (e.kind === 'evaluation' && e.phase !== undefined),
  )
  if (decision) {
    const phase = decision.kind === 'selection' ? 1 : (decision.phase ?? 0) + 1
    if (phase > 3) return { kind: 'finished', since: decision, active: active() }
    return { kind: 'phase', phase, since: decision, active: active() }
  }
  return past[0] ? { kind: 'selecting', last: past[0] } : { kind: 'not-started' }
}

/**
 * The corpus horizon: the newest date the sources reach — a source's own date, or the date of a fact, quote
 * or model release they report (a README read in August about a 31 July release reaches 31 July even when
 * the page itself is undated). Compared by partial date.
 */
export function corpusHorizon(corpus: Pick<Corpus, 'sources' | 'facts' | 'teams' | 'people'>): string | null {
  const dates: (string | null | undefined)[] = [
    ...corpus.sources.map((s) => s.date),
    ...corpus.facts.map((f) => f.date),
    ...corpus.teams.flatMap((t) => t.models.map((m) => m.released)),
    ...corpus.people.flatMap((p) => p.quotes.map((q) => q.date)),
  ]
  let best: string | null = null
  for (const d of dates) if (d && (best === null || comparePartialDates(d, best) > 0)) best = d
  return best
}

/** The programme as of `today` (YYYY-MM-DD, Seoul). */
export function programNow(corpus: Corpus, today: string): ProgramNow {
  const past: TimelineEvent[] = []
  const ahead: TimelineEvent[] = []
  const overdue: OverdueEvent[] = []
  for (const event of eventsInDateOrder(corpus)) {
    const time = eventTime(event, today)
    if (time.kind === 'happened') past.unshift(event)
    else if (time.kind === 'overdue') overdue.push({ event, since: time.since, days: time.days })
    else ahead.push(event)
  }
  const horizon = corpusHorizon(corpus)
  const horizonLast = horizon ? dateRange(horizon)?.last : undefined
  return {
    today,
    past,
    ahead,
    overdue,
    stage: stageOf(corpus, past, today),
    horizon,
    horizonAge: horizonLast ? daysBetween(horizonLast, today) : null,
  }
}

/** True when answers about now should say how old the sources are. */
export function horizonIsStale(now: ProgramNow): boolean {
  return now.horizonAge !== null && now.horizonAge > HORIZON_WARN_DAYS
}
