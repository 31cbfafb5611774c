import { abstain, type Draft } from '../draft.js'
import type { TeamOutcome } from '../knowledge.js'
import type { OutcomeWord } from '../route.js'
import { ACTIVE, type ComposeInput, NEGATIVE, stageOf } from './shared.js'

const WANTED: Record<OutcomeWord, readonly string[]> = {
  eliminated: NEGATIVE,
  advanced: ['advanced'],
  selected: ['selected', 'added'],
  added: ['added'],
  applied: ['applied'],
  declined: ['declined', 'withdrew'],
}

/** True when two texts share most of their words: the second would only repeat the first. */
function overlaps(a: string, b: string): boolean {
  const words = (s: string) => new Set(s.split(/[\s,.·()]+/).filter((w) => w.length > 1))
  const wa = words(a)
  const wb = words(b)
  let shared = 0
  for (const w of wa) if (wb.has(w)) shared++
  return shared / Math.max(1, Math.min(wa.size, wb.size)) > 0.3
}

/** Reasons recorded in the timeline for a team's outcome ("왜 네이버클라우드가 탈락했어?"). */
export function composeWhy(input: ComposeInput): Draft {
  const { k, route, t } = input
  const teamId = route.teamIds[0]!
  const name = k.teamName(teamId, t.lang)
  const history = k.outcomesOf(teamId)
  const wanted = route.outcome ? WANTED[route.outcome] : [...NEGATIVE, ...ACTIVE]
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
