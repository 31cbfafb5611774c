import type { TimelineEvent } from '../../corpus/schema.js'
import { abstain, type Draft } from '../draft.js'
import type { OutcomeWord } from '../route.js'
import { ACTIVE, type ComposeInput, NEGATIVE, outcomeSentence, stageOf } from './shared.js'

const MAX_EVENTS = 12

const OUTCOME_MATCH: Record<OutcomeWord, readonly string[]> = {
  eliminated: NEGATIVE,
  advanced: ['advanced'],
  selected: ['selected', 'added'],
  added: ['added'],
  applied: ['applied'],
  declined: ['declined', 'withdrew'],
}

/** "언제…?": dates of events, of one team's outcomes, or the whole timeline. */
export function composeTimeline(input: ComposeInput): Draft {
  const { route } = input
  if (route.teamIds[0]) return teamTimeline(input, route.teamIds[0])
  const events = matchingEvents(input)
  return eventsDraft(input, events.length > 0 ? events : input.k.events, events.length === 0)
}

function matchingEvents(input: ComposeInput): TimelineEvent[] {
  const { k, route } = input
  const { phase, eventKinds } = route
  let events = k.events
  if (eventKinds.length > 0) events = events.filter((e) => eventKinds.includes(e.kind))
  if (phase !== undefined) {
    const inPhase = events.filter((e) => e.phase === phase)
    events = inPhase.length > 0 ? inPhase : k.events.filter((e) => e.phase === phase)
  }
  if (eventKinds.length === 0 && phase === undefined) return []
  return events
}

function eventsDraft(input: ComposeInput, events: TimelineEvent[], overview: boolean): Draft {
  const { t } = input
  if (events.length === 0) return abstain(t, 'timeline', t.noAnswer)
  const shown = events.slice(0, MAX_EVENTS)
  const lines = shown.map((e) => t.event(e.title[t.lang], e.date, e.end_date, e.status === 'scheduled'))
  const paragraphs = overview ? lines : [lines[0]!, shown[0]!.summary[t.lang], ...lines.slice(1)]
  return {
    intent: 'timeline',
    answered: true,
    title: overview ? t.timelineTitle : shown[0]!.title[t.lang],
    paragraphs,
    sources: shown.flatMap((e) => e.sources),
    dates: shown.filter((e) => e.status === 'happened').map((e) => e.date),
    ...(shown[0]?.phase !== undefined && !overview && { phase: shown[0].phase }),
    suggestions: t.suggestions.results,
  }
}

function teamTimeline(input: ComposeInput, teamId: string): Draft {
  const { k, route, t } = input
  const name = k.teamName(teamId, t.lang)
  let history = k.outcomesOf(teamId)
  if (route.outcome) {
    const wanted = route.outcome === 'selected' ? [...OUTCOME_MATCH.selected] : OUTCOME_MATCH[route.outcome]
    const matched = history.filter((o) => wanted.includes(o.outcome.result))
    if (matched.length > 0) history = matched
  }
  if (route.phase !== undefined) {
    const inPhase = history.filter((o) => o.event.phase === route.phase)
    if (inPhase.length > 0) history = inPhase
  }
  if (history.length === 0) return { ...abstain(t, 'timeline', t.noData(name, 'status')), teamId }
  const main = route.outcome
    ? history.at(-1)!
    : (history.find((o) => ACTIVE.includes(o.outcome.result)) ?? history.at(-1)!)
  const paragraphs = [outcomeSentence(k, t, main)]
  const others = history.filter((o) => o !== main)
  return {
    intent: 'timeline',
    answered: true,
    title: name,
    paragraphs,
    fields: others.length
      ? [
          {
            label: t.labels.events,
            items: history.map(
              (o) => `${o.event.date} ${t.stage(stageOf(o.event))}: ${t.resultLabel(o.outcome.result)}`,
            ),
          },
        ]
      : [],
    sources: history.flatMap((o) => k.outcomeSources(o)),
    dates: history.map((o) => o.event.date),
    teamId,
    suggestions: t.suggestions.team(name),
  }
}
