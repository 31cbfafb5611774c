import { replacesStatus } from '../corpus/state.js'
import type { Corpus } from '../corpus/types.js'
import type { EventRef, EventState, ResultsState, SourceRef, TeamRef, TeamStanding } from './types.js'

/** The state before anything was recorded: diffing against it announces every result. */
export const EMPTY_STATE: ResultsState = { version: 1, teams: {}, events: {} }

/** Snapshot of what notifications compare: every timeline event (outcomes keyed by team) and team names. */
export function resultsStateOf(corpus: Pick<Corpus, 'events' | 'teams' | 'sources'>): ResultsState {
  const sources = new Map(corpus.sources.map((s) => [s.id, s]))
  const teams: ResultsState['teams'] = {}
  for (const team of sortById(corpus.teams)) teams[team.id] = { name: { ko: team.name.ko, en: team.name.en } }

  const events: ResultsState['events'] = {}
  for (const event of sortById(corpus.events)) {
    const outcomes: EventState['outcomes'] = {}
    for (const outcome of [...event.outcomes].sort((a, b) => compare(a.team, b.team))) {
      outcomes[outcome.team] = outcome.result
    }
    const first = event.sources.map((id) => sources.get(id)).find((s) => s !== undefined)
    const source: SourceRef | null = first
      ? { id: first.id, title: first.title, publisher: first.publisher, url: first.url, date: first.date }
      : null
    events[event.id] = {
      id: event.id,
      date: event.date,
      endDate: event.end_date ?? null,
      kind: event.kind,
      phase: event.phase ?? null,
      title: { ko: event.title.ko, en: event.title.en },
      source,
      status: event.status,
      outcomes,
    }
  }
  return { version: 1, teams, events }
}

/** The event fields a notification shows, without the state-only ones. */
export function eventRefOf(event: EventState): EventRef {
  const { status: _status, outcomes: _outcomes, ...ref } = event
  return ref
}

/** A team id with its names; a team only named in the timeline falls back to its id. */
export function teamRefOf(state: ResultsState, teamId: string): TeamRef {
  const name = state.teams[teamId]?.name ?? { ko: teamId, en: teamId }
  return { id: teamId, name }
}

/** Happened, non-pending outcomes of an event: what counts as a published result. */
export function publishedOutcomes(event: EventState | undefined): EventState['outcomes'] {
  if (event?.status !== 'happened') return {}
  return Object.fromEntries(Object.entries(event.outcomes).filter(([, result]) => result !== 'pending'))
}

/**
 * Each team's current status: the result of the latest happened event naming it.
 * Ties on a date are broken by event id so the answer never depends on file order.
 */
export function teamStatusesOf(state: ResultsState): Map<string, TeamStanding> {
  const statuses = new Map<string, TeamStanding>()
  const inOrder = Object.values(state.events).sort((a, b) => compare(a.date, b.date) || compare(a.id, b.id))
  for (const event of inOrder) {
    for (const [team, result] of Object.entries(publishedOutcomes(event))) {
      if (replacesStatus(statuses.get(team)?.result, result)) {
        statuses.set(team, { result, eventId: event.id, date: event.date })
      }
    }
  }
  return statuses
}

function sortById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compare(a.id, b.id))
}

/** Code-point order: stable across locales, and dates (YYYY-MM-DD, YYYY-MM, YYYY) sort correctly. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
