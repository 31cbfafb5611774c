import MiniSearch from 'minisearch'
import { analyze, splitWords, stripKo } from '../../search/analyzer.js'
import type { Mention } from '../mentions.js'
import { normalizeQuestion } from '../normalize.js'
import { FRAMES, type Frame } from './table.js'

/** Placeholders as the analyzer sees them: Latin words that no question or passage writes. */
const SLOT_TOKEN: Record<string, string> = {
  team: 'xxteam',
  model: 'xxmodel',
  person: 'xxperson',
  term: 'xxterm',
  organization: 'xxorg',
  org: 'xxorg',
  program: 'xxprogram',
  phase: 'xxphase',
}
const PLACEHOLDER = /\{(team|model|person|term|org|program|phase)\}/g
/** Phases as people write them: 2차, 1차 평가, phase 2, first round. */
const PHASE =
  /[1-4]\s?차|\b(?:phase|stage|round)\s?[1-4]\b|\b(?:first|second|third|final)\s(?:round|phase|stage|evaluation)\b/g

/** The example or question with names and phases replaced by their slot placeholders. */
export function maskQuestion(question: string, mentions: readonly Mention[]): string {
  let text = question
  // Right to left, so earlier offsets stay valid.
  for (const m of [...mentions].sort((a, b) => b.start - a.start)) {
    const token = SLOT_TOKEN[m.kind] ?? ''
    text = `${text.slice(0, m.start)} ${token} ${text.slice(m.end)}`
  }
  // Examples are masked already ({team}); a question written that way reads the same.
  return maskExample(text).replace(PHASE, ` ${SLOT_TOKEN.phase} `)
}

function maskExample(example: string): string {
  return example.replace(PLACEHOLDER, (_, slot: string) => ` ${SLOT_TOKEN[slot]} `)
}

interface ExampleDoc {
  id: number
  frame: string
  text: string
}

const examples: ExampleDoc[] = FRAMES.flatMap((f) =>
  [...f.examples.ko, ...f.examples.en].map((text) => ({ frame: f.id, text: maskExample(text) })),
).map((d, id) => ({ ...d, id }))

const byId = new Map(FRAMES.map((f) => [f.id, f]))
/** Terms of every example, for coverage. */
const exampleTerms = new Map(examples.map((e) => [e.id, new Set(analyze(e.text))]))

const index = new MiniSearch<ExampleDoc>({
  fields: ['text'],
  storeFields: ['frame'],
  tokenize: (text) => analyze(normalizeQuestion(text)),
  processTerm: (term) => term,
})
index.addAll(examples)

/**
 * Words of the examples outside their slots: how people frame a question (특징, 정의, 요약, 어디서,
 * specialize, insiders). The unknown-word gate never refuses a question for one of these; a word no
 * example and no passage writes (매출, 주가, 연봉) still means the bot does not know.
 */
export const FRAME_WORDS: ReadonlySet<string> = (() => {
  const words = new Set<string>()
  for (const e of examples)
    for (const runs of splitWords(e.text))
      for (const run of runs) {
        if (run.startsWith('xx')) continue
        if (/^[\uAC00-\uD7A3]+$/u.test(run)) {
          words.add(run)
          words.add(stripKo(run, 1))
          words.add(stripKo(run, 2))
        } else words.add(run)
      }
  return words
})()

export interface FrameVote {
  frame: Frame
  /** Summed score of the frame's nearest examples. */
  score: number
  /** The nearest example of the frame (masked). */
  example: string
}

export interface Classification {
  /** Frames that fit the question's slots, best first. */
  votes: FrameVote[]
  /** 0–1: how much of the question the best example covers, times the best frame's share of the vote. */
  confidence: number
  best?: Frame
}

export interface Slots {
  /** Teams named in the question itself (models and people count as their team). */
  teams: number
}

function fits(frame: Frame, slots: Slots): boolean {
  switch (frame.teams ?? 'any') {
    case 'none':
      return slots.teams === 0
    case 'one':
      return slots.teams === 1
    case 'many':
      return slots.teams >= 2
    default:
      return true
  }
}

const NEAREST = 8

/** The frames nearest to the question: its masked words against the masked examples; nearest examples vote. */
export function classify(question: string, mentions: readonly Mention[], slots: Slots): Classification {
  const masked = maskQuestion(question, mentions)
  const queryTerms = new Set(analyze(normalizeQuestion(masked)))
  if (queryTerms.size === 0) return { votes: [], confidence: 0 }
  const hits = index
    .search(masked, { combineWith: 'OR' })
    .filter((h) => fits(byId.get(h.frame as string)!, slots))
    .slice(0, NEAREST)
  const votes = new Map<string, FrameVote & { n: number }>()
  for (const h of hits) {
    const id = h.frame as string
    const v = votes.get(id)
    // A frame's two nearest examples vote; more examples of one frame do not outvote a better match.
    if (!v) votes.set(id, { frame: byId.get(id)!, score: h.score, example: examples[h.id]!.text, n: 1 })
    else if (v.n < 2) {
      v.score += h.score / 2
      v.n++
    }
  }
  const ranked = [...votes.values()].sort((a, b) => b.score - a.score)
  const top = ranked[0]
  if (!top) return { votes: [], confidence: 0 }
  const topHit = hits.find((h) => h.frame === top.frame.id)!
  const covered = [...queryTerms].filter((t) => exampleTerms.get(topHit.id as number)!.has(t)).length
  const coverage = covered / queryTerms.size
  const total = ranked.reduce((s, v) => s + v.score, 0)
  const share = top.score / total
  return {
    votes: ranked.map(({ n: _n, ...v }) => v),
    confidence: Math.min(1, coverage * (0.5 + share / 2)),
    best: top.frame,
  }
}

/** Every example with its frame, for tests and the eval. */
export function frameExamples(): { frame: string; text: string }[] {
  return FRAMES.flatMap((f) => [...f.examples.ko, ...f.examples.en].map((text) => ({ frame: f.id, text })))
}
