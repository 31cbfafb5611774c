/**
 * The operator nudge: a scheduled event overdue by more than a week with no outcome in the corpus means
 * the corpus is missing a result that should exist by now, so no result notification can happen. Pure:
 * corpus and today in, one `OverdueChange` per such event out; notifications.ts records them in the outbox.
 */
import type { Corpus } from '../corpus/types.js'
import { programNow } from '../time/program-now.js'
import { eventRefOf, resultsStateOf } from './state.js'
import type { OverdueChange } from './types.js'

/** Days an event may be overdue before the operators are told. */
export const NUDGE_AFTER_DAYS = 7

/** Events overdue by more than `afterDays` on `today` (YYYY-MM-DD, Seoul), oldest first. */
export function overdueChanges(corpus: Corpus, today: string, afterDays = NUDGE_AFTER_DAYS): OverdueChange[] {
  const state = resultsStateOf(corpus)
  return programNow(corpus, today)
    .overdue.filter((o) => o.days > afterDays && state.events[o.event.id])
    .map((o) => ({
      kind: 'overdue' as const,
      // Event and date: the same event is nudged once however often and however late it is checked;
      // a moved date that passes again is a new nudge.
      id: `overdue:${o.event.id}:${o.event.date}`,
      date: o.event.date,
      teams: [],
      event: eventRefOf(state.events[o.event.id]!),
      since: o.since,
      days: o.days,
    }))
}
