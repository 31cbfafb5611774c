import { createHash } from 'node:crypto'
import MiniSearch from 'minisearch'
import type { Lang } from '../corpus/schema.js'
import { ANALYZER_VERSION, analyze, analyzeQuery, type QueryPlan } from './analyzer.js'
import { type Bm25Scorer, createBm25Scorer, type ScoredDocument } from './bm25.js'
import { type EntityMatcher, knownWordsOf, type PersistedKnownWords } from './entities.js'
import type { Passage, PassageKind } from './passages.js'
import {
  type CompactPostings,
  createPostings,
  fromCompact,
  type MiniSearchJson,
  type Postings,
  withoutPostings,
} from './postings.js'

/** Filters and size of one search. */
export interface SearchOptions {
  /** How many hits to return (default 5). */
  limit?: number
  kinds?: readonly PassageKind[]
  /** Keep passages about at least one of these team ids. */
  teams?: readonly string[]
  lang?: Lang
}

/** One ranked passage with the evidence for it. */
export interface SearchHit {
  passage: Passage
  score: number
  /** Index terms of the query found in the passage. */
  matchedTerms: string[]
  /**
   * Share (0–1) of the question's informative parts (names, verbs of the synonym table, content words)
   * that the passage contains. The answer engine abstains below `ABSTAIN_BELOW`.
   */
  coverage: number
}

/** What `search` did, for tests, the eval and the bench. */
export interface SearchTrace {
  plan: QueryPlan
  /** Query terms known to the index, rarest first, with their document frequency. */
  known: Array<{ term: string; df: number }>
  /** The terms MiniSearch was asked for (the rest only re-rank candidates). */
  searched: string[]
  candidates: number
}

/**
 * Recommended abstain threshold on the top hit's `coverage`: below it the question is about something the
 * corpus does not hold (weather, prices, trivia). Measured with `npm run eval` (retrieval set incl.
 * out-of-scope questions): see src/core/search/README.md.
 */
export const ABSTAIN_BELOW = 0.5

/**
 * Speed knobs (issue 7). MiniSearch scores every posting of every query term and sorts all matches, so
 * the cost of a query is the sum of its terms' document frequencies. Terms are searched rarest first until
 * this many postings are reached; the remaining (common) terms only re-rank the candidates.
 */
export const POSTING_BUDGET = 1000
/** Ranking: BM25 × (floor + coverage)^power; measured with `npm run eval -- --verbose`. */
const COVERAGE_FLOOR = 0.1
const COVERAGE_POWER = 2
/** At most this many candidates are re-ranked. */
export const CANDIDATE_CAP = 200

/** A MiniSearch index over passages with Korean-aware query analysis, filters and a coverage signal. */
export interface SearchIndex {
  search(query: string, options?: SearchOptions): SearchHit[]
  /** `search` plus what it did. */
  explain(query: string, options?: SearchOptions): { hits: SearchHit[]; trace: SearchTrace }
  /** Adds or replaces passages by id (one changed document: its passages). */
  replacePassages(passages: readonly Passage[]): void
  /** Removes passages by id; unknown ids are ignored. */
  discardPassages(ids: readonly string[]): void
  /** Brings the index to exactly `passages`, touching only what changed. */
  syncPassages(passages: readonly Passage[]): { added: number; changed: number; removed: number }
  /** Adds or replaces the passages of `upsert` that differ from what is indexed and removes the `remove` ids. */
  updatePassages(
    upsert: readonly Passage[],
    remove: readonly string[],
  ): { added: number; changed: number; removed: number }
  /** Uses a new entity matcher for queries (after the corpus changed). */
  setEntityMatcher(matcher: EntityMatcher | undefined): void
  passage(id: string): Passage | undefined
  readonly size: number
  /** Document frequency of an index term (how many passages contain it). */
  df(term: string): number
  toJSON(): PersistedSearchIndex
}

