import { createHash } from 'node:crypto'
import { compare, EMPTY_STATE, eventRefOf, publishedOutcomes, teamRefOf, teamStatusesOf } from './state.js'
import type {
  ChangeEvent,
  CorrectionChange,
  CurrentStateChange,
  ResultsChange,
  ResultsState,
  ScheduleChange,
  TeamStatusChange,
} from './types.js'

/** Within one date, results come before corrections, schedules and derived status changes. */
const KIND_ORDER: Record<ChangeEvent['kind'], number> = {
  results: 0,
  correction: 1,
  schedule: 2,
  'team-status': 3,
  'current-state': 4,
  overdue: 5,
}

/**
 * What changed in the program's results between two states, oldest first.
 * Pure: the same pair of states always gives the same events with the same ids, and states
 * that differ only in file order give none.
 */
export function diffResults(previous: ResultsState, next: ResultsState): ChangeEvent[] {
  const changes: ChangeEvent[] = []
  for (const id of Object.keys(next.events).sort(compare)) {
    const before = previous.events[id]
    const after = next.events[id]!
    const was = publishedOutcomes(before)
    const now = publishedOutcomes(after)
    const wasTeams = Object.keys(was)
    const nowTeams = Object.keys(now)

    if (nowTeams.length > 0 && wasTeams.length === 0) {
      const outcomes = nowTeams
        .sort(compare)
        .map((team) => ({ team: teamRefOf(next, team), result: now[team]! }))
      const change: Omit<ResultsChange, 'id'> = {
        kind: 'results',
        date: after.date,
        teams: outcomes.map((o) => o.team.id),
        event: eventRefOf(after),
        outcomes,
      }
      changes.push(withId(change, { event: id, outcomes: now }))
    } else if (nowTeams.length > 0) {
      const teams = [...new Set([...wasTeams, ...nowTeams])].sort(compare)
      const corrections = teams
        .filter((team) => was[team] !== now[team])
        .map((team) => ({ team: teamRefOf(next, team), from: was[team] ?? null, to: now[team] ?? null }))
      if (corrections.length > 0) {
        const change: Omit<CorrectionChange, 'id'> = {
          kind: 'correction',
          date: after.date,
          teams: corrections.map((c) => c.team.id),
          event: eventRefOf(after),
          changes: corrections,
        }
        changes.push(withId(change, { event: id, from: was, to: now }))
      }
    }

    if (after.status === 'scheduled') {
      const wasScheduled = before?.status === 'scheduled'
      const moved = wasScheduled && (before.date !== after.date || before.endDate !== after.endDate)
      if (!wasScheduled || moved) {
        const change: Omit<ScheduleChange, 'id'> = {
          kind: 'schedule',
          date: after.date,
          teams: Object.keys(after.outcomes).sort(compare),
          event: eventRefOf(after),
          from: moved ? { date: before.date, endDate: before.endDate } : null,
        }
        changes.push(withId(change, { event: id, date: after.date, endDate: after.endDate }))
      }
    }
  }

  changes.push(...unexplainedStatusChanges(previous, next, changes))
  return changes.sort(
    (a, b) =>
      compare(a.date, b.date) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      compare(subjectOf(a), subjectOf(b)) ||
      compare(a.id, b.id),
  )
}

/** What a change is about (event or team id): a readable tie-break, so the order never depends on hashes. */
function subjectOf(change: ChangeEvent): string {
  return change.kind === 'team-status' ? change.team.id : 'event' in change ? change.event.id : ''
}

/**
 * Team status changes that no results/correction change already tells (an event was removed, or
 * a date edit made another event the latest), so no change of standing goes unannounced.
 */
function unexplainedStatusChanges(
  previous: ResultsState,
  next: ResultsState,
  found: ChangeEvent[],
): TeamStatusChange[] {
  const explained = new Set(
    found.filter((c) => c.kind === 'results' || c.kind === 'correction').flatMap((c) => c.teams),
  )
  const before = teamStatusesOf(previous)
  const after = teamStatusesOf(next)
  const teams = [...new Set([...before.keys(), ...after.keys()])].sort(compare)
  const changes: TeamStatusChange[] = []
  for (const team of teams) {
    const from = before.get(team)?.result ?? null
    const now = after.get(team)
    const to = now?.result ?? null
    if (from === to || explained.has(team)) continue
    const source = now ? next.events[now.eventId] : undefined
    const change: Omit<TeamStatusChange, 'id'> = {
      kind: 'team-status',
      date: now?.date ?? before.get(team)?.date ?? '',
      teams: [team],
      team: teamRefOf(next.teams[team] ? next : previous, team),
      from,
      to,
      event: source ? eventRefOf(source) : null,
    }
    changes.push(withId(change, { team, from, to, event: now?.eventId ?? null }))
  }
  return changes
}

/** A one-off summary of every team's standing and the next scheduled event. */
export function currentStateChange(state: ResultsState): CurrentStateChange {
  const standings = [...teamStatusesOf(state).entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([team, status]) => ({
      team: teamRefOf(state, team),
      result: status.result,
      event: eventRefOf(state.events[status.eventId]!),
    }))
  const next =
    Object.values(state.events)
      .filter((e) => e.status === 'scheduled')
      .sort((a, b) => compare(a.date, b.date) || compare(a.id, b.id))
      .map(eventRefOf)[0] ?? null
  const latest = standings.map((s) => s.event.date).sort(compare)
  const change: Omit<CurrentStateChange, 'id'> = {
    kind: 'current-state',
    date: latest[latest.length - 1] ?? '',
    teams: standings.map((s) => s.team.id),
    standings,
    next,
  }
  return withId(change, {
    standings: standings.map((s) => [s.team.id, s.result, s.event.id]),
    next: next ? [next.id, next.date] : null,
  })
}

/** Every result in a state, as if it were all new: what announcing from scratch would send. */
export function diffFromEmpty(state: ResultsState): ChangeEvent[] {
  return diffResults(EMPTY_STATE, state)
}

/**
 * Ids hash only what makes the change the same change (event id and outcomes, or the new date),
 * not titles or sources, so fixing a typo or adding a link never re-announces anything.
 */
function withId<T extends Omit<ChangeEvent, 'id'>>(change: T, identity: unknown): T & { id: string } {
  const digest = createHash('sha256')
    .update(canonicalJson({ kind: change.kind, identity }))
    .digest('hex')
  return { id: `${change.kind}:${digest.slice(0, 20)}`, ...change }
}

/** JSON with object keys sorted, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compare(a, b))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
