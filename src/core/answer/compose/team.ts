import type { Fact, Model, Team } from '../../corpus/schema.js'
import { abstain, type Draft } from '../draft.js'
import type { AnswerField } from '../types.js'
import { composeResults } from './results.js'
import {
  byRelevance,
  type ComposeInput,
  claimedRank,
  isDecision,
  outcomeSentence,
  overlaps,
  recordedRank,
  relevance,
  sourceBy,
  stageOf,
} from './shared.js'

const SPEC_ORDER = [
  'architecture',
  'total_params',
  'active_params',
  'context',
  'vocabulary',
  'training_tokens',
  'languages',
  'license',
] as const

function specsOf(model: Model): Record<string, string> {
  const out: Record<string, string> = {}
  for (const key of SPEC_ORDER) {
    const v = model.specs[key]
    if (v === undefined) continue
    out[key] = Array.isArray(v) ? v.join(', ') : v
  }
  if (model.released) out.released = model.released
  return out
}

/**
 * Specs a question asks for by name. `cost` is never a spec: the sources give no model's cost, and a
 * question about it must not be answered with the model's size.
 */
const ASKED_SPECS: [string, RegExp, string[]][] = [
  ['context', /컨텍스트|문맥\s?길이|context/, ['context']],
  ['vocabulary', /어휘|토크나이저|vocab|tokeni[sz]er/, ['vocabulary']],
  ['training_tokens', /학습\s?토큰|토큰\s?수|training tokens|trained on/, ['training_tokens']],
  ['license', /라이선스|라이센스|licen[cs]e/, ['license']],
  ['languages', /지원\s?언어|몇\s?개\s?(국\s?)?언어|무슨\s?언어|어떤\s?언어|languages/, ['languages']],
  ['total_params', /파라미터|매개\s?변수|param|몇\s?b\b|how (big|large)/, ['total_params', 'active_params']],
  ['architecture', /아키텍처|architecture/, ['architecture']],
  [
    'cost',
    /비용|학습비|개발비|돈\s?(얼마|이|을|은)|얼마\s?(들|썼|쓴|투입|나)|\bcost|\bspen[dt]|how much (money|did)/,
    [],
  ],
]

function askedSpecs(question: string): { label: string; keys: string[] }[] {
  const q = question.normalize('NFKC').toLowerCase()
  return ASKED_SPECS.filter(([, re]) => re.test(q)).map(([label, , keys]) => ({ label, keys }))
}

function factText(f: Fact, lang: 'ko' | 'en'): string {
  return f[lang]
}

/** A team's profile, model, members, goal or scores, from teams.yaml and the timeline. */
export function composeTeam(input: ComposeInput): Draft {
  const { k, route, t } = input
  const teamId = route.teamIds[0]!
  const team = k.team(teamId)
  if (!team) return abstain(t, 'team', t.unknownTeam(teamId))
  switch (route.aspect) {
    case 'model':
      return modelAnswer(input, team)
    case 'members':
      return membersAnswer(input, team)
    case 'score':
      return scoresAnswer(input, team)
    case 'goal':
      return goalAnswer(input, team)
    case 'dispute':
      return disputeAnswer(input, team)
    case 'describe':
      return describeAnswer(input, team)
    case 'status':
      return { ...composeResults({ ...input, route: { ...route, intent: 'results' } }), intent: 'team' }
    default:
      // "업스테이지 직원 몇 명이야": a count the profile does not hold; the profile is not its answer.
      if (route.asksCount) return { ...abstain(t, 'team', t.noAnswer), teamId: team.id }
      return profileAnswer(input, team)
  }
}

function base(input: ComposeInput, team: Team): Pick<Draft, 'intent' | 'title' | 'teamId' | 'suggestions'> {
  const name = team.name[input.t.lang]
  return { intent: 'team', title: name, teamId: team.id, suggestions: input.t.suggestions.team(name) }
}

