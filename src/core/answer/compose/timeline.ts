import type { TimelineEvent } from '../../corpus/schema.js'
import { programNow } from '../../time/program-now.js'
import { abstain, type Draft } from '../draft.js'
import { markedTitle, overdueSentence } from './now.js'
import {
  ACTIVE,
  type ComposeInput,
  outcomeSentence,
  RESULTS_FOR_WORD,
  scheduleConflicts,
  stageOf,
  withConflicts,
} from './shared.js'

const MAX_EVENTS = 12

/** "언제…?": dates of events, of one team's outcomes, or the whole timeline. */
export function composeTimeline(input: ComposeInput): Draft {
  const { route, k } = input
  if (route.modelIds.length > 0 && route.eventKinds.length === 0) return modelRelease(input)
  const teamId = route.teamIds[0]
  if (teamId) {
    // "업스테이지 독자성 논란 언제였어?": events about the team that carry no outcome for it.
    const aboutTeam = teamEvents(input, teamId)
    if (aboutTeam.length > 0) return { ...eventsDraft(input, aboutTeam, false), teamId }
    return teamTimeline(input, teamId)
  }
  const events = matchingEvents(input)
  const draft = eventsDraft(input, events.length > 0 ? events : k.events, events.length === 0)
  return withScheduleConflicts(input, draft)
}

const NON_OUTCOME_KINDS = new Set(['dispute', 'presentation', 'call', 'retender-call'])

function teamEvents(input: ComposeInput, teamId: string): TimelineEvent[] {
  const { k, route } = input
  const team = k.team(teamId)
  if (!team || !route.eventKinds.some((kind) => NON_OUTCOME_KINDS.has(kind))) return []
  const names = [team.name.ko, team.name.en, ...team.aliases].filter((n) => n.length >= 2)
  return k.events.filter(
    (e) =>
      route.eventKinds.includes(e.kind) &&
      NON_OUTCOME_KINDS.has(e.kind) &&
      names.some((n) => e.title.ko.includes(n) || e.title.en.includes(n)),
  )
}

/** "2차 평가 언제야?": when the sources disagree on a date, every side is shown with the scheduled event. */
function withScheduleConflicts(input: ComposeInput, draft: Draft): Draft {
  if (input.route.phase === undefined || !draft.answered) return draft
  return withConflicts(input, draft, scheduleConflicts(input.k, input.route.phase))
}

function modelRelease(input: ComposeInput): Draft {
  const { k, route, t } = input
  const models = k.corpus.teams.flatMap((team) => team.models.map((m) => ({ team, m })))
  const asked = models.filter(({ m }) => route.modelIds.includes(m.id))
  const dated = asked.filter(({ m }) => m.released)
  if (dated.length === 0) return abstain(t, 'timeline', t.noAnswer)
  return {
    intent: 'timeline',
    answered: true,
    title: dated[0]!.m.name,
    paragraphs: dated.map(({ m }) => t.released(m.name, m.released!)),
    sources: dated.flatMap(({ m }) => m.sources),
    dates: dated.map(({ m }) => m.released),
    teamId: dated[0]!.team.id,
    suggestions: t.suggestions.team(dated[0]!.team.name[t.lang]),
  }
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
  const { t, today } = input
  if (events.length === 0) return abstain(t, 'timeline', t.noAnswer)
  const shown = events.slice(0, MAX_EVENTS)
  // The mark (planned, due, overdue) is computed from today, never copied from the title.
  const lines = shown.map((e) => t.event(markedTitle(t, e, today), e.date, e.end_date, false))
  const now = programNow(input.k.corpus, today)
  const overdue = now.overdue.find((o) => o.event === shown[0])
  const paragraphs = overview
    ? lines
    : [
        lines[0]!,
        shown[0]!.summary[t.lang],
        ...(overdue ? [overdueSentence(input, now, overdue)] : []),
        ...lines.slice(1),
      ]
  return {
    intent: 'timeline',
    answered: true,
    title: overview ? t.timelineTitle : markedTitle(t, shown[0]!, today),
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
    const wanted =
      route.outcome === 'selected' ? [...RESULTS_FOR_WORD.selected] : RESULTS_FOR_WORD[route.outcome]
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
