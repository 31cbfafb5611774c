import type { Quote } from '../corpus/schema.js'
import type { Corpus } from '../corpus/types.js'
import { analyze, analyzeQuery } from '../search/analyzer.js'
import type { EntityMatcher } from '../search/entities.js'
import { contentWords } from './unknown-words.js'

/** A quote whose words the question gives, with the share of those words it contains. */
export interface QuoteHit {
  personId: string
  quote: Quote
  score: number
}

/** Finds the quotes a question cites by their words ("'모두가 승자'라고 누가 말했어?"). */
export type FindQuotes = (question: string) => QuoteHit[]

/** Text between quotation marks, at least two characters ('모두가 승자', "narrow margin", “…”). */
const QUOTED = /['"‘’“”「」『』]([^'"‘’“”「」『』]{2,})['"‘’“”「」『』]/gu
/** A quoted span must be nearly all in the quote: quotes are short and their words specific. */
const QUOTED_MIN = 0.7
/** Without quotation marks, most of the question's content words must be in the quote. */
const UNQUOTED_MIN = 0.6
/** Quotes nearly as good as the best are all shown (two people said "모두가 승자"). */
const NEAR_BEST = 0.9

/** "refined" ~ "refine", "winners" ~ "winner": English words that differ only in their last letters. */
function sameStem(term: string, terms: Set<string>): boolean {
  if (!/^[a-z]{5,}$/.test(term)) return false
  const stem = term.slice(0, Math.max(4, term.length - 2))
  for (const t of terms) if (t.length >= stem.length && t.startsWith(stem)) return true
  return false
}

function termsOf(text: string): Set<string> {
  return new Set(analyze(text))
}

/**
 * Matches questions against every quote's words in its own language and in translation. Quoted spans are
 * compared term by term; otherwise the question's content words (without how people ask) must mostly be
 * in the quote, so "탈락하면 사망선고 받은 거 같다고 한 사람" finds the 사망선고 quote.
 */
export function createQuoteFinder(corpus: Corpus, matcher: EntityMatcher): FindQuotes {
  const quotes = corpus.people.flatMap((p) =>
    p.quotes.map((quote) => ({
      personId: p.id,
      quote,
      terms: termsOf([quote.text, quote.translation?.ko ?? '', quote.translation?.en ?? ''].join('\n')),
    })),
  )
  return (question) => {
    const spans = [...question.matchAll(QUOTED)].map((m) => m[1]!)
    const scored: QuoteHit[] = []
    if (spans.length > 0) {
      const wanted = new Set(spans.flatMap((s) => analyze(s)))
      for (const q of quotes) {
        const found = [...wanted].filter((t) => q.terms.has(t)).length
        const score = found / Math.max(1, wanted.size)
        if (score >= QUOTED_MIN) scored.push({ personId: q.personId, quote: q.quote, score })
      }
    } else {
      const words = [...contentWords(analyzeQuery(question, matcher)).values()]
      if (words.length === 0) return []
      for (const q of quotes) {
        // A word counts when most of its stem's terms are in the quote.
        const found = words.filter((units) => {
          const hits = units.filter((u) => u.terms.some((t) => q.terms.has(t) || sameStem(t, q.terms))).length
          return hits * 2 > units.length
        }).length
        const score = found / words.length
        if (score >= UNQUOTED_MIN) scored.push({ personId: q.personId, quote: q.quote, score })
      }
    }
    const best = Math.max(0, ...scored.map((h) => h.score))
    return scored.filter((h) => h.score >= best * NEAR_BEST).sort((a, b) => b.score - a.score)
  }
}
