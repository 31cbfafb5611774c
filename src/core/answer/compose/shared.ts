import type { Conflict, OutcomeResult, TimelineEvent } from '../../corpus/schema.js'
import { analyze } from '../../search/analyzer.js'
import type { Draft } from '../draft.js'
import type { Knowledge, TeamOutcome } from '../knowledge.js'
import type { OutcomeWord, Route } from '../route.js'
import type { Stage, Templates } from '../templates/index.js'
import type { AnswerField } from '../types.js'

/** Everything a composer needs. */
export interface ComposeInput {
  k: Knowledge
  route: Route
  t: Templates
  question: string
  /** Today in Seoul (YYYY-MM-DD), from the core's clock: what is past, due or overdue is decided by it. */
  today: string
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
/** The recorded results a question's outcome word asks about ("떨어졌어" → every way of being out). */
export const RESULTS_FOR_WORD: Record<OutcomeWord, readonly OutcomeResult[]> = {
  eliminated: NEGATIVE,
  advanced: ['advanced'],
  selected: ['selected', 'added'],
  added: ['added'],
  applied: ['applied'],
  declined: ['declined', 'withdrew'],
}

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

const NATIVE_NUMBERS: Record<string, string> = { 한: '1', 두: '2', 세: '3', 네: '4', 다섯: '5', 여섯: '6' }

/** "다섯 팀" → "5 팀": sources write counts in digits (5개 팀), people often in words. */
export function withDigits(text: string): string {
  return text.replace(
    /(한|두|세|네|다섯|여섯)(?=\s?(?:개|팀|곳|명|컨소시엄))/gu,
    (w) => NATIVE_NUMBERS[w] ?? w,
  )
}

/** How many distinct index terms of the question a text contains: a cheap relevance for ordering facts. */
export function relevance(question: string, text: string): number {
  const have = new Set(analyze(text))
  let n = 0
  for (const term of new Set(analyze(question))) if (term.length > 1 && have.has(term)) n++
  return n
}

/**
 * `items` with those sharing most words with the question first; ties keep their order. A word shared
 * by most of the items (평가, 1차 among Phase-1 facts) says little, so each counts by its rarity among them,
 * or among `pool` (e.g. every fact) when the items are too few to tell.
 */
export function byRelevance<T>(
  question: string,
  items: readonly T[],
  text: (item: T) => string,
  pool?: readonly string[],
): T[] {
  const asked = [...new Set(analyze(withDigits(question)))].filter((term) => term.length > 0 && term !== ' ')
  const termSets = items.map((item) => new Set(analyze(text(item))))
  const poolSets = pool ? pool.map((p) => new Set(analyze(p))) : termSets
  const weight = new Map(
    asked.map((term) => {
      const df = poolSets.filter((set) => set.has(term)).length
      return [term, Math.log(1 + poolSets.length / (1 + df))]
    }),
  )
  return items
    .map((item, i) => ({
      item,
      i,
      r: asked.reduce((sum, term) => sum + (termSets[i]!.has(term) ? weight.get(term)! : 0), 0),
    }))
    .sort((a, b) => b.r - a.r || a.i - b.i)
    .map((x) => x.item)
}

/** True when two texts share most of their words: the second would only repeat the first. */
export function overlaps(a: string, b: string): boolean {
  const words = (s: string) => new Set(s.split(/[\s,.·()]+/).filter((w) => w.length > 1))
  const wa = words(a)
  const wb = words(b)
  let shared = 0
  for (const w of wa) if (wb.has(w)) shared++
  return shared / Math.max(1, Math.min(wa.size, wb.size)) > 0.3
}

/** A rank the question claims or asks about ("LG가 1등 했어?", "2등이었지?", "who came last?"). */
const RANK_WORDS: [RegExp, number | 'last'][] = [
  [/(^|[^\d.])1\s?(등|위)(?!급)|일등|\b1st\b|first place|\btop scor|highest|가장\s?높|최고점/, 1],
  [/(^|[^\d.])2\s?(등|위)(?!급)|이등|\b2nd\b|second place/, 2],
  [/(^|[^\d.])3\s?(등|위)(?!급)|\b3rd\b|third place/, 3],
  [/(^|[^\d.])4\s?(등|위)(?!급)|\b4th\b|fourth place/, 4],
  [/(^|[^\d.])5\s?(등|위)(?!급)|\b5th\b|fifth place/, 5],
  [/꼴등|꼴찌|최하위|가장\s?낮|last place|\blowest\b|\bbottom\b|came last/, 'last'],
]

export function claimedRank(question: string): number | 'last' | undefined {
  const q = question.normalize('NFKC').toLowerCase()
  return RANK_WORDS.find(([re]) => re.test(q))?.[1]
}

/**
 * The rank an outcome's recorded reason states: "종합 점수 1위" → 1, "가장 낮았다" → last. "상위 4위 안"
 * (within the top four) is not a rank, so it gives nothing and no claim is confirmed or denied from it.
 */
export function recordedRank(reason: { ko: string; en: string } | undefined): number | 'last' | undefined {
  if (!reason) return undefined
  if (/가장\s?낮|최하위|lowest/i.test(reason.ko + reason.en)) return 'last'
  const exact = /(?<!상위\s?)(\d)\s?위(?!\s?안)/.exec(reason.ko)
  return exact ? Number(exact[1]) : undefined
}
