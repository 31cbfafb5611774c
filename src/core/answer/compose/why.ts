import { abstain, type Draft } from '../draft.js'
import type { TeamOutcome } from '../knowledge.js'
import type { OutcomeWord } from '../route.js'
import {
  ACTIVE,
  byRelevance,
  type ComposeInput,
  groupOutcomes,
  isDecision,
  NEGATIVE,
  overlaps,
  RESULTS_FOR_WORD,
  relevance,
  stageOf,
} from './shared.js'

/** Reasons recorded in the timeline for a team's outcome ("왜 네이버클라우드가 탈락했어?"). */
export function composeWhy(input: ComposeInput): Draft {
  const { k, route, t } = input
  const teamId = route.teamIds[0]!
  const name = k.teamName(teamId, t.lang)
  const history = k.outcomesOf(teamId)
  const wanted = route.outcome ? RESULTS_FOR_WORD[route.outcome] : [...NEGATIVE, ...ACTIVE]
  const candidates = history.filter((o) => wanted.includes(o.outcome.result))
  const pool = candidates.length > 0 ? candidates : history
  const withReason = [...pool].reverse().find((o) => o.outcome.reason)
  if (!withReason) {
    const latest: TeamOutcome | undefined = pool.at(-1)
    if (!latest) return { ...abstain(t, 'why', t.noData(name, 'status')), teamId }
    return {
      ...abstain(t, 'why', t.whyUnknown(name, latest.outcome.result, stageOf(latest.event))),
      teamId,
    }
  }
  const { event, outcome } = withReason
  // Facts that explain the same decision (e.g. the originality rule) support the recorded reason; only
  // facts about this team alone, so a reason for NC AI never drags in a ranking that names four others.
  const related = k.facts
    .filter(
      (f) =>
        f.teams.length > 0 &&
        f.teams.every((id) => id === teamId) &&
        ['dispute', 'originality', 'evaluation', 'scoring'].includes(f.topic),
    )
    .filter((f) => !overlaps(f[t.lang], outcome.reason![t.lang]))
    .slice(0, 1)
  return {
    intent: 'why',
    answered: true,
    title: t.whyTitle(name),
    paragraphs: [
      t.why(name, outcome.result, stageOf(event), outcome.reason![t.lang]),
      ...related.map((f) => f[t.lang]),
    ],
    sources: [...k.outcomeSources(withReason), ...related.flatMap((f) => f.sources)],
    dates: [event.date, ...related.map((f) => f.date)],
    teamId,
    ...(event.phase !== undefined && { phase: event.phase }),
    suggestions: t.suggestions.team(name),
  }
}

/** How the sources write each outcome, to find the facts that explain it. */
const OUTCOME_TERMS: Record<OutcomeWord, string> = {
  eliminated: '탈락 떨어뜨리 eliminated cut',
  advanced: '진출 통과 advanced advance',
  selected: '선정 selected',
  added: '추가 선정 added',
  applied: '지원 applied',
  declined: '불참 declined',
}

const COUNT_WORDS: Record<string, number> = {
  한: 1,
  두: 2,
  세: 3,
  네: 4,
  다섯: 5,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
}

/** Team counts a question names: "두 팀", "2팀", "two teams" → [2]. */
function countsIn(question: string): number[] {
  const q = question.normalize('NFKC').toLowerCase()
  const out: number[] = []
  for (const m of q.matchAll(/(\d+|한|두|세|네|다섯)\s?(?:개\s?)?(?:팀|곳|컨소시엄)/gu))
    out.push(Number(m[1]) || COUNT_WORDS[m[1]!]!)
  for (const m of q.matchAll(/\b(\d+|one|two|three|four|five)\s(?:teams?|consortia|companies)\b/gu))
    out.push(Number(m[1]) || COUNT_WORDS[m[1]!]!)
  return out
}

/**
 * "왜 2팀이나 탈락시켰어?": why a decision came out as it did when no team is named — the decision (the one
 * with as many teams as the question counts, else the latest evaluation), each team's recorded reason, and
 * the event's own explanation (the fact that shares most words with the question).
 */
export function composeDecisionWhy(input: ComposeInput): Draft | undefined {
  const { k, route, t, question } = input
  if (!route.outcome) return undefined
  const wanted = RESULTS_FOR_WORD[route.outcome]
  const withOutcome = (e: (typeof k.events)[number]) =>
    e.outcomes.filter((o) => wanted.includes(o.result)).length
  const decisions = k.events.filter(
    (e) =>
      e.status === 'happened' &&
      isDecision(e) &&
      withOutcome(e) > 0 &&
      (route.phase === undefined || e.phase === route.phase),
  )
  // Phase evaluations before selections and calls; the last count named is the one asked about
  // ("원래 한 팀만 떨어진다더니 왜 두 팀 떨어짐?" asks about two).
  const preferred = (events: typeof decisions) => {
    const evaluations = events.filter((e) => e.kind === 'evaluation')
    return (evaluations.length > 0 ? evaluations : events).at(-1)
  }
  const counted = countsIn(question)
    .reverse()
    .map((n) => preferred(decisions.filter((e) => withOutcome(e) === n)))
    .find((e) => e !== undefined)
  const event = counted ?? preferred(decisions)
  if (!event) return undefined
  const stage = stageOf(event)
  const reasons = event.outcomes
    .filter((o) => wanted.includes(o.result) && o.reason)
    .map((o) => t.why(k.teamName(o.team, t.lang), o.result, stage, o.reason![t.lang]))
  // The outcome's own words count too: "dropped" asks about what the sources call a cut (떨어뜨리다, 탈락).
  const asked = `${question} ${OUTCOME_TERMS[route.outcome]}`
  const explaining = byRelevance(asked, event.facts, (f) => `${f.ko} ${f.en}`)
    .filter((f) => relevance(asked, `${f.ko} ${f.en}`) > 0)
    .slice(0, 1)
  return {
    intent: 'why',
    answered: true,
    title: t.resultsTitle(stage),
    paragraphs: [
      t.stageResults(stage, event.date, groupOutcomes(k, event, t)),
      ...explaining.map((f) => f[t.lang]),
      ...reasons,
    ],
    sources: [
      ...explaining.flatMap((f) => f.sources),
      ...event.sources,
      ...event.outcomes.filter((o) => wanted.includes(o.result)).flatMap((o) => o.sources ?? []),
    ],
    dates: [event.date, ...explaining.map((f) => f.date)],
    ...(event.phase !== undefined && { phase: event.phase }),
    suggestions: t.suggestions.results,
  }
}
