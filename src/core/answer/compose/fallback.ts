import type { SearchHit, SearchIndex } from '../../search/search-index.js'
import { ABSTAIN_BELOW } from '../../search/search-index.js'
import { abstain, type Draft } from '../draft.js'
import type { ComposeInput } from './shared.js'

/**
 * Answering from free text is the riskiest path, so it needs more than the search index's own
 * abstain line: the question must name something of ours (a team, model, person, term or the
 * programme) or the top passage must cover most of the question.
 */
export const FALLBACK_MIN_COVERAGE = Math.max(ABSTAIN_BELOW, 0.5)
export const FALLBACK_MIN_COVERAGE_WITHOUT_NAMES = 0.75
/** Without a name, a question must carry this many informative parts to be answered from free text. */
export const FALLBACK_MIN_UNITS_WITHOUT_NAMES = 3
const SHOWN = 2

/** The best passages for a question no rule understood, or an honest "I don't know". */
export function composeFallback(input: ComposeInput, index: SearchIndex | undefined): Draft {
  const { route, t, question } = input
  if (!index) return abstain(t, 'unknown', t.noAnswer)
  const { hits, trace } = index.explain(question, {
    limit: 5,
    lang: t.lang,
    ...(route.teamIds.length > 0 && { teams: route.teamIds }),
  })
  const top = hits[0]
  const namesOurs = route.mentions.length > 0
  const needed = namesOurs ? FALLBACK_MIN_COVERAGE : FALLBACK_MIN_COVERAGE_WITHOUT_NAMES
  // "그 팀 모델은?" covers its two generic words fully and still means nothing without a name.
  const enoughWords = trace.plan.units.length >= (namesOurs ? 2 : FALLBACK_MIN_UNITS_WITHOUT_NAMES)
  if (!top || top.coverage < needed || !enoughWords) return abstain(t, 'unknown', t.noAnswer)
  const shown: SearchHit[] = [top]
  for (const h of hits.slice(1)) {
    if (shown.length >= SHOWN) break
    // A second passage only when it is nearly as good and says something else.
    if (h.coverage >= top.coverage && h.score >= top.score * 0.8 && h.passage.refId !== top.passage.refId)
      shown.push(h)
  }
  return {
    intent: 'search',
    answered: true,
    title: t.searchIntro,
    paragraphs: shown.map((h) => h.passage.text),
    sources: shown.flatMap((h) => h.passage.sources),
    dates: shown.map((h) => h.passage.date),
    ...(route.teamIds[0] && { teamId: route.teamIds[0] }),
    suggestions: t.suggestions.general,
    // Free text is the riskiest answer: as sure as the best passage covers the question.
    confidence: top.coverage * 0.8,
  }
}
