import type { Fact, Model, Team } from '../../corpus/schema.js'
import { abstain, type Draft } from '../draft.js'
import type { AnswerField } from '../types.js'
import { composeResults } from './results.js'
import { type ComposeInput, isDecision, outcomeSentence, sourceBy, stageOf } from './shared.js'

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
    case 'status':
      return { ...composeResults({ ...input, route: { ...route, intent: 'results' } }), intent: 'team' }
    default:
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
  const paragraphs = [t.members(name, members)]
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

function scoresAnswer(input: ComposeInput, team: Team): Draft {
  const { k, t, route } = input
  const name = team.name[t.lang]
  const scored = k
    .outcomesOf(team.id)
    .filter((o) => o.outcome.scores && Object.keys(o.outcome.scores).length > 0)
    .filter((o) => route.phase === undefined || o.event.phase === route.phase)
  if (scored.length === 0) {
    // Some events record in a fact why a team's scores are unknown ("NC AI's scores were not disclosed").
    const notes = k.events.flatMap((e) => e.facts.filter((f) => f.teams.includes(team.id)))
    if (notes.length === 0) return { ...abstain(t, 'team', t.noData(name, 'scores')), teamId: team.id }
    return {
      ...base(input, team),
      answered: true,
      paragraphs: [t.noData(name, 'scores'), ...notes.map((f) => f[t.lang])],
      sources: notes.flatMap((f) => f.sources),
      dates: notes.map((f) => f.date),
    }
  }
  const paragraphs = scored.map((o) => {
    const parts = Object.entries(o.outcome.scores ?? {}).map(([key, value]) => {
      const max = o.event.score_max?.[key as keyof typeof o.event.score_max]
      return { key: key as 'total', value: value as number, ...(max !== undefined && { max }) }
    })
    return t.scores(name, stageOf(o.event), parts)
  })
  const averages = scored.flatMap((o) =>
    o.event.facts.filter((f) => f.topic === 'scoring' && f.teams.length === 0),
  )
  return {
    ...base(input, team),
    answered: true,
    paragraphs: [...paragraphs, ...averages.slice(0, 2).map((f) => f[t.lang])],
    sources: [
      ...scored.flatMap((o) => k.outcomeSources(o)),
      ...averages.slice(0, 2).flatMap((f) => f.sources),
    ],
    dates: scored.map((o) => o.event.date),
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