function modelAnswer(input: ComposeInput, team: Team): Draft {
  const { t, route } = input
  const name = team.name[t.lang]
  const asked = team.models.filter((m) => route.modelIds.includes(m.id))
  const models = asked.length > 0 ? asked : team.models
  if (models.length === 0) return { ...abstain(t, 'team', t.noData(name, 'models')), teamId: team.id }
  // "32B 싱크 컨텍스트 길이": when no asked model records any asked spec, the answer is that it is not known.
  const wanted = askedSpecs(input.question)
  const known = wanted.filter(({ keys }) => models.some((m) => keys.some((key) => key in m.specs)))
  if (wanted.length > 0 && known.length === 0) {
    const model = models.length === 1 ? models[0]!.name : name
    return {
      ...abstain(
        t,
        'team',
        t.specNotKnown(
          model,
          wanted.map((w) => t.specLabel(w.label).toLowerCase()),
        ),
      ),
      teamId: team.id,
    }
  }
  const paragraphs = [
    t.models(
      name,
      models.map((m) => m.name),
    ),
  ]
  const fields: AnswerField[] = []
  const facts: Fact[] = []
  for (const m of models) {
    const specs = specsOf(m)
    if (Object.keys(specs).length > 0) {
      fields.push({
        label: m.name,
        items: Object.entries(specs).map(([key, v]) => `${t.specLabel(key)}: ${v}`),
      })
    }
    facts.push(...m.facts.slice(0, 2))
  }
  paragraphs.push(...facts.map((f) => factText(f, t.lang)))
  // Disputed specs (e.g. VAETKI's active parameters) are shown side by side, not as one number.
  const names = models.flatMap((m) => [m.name, ...m.aliases]).map((n) => n.toLowerCase())
  const conflicts = input.k.corpus.conflicts.filter(
    (c) =>
      c.topic === 'model' && names.some((n) => `${c.question.ko} ${c.question.en}`.toLowerCase().includes(n)),
  )
  for (const c of conflicts) {
    paragraphs.push(t.conflictIntro(c.question[t.lang]))
    for (const side of c.sides) paragraphs.push(t.conflictSide(side[t.lang], sourceBy(input, side.sources)))
  }
  return {
    conflict: conflicts.length > 0,
    ...base(input, team),
    answered: true,
    paragraphs,
    fields,
    sources: [
      ...models.flatMap((m) => m.sources),
      ...facts.flatMap((f) => f.sources),
      ...conflicts.flatMap((c) => c.sides.flatMap((s) => s.sources)),
    ],
    dates: [...models.map((m) => m.released), ...facts.map((f) => f.date)],
  }
}

function membersAnswer(input: ComposeInput, team: Team): Draft {
  const { t, k } = input
  const name = team.name[t.lang]
  if (team.members.length === 0) return { ...abstain(t, 'team', t.noData(name, 'members')), teamId: team.id }
  const members = team.members.map((m) => m.name[t.lang])
  const conflicts = k.corpus.conflicts.filter(
    (c) =>
      c.topic === 'profile' &&
      c.sides.some((s) => s.ko.includes(team.name.ko) || s.en.includes(team.name.en)),
  )
  // "모티프 컨소시엄 몇 곳이야": the count first, then who they are.
  const paragraphs = [
    ...(input.route.asksCount ? [t.memberCount(name, members.length)] : []),
    t.members(name, members),
  ]
  for (const c of conflicts) {
    paragraphs.push(t.conflictIntro(c.question[t.lang]))
    for (const side of c.sides) paragraphs.push(t.conflictSide(side[t.lang], sourceBy(input, side.sources)))
  }
  return {
    ...base(input, team),
    answered: true,
    paragraphs,
    fields: [{ label: t.labels.members, items: members }],
    sources: [
      ...team.members.flatMap((m) => m.sources),
      ...conflicts.flatMap((c) => c.sides.flatMap((s) => s.sources)),
    ],
    conflict: conflicts.length > 0,
  }
}

const AVERAGE = /평균|average|\bmean\b|만점|배점|out of/i

/**
 * A team's published scores and the standing recorded for it (rank, top four, not disclosed); a rank the
 * question claims is confirmed or corrected when the sources state the team's rank.
 */
