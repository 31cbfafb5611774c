import type { Lang } from '../corpus/schema.js'

export type { Lang }

/** What the router decided the question is about. */
export type Intent =
  | 'results'
  | 'team'
  | 'why'
  | 'people'
  | 'glossary'
  | 'program'
  | 'timeline'
  /** "다음 평가 언제야", "what's next": the first event after today (compose/now.ts). */
  | 'next'
  /** "지금 몇 차야", "where are we now": the stage as of today. */
  | 'stage'
  /** "최신 소식", "what's new": the newest events and facts, newest first. */
  | 'latest'
  | 'changes'
  | 'subscriptions'
  | 'help'
  | 'search'
  | 'false-premise'
  | 'out-of-scope'
  | 'unknown'
  | 'invalid'

/** A source as shown to people under an answer. */
export interface AnswerSource {
  id: string
  title: string
  publisher: string
  /** The page address, or null when the corpus knows none (shown without a link). */
  url: string | null
  /** YYYY-MM-DD, YYYY-MM, YYYY or null when unknown. */
  date: string | null
}

/** A labelled list, e.g. 진출: [LG AI연구원, SK텔레콤, 업스테이지]. */
export interface AnswerField {
  label: string
  items: string[]
}

/** Platform-neutral structure that the Slack, Discord and console renderers turn into their own format. */
export interface MessageBlocks {
  title: string
  paragraphs: string[]
  fields: AnswerField[]
  sources: AnswerSource[]
  /** Date of the newest fact used (YYYY-MM-DD or coarser), null when nothing dated was used. */
  asOf: string | null
  /** True when the sources disagree and the paragraphs show each side. */
  conflict: boolean
}

/** Anything the bot posts: a plain-text rendering plus the structure for rich rendering. */
export interface Message {
  lang: Lang
  /** Plain text, complete on its own (used as Slack's `text` fallback and by the console). */
  text: string
  blocks: MessageBlocks
}

/** What a follow-up question can refer back to ("그 팀 모델은?"). */
export interface ConversationContext {
  teamId?: string
  intent?: Intent
  phase?: number
}

/** The core's reply to one question. */
export interface Answer extends Message {
  question: string
  intent: Intent
  /** false when the corpus does not support an answer; `text` then says so and what the bot can answer. */
  answered: boolean
  /** Same as `blocks.sources`, at the top level for JSON consumers. */
  sources: AnswerSource[]
  context: ConversationContext
  /** Follow-up questions the person might ask next. */
  suggestions: string[]
  /** How sure the core is that `text` answers the question, 0–1 (the router's and the composer's evidence). */
  confidence: number
  /**
   * What the confidence decided: `answer` outright, `suggest` (answer, but offer `didYouMean`), or `abstain`
   * (say it does not know; `didYouMean` may still offer nearby questions it can answer).
   */
  outcome: AnswerOutcome
  /** Up to three questions the bot answers well that are near this one ("did you mean …?"); adapters offer them as buttons. */
  didYouMean: string[]
}

export type AnswerOutcome = 'answer' | 'suggest' | 'abstain'

export interface AskOptions {
  /** Force the reply language; by default it follows the question's language. */
  lang?: Lang
  /** Language to use when the question has no letters to tell (e.g. "2차?"); e.g. the user's Discord locale. */
  fallbackLang?: Lang
  context?: ConversationContext
}

/** An autocomplete choice: `name` is shown, `value` is submitted. */
export interface Choice {
  name: string
  value: string
}

/** The question-answering core as adapters see it. Every method is synchronous and never throws for bad input. */
export interface KaiCore {
  ask(question: string, options?: AskOptions): Answer
  /** Latest results, or those of one phase (0: selection, 1: first-stage evaluation, …). */
  results(phase: number | undefined, lang: Lang): Answer
  /** A team's profile by id, name or alias; an answer with `answered: false` when no team matches. */
  team(name: string, lang: Lang): Answer
  help(lang: Lang): Answer
  /** Team names and aliases that match a prefix, for autocomplete (value is the team id). */
  suggestTeams(prefix: string, lang: Lang, limit?: number): Choice[]
  /** Suggested questions drawn from the corpus, for autocomplete of `ask`. */
  suggestQuestions(prefix: string, lang: Lang, limit?: number): Choice[]
  /** Resolves a team id, name or alias to the team id, or undefined. */
  resolveTeam(name: string): string | undefined
  teamName(teamId: string, lang: Lang): string
  detectLang(text: string, fallback?: Lang): Lang
}
