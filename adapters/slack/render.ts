import type { types } from '@slack/bolt'
import type { Answer, AnswerField, AnswerSource, Lang, Message } from '../../src/core/index.js'
import { escapeAndFit, mrkdwnLink, safePlainText, truncate } from './escape.js'

export type SlackBlock = types.KnownBlock

/** A Slack message body: the plain `text` fallback (notifications, screen readers) and Block Kit blocks. */
export interface SlackMessage {
  text: string
  blocks: SlackBlock[]
}

/** Block Kit limits we shorten to; Slack rejects the whole message with `invalid_blocks` beyond them. */
export const LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 2000,
  /** Slack truncates `text` at 40,000 characters; a fallback far shorter than that is plenty. */
  fallbackText: 4000,
  buttonValue: 2000,
  /** A button's visible text (`plain_text`). */
  buttonText: 75,
  /** Buttons (or other elements) in one `actions` block. */
  actionsElements: 25,
} as const

/** Sources shown under a chat answer; the rest are behind a "+N more" button (see actions.ts). */
export const INLINE_SOURCES = 3

export interface RenderOptions {
  /**
   * Show at most this many sources, then "+N more" (the caller adds the button that lists them all).
   * By default every source that fits is shown (notifications, shared copies without a button).
   */
  inlineSources?: number
}

const LABELS = {
  ko: {
    sources: '출처',
    asOf: '기준',
    conflict: '출처마다 내용이 다릅니다',
    more: '외',
    suggestions: '더 물어보기',
    cut: '(메시지가 길어 줄였습니다)',
    share: '채널에 공유',
  },
  en: {
    sources: 'Sources',
    asOf: 'As of',
    conflict: 'Sources disagree',
    more: 'more',
    suggestions: 'You could ask',
    cut: '(shortened: the message was too long)',
    share: 'Share in channel',
  },
} as const satisfies Record<Lang, Record<string, string>>

/**
 * Renders a core `Answer` (or any `Message`) as a Slack message: header, paragraphs, list fields,
 * sources with "as of", and follow-up suggestions; every piece of corpus or user text is escaped.
 */
export function renderAnswer(message: Answer | Message, options: RenderOptions = {}): SlackMessage {
  const labels = LABELS[message.lang]
  const { title, paragraphs, fields, sources, asOf, conflict } = message.blocks
  const head: SlackBlock[] = []
  if (title.trim()) {
    head.push({
      type: 'header',
      text: { type: 'plain_text', text: truncate(safePlainText(title), LIMITS.headerText) },
    })
  }
  const body: SlackBlock[] = [
    ...paragraphs.flatMap((p) => splitForSection(p).map(mrkdwnSection)),
    ...renderFields(fields),
  ]
  const tail: SlackBlock[] = []
  const facts = [
    conflict ? `:warning: ${labels.conflict}` : undefined,
    asOf ? asOfText(escapeAndFit(asOf, 40), message.lang) : undefined,
  ].filter((s): s is string => s !== undefined)
  const sourceElements = renderSources(sources, message.lang, options.inlineSources)
  if (sourceElements.length > 0 || facts.length > 0) {
    const elements = [...sourceElements, ...facts].slice(0, LIMITS.contextElements)
    tail.push({ type: 'context', elements: elements.map((text) => ({ type: 'mrkdwn', text })) })
  }
  const suggestions = 'suggestions' in message ? message.suggestions : []
  if (suggestions.length > 0) {
    const text = `${labels.suggestions}: ${suggestions.map((s) => `“${escapeAndFit(s, 200)}”`).join(' · ')}`
    tail.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, LIMITS.contextText) }] })
  }
  return { text: fallbackText(message), blocks: fitBlocks(head, body, tail, labels.cut) }
}

/** A short notice (confirmation, apology, usage) as a single section with the same text as fallback. */
export function renderNotice(text: string): SlackMessage {
  return {
    text: escapeAndFit(text, LIMITS.fallbackText),
    blocks: splitForSection(text).map(mrkdwnSection).slice(0, LIMITS.blocks),
  }
}

/** Action id of the "Share in channel" button under ephemeral answers. */
export const SHARE_ACTION_ID = 'kai_share'