function scoresAnswer(input: ComposeInput, team: Team): Draft {
  const { k, t, route, question } = input
  const name = team.name[t.lang]
  const evaluated = k
    .outcomesOf(team.id)
    .filter((o) => o.event.kind === 'evaluation' || o.outcome.scores)
    .filter((o) => route.phase === undefined || o.event.phase === route.phase)
  const main = evaluated.at(-1)
  if (!main) return { ...abstain(t, 'team', t.noData(name, 'scores')), teamId: team.id }
  const { event, outcome } = main
  const paragraphs: string[] = []
  const parts = Object.entries(outcome.scores ?? {}).map(([key, value]) => {
    const max = event.score_max?.[key as keyof typeof event.score_max]
    return { key: key as 'total', value: value as number, ...(max !== undefined && { max }) }
  })
  const claimed = claimedRank(question)
  const recorded = recordedRank(outcome.reason)
  let intent: Draft['intent'] = 'team'
  const standing = outcome.reason ? t.standing(name, stageOf(event), outcome.reason[t.lang]) : undefined
  // "네이버가 1등 했다며?": when another team holds the claimed rank, the claim is wrong even though this
  // team's own rank is not recorded.
  const holder =
    claimed !== undefined && recorded === undefined
      ? event.outcomes.find((o) => o.team !== team.id && o.reason && recordedRank(o.reason) === claimed)
      : undefined
  if (claimed !== undefined && recorded !== undefined && standing) {
    const right = claimed === recorded
    paragraphs.push(right ? t.claimConfirmed(standing) : t.claimCorrected(standing))
    if (!right) intent = 'false-premise'
  } else if (holder?.reason) {
    const holderName = k.teamName(holder.team, t.lang)
    const scores =
      holder.scores?.total !== undefined ? ` (${t.scoreLabel('total')} ${holder.scores.total})` : ''
    paragraphs.push(
      t.claimCorrected(`${t.standing(holderName, stageOf(event), holder.reason[t.lang])}${scores}`),
    )
    if (standing) paragraphs.push(standing)
    intent = 'false-premise'
  } else if (standing) paragraphs.push(standing)
  if (parts.length > 0) paragraphs.push(t.scores(name, stageOf(event), parts))
  else if (!standing) paragraphs.push(t.noData(name, 'scores'))
  // What the event records about this team's standing (the top four, the scores not published), and
  // programme-wide figures (averages, maxima) when they share the question's words.
  const said = paragraphs.join(' ')
  const aboutTeam = event.facts.filter(
    (f) =>
      f.teams.includes(team.id) && ['scoring', 'evaluation'].includes(f.topic) && !overlaps(f[t.lang], said),
  )
  const general = byRelevance(
    question,
    event.facts.filter((f) => f.topic === 'scoring' && f.teams.length === 0),
    (f) => `${f.ko} ${f.en}`,
  ).filter((f) => AVERAGE.test(question) && relevance(question, `${f.ko} ${f.en}`) > 0)
  const extra = [...aboutTeam.slice(0, 1), ...general.slice(0, 1)]
  paragraphs.push(...extra.map((f) => f[t.lang]))
  return {
    ...base(input, team),
    intent,
    answered: true,
    paragraphs,
    sources: [
      ...(holder ? (holder.sources ?? event.sources) : []),
      ...k.outcomeSources(main),
      ...extra.flatMap((f) => f.sources),
    ],
    dates: [event.date, ...extra.map((f) => f.date)],
    ...(event.phase !== undefined && { phase: event.phase }),
  }
}

/** "업스테이지 베꼈다는 논란": the claims and answers about a team's model, and how the evaluation ruled. */
function disputeAnswer(input: ComposeInput, team: Team): Draft {
  const { k, t } = input
  const name = team.name[t.lang]
  const facts: Fact[] = []
  const dated = k.facts
    .filter((f) => f.topic === 'dispute' && f.teams.includes(team.id))
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'))
  // The accuser's team restates the claim (r1-sionic-ceo-claim): said once is enough.
  for (const f of dated) if (!facts.some((g) => overlaps(g[t.lang], f[t.lang]))) facts.push(f)
  const shown = facts.slice(0, 4)
  const paragraphs = shown.map((f) =>
    f.certainty === 'uncertain' && f.note ? `${f[t.lang]} (${f.note[t.lang]})` : f[t.lang],
  )
  // The evaluation's ruling on originality, when the team's outcome was decided by it.
  const ruling = k
    .outcomesOf(team.id)
    .filter((o) => o.outcome.reason && /독자성|originality/i.test(o.outcome.reason.ko + o.outcome.reason.en))
    .at(-1)
  if (ruling?.outcome.reason) {
    paragraphs.push(t.why(name, ruling.outcome.result, stageOf(ruling.event), ruling.outcome.reason[t.lang]))
  }
  if (paragraphs.length === 0) return { ...abstain(t, 'team', t.noAnswer), teamId: team.id }
  return {
    ...base(input, team),
    answered: true,
    paragraphs,
    sources: [...shown.flatMap((f) => f.sources), ...(ruling ? k.outcomeSources(ruling) : [])],
    dates: [...shown.map((f) => f.date), ruling?.event.date],
  }
}

function goalAnswer(input: ComposeInput, team: Team): Draft {
  const { t } = input
  const name = team.name[t.lang]
  const goals = team.facts.filter((f) => f.topic === 'goal-team' || f.topic === 'plan')
  if (goals.length === 0) return { ...abstain(t, 'team', t.noData(name, 'goal')), teamId: team.id }
  const shown = goals.slice(0, 3)
  return {
    ...base(input, team),
    answered: true,
    paragraphs: shown.map((f) => f[t.lang]),
    sources: shown.flatMap((f) => f.sources),
    dates: shown.map((f) => f.date),
  }
}

