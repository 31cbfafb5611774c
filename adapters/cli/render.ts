import type { Answer, Message } from '../../src/core/index.js'

const LABELS = {
  ko: { sources: '출처', asOf: '기준일', conflict: '출처마다 내용이 다릅니다', noAnswer: '답하지 못함' },
  en: { sources: 'Sources', asOf: 'As of', conflict: 'Sources disagree', noAnswer: 'not answered' },
} as const

export interface RenderOptions {
  /** ANSI colours (only when printing to a terminal). */
  color?: boolean
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
    lines.push(paint(c, '2', `${l.sources}:`))
    blocks.sources.forEach((s, i) => {
      const meta = [s.publisher, s.date ?? '?'].join(', ')
      lines.push(paint(c, '2', `  [${i + 1}] ${s.title} (${meta})${s.url ? ` ${s.url}` : ''}`))
    })
  }
  if (blocks.asOf) lines.push(paint(c, '2', `${l.asOf}: ${blocks.asOf}`))
  return lines.join('\n')
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
