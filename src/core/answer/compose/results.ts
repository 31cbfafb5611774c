import type { OutcomeResult, ScoreKey, TimelineEvent } from '../../corpus/schema.js'
import { programNow } from '../../time/program-now.js'
import { abstain, type Draft } from '../draft.js'
import type { TeamOutcome } from '../knowledge.js'
import type { Claim, OutcomeWord } from '../route.js'
import type { AnswerField } from '../types.js'
import { markedTitle, overdueSentence } from './now.js'
import {
  ACTIVE,
  byRelevance,
  type ComposeInput,
  claimedRank,
  groupOutcomes,
  isDecision,
  NEGATIVE,
  outcomeSentence,
  recordedRank,
  relevance,
  resultFields,
  scheduleConflicts,
  stageOf,
  withConflicts,
} from './shared.js'

const SCORE_ORDER: ScoreKey[] = [
  'total',
  'benchmark',
  'nia_benchmark',
  'global_common',
  'global_individual',
  'expert',
  'user',
]

/** Results of one team, one phase, or the latest state; claims ("NC AI가 진출했지?") are checked against the timeline. */
export function composeResults(input: ComposeInput): Draft {
  const { route } = input
  if (route.claim) return checkClaim(input, route.claim)
  const teamId = route.teamIds[0]
  if (teamId) return teamResults(input, teamId, route.phase)
  return programResults(input)
}

/** The timeline events whose outcome a question about `word` (and maybe a phase) is about. */
function relevantEvents(
  events: TimelineEvent[],
  word: OutcomeWord,
  phase: number | undefined,
): TimelineEvent[] {
  const inPhase = (e: TimelineEvent) => phase === undefined || e.phase === phase
  switch (word) {
    case 'advanced':
      return events.filter((e) => (e.kind === 'evaluation' || (phase === 0 && isDecision(e))) && inPhase(e))
    case 'eliminated':
      return events.filter((e) => isDecision(e) && e.kind !== 'addition' && inPhase(e))
    case 'selected':
      return events.filter(
        (e) => (e.kind === 'selection' || e.kind === 'addition') && (phase === undefined || phase <= 1),
      )
    case 'added':
      return events.filter((e) => e.kind === 'addition')
    case 'applied':
      return events.filter((e) => e.kind === 'applications' || e.kind === 'retender-applications')
    case 'declined':
      return events.filter(inPhase)
  }
}

/** Questions that ask for the event's figures rather than who got which result. */
const FIGURES = /평균|최고|최저|만점|배점|높|낮|average|highest|lowest|\btop\b|maximum|out of/i

const RETENDER_KINDS: TimelineEvent['kind'][] = ['retender-call', 'retender-applications', 'addition']

const MEANS: Record<OutcomeWord, OutcomeResult[]> = {
  advanced: ['advanced'],
  eliminated: NEGATIVE,
  selected: ['selected', 'added'],
  added: ['added'],
  applied: ['applied', 'shortlisted', 'screened-out', 'selected', 'not-selected'],
  declined: ['declined', 'withdrew'],
}

