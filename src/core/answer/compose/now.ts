/**
 * Answers about today: "다음 평가 언제야 / what's next", "지금 몇 차야 / where are we now / 현재 상황" and
 * "최신 소식 / what's new / latest". They read the timeline through programNow (src/core/time), so a
 * scheduled event whose date has passed without an outcome is overdue, never "예정".
 */
import { comparePartialDates } from '../../corpus/dates.js'
import type { TimelineEvent } from '../../corpus/schema.js'
import { daysBetween } from '../../time/kst.js'
import { dateRange } from '../../time/partial-date.js'
import {
  eventTime,
  horizonIsStale,
  type OverdueEvent,
  type ProgramNow,
  programNow,
} from '../../time/program-now.js'
import { abstain, type Draft } from '../draft.js'
import type { Knowledge } from '../knowledge.js'
import { type EventMark, nowTexts } from '../templates/now.js'
import type { Templates } from '../templates/types.js'
import {
  type ComposeInput,
  isDecision,
  scheduleConflicts,
  sourceBy,
  stageOf,
  withConflicts,
} from './shared.js'

/** Intents answered here; the router sets one of them (rules `now-next`, `now-stage`, `now-latest`). */
export const NOW_INTENTS = ['next', 'stage', 'latest'] as const

const MAX_LATEST = 5
const ASKS_EVALUATION = /평가|심사|evaluation|assessment|review|\bround\b/i

/** "최종 2개 팀 선정 (예정, 날짜 불확실)" → "최종 2개 팀 선정 (날짜 불확실)": the marker is ours to compute. */
export function cleanTitle(title: string): string {
  return title
    .replace(/\(([^()]*)\)\s*$/, (_, inner: string) => {
      const rest = inner
        .split(/\s*[,;]\s*/)
        .filter((part) => !/^(예정|scheduled|planned)$/i.test(part.trim()))
        .join(', ')
      return rest ? `(${rest})` : ''
    })
    .trim()
}

/** An event's title with where it stands today: "2차 단계 평가 (예정일 지남, 결과 자료 없음)". */
export function markedTitle(t: Templates, event: TimelineEvent, today: string): string {
  const title = cleanTitle(event.title[t.lang])
  const mark = markOf(event, today)
  if (!mark) return title
  const text = nowTexts(t).mark(mark)
  return /\)$/.test(title) ? title.replace(/\)$/, `, ${text})`) : `${title} (${text})`
}

function markOf(event: TimelineEvent, today: string): EventMark | undefined {
  const time = eventTime(event, today)
  if (time.kind === 'overdue') return 'overdue'
  if (time.kind === 'due') return 'due'
  if (time.kind === 'upcoming') return 'planned'
  return undefined
}

/** What an event is called inside a sentence: the stage for evaluations, else its title without notes. */
function nameOf(t: Templates, event: TimelineEvent): string {
  if (event.kind === 'evaluation' && event.phase !== undefined) return t.stage(stageOf(event))
  return cleanTitle(event.title[t.lang]).replace(/\s*\([^()]*\)\s*$/, '')
}

export function overdueSentence(input: ComposeInput, now: ProgramNow, o: OverdueEvent): string {
  return nowTexts(input.t).overdue(nameOf(input.t, o.event), o.event.date, now.horizon)
}

function sourceDates(k: Knowledge, ids: string[]): (string | null)[] {
  return ids.map((id) => k.source(id)?.date ?? null)
}

/** The draft with a closing note on the sources' age when they stop more than 30 days before today. */
export function withHorizon(input: ComposeInput, draft: Draft): Draft {
  if (!draft.answered) return draft
  const now = programNow(input.k.corpus, input.today)
  if (!horizonIsStale(now) || now.horizon === null) return draft
  const note = nowTexts(input.t).horizon(now.horizon, now.today, now.horizonAge!)
  return { ...draft, paragraphs: [...draft.paragraphs, note] }
}

function draftOf(
  input: ComposeInput,
  intent: (typeof NOW_INTENTS)[number],
  title: string,
  paragraphs: string[],
  events: TimelineEvent[],
  extraSources: string[] = [],
): Draft {
  const sources = [...events.flatMap((e) => e.sources), ...extraSources]
  return {
    intent,
    answered: true,
    title,
    paragraphs,
    sources,
    // As of the newest source used: what the answer knows is only as new as that.
    dates: sourceDates(input.k, sources),
    suggestions: input.t.suggestions.results,
  }
}