/** Adds the "Share in channel" button; `value` (≤2000 chars) tells the handler how to rebuild the answer. */
export function withShareButton(message: SlackMessage, lang: Lang, value: string): SlackMessage {
  const actions: SlackBlock = { type: 'actions', elements: [shareButton(lang, value)] }
  const blocks = message.blocks.slice(0, LIMITS.blocks - 1)
  return { text: message.text, blocks: [...blocks, actions] }
}

/** The "Share in channel" button element. */
export function shareButton(lang: Lang, value: string): types.Button {
  return {
    type: 'button',
    action_id: SHARE_ACTION_ID,
    text: { type: 'plain_text', text: LABELS[lang].share },
    value: value.slice(0, LIMITS.buttonValue),
  }
}

/** "2026-01-15 기준" reads naturally in Korean; English puts the label first. */
function asOfText(date: string, lang: Lang): string {
  return lang === 'ko' ? `${date} ${LABELS.ko.asOf}` : `${LABELS.en.asOf} ${date}`
}

function fallbackText(message: Message): string {
  const text = message.text.trim() || message.blocks.title
  return escapeAndFit(text, LIMITS.fallbackText)
}

function mrkdwnSection(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } }
}

/** Escapes a paragraph and splits it into pieces that each fit a section, preferring line breaks. */
function splitForSection(paragraph: string): string[] {
  const escaped = paragraph.trim()
  if (!escaped) return []
  const max = LIMITS.sectionText
  const pieces: string[] = []
  let current = ''
  for (const line of escaped.split('\n')) {
    const safe = escapeAndFit(line, max)
    const next = current ? `${current}\n${safe}` : safe
    if (Array.from(next).length <= max) {
      current = next
    } else {
      if (current) pieces.push(current)
      current = safe
    }
  }
  if (current) pieces.push(current)
  return pieces
}

function renderFields(fields: AnswerField[]): SlackBlock[] {
  const texts = fields
    .filter((f) => f.label.trim() || f.items.length > 0)
    .map((f) => {
      const label = `*${escapeAndFit(f.label, 100)}*`
      const items = f.items.map((item) => `• ${escapeAndFit(item, 300)}`).join('\n')
      return truncate(items ? `${label}\n${items}` : label, LIMITS.fieldText)
    })
  const sections: SlackBlock[] = []
  for (let i = 0; i < texts.length; i += LIMITS.fieldsPerSection) {
    const chunk = texts.slice(i, i + LIMITS.fieldsPerSection)
    sections.push({ type: 'section', fields: chunk.map((text) => ({ type: 'mrkdwn', text })) })
  }
  return sections
}

/** One context element per source (`<url|title> · publisher · date`), the last one counting any overflow. */
function renderSources(sources: AnswerSource[], lang: Lang, inline?: number): string[] {
  if (sources.length === 0) return []
  const labels = LABELS[lang]
  // Leave room in the context block for the "as of" / conflict elements.
  const room = LIMITS.contextElements - 3
  const max = inline === undefined ? room - 1 : Math.min(room - 1, Math.max(1, inline))
  const shown = inline === undefined && sources.length <= room ? sources : sources.slice(0, max)
  const elements = shown.map((s, i) => {
    const parts = [mrkdwnLink(s.url, truncate(s.title, 200)), escapeAndFit(s.publisher, 100)]
    if (s.date) parts.push(escapeAndFit(s.date, 20))
    const prefix = i === 0 ? `${labels.sources}: ` : ''
    return truncate(`${prefix}${parts.join(' · ')}`, LIMITS.contextText)
  })
  if (shown.length < sources.length) {
    const rest = sources.length - shown.length
    elements.push(lang === 'ko' ? `${labels.more} ${rest}건` : `+${rest} ${labels.more}`)
  }
  return elements
}

/** Keeps the header and the closing context blocks, shortening the body to stay within 50 blocks. */
function fitBlocks(
  head: SlackBlock[],
  body: SlackBlock[],
  tail: SlackBlock[],
  cutNotice: string,
): SlackBlock[] {
  const total = head.length + body.length + tail.length
  if (total <= LIMITS.blocks) return [...head, ...body, ...tail]
  const room = LIMITS.blocks - head.length - tail.length - 1
  return [...head, ...body.slice(0, room), mrkdwnSection(`_${cutNotice}_`), ...tail]
}