/** The serialised index: MiniSearch's own JSON plus what our ranking needs. */
export interface PersistedSearchIndex {
  analyzerVersion: number
  /** MiniSearch's own JSON without its postings, */
  minisearch: unknown
  /** which are here, compactly. */
  postings: CompactPostings
  /**
   * Ids of the indexed passages. The passages themselves are not stored (their text would be a second copy
   * of the corpus, a third of the file): they are rendered from the corpus again when restoring.
   */
  passageIds: string[]
  /** Digest of the indexed passages: passages rendered differently (e.g. a changed passages.ts) mean a rebuild. */
  passagesDigest: string
  /** The known words of the entity matcher the index was used with (the same corpus), to skip reading them. */
  knownWords?: PersistedKnownWords
}

interface Entry {
  passage: Passage
  /** The passage text as the analyzer sees it, for cheap presence checks of common terms. */
  normalized: string
  /**
   * Copies of the filtered fields. Perf: passages come in several shapes (with or without a date, fields
   * in different orders), so reading `passage.lang` for every candidate was a slow megamorphic access.
   */
  kind: PassageKind
  lang: Passage['lang']
  teams: readonly string[]
}

const identity = (term: string) => term

/** Builds a search index over `passages`; names in queries are expanded when a matcher is given. */
export function createSearchIndex(
  passages: readonly Passage[],
  options: { matcher?: EntityMatcher } = {},
): SearchIndex {
  return new KaiSearchIndex(options.matcher, passages)
}

/**
 * Restores an index saved with `toJSON()` over `passages`, the corpus's passages rendered again
 * (`buildPassages`); undefined when it was made by another analyzer version or over other passages.
 */
export function restoreSearchIndex(
  persisted: PersistedSearchIndex,
  options: { passages: readonly Passage[]; matcher?: EntityMatcher },
): SearchIndex | undefined {
  if (
    persisted.analyzerVersion !== ANALYZER_VERSION ||
    !Array.isArray(persisted.passageIds) ||
    !Array.isArray(persisted.postings)
  )
    return undefined
  const byId = new Map(options.passages.map((p) => [p.id, p]))
  const indexed: Passage[] = []
  for (const id of persisted.passageIds) {
    const passage = byId.get(id)
    if (!passage) return undefined
    indexed.push(passage)
  }
  if (indexed.length !== options.passages.length || digestOf(indexed) !== persisted.passagesDigest)
    return undefined
  return new KaiSearchIndex(options.matcher, indexed, persisted)
}

class KaiSearchIndex implements SearchIndex {
  private readonly entries = new Map<string, Entry>()
  /** The same entries by MiniSearch's short id, so filtering a posting is an array read. */
  private readonly byShortId: Array<Entry | undefined> = []
  private readonly ms: MiniSearch<Passage>
  /** MiniSearch's postings, read and updated directly (see postings.ts), and BM25 over them. */
  private readonly postings: Postings
  private readonly scorer: Bm25Scorer
  private matcher: EntityMatcher | undefined

  constructor(
    matcher: EntityMatcher | undefined,
    passages?: readonly Passage[],
    persisted?: PersistedSearchIndex,
  ) {
    this.matcher = matcher
    const options = {
      idField: 'id',
      fields: ['text'],
      storeFields: [],
      tokenize: analyze,
      processTerm: identity,
      // Documents are removed with their postings (see `remove`), never discarded: nothing to vacuum.
      autoVacuum: false,
    }
    if (persisted) {
      this.ms = MiniSearch.loadJS(persisted.minisearch as MiniSearchJson, options)
      this.postings = createPostings(this.ms)
      this.postings.load(fromCompact(persisted.postings))
    } else {
      const bulk = bulkIndex(passages ?? [])
      this.ms = MiniSearch.loadJS(bulk.json, options)
      this.postings = createPostings(this.ms)
      this.postings.load(bulk.postings)
    }
    this.scorer = createBm25Scorer(this.postings)
    for (const passage of passages ?? []) this.remember(passage)
  }