function profileAnswer(input: ComposeInput, team: Team): Draft {
  const { k, t } = input
  const name = team.name[t.lang]
  const history = k.outcomesOf(team.id)
  // The status is the last decision (selection, evaluation, addition), not a later "declined the re-tender".
  const latest = history.filter((o) => isDecision(o.event)).at(-1) ?? history.at(-1)
  const after = history.filter((o) => latest && o.event.date > latest.event.date).at(-1)
  const paragraphs = [t.teamIntro(name, team.lead[t.lang], team.role === 'elite')]
  if (latest) paragraphs.push(outcomeSentence(k, t, latest))
  if (after) paragraphs.push(outcomeSentence(k, t, after))
  if (team.models.length > 0)
    paragraphs.push(
      t.models(
        name,
        team.models.map((m) => m.name),
      ),
    )
  const goal =
    team.facts.find((f) => f.topic === 'goal-team') ?? team.facts.find((f) => f.topic === 'profile')
  if (goal) paragraphs.push(goal[t.lang])
  const fields: AnswerField[] = []
  if (latest) {
    fields.push({
      label: t.labels.status,
      items: [
        `${t.resultLabel(latest.outcome.result)} (${latest.event.date}, ${t.stage(stageOf(latest.event))})`,
      ],
    })
  }
  if (team.models.length > 0) fields.push({ label: t.labels.model, items: team.models.map((m) => m.name) })
  if (team.members.length > 0)
    fields.push({ label: t.labels.members, items: team.members.map((m) => m.name[t.lang]) })
  return {
    ...base(input, team),
    answered: true,
    paragraphs,
    fields,
    // Everything stated: the team, its decisive and later outcomes, the goal and the members listed.
    sources: [
      ...team.sources,
      ...(latest ? k.outcomeSources(latest) : []),
      ...(after ? k.outcomeSources(after) : []),
      ...(goal?.sources ?? []),
      ...team.members.flatMap((m) => m.sources),
    ],
    dates: [latest?.event.date, after?.event.date, goal?.date],
  }
}

/** A member list is not a description of the team. */
const MEMBER_LIST = /참여|구성|협력사|participat|consist|partner|members?\b|includ/i
function isMemberList(f: Fact): boolean {
  return MEMBER_LIST.test(f.ko) && (f.ko.match(/,|·/g)?.length ?? 0) >= 3
}

/**
 * What the sources say a team is like: its stated aim first (the direct answer), then what else they
 * say of it (profile, plans), its model in one fact, and where it stands.
 */
export function describeAnswer(input: ComposeInput, team: Team): Draft {
  const { k, t } = input
  const name = team.name[t.lang]
  const pick = (topic: string) => team.facts.filter((f) => f.topic === topic && !isMemberList(f))
  const aims = pick('goal-team')
  const facts = [...aims.slice(0, 1), ...pick('profile').slice(0, 2), ...pick('plan').slice(0, 1)]
  const model = team.models[0]
  const modelFact = model?.facts[0]
  const paragraphs = facts.map((f) => f[t.lang])
  if (model)
    paragraphs.push(
      t.models(
        name,
        team.models.map((m) => m.name),
      ),
    )
  if (modelFact) paragraphs.push(modelFact[t.lang])
  const history = k.outcomesOf(team.id)
  const latest = history.filter((o) => isDecision(o.event)).at(-1)
  if (latest) paragraphs.push(outcomeSentence(k, t, latest))
  if (facts.length === 0 && !modelFact) return profileAnswer(input, team)
  return {
    ...base(input, team),
    answered: true,
    paragraphs,
    sources: [
      ...facts.flatMap((f) => f.sources),
      ...(model?.sources ?? []),
      ...(modelFact?.sources ?? []),
      ...(latest ? k.outcomeSources(latest) : []),
    ],
    dates: [...facts.map((f) => f.date), modelFact?.date, latest?.event.date],
  }
}

/** "각 팀 특징 정리해줘": every elite team in one line each, from its stated aim (or profile). */
export function composeAllTeams(input: ComposeInput): Draft {
  const { k, t } = input
  const elite = k.corpus.teams.filter((team) => team.role === 'elite')
  const lines: string[] = []
  const sources: string[] = []
  const dates: (string | null | undefined)[] = []
  for (const team of elite) {
    const f =
      team.facts.find((x) => x.topic === 'goal-team') ??
      team.facts.find((x) => x.topic === 'profile' && !isMemberList(x))
    if (!f) continue
    lines.push(f[t.lang])
    sources.push(...f.sources)
    dates.push(f.date)
  }
  if (lines.length === 0) return abstain(t, 'team', t.noAnswer)
  return {
    intent: 'team',
    answered: true,
    title: t.topicTitle('program'),
    paragraphs: [t.teamsOverview(elite.map((team) => team.name[t.lang])), ...lines],
    sources,
    dates,
    suggestions: t.suggestions.general,
  }
}
