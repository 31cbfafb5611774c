import type { Source } from '../corpus/schema.js'
import { outcomeOf } from './intents/confidence.js'
import type { Knowledge } from './knowledge.js'
import { newestDate } from './knowledge.js'
import type { Templates } from './templates/index.js'
import type { Answer, AnswerField, AnswerSource, Intent } from './types.js'

/** What a composer decides; `finish` turns it into an `Answer` with sources, as-of date and plain text. */
export interface Draft {
  intent: Intent
  answered: boolean
  title: string
  paragraphs: string[]
  fields?: AnswerField[]
  /** Source ids of everything stated, in the order they should be listed. */
  sources?: string[]
  /** Dates of the facts used (events that happened, dated facts, quotes). */
  dates?: (string | null | undefined)[]
  conflict?: boolean
  teamId?: string
  phase?: number
  suggestions?: string[]
  /** 0–1; by default 1 for an answer and 0 for an abstention. */
  confidence?: number
  didYouMean?: string[]
}

function toAnswerSource(k: Knowledge, id: string): AnswerSource | undefined {
  const s = k.source(id)
  if (!s) return undefined
  return { id: s.id, title: s.title, publisher: s.publisher, url: s.url, date: s.date }
}

/** Plain text complete on its own: the paragraphs, each field on a line, the sources and the as-of date. */
export function renderPlain(
  t: Templates,
  paragraphs: string[],
  fields: AnswerField[],
  sources: AnswerSource[],
  asOf: string | null,
): string {
  const lines = [...paragraphs]
  for (const f of fields) lines.push(`${f.label}: ${f.items.join(', ')}`)
  if (sources.length > 0) {
    lines.push(`${t.labels.sources}: ${sources.map((s) => t.sourceLabel(s.publisher, s.date)).join('; ')}`)
  }
  if (asOf) lines.push(`${t.labels.asOf}: ${asOf}`)
  return lines.join('\n')
}

const KIND_RANK: Record<Source['kind'], number> = { official: 0, press: 1, secondary: 2 }

/**
 * The sources of what a draft states, each once: official pages first, then the press, then mirrors and
 * aggregators; within a kind, the composer's order (the sources of the main statement come first).
 */
export function orderSources(k: Knowledge, ids: readonly string[]): AnswerSource[] {
  const rank = (id: string) => KIND_RANK[k.source(id)?.kind ?? 'secondary']
  return [...new Set(ids)]
    .map((id, position) => ({ id, position, rank: rank(id) }))
    .sort((a, b) => a.rank - b.rank || a.position - b.position)
    .map(({ id }) => toAnswerSource(k, id))
    .filter((s): s is AnswerSource => s !== undefined)
}

/** Resolves sources, computes the as-of date and renders the plain text. */
export function finish(k: Knowledge, t: Templates, question: string, draft: Draft): Answer {
  const sources = orderSources(k, draft.sources ?? [])
  // As of the newest fact used; undated facts fall back to the dates of their sources.
  const factDate = newestDate(draft.dates ?? [])
  const asOf = draft.answered ? (factDate ?? newestDate(sources.map((s) => s.date))) : null
  const fields = draft.fields ?? []
  return {
    question,
    lang: t.lang,
    intent: draft.intent,
    answered: draft.answered,
    text: renderPlain(t, draft.paragraphs, fields, sources, asOf),
    blocks: {
      title: draft.title,
      paragraphs: draft.paragraphs,
      fields,
      sources,
      asOf,
      conflict: draft.conflict ?? false,
    },
    sources,
    context: {
      ...(draft.teamId && { teamId: draft.teamId }),
      intent: draft.intent,
      ...(draft.phase !== undefined && { phase: draft.phase }),
    },
    suggestions: draft.suggestions ?? [],
    confidence: draft.confidence ?? (draft.answered ? 1 : 0),
    outcome: outcomeOf(draft.answered, draft.confidence ?? (draft.answered ? 1 : 0)),
    didYouMean: draft.didYouMean ?? [],
  }
}

/** The answer when nothing supports one: says so plainly and lists what the bot can answer. */
export function abstain(t: Templates, intent: Intent, reason: string): Draft {
  return {
    intent,
    answered: false,
    title: t.helpTitle,
    paragraphs: [reason, t.capabilities],
    suggestions: t.suggestions.general,
  }
}
