import type { Lang } from '../answer/types.js'
import type { EventKind, OutcomeResult, Text } from '../corpus/schema.js'

/** The source shown under a notification: the first source the timeline event cites. */
export interface SourceRef {
  id: string
  title: string
  publisher: string
  /** null when the corpus knows no URL for it (never invented). */
  url: string | null
  date: string | null
}

/** What a notification needs to know about a timeline event, copied so it renders without the corpus. */
export interface EventRef {
  id: string
  date: string
  endDate: string | null
  kind: EventKind
  phase: number | null
  title: Text
  source: SourceRef | null
}

export interface TeamRef {
  id: string
  name: Text
}

/** One timeline event as the notifier compares it: outcomes keyed by team id so file order never matters. */
export interface EventState extends EventRef {
  status: 'happened' | 'scheduled'
  outcomes: Record<string, OutcomeResult>
}

/**
 * The part of the corpus notifications care about, persisted as the baseline.
 * Plain JSON, keyed by id, so two corpora that differ only in order produce equal states.
 */
export interface ResultsState {
  version: 1
  teams: Record<string, { name: Text }>
  events: Record<string, EventState>
}

/** A team's current standing: the result of the latest happened event that named it. */
export interface TeamStanding {
  result: OutcomeResult
  eventId: string
  date: string
}

interface ChangeBase {
  /** Stable id derived from the change's content: the same change gets the same id however it arrives. */
  id: string
  /** The program date the change concerns (YYYY-MM-DD or coarser): orders changes found together. */
  date: string
  /** Ids of the teams the change touches: team-filtered subscriptions get it only when theirs is here. */
  teams: string[]
}

/** A new (or newly happened) timeline event with outcomes: "1차 평가 결과 발표 — 진출: … · 탈락: …". */
export interface ResultsChange extends ChangeBase {
  kind: 'results'
  event: EventRef
  outcomes: { team: TeamRef; result: OutcomeResult }[]
}

/** Outcomes of an already announced event changed: a correction (from → to) or outcomes added/removed. */
export interface CorrectionChange extends ChangeBase {
  kind: 'correction'
  event: EventRef
  changes: { team: TeamRef; from: OutcomeResult | null; to: OutcomeResult | null }[]
}

/** A scheduled event appeared (`from` null) or its date moved (`from` is the old date). */
export interface ScheduleChange extends ChangeBase {
  kind: 'schedule'
  event: EventRef
  from: { date: string; endDate: string | null } | null
}

/** A team's current status changed without a results/correction change explaining it (e.g. an event was removed). */
export interface TeamStatusChange extends ChangeBase {
  kind: 'team-status'
  team: TeamRef
  from: OutcomeResult | null
  to: OutcomeResult | null
  /** The event the new status comes from, when there is one. */
  event: EventRef | null
}

/** The whole current standing, announced once when an operator sets NOTIFY_ANNOUNCE_CURRENT. */
export interface CurrentStateChange extends ChangeBase {
  kind: 'current-state'
  standings: { team: TeamRef; result: OutcomeResult; event: EventRef }[]
  /** The next scheduled event, if any. */
  next: EventRef | null
}

/**
 * For the operators only (OPS_CHANNEL): a scheduled event is overdue by more than a week and the corpus
 * records no outcome. Its id names the event and its date, so each event (at each date) is nudged once.
 */
export interface OverdueChange extends ChangeBase {
  kind: 'overdue'
  event: EventRef
  /** The first day it was overdue (YYYY-MM-DD, Seoul). */
  since: string
  /** Days overdue when it was found. */
  days: number
}

/** Something about the program's results that changed and is worth telling subscribed channels. */
export type ChangeEvent =
  | ResultsChange
  | CorrectionChange
  | ScheduleChange
  | TeamStatusChange
  | CurrentStateChange
  | OverdueChange

export type ChangeKind = ChangeEvent['kind']

/** A change event as recorded in the store. */
export interface RecordedChange {
  seq: number
  event: ChangeEvent
  /** When the bot detected it (ISO 8601). */
  recordedAt: string
}

export type { Lang }
