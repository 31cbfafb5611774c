import type { Route } from '../route.js'
import { type Classification, classify } from './classify.js'
import type { Frame } from './table.js'

/**
 * Route rules that only say "a team was named" or "some programme word was": a confident question frame
 * knows better what is asked (describe, compare, goals, what groups said). Precise slot rules — a claim to
 * check, the words of a quote, why/when a team…, a role — keep their route.
 */
const GENERIC_RULES = new Set([
  'team',
  'team+model',
  'team+goal',
  'team+topic',
  'team+results',
  'team+reception',
  'reception',
  'topic',
  'program-name',
  'results',
  'current',
  'fallback',
  'when-unknown',
  'definition-unknown-term',
  'organization',
])

/** A frame decides a generic route when its vote is at least this sure (fitted on the question sets; README). */
export const FRAME_DECIDES_AT = 0.45
/**
 * A frame this sure also overrides a rule that fired on one keyword ("what is the point of K-AI?" is not
 * about points); never a claim, a quote's words, a person, or why/when something happened.
 */
export const FRAME_OVERRIDES_AT = 0.75
const KEPT_RULES = new Set([
  'team+claim',
  'quote-words',
  'team+role',
  'person',
  'person-team+why',
  'team+why',
  'team+when',
  'team+said',
  'why',
  'when',
  'where',
  'quote',
  'role',
  'final-two-who',
  'final-two',
])

export interface Decision {
  route: Route
  classification: Classification
  /** The frame that decided the route, when one did. */
  frame?: Frame
}

/** Named teams, without those a follow-up took from the context. */
export function namedTeams(r: Route): number {
  return r.teamFromContext ? 0 : r.teamIds.length
}

/** The route after the question frames had their say: the slot router's, or the confident frame's. */
export function decide(question: string, r: Route): Decision {
  const classification = classify(question, r.mentions, { teams: namedTeams(r) })
  const frame = classification.best
  if (
    !frame?.decides ||
    classification.confidence < FRAME_DECIDES_AT ||
    KEPT_RULES.has(r.rule) ||
    (!GENERIC_RULES.has(r.rule) && classification.confidence < FRAME_OVERRIDES_AT) ||
    r.personIds.length > 0
  )
    return { route: r, classification }
  const topics = frame.topics
    ? [...frame.topics, ...r.topics.filter((t) => !frame.topics!.includes(t))]
    : r.topics
  return {
    route: {
      ...r,
      intent: frame.intent,
      rule: `frame:${frame.id}`,
      aspect: frame.aspect ?? r.aspect,
      topics,
    },
    classification,
    frame,
  }
}