function checkClaim(input: ComposeInput, claim: Claim): Draft {
  const { k, t } = input
  const name = k.teamName(claim.teamId, t.lang)
  const phase = claim.outcome === 'advanced' || claim.outcome === 'eliminated' ? claim.phase : undefined
  // "네이버가 추가 공모 붙었지?": a claim about the re-tender is checked against the re-tender's events only.
  const inRetender = input.route.topics.includes('retender')
  // Nobody "advances" in the re-tender: "추가공모 붙었다" claims the team was chosen there.
  const chosenInRetender = inRetender && claim.outcome === 'advanced'
  const events = relevantEvents(k.events, chosenInRetender ? 'selected' : claim.outcome, phase).filter(
    (e) => !inRetender || RETENDER_KINDS.includes(e.kind),
  )
  const happened = events.filter((e) => e.status === 'happened' && e.outcomes.length > 0)
  const history = k.outcomesOf(claim.teamId)
  if (phase !== undefined && happened.length === 0) {
    // "네이버가 2차에서 탈락했어?": Naver was already out before phase 2, which is a fact, not an unknown.
    const outBefore = history
      .filter((o) => NEGATIVE.includes(o.outcome.result) && (o.event.phase ?? 0) < phase)
      .at(-1)
    if (!outBefore) return phaseNotKnown(input, phase, claim.teamId)
    return {
      intent: 'false-premise',
      answered: true,
      title: name,
      paragraphs: [
        t.claimCorrected(
          `${t.notInStage(name, { kind: 'evaluation', phase })} ${outcomeSentence(k, t, outBefore)}`,
        ),
      ],
      sources: k.outcomeSources(outBefore),
      dates: [outBefore.event.date],
      teamId: claim.teamId,
      suggestions: t.suggestions.team(name),
    }
  }

  const means = MEANS[chosenInRetender ? 'selected' : claim.outcome]
  const relevant = history.filter((o) => happened.includes(o.event))
  const match = relevant.find((o) => means.includes(o.outcome.result))
  const isTrue = claim.negated ? match === undefined : match !== undefined
  const shown: TeamOutcome | undefined = match ?? relevant.at(-1)
  const latest = history.at(-1)
  const sentences: string[] = []
  const used: TeamOutcome[] = []
  // A wrong claim about a decision others won ("트릴리온랩스가 뽑혔지?") also lists who did.
  const decidedBy = shown?.event ?? happened.at(-1)
  const winners =
    !isTrue && decidedBy
      ? groupOutcomes(k, decidedBy, t).filter((g) => means.includes(g.result) && !g.teams.includes(name))
      : []
  if (shown) {
    sentences.push(outcomeSentence(k, t, shown))
    used.push(shown)
  } else {
    const stage = happened[0] ? stageOf(happened[0]) : { kind: 'evaluation' as const, phase: phase ?? 1 }
    sentences.push(t.notInStage(name, stage))
  }
  if (latest && latest !== shown) {
    sentences.push(outcomeSentence(k, t, latest))
    used.push(latest)
  }
  if (!shown && !latest) return abstain(t, 'results', t.noData(name, 'status'))
  const statement = sentences.join(' ')
  return {
    intent: isTrue ? 'results' : 'false-premise',
    answered: true,
    title: name,
    paragraphs: [isTrue ? t.claimConfirmed(statement) : t.claimCorrected(statement)],
    sources: [
      ...used.flatMap((o) => k.outcomeSources(o)),
      // Who else got the result is the event's own announcement.
      ...(winners.length > 0 && decidedBy ? decidedBy.sources : []),
    ],
    fields: resultFields(winners, t),
    dates: used.map((o) => o.event.date),
    teamId: claim.teamId,
    ...(claim.phase !== undefined && { phase: claim.phase }),
    suggestions: t.suggestions.team(name),
  }
}

/**
 * Results not known yet: says so, when they are expected, and every reported date when sources differ.
 * Asked about one team ("엑사원 팀 2차 붙음?"), it also gives that team's last recorded result, which is
 * what the sources do say about it.
 */
function phaseNotKnown(input: ComposeInput, phase: number, teamId?: string): Draft {
  const { k, t } = input
  const last = teamId
    ? k
        .outcomesOf(teamId)
        .filter((o) => isDecision(o.event))
        .at(-1)
    : undefined
  const scheduled = k.events.find((e) => e.phase === phase && e.status === 'scheduled')
  const conflicts = scheduleConflicts(k, phase)
  const now = programNow(k.corpus, input.today)
  const overdue = now.overdue.find((o) => o.event === scheduled)
  // When sources give different dates, no single date is stated: the conflict shows them all. A date that
  // has passed is not "scheduled" any more: the overdue sentence says so instead.
  const date = conflicts.length > 0 || overdue ? undefined : scheduled?.date
  const paragraphs = [
    t.phaseNotKnown(phase, date),
    ...(overdue ? [overdueSentence(input, now, overdue)] : []),
    ...(last ? [outcomeSentence(k, t, last)] : []),
  ]
  return withConflicts(
    input,
    {
      intent: 'results',
      answered: last !== undefined,
      title: t.resultsTitle({ kind: 'evaluation', phase }),
      paragraphs,
      sources: [...(last ? k.outcomeSources(last) : []), ...(scheduled?.sources ?? [])],
      dates: last ? [last.event.date] : [],
      ...(teamId && { teamId }),
      phase,
      suggestions: t.suggestions.results,
    },
    conflicts,
  )
}

