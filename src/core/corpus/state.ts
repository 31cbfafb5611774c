import { comparePartialDates, startOfPartialDate } from './dates.js'
import type { OutcomeResult, TimelineEvent } from './schema.js'
import type { Corpus } from './types.js'

/** Where a team stands according to the timeline. */
export interface TeamStatus {
  teamId: string
  /** The last non-pending outcome in date order, or 'pending' when the team has only pending outcomes. */
  result: OutcomeResult
  /** The event that gave `result`. */
  eventId: string
  date: string
  phase: number | undefined
}

/** Timeline events in date order (a month sorts before the days in it; same dates keep file order). */
export function eventsInDateOrder(corpus: Pick<Corpus, 'events'>): TimelineEvent[] {
  return corpus.events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => comparePartialDates(a.event.date, b.event.date) || a.index - b.index)
    .map(({ event }) => event)
}

/**
 * Whether an event counts as of `asOf` (YYYY-MM-DD or coarser): its first possible day is not after it.
 * Without `asOf` every event counts, scheduled ones included (they carry only pending outcomes).
 */
function isOnOrBefore(event: TimelineEvent, asOf: string | undefined): boolean {
  return asOf === undefined || startOfPartialDate(event.date) <= startOfPartialDate(asOf)
}

/** Results that take a team out of the program. */
const EXITS: ReadonlySet<OutcomeResult> = new Set(['screened-out', 'not-selected', 'eliminated', 'withdrew'])

/**
 * Whether a later outcome becomes the team's status. A pending outcome never hides a known result, and
 * declining a later call does not hide why a team was already out (eliminated stays eliminated).
 */
export function replacesStatus(current: OutcomeResult | undefined, next: OutcomeResult): boolean {
  if (current === undefined) return true
  if (next === 'pending') return current === 'pending'
  if (next === 'declined') return !EXITS.has(current)
  return true
}

/**
 * The current result of every team named in the timeline, in teams.yaml order.
 * Teams the timeline never names are left out (the loader rejects such a corpus anyway).
 */
export function deriveTeamStatus(corpus: Pick<Corpus, 'events' | 'teams'>, asOf?: string): TeamStatus[] {
  const byTeam = new Map<string, TeamStatus>()
  for (const event of eventsInDateOrder(corpus)) {
    if (!isOnOrBefore(event, asOf)) continue
    for (const outcome of event.outcomes) {
      const current = byTeam.get(outcome.team)
      if (!replacesStatus(current?.result, outcome.result)) continue
      byTeam.set(outcome.team, {
        teamId: outcome.team,
        result: outcome.result,
        eventId: event.id,
        date: event.date,
        phase: event.phase,
      })
    }
  }
  const order = new Map(corpus.teams.map((t, i) => [t.id, i]))
  return [...byTeam.values()].sort(
    (a, b) =>
      (order.get(a.teamId) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.teamId) ?? Number.MAX_SAFE_INTEGER),
  )
}

/** The status of one team, or undefined when the timeline never names it. */
export function teamStatus(
  corpus: Pick<Corpus, 'events' | 'teams'>,
  teamId: string,
  asOf?: string,
): TeamStatus | undefined {
  return deriveTeamStatus(corpus, asOf).find((s) => s.teamId === teamId)
}

/** True for an event that has happened (as of `asOf`) and decided something for at least one team. */
function hasResults(event: TimelineEvent): boolean {
  return event.status === 'happened' && event.outcomes.some((o) => o.result !== 'pending')
}

/**
 * The latest happened `evaluation` event with at least one decided outcome (e.g. the phase-1 results),
 * or undefined when none has happened yet.
 */
export function latestEvaluation(corpus: Pick<Corpus, 'events'>, asOf?: string): TimelineEvent | undefined {
  return latestResultEvent(corpus, { asOf, kinds: ['evaluation'] })
}

/** The latest happened event with decided outcomes, optionally of the given kinds (selection, addition, …). */
export function latestResultEvent(
  corpus: Pick<Corpus, 'events'>,
  options: { asOf?: string; kinds?: readonly TimelineEvent['kind'][] } = {},
): TimelineEvent | undefined {
  const events = eventsInDateOrder(corpus).filter(
    (e) =>
      isOnOrBefore(e, options.asOf) && hasResults(e) && (!options.kinds || options.kinds.includes(e.kind)),
  )
  return events[events.length - 1]
}

/** Events of one phase (0: selection, 1: first evaluation, …) in date order. */
export function eventsOfPhase(corpus: Pick<Corpus, 'events'>, phase: number): TimelineEvent[] {
  return eventsInDateOrder(corpus).filter((e) => e.phase === phase)
}

/**
 * Events still to come, soonest first: those marked `scheduled`, and with `asOf` also any event
 * that starts after it.
 */
export function nextScheduledEvents(corpus: Pick<Corpus, 'events'>, asOf?: string): TimelineEvent[] {
  return eventsInDateOrder(corpus).filter(
    (e) => e.status === 'scheduled' || (asOf !== undefined && !isOnOrBefore(e, asOf)),
  )
}
