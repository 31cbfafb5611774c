import type { Conflict, OutcomeResult, TimelineEvent } from '../../corpus/schema.js'
import type { Draft } from '../draft.js'
import type { Knowledge, TeamOutcome } from '../knowledge.js'
import type { Route } from '../route.js'
import type { Stage, Templates } from '../templates/index.js'
import type { AnswerField } from '../types.js'

/** Everything a composer needs. */
export interface ComposeInput {
  k: Knowledge
  route: Route
  t: Templates
  question: string
}

const ABOUT_RETENDER = /추가\s?공모|재공모|re-?tender|additional call/i

export function stageOf(event: TimelineEvent): Stage {
  // "Naver Cloud, NC AI and Kakao stay out of the re-tender" is an announcement about the additional call.
  const kind =
    event.kind === 'announcement' && ABOUT_RETENDER.test(event.title.en + event.title.ko)
      ? 'retender-call'
      : event.kind
  return event.phase === undefined ? { kind } : { kind, phase: event.phase }
}

/** The order result groups are listed in: good news first, as the announcements do. */
export const RESULT_ORDER: OutcomeResult[] = [
  'advanced',
  'selected',
  'added',
  'shortlisted',
  'applied',
  'eliminated',
  'not-selected',
  'screened-out',
  'declined',
  'withdrew',
  'pending',
]

/** An event's outcomes grouped by result, team names in the event's order. */
export function groupOutcomes(
  k: Knowledge,
  event: TimelineEvent,
  t: Templates,
): { result: OutcomeResult; teams: string[] }[] {
  return RESULT_ORDER.map((result) => ({
    result,
    teams: event.outcomes.filter((o) => o.result === result).map((o) => k.teamName(o.team, t.lang)),
  })).filter((g) => g.teams.length > 0)
}

export function resultFields(
  groups: { result: OutcomeResult; teams: string[] }[],
  t: Templates,
): AnswerField[] {
  return groups.map((g) => ({ label: t.resultLabel(g.result), items: g.teams }))
}

/** Event sources plus the sources of its outcomes that carry their own. */
export function eventSources(event: TimelineEvent): string[] {
  return [...event.sources, ...event.outcomes.flatMap((o) => o.sources ?? [])]
}

export function outcomeSentence(k: Knowledge, t: Templates, o: TeamOutcome): string {
  return t.outcome(k.teamName(o.outcome.team, t.lang), o.outcome.result, stageOf(o.event), o.event.date)
}

/** Results that mean the team is out of the programme, or never got in. */
export const NEGATIVE: OutcomeResult[] = ['eliminated', 'not-selected', 'screened-out']
/** Results that keep a team in the programme. */
export const ACTIVE: OutcomeResult[] = ['selected', 'advanced', 'added']

/** Events that decide who stays: evaluations and selections with outcomes, plus additions. */
export function isDecision(event: TimelineEvent): boolean {
  return ['selection', 'evaluation', 'addition', 'screening'].includes(event.kind)
}

const PHASE_WORDS = ['', '1차|first|phase 1|phase-1', '2차|second|phase 2|phase-2', '최종|final|3차']

/** Conflicts about when an evaluation phase happens (2차 평가 언제, 최종 2개 팀 언제). */
export function scheduleConflicts(k: Knowledge, phase: number): Conflict[] {
  const words = PHASE_WORDS[phase]
  if (!words) return []
  const re = new RegExp(words, 'i')
  return k.corpus.conflicts.filter(
    (c) => c.topic === 'schedule' && (re.test(c.question.ko) || re.test(c.question.en)),
  )
}

/** "ZDNet Korea, 2026-01-15": who says one side of a conflict. */
export function sourceBy(input: ComposeInput, ids: string[]): string {
  return ids
    .map((id) => input.k.source(id))
    .filter((s) => s !== undefined)
    .map((s) => input.t.sourceLabel(s.publisher, s.date))
    .join('; ')
}

/** The draft with each conflict shown side by side, every side with who says it, and their sources. */
export function withConflicts(input: ComposeInput, draft: Draft, conflicts: Conflict[]): Draft {
  if (conflicts.length === 0) return draft
  const { t } = input
  const extra: string[] = []
  for (const c of conflicts) {
    extra.push(t.conflictIntro(c.question[t.lang]))
    for (const side of c.sides) extra.push(t.conflictSide(side[t.lang], sourceBy(input, side.sources)))
  }
  return {
    ...draft,
    paragraphs: [...draft.paragraphs, ...extra],
    sources: [...(draft.sources ?? []), ...conflicts.flatMap((c) => c.sides.flatMap((s) => s.sources))],
    conflict: true,
  }
}
