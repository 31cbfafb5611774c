/**
 * The Korean-aware analyzer used on both sides of the index.
 *
 * Adapted from the research bench (../shared/research/korean-search-bench/analyzers.ts: splitRuns,
 * bigrams, JOSA/ENDINGS, QUERY_STOP), which measured Hangul character bigrams (as Lucene's CJK analyzer)
 * plus query-side stopwords and aliases as the best of the rule-based options (Korean MRR 0.56 → 0.93).
 */
import type { EntityMatcher, EntityMention } from './entities.js'
import { normalizeText } from './normalize.js'
import { findSynonyms, type SynonymMatch } from './synonyms.js'

/**
 * Bump whenever the terms an input produces change: a persisted index built with another version
 * is rebuilt rather than loaded (MiniSearch.loadJSON needs the very same tokenizer).
 */
export const ANALYZER_VERSION = 4

const HANGUL_RUN = /^[\uAC00-\uD7A3]+$/u
const DIGITS = /^\d+(?:\.\d+)?$/u
/** Hangul syllable runs | Latin letters and digits together (K1, B200, 236b; decimals kept: 90.2) — split where Hangul starts or ends. */
const RUNS = /[\uAC00-\uD7A3]+|(?:(?![\uAC00-\uD7A3])[\p{L}\p{M}\p{N}])+(?:\.\d+)?/gu

/**
 * NFKC + lower case, split at spaces, punctuation and script boundaries; thousands separators dropped
 * (1,000 → 1000) so numbers match however they are written. One array of runs per space-separated word.
 */
export function splitWords(text: string): string[][] {
  const normalized = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\d),(?=\d{3}(?!\d))/gu, '$1')
  const words: string[][] = []
  for (const word of normalized.split(/\s+/u)) {
    const runs = word.match(RUNS)
    if (runs) words.push(runs)
  }
  return words
}

/** All runs of `text` (see `splitWords`), flattened. */
export function splitRuns(text: string): string[] {
  return splitWords(text).flat()
}

/** Overlapping character bigrams of a Hangul run; a lone syllable is kept as a unigram. */
export function bigrams(run: string): string[] {
  if (run.length < 2) return [run]
  const out: string[] = []
  for (let i = 0; i < run.length - 1; i++) out.push(run.slice(i, i + 2))
  return out
}

/** English plural folding ("teams" = "team", "GPUs" = "GPU"); crude but symmetric on both sides. */
function foldLatin(word: string): string {
  return word.length >= 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word
}

/** A number directly followed by Hangul inside one word gives a number+counter term (2차, 3위, 90.2점). */
function counterTerm(runs: readonly string[], i: number): string | undefined {
  const run = runs[i]!
  const next = runs[i + 1]
  return DIGITS.test(run) && next !== undefined && HANGUL_RUN.test(next) ? run + next[0] : undefined
}

/**
 * Index-side analysis: every term of `text`, with repeats (MiniSearch counts term frequency).
 * Hangul → bigrams; Latin and numbers whole; a number followed by Hangul also gives number+counter (2차, 3위).
 */
export function analyze(text: string): string[] {
  const terms: string[] = []
  for (const runs of splitWords(text)) {
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i]!
      if (HANGUL_RUN.test(run)) {
        for (const bigram of bigrams(run)) terms.push(bigram)
      } else if (DIGITS.test(run)) {
        terms.push(run)
        const counter = counterTerm(runs, i)
        if (counter) terms.push(counter)
      } else {
        terms.push(foldLatin(run))
      }
    }
  }
  return terms
}

// ---------------------------------------------------------------- query side

/** Particles (조사), longest first; stripped from query words only to judge coverage. From the research bench. */
const JOSA = [
  '에서부터', '으로부터', '로부터', '에게서', '한테서', '으로서', '으로써', '로서', '로써',
  '에서는', '에서도', '에서의', '에서만', '에게는', '에게도', '으로는', '으로도', '으로만', '로는', '로도',
  '에는', '에도', '에만', '에의', '와는', '과는', '와도', '과도', '이라고', '라고', '이라는', '라는', '이란', '란',
  '이라며', '이며', '이나', '이랑', '이든', '이야', '이다', '께서', '에서', '에게', '한테', '으로', '까지', '부터',
  '처럼', '보다', '마다', '조차', '마저', '밖에', '만큼', '대로', '들은', '들이', '들을', '들의', '들도', '들과', '들',
  '은', '는', '이', '가', '을', '를', '의', '에', '와', '과', '도', '만', '로', '나', '랑', '야',
] // biome-ignore format: one list, grouped by length

