import type { Conflict } from '../corpus/schema.js'
import { analyze, analyzeQuery, type QueryUnit } from '../search/analyzer.js'
import type { EntityMatcher } from '../search/entities.js'
import { passageText } from '../search/passages.js'
import type { SearchHit, SearchIndex } from '../search/search-index.js'
import { FALLBACK_MIN_COVERAGE } from './compose/fallback.js'
import { type ComposeInput, withConflicts } from './compose/shared.js'
import type { Draft } from './draft.js'
import type { Lang } from './types.js'
import { contentWords } from './unknown-words.js'

const CANDIDATES = 10

/** The draft's text as the index sees passages, so a query term found here means the draft says it. */
function normalizedText(draft: Draft): string {
  const fields = (draft.fields ?? []).flatMap((f) => [f.label, ...f.items])
  return [...draft.paragraphs, ...fields]
    .join('\n')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\d),(?=\d{3}(?!\d))/gu, '$1')
}

function says(text: string, unit: QueryUnit): boolean {
  return unit.terms.some((t) => text.includes(t))
}

/**
 * A composed answer must address what was asked: when it leaves a content word of the question unsaid
 * ("모티프 모회사가 어디야" answered with Motif's results says nothing of 모회사), the best passage that says
 * it is added, with its sources — from the answer's team or the programme as a whole, never another team's.
 */
export function addressMissingWords(
  draft: Draft,
  question: string,
  lang: Lang,
  index: SearchIndex,
  matcher: EntityMatcher,
): Draft {
  if (!draft.answered || draft.intent === 'search' || draft.intent === 'help') return draft
  const plan = analyzeQuery(question, matcher)
  const text = normalizedText(draft)
  const missing = [...contentWords(plan).values()].flat().filter((u) => !says(text, u))
  if (missing.length === 0) return draft
  const teamId = draft.teamId
  const best = index
    .search(question, { limit: CANDIDATES })
    .filter((h) => !teamId || h.passage.teams.length === 0 || h.passage.teams.includes(teamId))
    .find((h) => h.coverage >= FALLBACK_MIN_COVERAGE && addsMissing(h, missing, text, lang))
  if (!best) return draft
  return {
    ...draft,
    paragraphs: [...draft.paragraphs, passageText(best.passage, lang)],
    sources: [...(draft.sources ?? []), ...best.passage.sources],
    dates: [...(draft.dates ?? []), best.passage.date],
  }
}

function addsMissing(hit: SearchHit, missing: QueryUnit[], draftText: string, lang: Lang): boolean {
  const shown = passageText(hit.passage, lang)
  if (draftText.includes(shown.normalize('NFKC').toLowerCase().slice(0, 40))) return false
  const passage = hit.passage.text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\d),(?=\d{3}(?!\d))/gu, '$1')
  // At least half of what the answer left unsaid, so a passage that shares one stray word is not added.
  return missing.filter((u) => says(passage, u)).length * 2 >= missing.length
}

const conflictTermCache = new WeakMap<Conflict, Set<string>>()

/** The terms of a conflict's own question, computed once per conflict object (the corpus is immutable). */
function conflictTerms(c: Conflict): Set<string> {
  let terms = conflictTermCache.get(c)
  if (!terms) {
    terms = new Set(analyze(`${c.question.ko}\n${c.question.en}`))
    conflictTermCache.set(c, terms)
  }
  return terms
}

/** A term this rare (share of passages) is specific enough to tie a question to a conflict. */
const RARE_SHARE = 0.03
/** How many rare terms a question must share with a conflict's own question to be about it. */
const CONFLICT_MIN_SHARED = 2

/**
 * Conflicts the question is about although the composer did not show them ("Which Qwen version was Naver's
 * encoder from?" answered with Naver's profile): every side is added with who says it, never one alone.
 */
export function addressConflicts(input: ComposeInput, draft: Draft, index: SearchIndex): Draft {
  if (!draft.answered || draft.conflict) return draft
  const { k, t, question } = input
  const rare = (term: string) =>
    term.length > 1 && index.df(term) > 0 && index.df(term) <= index.size * RARE_SHARE
  const asked = new Set(analyze(question).filter(rare))
  if (asked.size < CONFLICT_MIN_SHARED) return draft
  const shown = draft.paragraphs.join('\n')
  const conflicts = k.corpus.conflicts.filter((c) => {
    if (c.sides.some((side) => shown.includes(side[t.lang]))) return false
    const about = conflictTerms(c)
    return [...asked].filter((term) => about.has(term)).length >= CONFLICT_MIN_SHARED
  })
  return withConflicts(input, draft, conflicts)
}
