import { analyzeQuery, stripKo } from '../search/analyzer.js'
import type { EntityMatcher } from '../search/entities.js'
import type { SearchIndex } from '../search/search-index.js'
import { LEXICON, QUESTION_WORDS } from './lexicon.js'

const HANGUL = /^[\uAC00-\uD7A3]+$/u

/**
 * The words of a question that nothing can answer: not a name, not a verb of the synonym table, not
 * part of how people ask (the router's lexicon and QUESTION_WORDS), and not written anywhere in the
 * corpus (no index term of the word occurs in any passage). "업스테이지 작년 매출" → [작년, 매출]:
 * answering it with Upstage's profile would pretend to know. Numbers and one-syllable words (개야, 곳은)
 * never count.
 */
export function unknownWords(question: string, index: SearchIndex, matcher: EntityMatcher): string[] {
  const plan = analyzeQuery(question, matcher)
  const termsByWord = new Map<string, string[]>()
  for (const unit of plan.units) {
    if (unit.kind !== 'word') continue
    termsByWord.set(unit.text, [...(termsByWord.get(unit.text) ?? []), ...unit.terms])
  }
  const unknown: string[] = []
  for (const [word, terms] of termsByWord) {
    const hangul = HANGUL.test(word)
    const stem = hangul ? stripKo(word, 1) : word
    // A bare ending (했나요) or a one-syllable noun with its particle (개야) is not a topic.
    if ([...stem].length < 2 || (hangul && stripKo(word, 0) === '') || /^\d/u.test(word)) continue
    if (QUESTION_WORDS.has(stem) || QUESTION_WORDS.has(word)) continue
    if (LEXICON.some((re) => re.test(word))) continue
    if (terms.some((t) => index.df(t) > 0)) continue
    if (!hangul && knownStem(word, index)) continue
    unknown.push(stem)
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