/** "다음 평가 언제야?", "what's next?": the first event after today; overdue ones before it are named. */
export function composeNext(input: ComposeInput): Draft {
  const { k, t, today, question } = input
  const texts = nowTexts(t)
  const now = programNow(k.corpus, today)
  const evaluation = ASKS_EVALUATION.test(question)
  const wanted = (e: TimelineEvent) =>
    !evaluation || ((e.kind === 'evaluation' || e.kind === 'scheduled') && (e.phase ?? 0) >= 1)
  const overdue = now.overdue.filter((o) => wanted(o.event))
  const next = now.ahead.find(wanted)
  const paragraphs = overdue.map((o) => overdueSentence(input, now, o))
  const used = overdue.map((o) => o.event)
  let conflictPhase: number | undefined
  if (next) {
    used.push(next)
    const due = eventTime(next, today).kind === 'due'
    const exact = dateRange(next.date)?.first === dateRange(next.date)?.last
    paragraphs.push(texts.next(nameOf(t, next), next.date, due, exact ? daysBetween(today, next.date) : null))
    conflictPhase = next.phase
  } else {
    paragraphs.push(texts.noNext(today, evaluation))
    const last = overdue.at(-1) ?? now.overdue.at(-1)
    if (last) {
      conflictPhase = last.event.phase
      if (conflictPhase === undefined || scheduleConflicts(k, conflictPhase).length === 0) {
        const newest = [...last.event.sources].sort((a, b) =>
          comparePartialDates(k.source(b)?.date ?? '0', k.source(a)?.date ?? '0'),
        )[0]
        paragraphs.push(
          texts.lastExpectation(
            nameOf(t, last.event),
            last.event.date,
            newest ? sourceBy(input, [newest]) : '',
          ),
        )
      }
    }
  }
  const draft = draftOf(input, 'next', texts.nextTitle, paragraphs, used)
  const conflicts = conflictPhase !== undefined ? scheduleConflicts(k, conflictPhase) : []
  const withSides = withConflicts(input, draft, conflicts)
  return {
    ...withSides,
    dates: sourceDates(k, withSides.sources ?? []),
    ...(conflictPhase !== undefined && { phase: conflictPhase }),
  }
}

/** "지금 몇 차야?", "where are we now?": the stage as of today, with the overdue caveat. */
export function composeStage(input: ComposeInput): Draft {
  const { k, t, today } = input
  const texts = nowTexts(t)
  const now = programNow(k.corpus, today)
  const names = (ids: string[]) => ids.map((id) => k.teamName(id, t.lang))
  const stage = now.stage
  const paragraphs: string[] = []
  const used: TimelineEvent[] = []
  if (stage.kind === 'not-started') paragraphs.push(texts.notStarted(today))
  else if (stage.kind === 'selecting') {
    paragraphs.push(texts.selecting(today, cleanTitle(stage.last.title[t.lang]), stage.last.date))
    used.push(stage.last)
  } else {
    paragraphs.push(
      stage.kind === 'finished'
        ? texts.finished(today, names(stage.active))
        : texts.phase(today, stage.phase, names(stage.active)),
    )
    const decision = now.past.find(isDecision) ?? stage.since
    paragraphs.push(texts.lastDecision(cleanTitle(decision.title[t.lang]), decision.date))
    used.push(stage.since, ...(decision !== stage.since ? [decision] : []))
  }
  const overdue = now.overdue.filter((o) => (o.event.phase ?? 0) >= 1)
  for (const o of overdue) {
    paragraphs.push(overdueSentence(input, now, o))
    used.push(o.event)
  }
  const next = now.ahead[0]
  if (next) {
    const due = eventTime(next, today).kind === 'due'
    const exact = dateRange(next.date)?.first === dateRange(next.date)?.last
    paragraphs.push(texts.next(nameOf(t, next), next.date, due, exact ? daysBetween(today, next.date) : null))
    used.push(next)
  }
  if (paragraphs.length === 0) return abstain(t, 'stage', t.noAnswer)
  return {
    ...draftOf(input, 'stage', texts.stageTitle, paragraphs, used),
    ...(stage.kind === 'phase' && { phase: stage.phase }),
  }
}

/** "최신 소식", "what's new?": the newest events and dated facts up to today, newest first. */
export function composeLatest(input: ComposeInput): Draft {
  const { k, t, today } = input
  const texts = nowTexts(t)
  const now = programNow(k.corpus, today)
  const byDay = (d: string | undefined) => (d ? (dateRange(d)?.first ?? d) <= today : false)
  type Item = { date: string; text: string; sources: string[] }
  const items: Item[] = [
    ...now.past.map((e) => ({
      date: e.date,
      text: `${cleanTitle(e.title[t.lang])} — ${e.summary[t.lang]}`,
      sources: e.sources,
    })),
    ...k.facts
      .filter((f) => byDay(f.date) && f.topic !== 'epoch')
      .map((f) => ({ date: f.date!, text: f[t.lang], sources: f.sources })),
  ]
    .map((item, i) => ({ item, i }))
    .sort((a, b) => comparePartialDates(b.item.date, a.item.date) || a.i - b.i)
    .map(({ item }) => item)
    .slice(0, MAX_LATEST)
  if (items.length === 0) return abstain(t, 'latest', texts.notStarted(today))
  const paragraphs = [texts.latestIntro(today), ...items.map((i) => texts.latestLine(i.date, i.text))]
  for (const o of now.overdue) paragraphs.push(overdueSentence(input, now, o))
  const next = now.ahead[0]
  if (next) {
    const due = eventTime(next, today).kind === 'due'
    paragraphs.push(texts.next(nameOf(t, next), next.date, due, null))
  }
  const events = [...now.overdue.map((o) => o.event), ...(next ? [next] : [])]
  const draft = draftOf(
    input,
    'latest',
    texts.latestTitle,
    paragraphs,
    [],
    [...items.flatMap((i) => i.sources), ...events.flatMap((e) => e.sources)],
  )
  // A dated fact from an undated page (a README) still dates what the answer knows.
  return { ...draft, dates: [...(draft.dates ?? []), ...items.map((i) => i.date)] }
}
