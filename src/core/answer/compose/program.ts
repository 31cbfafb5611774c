import type { Conflict, Fact, FactTopic } from '../../corpus/schema.js'
import { abstain, type Draft } from '../draft.js'
import { composePeople } from './people.js'
import { byRelevance, type ComposeInput, sourceBy } from './shared.js'

const FINAL = /최종|final|마지막|two teams|2개 팀|두 팀|2팀/i
const COMMON_BIGRAMS = new Set(['어느', '인가', '것인', '는가', '무엇', '어떤', '얼마인'])
const COMMON_WORDS = new Set([
  'what',
  'which',
  'when',
  'does',
  'have',
  'that',
  'this',
  'with',
  'from',
  'were',
  'will',
])

function tokens(text: string): Set<string> {
  const out = new Set<string>()
  const t = text.normalize('NFKC').toLowerCase()
  for (const run of t.match(/[가-힣]+/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      const bigram = run.slice(i, i + 2)
      if (!COMMON_BIGRAMS.has(bigram)) out.add(bigram)
    }
  }
  for (const w of t.match(/[a-z0-9]{4,}/g) ?? []) if (!COMMON_WORDS.has(w)) out.add(w)
  return out
}

/** A topic's conflict is shown when the question touches what the conflict is about (예산 ~ 총 예산은 얼마인가). */
function concerns(question: string, conflict: Conflict): boolean {
  const asked = tokens(question)
  const about = tokens(`${conflict.question.ko} ${conflict.question.en}`)
  for (const x of asked) if (about.has(x)) return true
  return false
}
const MAX_FACTS = 4
/**
 * GPUs, data and money are kinds of support: a question about the added team's GPUs is answered by the
 * support it gets ("B200 768장"), so those facts compete on relevance with the topic's own.
 */
const TOPIC_FAMILY: Partial<Record<FactTopic, FactTopic[]>> = {
  gpu: ['gpu', 'support'],
  data: ['data', 'support'],
  talent: ['talent', 'support'],
}

/** Programme facts by topic (goal, budget, support, schedule, …); conflicting sources are shown side by side. */
export function composeProgram(input: ComposeInput): Draft {
  const { k, route, t } = input
  // What people said about picking the final two is reception, not the final two's schedule.
  const topics: FactTopic[] = route.topics.includes('reception')
    ? ['reception', ...route.topics.filter((x) => x !== 'reception')]
    : route.finalTwo
      ? ['schedule', ...route.topics]
      : route.topics
  const teamId = route.teamIds[0]
  if (topics.length === 0) return summary(input)

  for (const topic of topics) {
    const family = TOPIC_FAMILY[topic] ?? [topic]
    let facts = k.facts.filter((f) => family.includes(f.topic))
    let conflicts = k.corpus.conflicts.filter((c) => c.topic === topic)
    if (!route.finalTwo) conflicts = conflicts.filter((c) => concerns(input.question, c))
    if (route.finalTwo && topic === 'schedule' && !route.topics.includes('reception')) {
      facts = facts.filter((f) => FINAL.test(f.ko) || FINAL.test(f.en))
      conflicts = conflicts.filter((c) => FINAL.test(c.question.ko) || FINAL.test(c.question.en))
    }
    // With a team named, that team's facts come first; without one, programme-wide facts do.
    facts = teamId
      ? [...facts.filter((f) => f.teams.includes(teamId)), ...facts.filter((f) => f.teams.length === 0)]
      : facts.filter((f) => f.teams.length === 0)
    const conflictSources = new Set(conflicts.flatMap((c) => c.sides.flatMap((s) => s.sources)))
    if (conflicts.length > 0) facts = facts.filter((f) => !f.sources.every((s) => conflictSources.has(s)))
    if (facts.length === 0 && conflicts.length === 0) continue
    // Within a topic, the facts that share the question's words come first ("지원 기간 몇 년" → 3 years).
    facts = byRelevance(input.question, facts, (f) => `${f.ko} ${f.en}`)
    return topicDraft(input, topic, facts.slice(0, conflicts.length > 0 ? 1 : MAX_FACTS), conflicts)
  }
  if (topics.includes('structure')) return summary(input)
  return abstain(t, 'program', t.noAnswer)
}

function topicDraft(input: ComposeInput, topic: FactTopic, facts: Fact[], conflicts: Conflict[]): Draft {
  const { t, k } = input
  const paragraphs: string[] = []
  for (const c of conflicts) {
    paragraphs.push(t.conflictIntro(c.question[t.lang]))
    for (const side of c.sides) paragraphs.push(t.conflictSide(side[t.lang], sourceBy(input, side.sources)))
    if (c.note) paragraphs.push(c.note[t.lang])
  }
  for (const f of facts)
    paragraphs.push(f.certainty === 'uncertain' && f.note ? `${f[t.lang]} (${f.note[t.lang]})` : f[t.lang])
  if (topic === 'structure') paragraphs.unshift(t.structure(k.corpus.program.structure))
  return {
    intent: 'program',
    answered: true,
    title: t.topicTitle(topic),
    paragraphs,
    sources: [
      ...conflicts.flatMap((c) => c.sides.flatMap((s) => s.sources)),
      ...facts.flatMap((f) => f.sources),
    ],
    dates: facts.map((f) => f.date),
    conflict: conflicts.length > 0,
    suggestions: t.suggestions.general,
  }
}

function summary(input: ComposeInput): Draft {
  const { k, t } = input
  const p = k.corpus.program
  return {
    intent: 'program',
    answered: true,
    title: t.topicTitle('program'),
    paragraphs: [t.programIntro(p.name[t.lang], p.aliases, p.summary[t.lang]), t.structure(p.structure)],
    sources: p.sources,
    suggestions: t.suggestions.general,
  }
}

/** "엔씨 떨어지고 뭐라고 했어?": what the team itself said (its reception facts), else what its people said. */
export function composeTeamStatements(input: ComposeInput): Draft {
  const { k, route } = input
  const teamId = route.teamIds[0]
  const own = k.facts.filter((f) => f.topic === 'reception' && teamId !== undefined && f.teams[0] === teamId)
  if (own.length === 0) return composePeople(input)
  return {
    ...topicDraft(
      input,
      'reception',
      byRelevance(input.question, own, (f) => `${f.ko} ${f.en}`).slice(0, 2),
      [],
    ),
    teamId,
  }
}