const ENDINGS = [
  '했습니다', '합니다', '했나요', '했어요', '했는지', '했으며', '했다고', '했다는', '했지만', '했고', '했다', '했어',
  '했나', '했지', '하나요', '하는지', '하려고', '하면서', '하겠다', '하기로', '하며', '하고', '하는', '하여', '해서',
  '해야', '하기', '하지', '하면', '한다', '한대', '해요', '할', '한', '해',
  '됐습니다', '됐나요', '됐으며', '됐는지', '됐다고', '됐고', '됐다', '됐어', '되었다', '되었고', '되어', '되는', '되고',
  '되지', '된다', '될', '된', '돼', '됨',
  '었습니다', '았습니다', '였습니다', '습니다', '었나요', '았나요', '었어요', '았어요', '었으며', '았으며',
  '었다', '았다', '였다', '었고', '았고', '였고', '었어', '았어', '었지', '는지', '은지', '는데', '지만', '면서',
  '다는', '다고', '인가요', '인가', '나요', '어요', '아요', '에요', '예요', '으며', '였지', '였어', '이야', '야',
  '거야', '건데', '거지', '임', '음', '함',
] // biome-ignore format: one list, grouped by stem

const JOSA_SET = new Set(JOSA)
const SUFFIX_SET = new Set([...JOSA, ...ENDINGS])
const SUFFIXES = [...new Set([...JOSA, ...ENDINGS])].sort((a, b) => b.length - a.length)

/**
 * Strips up to two stacked particles/endings, never leaving fewer than `minStem` syllables (2 protects
 * 평가, 추가; 1 reduces 개야, 곳은 to their one-syllable noun).
 */
export function stripKo(word: string, minStem = 2): string {
  let w = word
  for (let pass = 0; pass < 2; pass++) {
    const suffix = SUFFIXES.find((s) => w.endsWith(s))
    if (!suffix || w.length - suffix.length < minStem) break
    w = w.slice(0, -suffix.length)
  }
  return w
}

/** Question words and filler that carry no content (compared after stripping particles and endings). */
export const QUERY_STOP_KO = new Set(
  (
    '무엇 뭐 뭔가 뭔가요 뭐야 뭐예요 뭐지 뭔지 뭐였어 뭐였지 무슨 어떤 어떻게 어땠어 어때 어떄 어디 어디어디 언제 누구 누구누구 누가 ' +
    '몇 얼마나 알려줘 알려 알려주세요 말해줘 궁금 궁금해 있어 있나 있나요 있었어 있었나요 하나요 했어 됐어 한대 내용 ' +
    '좀 그럼 그리고 근데 혹시 대해 대해서 관련 관련해 관련된 맞아 맞지 거야 건가 건가요 건지 되나요 돼 이야 그거 그게 ' +
    '지금 요즘 현재 이번 그래서 진짜 정말 하는 하고 있는 어느 어떻게 됐어 되었나 되었어 한거 한 거 것 거 수 좀 제발 혹은'
  ).split(' '),
)

/** English question words and function words. */
export const QUERY_STOP_EN = new Set(
  (
    'what who whom whose when where which how the a an is are was were be been being did do does done of to in on ' +
    'for and or about tell me please it its it’s that this these those there their they them he she his her we you ' +
    'i my our your by with at as from has have had can could would should will shall may might any all much many ' +
    'some get got so then than just also into out up down know show give list say said like way thing things'
  ).split(' '),
)

/** A piece of the question whose presence in a passage counts towards coverage. */
export interface QueryUnit {
  kind: 'entity' | 'synonym' | 'word'
  /** How the person wrote it (for debugging and matchedTerms). */
  text: string
  /** The index terms that represent it; matching any counts as matching the unit when `any`, else the share. */
  terms: string[]
  any: boolean
  /** For names: the terms of each way of writing it (ko name, en name, aliases); one must be mostly present. */
  groups: string[][]
}

/** The analysed question: weighted index terms for retrieval, and the units that coverage is computed over. */
export interface QueryPlan {
  /** Distinct index terms with a weight (1 for the person's own words, less for expansions). */
  readonly terms: ReadonlyMap<string, number>
  readonly units: readonly QueryUnit[]
  readonly mentions: readonly EntityMention[]
  readonly synonyms: readonly SynonymMatch[]
}

const EXPANSION_WEIGHT = 0.6
const BLANK = '\u0001'

/**
 * The words of the question outside names and synonyms. What is left of a word right after a name or a
 * verb stem (the 는 of 엘지는, the 어 of 올라갔어) is its particle or ending and is dropped.
 */
function residualWords(text: string, blank: boolean[]): string[][] {
  const marked = [...text].map((ch, k) => (blank[k] ? BLANK : ch)).join('')
  const words: string[][] = []
  for (const word of marked.split(' ')) {
    const pieces = word.split(BLANK)
    const runs: string[] = []
    pieces.forEach((piece, i) => {
      const pieceRuns = splitRuns(piece)
      const first = pieceRuns[0]
      if (
        i > 0 &&
        first !== undefined &&
        HANGUL_RUN.test(first) &&
        (first.length <= 2 || SUFFIX_SET.has(first))
      ) {
        pieceRuns.shift()
      }
      runs.push(...pieceRuns)
    })
    if (runs.length > 0) words.push(runs)
  }
  return words
}

