import { analyzeQuery, type QueryPlan, type QueryUnit, stripKo } from '../search/analyzer.js'
import type { EntityMatcher } from '../search/entities.js'
import type { SearchIndex } from '../search/search-index.js'
import { FRAME_WORDS } from './intents/classify.js'
import { LEXICON, QUESTION_WORDS } from './lexicon.js'

const HANGUL = /^[\uAC00-\uD7A3]+$/u

/**
 * The content words of an analysed question: its word units (names and synonym verbs are units of their
 * own) less how people ask — the router's lexicon, QUESTION_WORDS, bare endings, one-syllable nouns
 * (개야, 곳은) and numbers. Keyed by the word as written, with its index terms.
 */
export function contentWords(plan: QueryPlan): Map<string, QueryUnit[]> {
  const byWord = new Map<string, QueryUnit[]>()
  for (const unit of plan.units) {
    if (unit.kind !== 'word' || isQuestionVocabulary(unit.text)) continue
    byWord.set(unit.text, [...(byWord.get(unit.text) ?? []), unit])
  }
  return byWord
}

/** Colloquial endings after a past-tense stem: 났어, 됐냐, 갔음, 했대. */
const PAST_ENDING = /^(어|아|냐|니|음|지|대|다|는데|다고|다며|던|던데|어요|나)$/u
/** ㅆ as the final consonant of a syllable (jongseong index 20): 났, 됐, 갔 mark a past-tense verb. */
function hasSsangSiotFinal(syllable: string): boolean {
  const code = syllable.charCodeAt(0) - 0xac00
  return code >= 0 && code < 11172 && code % 28 === 20
}

/** A short past-tense verb form ("결론 어케 났어"): how people ask, never a topic of the corpus. */
function isPastVerbForm(word: string): boolean {
  const syllables = [...word]
  const at = syllables.findIndex(hasSsangSiotFinal)
  return at >= 0 && at <= 1 && PAST_ENDING.test(syllables.slice(at + 1).join(''))
}

function isQuestionVocabulary(word: string): boolean {
  const hangul = HANGUL.test(word)
  if (hangul && isPastVerbForm(word)) return true
  const stem = hangul ? stripKo(word, 1) : word
  if ([...stem].length < 2 || (hangul && stripKo(word, 0) === '') || /^\d/u.test(word)) return true
  // The words of the question frames' examples (intents/table.ts) are how people ask, not topics.
  if (FRAME_WORDS.has(stem) || FRAME_WORDS.has(word) || FRAME_WORDS.has(stripKo(word, 1))) return true
  return QUESTION_WORDS.has(stem) || QUESTION_WORDS.has(word) || LEXICON.some((re) => re.test(word))
}

/**
 * The content words of a question that nothing can answer: not written anywhere in the corpus (no index
 * term of the word occurs in any passage). "업스테이지 작년 매출" → [작년, 매출]: answering it with
 * Upstage's profile would pretend to know.
 */
export function unknownWords(question: string, index: SearchIndex, matcher: EntityMatcher): string[] {
  const unknown: string[] = []
  for (const [word, units] of contentWords(analyzeQuery(question, matcher))) {
    if (units.some((u) => u.terms.some((t) => index.df(t) > 0))) continue
    const hangul = HANGUL.test(word)
    if (!hangul && knownStem(word, index)) continue
    unknown.push(hangul ? stripKo(word, 1) : word)
  }
  return unknown
}
/** An English word whose stem the corpus writes (chairman ~ chair, startup ~ start-up): not unknown. */
function knownStem(word: string, index: SearchIndex): boolean {
  for (let n = word.length - 1; n >= Math.max(4, word.length - 3); n--) {
    if (index.df(word.slice(0, n)) > 0) return true
  }
  return false
}