  private remember(passage: Passage) {
    const entry = entryOf(passage)
    this.entries.set(passage.id, entry)
    const shortId = this.postings.shortIdOf(passage.id)
    if (shortId !== undefined) this.byShortId[shortId] = entry
  }

  get size() {
    return this.entries.size
  }

  df(term: string) {
    return this.postings.df(term)
  }

  passage(id: string) {
    return this.entries.get(id)?.passage
  }

  setEntityMatcher(matcher: EntityMatcher | undefined) {
    this.matcher = matcher
  }

  search(query: string, options: SearchOptions = {}) {
    return this.explain(query, options).hits
  }

  explain(query: string, options: SearchOptions = {}) {
    const plan = analyzeQuery(query, this.matcher ?? NO_ENTITIES)
    const postingsOf = this.postings.of
    const known = [...plan.terms.keys()]
      .map((term) => ({ term, df: postingsOf(term)?.size ?? 0 }))
      .filter((t) => t.df > 0)
      .sort((a, b) => a.df - b.df)
    const searched: string[] = []
    let postings = 0
    for (const { term, df } of known) {
      if (searched.length > 0 && postings + df > POSTING_BUDGET) break
      searched.push(term)
      postings += df
    }
    const trace: SearchTrace = { plan, known, searched, candidates: 0 }
    if (searched.length === 0) return { hits: [], trace }

    const { top: candidates, matched } = this.scorer.top(
      searched,
      (term) => plan.terms.get(term) ?? 1,
      this.filterFor(options),
      CANDIDATE_CAP,
    )
    trace.candidates = matched
    const n = this.entries.size
    // A common term left out of the search adds about the BM25 of one occurrence where present.
    const unsearched = known.slice(searched.length).map(({ term, df }) => ({
      term,
      bonus: (plan.terms.get(term) ?? 1) * 1.5 * Math.log(1 + (n - df + 0.5) / (df + 0.5)),
    }))
    const ranked = candidates.map((result) => this.rerank(result, unsearched, plan, postingsOf))
    ranked.sort((a, b) => b.score - a.score)
    const limit = options.limit ?? 5
    const hits = ranked.slice(0, limit).map((r) => ({
      passage: r.entry.passage,
      score: r.score,
      matchedTerms: r.matched,
      coverage: r.coverage,
    }))
    return { hits, trace }
  }

  /**
   * MiniSearch's score is BM25 summed over the matched terms times their number. We keep the BM25 sum
   * (common terms left out of the search are added back: present → about the BM25 of one occurrence) but
   * multiply by the question's coverage instead of the number of terms: a long name expanded into many
   * bigrams would otherwise make the team's profile win every question that names the team.
   */
  private rerank(
    result: ScoredDocument,
    unsearched: Array<{ term: string; bonus: number }>,
    plan: QueryPlan,
    postingsOf: (term: string) => ReadonlyMap<number, number> | undefined,
  ) {
    const entry = this.byShortId[result.shortId]!
    const passage: PassageTerms = { shortId: result.shortId, normalized: entry.normalized, postingsOf }
    const matched = [...result.queryTerms]
    let sum = result.score / Math.max(1, result.queryTerms.length)
    for (const { term, bonus } of unsearched) {
      if (!says(passage, term)) continue
      matched.push(term)
      sum += bonus
    }
    const covered = coverage(plan, passage, matched)
    return { entry, matched, coverage: covered, score: sum * (COVERAGE_FLOOR + covered) ** COVERAGE_POWER }
  }

  private filterFor(options: SearchOptions): ((shortId: number) => boolean) | undefined {
    const { kinds, teams, lang } = options
    if (!kinds && !teams && !lang) return undefined
    return (shortId) => {
      const entry = this.byShortId[shortId]
      if (!entry) return false
      if (kinds && !kinds.includes(entry.kind)) return false
      if (lang && entry.lang !== lang && entry.lang !== 'both') return false
      if (teams && !entry.teams.some((t) => teams.includes(t))) return false
      return true
    }
  }

