import type { Answer, Message } from '../../src/core/index.js'

const LABELS = {
  ko: {
    sources: '출처',
    asOf: '기준일',
    conflict: '출처마다 내용이 다릅니다',
    noAnswer: '답하지 못함',
    more: (n: number) => `외 ${n}건 (전체를 보려면 sources 입력)`,
    didYouMean: '혹시 이런 질문이었나요? 번호를 입력하면 물어봅니다:',
  },
  en: {
    sources: 'Sources',
    asOf: 'As of',
    conflict: 'Sources disagree',
    noAnswer: 'not answered',
    more: (n: number) => `+${n} more (type sources to list them all)`,
    didYouMean: 'Did you mean…? Type a number to ask it:',
  },
} as const

export interface RenderOptions {
  /** ANSI colours (only when printing to a terminal). */
  color?: boolean
  /** Show at most this many sources, then "+N more (type sources …)"; by default all. */
  inlineSources?: number
  /** Number the answer's did-you-mean questions so typing a number asks one (the console). */
  didYouMean?: boolean
}

function paint(on: boolean | undefined, code: string, s: string): string {
  return on ? `\u001b[${code}m${s}\u001b[0m` : s
}

/** An answer (or any message) for a terminal: title, paragraphs, fields, numbered sources with dates, as-of. */
export function renderForTerminal(message: Message | Answer, options: RenderOptions = {}): string {
  const { blocks, lang } = message
  const l = LABELS[lang]
  const c = options.color
  const lines: string[] = []
  const unanswered = 'answered' in message && !message.answered
  if (blocks.title)
    lines.push(paint(c, '1', `▌ ${blocks.title}`) + (unanswered ? paint(c, '2', ` (${l.noAnswer})`) : ''))
  if (blocks.conflict) lines.push(paint(c, '33', `⚠ ${l.conflict}`))
  lines.push(...blocks.paragraphs)
  for (const f of blocks.fields) lines.push(`  ${paint(c, '36', `${f.label}:`)} ${f.items.join(', ')}`)
  if (blocks.sources.length > 0) {
    const shown = blocks.sources.slice(0, Math.max(1, options.inlineSources ?? blocks.sources.length))
    lines.push(paint(c, '2', `${l.sources}:`))
    lines.push(...sourceLines(shown, c))
    const rest = blocks.sources.length - shown.length
    if (rest > 0) lines.push(paint(c, '2', `  ${l.more(rest)}`))
  }
  if (blocks.asOf) lines.push(paint(c, '2', `${l.asOf}: ${blocks.asOf}`))
  const questions = options.didYouMean && 'didYouMean' in message ? message.didYouMean.slice(0, 3) : []
  if (questions.length > 0) {
    lines.push(paint(c, '36', l.didYouMean))
    lines.push(...questions.map((q, i) => `  ${i + 1}) ${q}`))
  }
  return lines.join('\n')
}

/** Every source of a message, numbered, for the console's `sources` command. */
export function renderSourceList(message: Message, options: RenderOptions = {}): string {
  const { sources } = message.blocks
  return [`${LABELS[message.lang].sources}:`, ...sourceLines(sources, options.color)].join('\n')
}

function sourceLines(sources: Message['blocks']['sources'], c: boolean | undefined): string[] {
  return sources.map((s, i) => {
    const meta = [s.publisher, s.date ?? '?'].join(', ')
    return paint(c, '2', `  [${i + 1}] ${s.title} (${meta})${s.url ? ` ${s.url}` : ''}`)
  })
}

/** The JSON shape `ask --json` and `--jsonl` print: the answer without the rich blocks duplicated. */
export function answerToJson(answer: Answer): Record<string, unknown> {
  return {
    question: answer.question,
    lang: answer.lang,
    intent: answer.intent,
    answered: answer.answered,
    confidence: answer.confidence,
    outcome: answer.outcome,
    didYouMean: answer.didYouMean,
    text: answer.text,
    sources: answer.sources.map((s) => ({
      id: s.id,
      title: s.title,
      publisher: s.publisher,
      url: s.url,
      date: s.date,
    })),
    asOf: answer.blocks.asOf,
    conflict: answer.blocks.conflict,
    fields: answer.blocks.fields,
    context: answer.context,
  }
}
