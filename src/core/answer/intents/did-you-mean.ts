import type { Knowledge } from '../knowledge.js'
import { withParticle } from '../particles.js'
import type { Route } from '../route.js'
import type { Lang } from '../types.js'
import type { Classification } from './classify.js'
import { FRAMES } from './table.js'

const MAX = 3
/** Korean particles written after a placeholder in the examples, as the pair they stand for. */
const PARTICLE_PAIRS: [RegExp, Parameters<typeof withParticle>[1]][] = [
  [/^(는|은)/, '은/는'],
  [/^(이|가)(?![가-힣])/, '이/가'],
  [/^(을|를)/, '을/를'],
  [/^(랑|이랑)/, '이랑/랑'],
  [/^(와|과)/, '와/과'],
]

/** An example with its slots filled by names of the question (or the context); undefined when one cannot be. */
function fill(example: string, names: Partial<Record<string, string>>, lang: Lang): string | undefined {
  let missing = false
  const used = new Map<string, number>()
  const out = example.replace(
    /\{(team|model|person|term|org|program|phase)\}([가-힣]*)/g,
    (_, slot, tail) => {
      const name = names[slot]
      if (!name) {
        missing = true
        return ''
      }
      used.set(slot, (used.get(slot) ?? 0) + 1)
      if (lang === 'ko') {
        const pair = PARTICLE_PAIRS.find(([re]) => re.test(tail))
        if (pair) return withParticle(name, pair[1]) + tail.replace(pair[0], '')
      }
      return name + tail
    },
  )
  // An example naming a slot twice (compare {team} and {team}) needs two names; the question has one.
  if (missing || [...used.values()].some((n) => n > 1)) return undefined
  return out
}

function slotNames(k: Knowledge, r: Route, lang: Lang): Partial<Record<string, string>> {
  const team = r.teamIds[0]
  const model = r.modelIds[0] && k.corpus.teams.flatMap((t) => t.models).find((m) => m.id === r.modelIds[0])
  const person = r.personIds[0] && k.corpus.people.find((p) => p.id === r.personIds[0])
  const term = r.termIds[0] && k.corpus.terms.find((g) => g.id === r.termIds[0])
  return {
    ...(team && { team: k.teamName(team, lang) }),
    ...(model && { model: model.name }),
    ...(person && { person: person.name[lang] }),
    ...(term && { term: term.term[lang] }),
    program: lang === 'ko' ? '독자 AI 파운데이션 모델 프로젝트' : 'K-AI',
    phase: lang === 'ko' ? '1차' : 'phase 1',
  }
}

/**
 * Up to three questions near this one that the bot answers well: the examples of the frames the question
 * voted for (nearest first), filled with the names it mentions, in its language; each is asked of the
 * core itself (`answersWell`) before it is offered.
 */
export function didYouMean(
  k: Knowledge,
  question: string,
  r: Route,
  classification: Classification,
  answersWell: (q: string) => boolean,
): string[] {
  const lang = r.lang
  const names = slotNames(k, r, lang)
  const frames = [
    ...classification.votes.map((v) => v.frame),
    ...FRAMES.filter((f) => !classification.votes.some((v) => v.frame.id === f.id)),
  ]
  const asked = question.trim()
  const out: string[] = []
  for (const frame of frames) {
    if (out.length >= MAX) break
    const teams = frame.teams ?? 'any'
    if (teams === 'many' || (teams === 'one' && !names.team) || (teams === 'none' && r.teamIds.length > 0))
      continue
    // One question per frame: the first of its examples that can be filled and is answered well.
    for (const example of frame.examples[lang]) {
      // A question about a team is offered questions about that team.
      if (names.team && r.teamIds.length > 0 && !example.includes('{team}')) continue
      const q = fill(example, names, lang)
      if (!q || q === asked || out.includes(q)) continue
      if (answersWell(q)) {
        out.push(q)
        break
      }
    }
  }
  return out
}