  private add(passage: Passage) {
    this.postings.add(passage.id, analyze(passage.text))
    this.remember(passage)
  }

  /**
   * Takes the passage's postings out at once (as `MiniSearch#remove`, not `discard`), so document
   * frequencies and the scorer never meet a stale posting. It needs the text as indexed: `entries` has it.
   */
  private remove(id: string) {
    const entry = this.entries.get(id)
    if (!entry) return
    const shortId = this.postings.shortIdOf(id)
    if (shortId !== undefined) this.byShortId[shortId] = undefined
    this.postings.remove(id, analyze(entry.passage.text))
    this.entries.delete(id)
  }

  replacePassages(passages: readonly Passage[]) {
    for (const passage of passages) {
      this.remove(passage.id)
      this.add(passage)
    }
  }

  discardPassages(ids: readonly string[]) {
    for (const id of ids) this.remove(id)
  }

  syncPassages(passages: readonly Passage[]) {
    const next = new Set(passages.map((p) => p.id))
    return this.updatePassages(
      passages,
      [...this.entries.keys()].filter((id) => !next.has(id)),
    )
  }

  updatePassages(upsert: readonly Passage[], remove: readonly string[]) {
    const removed = remove.filter((id) => this.entries.has(id)).length
    this.discardPassages(remove)
    let added = 0
    let changed = 0
    for (const passage of upsert) {
      const current = this.entries.get(passage.id)?.passage
      if (!current) added++
      else if (!samePassage(current, passage)) changed++
      else continue
      this.replacePassages([passage])
    }
    return { added, changed, removed }
  }

  toJSON(): PersistedSearchIndex {
    const knownWords = this.matcher && knownWordsOf(this.matcher)
    const passages = [...this.entries.values()].map((e) => e.passage)
    return {
      analyzerVersion: ANALYZER_VERSION,
      minisearch: withoutPostings(this.ms),
      postings: this.postings.toCompact(),
      passageIds: passages.map((p) => p.id),
      passagesDigest: digestOf(passages),
      ...(knownWords && { knownWords }),
    }
  }
}

/**
 * MiniSearch's serialised form (version 2, for `loadJS`) of an index over `passages`, its postings apart.
 * Perf (bench, 10k synthetic passages): `add()` walks MiniSearch's radix tree once per token (~120 per
 * passage) and was half of the build; loading inserts each distinct term once. The index and the scores are
 * the same (identical top 10 with scores on the bench's 1,200 questions), the build 2.3× faster. Postings are
 * maps, not MiniSearch's objects keyed by short id (setting those keys was then half of the build).
 */
function bulkIndex(passages: readonly Passage[]): {
  json: MiniSearchJson
  postings: Map<string, Map<number, number>>
} {
  const documentIds: Record<number, string> = {}
  const fieldLength: Record<number, number[]> = {}
  const postings = new Map<string, Map<number, number>>()
  let lengthSum = 0
  const seen = new Set<string>()
  passages.forEach((passage, shortId) => {
    if (seen.has(passage.id)) throw new Error(`MiniSearch: duplicate ID ${passage.id}`)
    seen.add(passage.id)
    const tf = new Map<string, number>()
    for (const term of analyze(passage.text)) tf.set(term, (tf.get(term) ?? 0) + 1)
    documentIds[shortId] = passage.id
    // MiniSearch's field length is the number of distinct terms.
    fieldLength[shortId] = [tf.size]
    lengthSum += tf.size
    for (const [term, count] of tf) {
      const row = postings.get(term)
      if (row) row.set(shortId, count)
      else postings.set(term, new Map([[shortId, count]]))
    }
  })
  const json: MiniSearchJson = {
    documentCount: passages.length,
    nextId: passages.length,
    documentIds,
    fieldIds: { text: 0 },
    fieldLength,
    averageFieldLength: passages.length > 0 ? [lengthSum / passages.length] : [],
    storedFields: {},
    dirtCount: 0,
    index: [],
    serializationVersion: 2,
  }
  return { json, postings }
}

