import type { APIEmbed, APIEmbedField } from 'discord.js'
import type { Answer, AnswerSource, Lang, Message } from '../../src/core/index.js'

/** Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const EMBED_LIMITS = {
  total: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
} as const

const COLORS = { answered: 0x3b82f6, unanswered: 0x9ca3af, conflict: 0xf59e0b } as const

const LABELS = {
  ko: {
    sources: '출처',
    asOf: '기준',
    conflict: '출처마다 내용이 다릅니다',
    undated: '날짜 미상',
    more: '외',
  },
  en: {
    sources: 'Sources',
    asOf: 'As of',
    conflict: 'Sources disagree',
    undated: 'undated',
    more: 'more',
  },
} satisfies Record<Lang, Record<string, string>>

const ELLIPSIS = '…'

/** Sources shown in a chat answer; the rest are behind a "+N more" button (components.ts). */
export const INLINE_SOURCES = 3

export interface RenderOptions {
  /** Show at most this many sources, then "… (+N more)"; by default all (notifications). */
  inlineSources?: number
}

/**
 * Turns an answer or any bot message into one Discord embed that always fits Discord's limits:
 * long parts are shortened (never rejected), lists lose whole lines first and say how many were left out.
 */
export function renderEmbed(message: Answer | Message, options: RenderOptions = {}): APIEmbed {
  const labels = LABELS[message.lang]
  const { blocks } = message
  const answered = 'answered' in message ? message.answered : true

  const fields: APIEmbedField[] = blocks.fields
    .filter((f) => f.items.length > 0)
    .map((f) => ({ name: f.label, value: f.items.join('\n'), inline: false }))
  if (blocks.sources.length > 0) {
    const max = options.inlineSources ?? blocks.sources.length
    const shown = blocks.sources.slice(0, Math.max(1, max))
    const rest = blocks.sources.length - shown.length
    const lines = shown.map((s) => sourceLine(s, labels))
    if (rest > 0) lines.push(message.lang === 'ko' ? `외 ${rest}건` : `+${rest} ${labels.more}`)
    fields.push({ name: labels.sources, value: lines.join('\n') })
  }

  const footerParts = [
    blocks.asOf ? asOfText(blocks.asOf, message.lang) : undefined,
    blocks.conflict ? `⚠ ${labels.conflict}` : undefined,
  ].filter(Boolean)

  const embed: APIEmbed = {
    title: blocks.title || undefined,
    description: blocks.paragraphs.join('\n\n') || (blocks.title ? undefined : message.text) || undefined,
    color: blocks.conflict ? COLORS.conflict : answered ? COLORS.answered : COLORS.unanswered,
    fields,
    footer: footerParts.length > 0 ? { text: footerParts.join(' · ') } : undefined,
  }
  return fitEmbed(embed, labels.more)
}

/** "2026-01-15 기준" reads naturally in Korean; English puts the label first. */
function asOfText(date: string, lang: Lang): string {
  return lang === 'ko' ? `${date} ${LABELS.ko.asOf}` : `${LABELS.en.asOf} ${date}`
}

/** One markdown line per source (linked title — publisher (date)), escaped like the embed's own. */
export function sourceLines(sources: AnswerSource[], lang: Lang): string[] {
  return sources.map((s) => sourceLine(s, LABELS[lang]))
}

function sourceLine(source: AnswerSource, labels: (typeof LABELS)[Lang]): string {
  const name = `${source.title} — ${source.publisher}`
  const date = source.date ?? labels.undated
  // A URL-less source still deserves to be named; only real URLs become links.
  const linked =
    source.url && /^https?:\/\//.test(source.url)
      ? `[${escapeLinkText(name)}](${escapeLinkUrl(source.url)})`
      : escapeMarkdown(name)
  return `• ${linked} (${date})`
}

function escapeLinkText(text: string): string {
  return escapeMarkdown(text).replace(/[[\]]/g, (c) => `\\${c}`)
}

function escapeLinkUrl(url: string): string {
  // A ")" would end the markdown link early; percent-encode it and spaces.
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20')
}

function escapeMarkdown(text: string): string {
  return text.replace(/([*_~`|\\])/g, '\\$1')
}

/** Cuts text to `max` characters, preferring a word boundary, ending with an ellipsis. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text
  if (max <= 1) return ELLIPSIS.slice(0, max)
  const cut = text.slice(0, max - 1)
  const space = cut.search(/\s\S*$/)
  const body = space > max * 0.6 ? cut.slice(0, space) : cut
  return `${body.trimEnd()}${ELLIPSIS}`
}

/** Keeps whole lines that fit in `max` and appends "(+N more)" for the rest; cuts the first line if it alone is too long. */
export function clipLines(text: string, max: number, moreLabel: string): string {
  if (text.length <= max) return text
  const lines = text.split('\n')
  const kept: string[] = []
  let used = 0
  for (const [i, line] of lines.entries()) {
    const left = lines.length - i - 1
    const tail = left > 0 ? `\n${ELLIPSIS} (+${left} ${moreLabel})` : ''
    const cost = (kept.length > 0 ? 1 : 0) + line.length
    if (used + cost + tail.length > max) break
    kept.push(line)
    used += cost
  }
  if (kept.length === 0) return clipText(lines[0] ?? '', max)
  const left = lines.length - kept.length
  const tail = left > 0 ? `\n${ELLIPSIS} (+${left} ${moreLabel})` : ''
  return `${kept.join('\n')}${tail}`
}

/** Total characters Discord counts towards the 6000 limit. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  )
}

function fitEmbed(embed: APIEmbed, moreLabel: string): APIEmbed {
  const L = EMBED_LIMITS
  const fields = (embed.fields ?? []).filter((f) => f.value.length > 0)
  // Sources go last but are the part people need to check an answer: keep them when dropping fields.
  const kept =
    fields.length > L.fields ? [...fields.slice(0, L.fields - 1), fields[fields.length - 1]!] : fields
  const out: APIEmbed = {
    ...embed,
    title: embed.title === undefined ? undefined : clipText(embed.title, L.title),
    description: embed.description === undefined ? undefined : clipText(embed.description, L.description),
    footer: embed.footer && { text: clipText(embed.footer.text, L.footer) },
    fields: kept.map((f) => ({
      ...f,
      name: clipText(f.name, L.fieldName) || '-',
      value: clipLines(f.value, L.fieldValue, moreLabel),
    })),
  }

  // Over the total: shorten the longest part first, so short parts (a title, a 진출 list) stay whole.
  for (let excess = embedLength(out) - L.total; excess > 0; excess = embedLength(out) - L.total) {
    const parts: { length: number; shorten: (to: number) => void }[] = []
    if (out.description) {
      const d = out.description
      parts.push({ length: d.length, shorten: (to) => (out.description = clipText(d, to)) })
    }
    for (const field of out.fields ?? []) {
      const v = field.value
      parts.push({ length: v.length, shorten: (to) => (field.value = clipLines(v, to, moreLabel)) })
    }
    const longest = parts.sort((a, b) => b.length - a.length)[0]
    if (!longest || longest.length <= 1) {
      // Only names and the title are left to cut; drop fields from the end.
      out.fields = (out.fields ?? []).slice(0, -1)
      continue
    }
    longest.shorten(Math.max(1, longest.length - excess))
  }
  if (out.fields?.length === 0) delete out.fields
  return out
}
