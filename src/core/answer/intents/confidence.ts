import type { Draft } from '../draft.js'
import type { Route } from '../route.js'
import type { Decision } from './decide.js'

/**
 * One confidence score per answer (0–1) and the two thresholds that turn it into an outcome:
 *   confidence < ABSTAIN_BELOW  → abstain (say "I don't know"; nearby questions may still be offered),
 *   confidence < SUGGEST_BELOW  → answer, and offer "did you mean …?",
 *   otherwise                   → answer.
 * Fitted by `npm run eval` on every question set in test/questions (in- and out-of-scope questions, see
 * README.md "Confidence"): ABSTAIN_BELOW is the lowest value below which no right answer falls on those
 * sets while every wrong one does; SUGGEST_BELOW is where right answers become the majority.
 */
export const ABSTAIN_BELOW = 0.3
export const SUGGEST_BELOW = 0.6

/** Rules of the slot router that check something precise (a claim, a quote's words, a role, a date). */
const PRECISE_FLOOR = 0.8

/**
 * How sure the answer is: a precise slot rule is sure by construction (it answers exactly the named slots),
 * more so when the nearest question frame agrees; a frame is as sure as its vote; an answer from free
 * text is as sure as the passage covers the question (set by the fallback composer).
 */
export function confidenceOf(draft: Draft, r: Route, d: Decision): number {
  if (!draft.answered) return 0
  if (r.intent === 'help') return 1
  if (draft.intent === 'search') return draft.confidence ?? 0.5
  const { best, confidence } = d.classification
  if (d.frame) return Math.max(SUGGEST_BELOW, confidence)
  const agrees = best?.intent === draft.intent
  return Math.min(1, PRECISE_FLOOR + (agrees ? 0.2 * Math.max(confidence, 0.5) : 0.1))
}

export function outcomeOf(answered: boolean, confidence: number): 'answer' | 'suggest' | 'abstain' {
  if (!answered || confidence < ABSTAIN_BELOW) return 'abstain'
  return confidence < SUGGEST_BELOW ? 'suggest' : 'answer'
}