/**
 * Perf (issue 7, bench/profile.ts): one answer analyses its question several times (unknown words,
 * quotes, the search, what the answer left unsaid), a quarter of the answer time at 10k passages. The
 * last few plans are kept per matcher (a new corpus has a new matcher), so each is made once.
 */
const PLAN_CACHE_SIZE = 8
const planCache = new WeakMap<EntityMatcher, Map<string, QueryPlan>>()

/**
 * Query-side analysis: names are recognised first and expanded to the corpus's canonical names in both
 * languages (엘지 → LG AI연구원 / LG AI Research), synonyms add the corpus's verbs (떨어졌어 → 탈락 /
 * eliminated), question words are dropped, and what remains is analysed like passages. The plan may be
 * shared with other callers asking about the same question: read it, never change it.
 */
export function analyzeQuery(question: string, matcher: EntityMatcher): QueryPlan {
  let plans = planCache.get(matcher)
  if (!plans) {
    plans = new Map()
    planCache.set(matcher, plans)
  }
  const cached = plans.get(question)
  if (cached) return cached
  const plan = planQuery(question, matcher)
  if (plans.size >= PLAN_CACHE_SIZE) plans.delete(plans.keys().next().value!)
  plans.set(question, plan)
  return plan
}

function planQuery(question: string, matcher: EntityMatcher): QueryPlan {
  const text = normalizeText(question)
  const mentions = matcher.find(text)
  const synonyms = findSynonyms(text)
  const terms = new Map<string, number>()
  const add = (term: string, weight: number) => terms.set(term, Math.max(terms.get(term) ?? 0, weight))
  const units: QueryUnit[] = []
  const blank = new Array<boolean>(text.length).fill(false)

  for (const mention of mentions) {
    for (let k = mention.start; k < mention.end; k++) blank[k] = true
    const record = matcher.get(mention.kind, mention.id)
    const canonical = record ? [record.names.ko, record.names.en] : []
    const unitTerms = new Set<string>()
    for (const name of canonical) for (const t of analyze(name)) unitTerms.add(t)
    for (const t of unitTerms) add(t, 1)
    if (mention.exact) for (const t of analyze(mention.surface)) add(t, 1)
    const groups = (record?.surfaces ?? []).map((s) => [...new Set(analyze(s))]).filter((g) => g.length > 0)
    units.push({ kind: 'entity', text: mention.surface, terms: [...unitTerms], any: false, groups })
  }
  for (const synonym of synonyms) {
    if (blank.slice(synonym.start, synonym.end).some(Boolean)) continue
    for (let k = synonym.start; k < synonym.end; k++) blank[k] = true
    const unitTerms = [...new Set([...analyze(synonym.canonical.ko), ...analyze(synonym.canonical.en)])]
    for (const t of unitTerms) add(t, EXPANSION_WEIGHT)
    for (const t of analyze(synonym.surface)) add(t, EXPANSION_WEIGHT)
    units.push({ kind: 'synonym', text: synonym.surface, terms: unitTerms, any: true, groups: [unitTerms] })
  }

  for (const runs of residualWords(text, blank)) {
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i]!
      if (HANGUL_RUN.test(run)) {
        const afterNumber = i > 0 && DIGITS.test(runs[i - 1]!)
        // After a number the first syllable is its counter (2차에 → 2차 + 에), already a unit of its own.
        const content = afterNumber ? run.slice(1) : run
        const stem = stripKo(content)
        if (QUERY_STOP_KO.has(run) || QUERY_STOP_KO.has(stem)) continue
        // Raw bigrams retrieve (a bigram across a particle is soft phrase evidence); the stem's bigrams
        // judge coverage, so an ending the corpus never writes (했어) does not count as a miss.
        for (const t of bigrams(run)) add(t, 1)
        if (content.length === 0 || (afterNumber && JOSA_SET.has(content))) continue
        for (const t of bigrams(stem))
          units.push({ kind: 'word', text: run, terms: [t], any: true, groups: [[t]] })
      } else if (DIGITS.test(run)) {
        add(run, 1)
        const counter = counterTerm(runs, i)
        if (counter) add(counter, 1)
        const unit = counter ?? run
        units.push({ kind: 'word', text: unit, terms: [unit], any: true, groups: [[unit]] })
      } else {
        const term = foldLatin(run)
        if (QUERY_STOP_EN.has(run) || QUERY_STOP_EN.has(term) || run.length < 2) continue
        add(term, 1)
        units.push({ kind: 'word', text: run, terms: [term], any: true, groups: [[term]] })
      }
    }
  }
  return { terms, units, mentions, synonyms }
}