function teamResults(input: ComposeInput, teamId: string, phase: number | undefined): Draft {
  const { k, t } = input
  const name = k.teamName(teamId, t.lang)
  const history = k.outcomesOf(teamId)
  if (phase !== undefined) {
    const inPhase = history.filter((o) => o.event.phase === phase && isDecision(o.event))
    if (inPhase.length === 0) {
      const decided = k.events.some(
        (e) => e.phase === phase && e.status === 'happened' && e.outcomes.length > 0,
      )
      if (!decided) return phaseNotKnown(input, phase, teamId)
    }
    const shown = inPhase.length > 0 ? inPhase : history.slice(-1)
    const paragraphs = inPhase.length > 0 ? [] : [t.notInStage(name, { kind: 'evaluation', phase })]
    paragraphs.push(...shown.map((o) => outcomeSentence(k, t, o)))
    return teamDraft(input, teamId, paragraphs, shown)
  }
  if (history.length === 0) return abstain(t, 'results', t.noData(name, 'status'))
  const latest = history.at(-1)!
  const fields: AnswerField[] = [
    {
      label: t.labels.events,
      items: history.map(
        (o) => `${o.event.date} ${t.stage(stageOf(o.event))}: ${t.resultLabel(o.outcome.result)}`,
      ),
    },
  ]
  return { ...teamDraft(input, teamId, [outcomeSentence(k, t, latest)], history), fields }
}

function teamDraft(input: ComposeInput, teamId: string, paragraphs: string[], used: TeamOutcome[]): Draft {
  const { k, t } = input
  const name = k.teamName(teamId, t.lang)
  return {
    intent: 'results',
    answered: true,
    title: name,
    paragraphs,
    sources: used.flatMap((o) => k.outcomeSources(o)),
    dates: used.map((o) => o.event.date),
    teamId,
    suggestions: t.suggestions.team(name),
  }
}

/** Published scores of an event as one field per team: "LG AI연구원: 총점 90.2/100". */
export function scoreFields(input: ComposeInput, event: TimelineEvent): AnswerField[] {
  const { k, t } = input
  const rows = event.outcomes.filter((o) => o.scores && Object.keys(o.scores).length > 0)
  if (rows.length === 0) return []
  return [
    {
      label: t.labels.scores,
      items: rows.map((o) => {
        const parts = SCORE_ORDER.filter((key) => o.scores?.[key] !== undefined).map((key) => {
          const max = event.score_max?.[key]
          return `${t.scoreLabel(key)} ${o.scores![key]}${max ? `/${max}` : ''}`
        })
        return `${k.teamName(o.team, t.lang)} (${parts.join(', ')})`
      }),
    },
  ]
}

function eventResults(input: ComposeInput, event: TimelineEvent, extra: string[] = []): Draft {
  const { k, t, route } = input
  const groups = groupOutcomes(k, event, t)
  // "몇 곳이 지원했어?": the count of the asked result (or of the first group), not only the names.
  const counted = route.asksCount
    ? (groups.find((g) => route.outcome && MEANS[route.outcome].includes(g.result)) ?? groups[0])
    : undefined
  const count = counted ? [t.teamCount(t.resultLabel(counted.result), counted.teams.length)] : []
  // "평균 몇 점?", "who scored highest?": the event's own figures that share the question's words.
  const figures =
    route.aspect === 'score' && FIGURES.test(input.question)
      ? byRelevance(
          input.question,
          event.facts.filter((f) => f.topic === 'scoring'),
          (f) => `${f.ko} ${f.en}`,
          k.facts.map((f) => `${f.ko} ${f.en}`),
        )
          .filter((f) => relevance(input.question, `${f.ko} ${f.en}`) > 0)
          .slice(0, 2)
      : []
  // "Who came last?", "1등 누구야?": the team whose recorded reason states that rank.
  const rank = route.aspect === 'score' ? claimedRank(input.question) : undefined
  const ranked =
    rank === undefined ? [] : event.outcomes.filter((o) => o.reason && recordedRank(o.reason) === rank)
  return {
    intent: 'results',
    answered: true,
    title: t.resultsTitle(stageOf(event)),
    // A count is answered with the number first ("지원: 모두 15곳입니다"), then who.
    paragraphs: [
      ...count,
      t.stageResults(stageOf(event), event.date, groups),
      ...ranked.map((o) => t.standing(k.teamName(o.team, t.lang), stageOf(event), o.reason![t.lang])),
      ...figures.map((f) => f[t.lang]),
      ...extra,
    ],
    fields: [...resultFields(groups, t), ...scoreFields(input, event)],
    // The event's sources, plus those of the published scores shown (reasons are not stated here).
    sources: [
      ...ranked.flatMap((o) => o.sources ?? []),
      ...figures.flatMap((f) => f.sources),
      ...event.sources,
      ...event.outcomes.filter((o) => o.scores).flatMap((o) => o.sources ?? []),
    ],
    dates: [event.date, ...figures.map((f) => f.date)],
    ...(event.phase !== undefined && { phase: event.phase }),
    suggestions: t.suggestions.results,
  }
}

