import MiniSearch from 'minisearch'
import type { Corpus } from '../corpus/types.js'
import { createEntityMatcher } from './entities.js'
import { type BilingualMode, buildPassages, type Passage, type PassageKind } from './passages.js'
import { ABSTAIN_BELOW, createSearchIndex } from './search-index.js'

/**
 * A labelled retrieval question. A passage is relevant when its refId is in `refIds`, or when it meets
 * every condition of `match` (so labels survive the corpus being rewritten with other fact ids).
 * No refIds and no match: the question is out of scope and the search should have low coverage.
 */
export interface RetrievalQuestion {
  q: string
  lang: 'ko' | 'en'
  refIds?: string[]
  match?: { teams?: string[]; kinds?: PassageKind[]; text?: RegExp }
  /** What the question tests: particle, spacing, typo, nickname, synonym, english-on-korean, number … */
  tags?: string[]
}

/** One row of the eval table. */
export interface RetrievalRow {
  analyzer: string
  lang: 'ko' | 'en'
  questions: number
  mrr10: number
  hit1: number
}

/** How the abstain threshold separates in-scope from out-of-scope questions. */
export interface AbstainRow {
  threshold: number
  outOfScopeAbstained: number
  inScopeAnswered: number
}

export interface RetrievalReport {
  passages: number
  rows: RetrievalRow[]
  abstain: AbstainRow[]
  /** Questions whose labels match no passage of this corpus (skipped). */
  unlabelled: string[]
  /** In-scope questions our analyzer ranks outside the top 10 or below the threshold, for tuning. */
  misses: Array<{ q: string; rank: number; coverage: number; top: string }>
  markdown: string
}

interface Ranker {
  name: string
  rank(q: string): Array<{ refId: string; passage: Passage; coverage?: number }>
}

/**
 * Retrieval quality of our analyzer against MiniSearch's default tokenizer on the same passages:
 * MRR@10 and hit@1, Korean and English separately, plus the abstain threshold sweep.
 */
export function runRetrievalEval(
  corpus: Corpus,
  questions: readonly RetrievalQuestion[],
  options: { variants?: boolean } = {},
): RetrievalReport {
  const passages = buildPassages(corpus)
  const matcher = createEntityMatcher(corpus)
  const ours = createSearchIndex(passages, { matcher })
  const rankers: Ranker[] = [
    {
      name: 'kai analyzer',
      rank: (q) =>
        ours
          .search(q, { limit: 10 })
          .map((h) => ({ refId: h.passage.refId, passage: h.passage, coverage: h.coverage })),
    },
    defaultRanker(passages),
  ]
  if (options.variants) {
    const split = buildPassages(corpus, { bilingual: 'split' as BilingualMode })
    const joinedIndex = createSearchIndex(split, { matcher })
    rankers.push({
      name: 'kai, ko and en as separate passages',
      rank: (q) =>
        joinedIndex.search(q, { limit: 10 }).map((h) => ({ refId: h.passage.refId, passage: h.passage })),
    })
    const noEntities = createSearchIndex(passages)
    rankers.push({
      name: 'kai without entity expansion',
      rank: (q) =>
        noEntities.search(q, { limit: 10 }).map((h) => ({ refId: h.passage.refId, passage: h.passage })),
    })
  }

  const labelled = questions.filter((q) => q.refIds || q.match)
  const unlabelled = labelled.filter((q) => !passages.some((p) => isRelevant(q, p))).map((q) => q.q)
  const usable = labelled.filter((q) => !unlabelled.includes(q.q))
  const outOfScope = questions.filter((q) => !q.refIds && !q.match)

  const rows: RetrievalRow[] = []
  const misses: RetrievalReport['misses'] = []
  for (const ranker of rankers) {
    for (const lang of ['ko', 'en'] as const) {
      const set = usable.filter((q) => q.lang === lang)
      let rr = 0
      let hit1 = 0
      for (const question of set) {
        const ranked = ranker.rank(question.q).slice(0, 10)
        const rank = ranked.findIndex((r) => isRelevant(question, r.passage)) + 1
        if (rank > 0) rr += 1 / rank
        if (rank === 1) hit1++
        const coverage = ranked[0]?.coverage ?? 0
        if (ranker === rankers[0] && (rank !== 1 || coverage < ABSTAIN_BELOW)) {
          misses.push({ q: question.q, rank, coverage, top: ranked[0]?.passage.id ?? '-' })
        }
      }
      rows.push({
        analyzer: ranker.name,
        lang,
        questions: set.length,
        mrr10: set.length ? rr / set.length : 0,
        hit1: set.length ? hit1 / set.length : 0,
      })
    }
  }

  const topCoverage = (q: string) => ours.search(q, { limit: 1 })[0]?.coverage ?? 0
  const inScope = usable.map((q) => topCoverage(q.q))
  const outScope = outOfScope.map((q) => topCoverage(q.q))
  const abstain = [0.3, 0.4, 0.5, 0.6, 0.7].map((threshold) => ({
    threshold,
    outOfScopeAbstained: share(outScope, (c) => c < threshold),
    inScopeAnswered: share(inScope, (c) => c >= threshold),
  }))
  const report = { passages: passages.length, rows, abstain, unlabelled, misses, markdown: '' }
  report.markdown = renderMarkdown(report, outOfScope.length)
  return report
}

function defaultRanker(passages: readonly Passage[]): Ranker {
  const ms = new MiniSearch<Passage>({ fields: ['text'], storeFields: [] })
  ms.addAll(passages)
  const byId = new Map(passages.map((p) => [p.id, p]))
  return {
    name: 'MiniSearch default tokenizer',
    rank: (q) =>
      ms.search(q).map((r) => {
        const passage = byId.get(r.id as string)!
        return { refId: passage.refId, passage }
      }),
  }
}

/** Whether `passage` answers `question` (see RetrievalQuestion). */
export function isRelevant(question: RetrievalQuestion, passage: Passage): boolean {
  if (question.refIds?.includes(passage.refId)) return true
  const match = question.match
  if (!match) return false
  if (match.kinds && !match.kinds.includes(passage.kind)) return false
  if (match.teams && !match.teams.every((t) => passage.teams.includes(t))) return false
  if (match.text && !match.text.test(passage.text)) return false
  return true
}

function share(values: number[], test: (v: number) => boolean): number {
  return values.length ? values.filter(test).length / values.length : 0
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`

function renderMarkdown(report: Omit<RetrievalReport, 'markdown'>, outOfScope: number): string {
  const lines = [
    `Retrieval on ${report.passages} passages (MRR@10 and hit@1; ${report.unlabelled.length} questions without a relevant passage in this corpus skipped)`,
    '',
    '| analyzer | lang | questions | MRR@10 | hit@1 |',
    '|---|---|---|---|---|',
    ...report.rows.map(
      (r) =>
        `| ${r.analyzer} | ${r.lang.toUpperCase()} | ${r.questions} | ${r.mrr10.toFixed(3)} | ${pct(r.hit1)} |`,
    ),
    '',
    `Abstain threshold on the top hit's coverage (${outOfScope} out-of-scope questions; recommended: ${ABSTAIN_BELOW})`,
    '',
    '| coverage below | out-of-scope abstained | in-scope answered |',
    '|---|---|---|',
    ...report.abstain.map(
      (a) => `| ${a.threshold} | ${pct(a.outOfScopeAbstained)} | ${pct(a.inScopeAnswered)} |`,
    ),
  ]
  return lines.join('\n')
}