/** A digest of every field of every passage, in order. */
function digestOf(passages: readonly Passage[]): string {
  // One string and one hash update: per-passage JSON and updates were 10% of a cold start.
  const parts: string[] = []
  for (const p of passages) {
    parts.push(
      p.id,
      p.kind,
      p.refId,
      p.lang,
      p.text,
      p.teams.join('\u0002'),
      p.sources.join('\u0002'),
      p.date ?? '',
    )
  }
  return createHash('sha256').update(parts.join('\u0001')).digest('hex')
}

const NO_ENTITIES: EntityMatcher = { find: () => [], get: () => undefined, records: () => [] }

function entryOf(passage: Passage): Entry {
  return {
    passage,
    normalized: passage.text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/(\d),(?=\d{3}(?!\d))/gu, '$1'),
    kind: passage.kind,
    lang: passage.lang,
    teams: passage.teams,
  }
}

/**
 * Field by field: perf (issue 7), comparing every passage as JSON was a quarter of applying one changed
 * document at 10k passages.
 */
function samePassage(a: Passage, b: Passage): boolean {
  return (
    a.text === b.text &&
    a.id === b.id &&
    a.kind === b.kind &&
    a.refId === b.refId &&
    a.lang === b.lang &&
    a.date === b.date &&
    sameList(a.teams, b.teams) &&
    sameList(a.sources, b.sources)
  )
}

/** Fails to compile when Passage gains a field, as a reminder to compare it in `samePassage` and `digestOf`. */
const COMPARED = {
  text: true,
  id: true,
  kind: true,
  refId: true,
  lang: true,
  date: true,
  teams: true,
  sources: true,
} satisfies Record<keyof Passage, true>
void COMPARED

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** One candidate passage, and how to tell whether it contains a term. */
interface PassageTerms {
  shortId: number
  normalized: string
  postingsOf: (term: string) => ReadonlyMap<number, number> | undefined
}

/**
 * Does the passage's text contain `term`? Perf: a Hangul bigram is in the text exactly when it is in the
 * passage's postings (two adjacent syllables are always a bigram of one run), and a posting lookup is
 * far cheaper than a substring search; other terms (Latin words, numbers) are searched in the text.
 */
function says(passage: PassageTerms, term: string): boolean {
  return isHangulBigram(term)
    ? (passage.postingsOf(term)?.has(passage.shortId) ?? false)
    : passage.normalized.includes(term)
}

function found(passage: PassageTerms, matched: readonly string[], term: string): boolean {
  return says(passage, term) || matched.includes(term)
}

/** Weighted share of the question's units found in the passage (see SearchHit.coverage). */
function coverage(plan: QueryPlan, passage: PassageTerms, matched: readonly string[]): number {
  if (plan.units.length === 0) return 0
  let total = 0
  let covered = 0
  for (const unit of plan.units) {
    const weight = unit.kind === 'word' ? 1 : 2
    total += weight
    const enough = unit.any
      ? unit.terms.some((t) => found(passage, matched, t))
      : unitNameFound(unit.groups, passage, matched)
    if (enough) covered += weight
  }
  return covered / total
}

/** A name counts when one way of writing it has at least 3/4 of its terms in the passage. */
function unitNameFound(groups: readonly string[][], passage: PassageTerms, matched: readonly string[]) {
  for (const group of groups) {
    if (group.length === 0) continue
    let present = 0
    for (const term of group) if (found(passage, matched, term)) present++
    if (present / group.length >= 0.75) return true
  }
  return false
}

/** Two Hangul syllables: the analyzer's bigram terms. */
function isHangulBigram(term: string): boolean {
  if (term.length !== 2) return false
  const a = term.charCodeAt(0)
  const b = term.charCodeAt(1)
  return a >= 0xac00 && a <= 0xd7a3 && b >= 0xac00 && b <= 0xd7a3
}