function decided(events: TimelineEvent[]): TimelineEvent[] {
  return events.filter((e) => e.status === 'happened' && e.outcomes.some((o) => o.result !== 'pending'))
}

function programResults(input: ComposeInput): Draft {
  const { k, route } = input
  const { phase, outcome } = route
  const happened = decided(k.events)
  const pick = (kinds: TimelineEvent['kind'][], p = phase) =>
    happened.filter((e) => kinds.includes(e.kind) && (p === undefined || e.phase === p))

  if (
    route.eventKinds.includes('screening') &&
    (!outcome || outcome === 'advanced' || outcome === 'eliminated')
  ) {
    const screening = pick(['screening'], undefined).at(-1)
    if (screening) return eventResults(input, screening)
  }
  if (outcome === 'applied') {
    const apps = pick(['applications', 'retender-applications'], undefined)
    const which = route.topics.includes('retender') ? apps.at(-1) : apps[0]
    if (which) return eventResults(input, which)
  }
  if (outcome === 'added' || route.topics.includes('retender')) {
    const addition = pick(['addition'], undefined).at(-1)
    if (addition) return eventResults(input, addition)
  }
  if (phase !== undefined) {
    const kinds: TimelineEvent['kind'][] = phase === 0 ? ['selection'] : ['evaluation']
    const event = pick(kinds).at(-1) ?? pick(['selection', 'evaluation', 'screening']).at(-1)
    if (!event) return phaseNotKnown(input, phase)
    return eventResults(input, event)
  }
  if (outcome === 'selected') {
    const selection = pick(['selection'], undefined).at(-1)
    if (selection) return eventResults(input, selection)
  }
  // Scores and ranks belong to the latest evaluation that published any.
  if (route.aspect === 'score') {
    const scored = pick(['evaluation'], undefined)
      .filter((e) => e.outcomes.some((o) => o.scores))
      .at(-1)
    if (scored) return eventResults(input, scored)
  }
  if (route.current && outcome !== 'eliminated') return currentState(input)
  if (outcome === 'eliminated' || outcome === 'advanced') {
    const evaluation = pick(['evaluation'], undefined).at(-1)
    if (evaluation) return eventResults(input, evaluation)
  }
  return currentState(input)
}

function currentState(input: ComposeInput): Draft {
  const { k, t } = input
  const elite = new Set(k.corpus.teams.filter((team) => team.role === 'elite').map((team) => team.id))
  const statuses = k.status.filter((s) => elite.has(s.teamId))
  const active = statuses.filter((s) => ACTIVE.includes(s.result))
  const out = statuses.filter((s) => !ACTIVE.includes(s.result) && s.result !== 'pending')
  if (active.length === 0) return abstain(t, 'results', t.noAnswer)
  const used = [...active, ...out].map((s) => k.events.find((e) => e.id === s.eventId)!)
  // "Out" teams are shown by the event that took them out, not a later "declined the re-tender".
  const outEvents = out.map((s) => {
    const lastNegative = k
      .outcomesOf(s.teamId)
      .filter((o) => NEGATIVE.includes(o.outcome.result))
      .at(-1)
    return lastNegative?.event ?? k.events.find((e) => e.id === s.eventId)!
  })
  const now = programNow(k.corpus, input.today)
  const next = now.ahead.find((e) => e.status === 'scheduled')
  const paragraphs = [
    t.currentState(
      active.map((s) => k.teamName(s.teamId, t.lang)),
      out.map((s) => k.teamName(s.teamId, t.lang)),
    ),
  ]
  for (const o of now.overdue) paragraphs.push(overdueSentence(input, now, o))
  if (next)
    paragraphs.push(
      t.nextEvent(markedTitle(t, next, input.today).replace(/\s*\([^()]*\)\s*$/, ''), next.date),
    )
  return {
    intent: 'results',
    answered: true,
    title: t.resultsTitle(),
    paragraphs,
    fields: [
      { label: t.resultLabel('advanced'), items: active.map((s) => k.teamName(s.teamId, t.lang)) },
      ...(out.length
        ? [{ label: t.resultLabel('eliminated'), items: out.map((s) => k.teamName(s.teamId, t.lang)) }]
        : []),
    ],
    // The announcements themselves; per-outcome sources (reasons, scores) are not stated here.
    sources: [...used, ...outEvents].flatMap((e) => e.sources),
    dates: [...used, ...outEvents].map((e) => e.date),
    suggestions: t.suggestions.results,
  }
}
