/**
 * The buttons under kai-bot's Discord answers and what pressing them does: "Did you mean …?" (asks that
 * question and replies with the answer, ephemeral when the original was) and "+N more sources" (an
 * ephemeral list of every source).
 *
 * A did-you-mean button's label is its question; a question of up to 80 characters is read back from the
 * pressed message's own components (no server state, works after a restart). Longer questions and the
 * source lists wait in a bounded in-memory map; a press after the bot forgot them (restart, or more than
 * `STORE_CAPACITY` newer answers) gets a clear "expired, ask again".
 *
 * Adding a button (e.g. feedback): a `kind` in `CUSTOM_ID`, its parse in `parseCustomId`, its handler in
 * `BUTTON_HANDLERS`, and its button in `answerComponents`.
 * @module
 */
import { randomBytes } from 'node:crypto'
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInActionRow,
  type ButtonInteraction,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from 'discord.js'
import { z } from 'zod'
import type { Answer, AnswerSource, KaiCore, Lang, Message } from '../../src/core/index.js'
import { clipText, INLINE_SOURCES, sourceLines } from './render.js'
import { langOfLocale, notice } from './texts.js'

/** Discord's limits for buttons (https://discord.com/developers/docs/components/reference#button). */
export const COMPONENT_LIMITS = { label: 80, customId: 100, buttonsPerRow: 5, rows: 5 } as const

/** Every custom id kai-bot puts on a button starts with this. */
export const CUSTOM_ID_PREFIX = 'kai:'

/** How many long questions / source lists are remembered for their buttons. */
export const STORE_CAPACITY = 2000

/**
 * The custom ids: `kai:dym:<n>` (the label is the whole question), `kai:dym:<n>:<key>` (the question was
 * longer than a label; the store has it), `kai:src:<key>` (the store has the source list).
 */
export const CUSTOM_ID = {
  didYouMean: (index: number, key?: string) => `kai:dym:${index}${key ? `:${key}` : ''}`,
  moreSources: (key: string) => `kai:src:${key}`,
} as const

const Key = z.string().regex(/^[a-z0-9]{6,24}$/)
const Index = z.coerce.number().int().min(0).max(24)

/** A parsed custom id; undefined for anything that is not one of ours (old, foreign or forged). */
export type ParsedCustomId =
  | { kind: 'dym'; index: number; key: string | undefined }
  | { kind: 'src'; key: string }

const ParsedCustomId = z.union([
  z
    .tuple([z.literal('kai'), z.literal('dym'), Index])
    .transform(([, , index]) => ({ kind: 'dym' as const, index, key: undefined })),
  z
    .tuple([z.literal('kai'), z.literal('dym'), Index, Key])
    .transform(([, , index, key]) => ({ kind: 'dym' as const, index, key })),
  z
    .tuple([z.literal('kai'), z.literal('src'), Key])
    .transform(([, , key]) => ({ kind: 'src' as const, key })),
])

export function parseCustomId(customId: string): ParsedCustomId | undefined {
  if (customId.length > COMPONENT_LIMITS.customId) return undefined
  const parsed = ParsedCustomId.safeParse(customId.split(':'))
  return parsed.success ? parsed.data : undefined
}

type Stored =
  | { kind: 'question'; question: string }
  | { kind: 'sources'; sources: AnswerSource[]; lang: Lang }

/** A Map that forgets its oldest entries beyond `capacity`. */
export class ButtonStore {
  private readonly entries = new Map<string, Stored>()
  constructor(private readonly capacity = STORE_CAPACITY) {}

  put(value: Stored): string {
    const key = randomBytes(8).toString('hex')
    this.entries.set(key, value)
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next()
      if (oldest.done) break
      this.entries.delete(oldest.value)
    }
    return key
  }

  get(key: string): Stored | undefined {
    return this.entries.get(key)
  }

  get size(): number {
    return this.entries.size
  }
}

type Row = APIActionRowComponent<APIComponentInActionRow>

function button(customId: string, label: string): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: customId,
    label: clipText(label, COMPONENT_LIMITS.label),
  }
}

const LABELS = {
  ko: { moreSources: (n: number) => `출처 ${n}건 더 보기` },
  en: { moreSources: (n: number) => `Show ${n} more ${n === 1 ? 'source' : 'sources'}` },
} as const

/**
 * The rows of buttons under an answer: one row of up to three did-you-mean questions, then one with
 * "+N more sources" when more than three sources exist. Long questions and source lists go into `store`.
 */
export function answerComponents(answer: Answer | Message, store: ButtonStore): Row[] {
  const rows: Row[] = []
  const questions = ('didYouMean' in answer ? answer.didYouMean : [])
    .map((q) => q.trim())
    .filter(Boolean)
    .slice(0, 3)
  if (questions.length > 0) {
    rows.push({
      type: ComponentType.ActionRow,
      components: questions.map((q, i) =>
        button(
          CUSTOM_ID.didYouMean(
            i,
            q.length > COMPONENT_LIMITS.label ? store.put({ kind: 'question', question: q }) : undefined,
          ),
          q,
        ),
      ),
    })
  }
  const sources = answer.blocks.sources
  const hidden = sources.length - INLINE_SOURCES
  if (hidden > 0) {
    const key = store.put({ kind: 'sources', sources, lang: answer.lang })
    rows.push({
      type: ComponentType.ActionRow,
      components: [button(CUSTOM_ID.moreSources(key), LABELS[answer.lang].moreSources(hidden))],
    })
  }
  return rows.slice(0, COMPONENT_LIMITS.rows)
}

/** The full list of sources as a notice (markdown links escaped like the embed's own source lines). */
export function sourceListMessage(sources: AnswerSource[], lang: Lang): Message {
  const title = lang === 'ko' ? `출처 ${sources.length}건 전체` : `All ${sources.length} sources`
  // The description holds 4096 characters, a field only 1024: the list goes in the description.
  return notice(lang, title, [sourceLines(sources, lang).join('\n')])
}

const TEXT = {
  ko: {
    expiredTitle: '만료된 버튼입니다',
    expired:
      '이 버튼의 내용을 더 이상 기억하지 못합니다. 아무것도 바뀌지 않았습니다. `/kai ask`로 다시 물어봐 주세요.',
    unknownTitle: '알 수 없는 버튼입니다',
    unknown: '이 버튼은 알아볼 수 없습니다. 아무것도 바뀌지 않았습니다. `/kai ask`로 물어봐 주세요.',
  },
  en: {
    expiredTitle: 'This button has expired',
    expired:
      'I no longer remember what this button held. Nothing was changed. Please ask again with `/kai ask`.',
    unknownTitle: 'Unknown button',
    unknown: 'I do not recognise this button. Nothing was changed. Please ask with `/kai ask`.',
  },
} as const

/** What a press produces: the message to reply with and whether only the presser sees it. */
export interface ButtonReply {
  message: Message | Answer
  ephemeral: boolean
  /** The answer's own buttons go under it (a did-you-mean answer may offer more). */
  withComponents: boolean
  /** The question a did-you-mean press asked, shown above the answer so the channel sees what was asked. */
  asked?: string
}

export interface ButtonDeps {
  core: KaiCore
  store: ButtonStore
}

/** The question behind a did-you-mean button: the pressed button's label, or the store for a long one. */
function questionOf(interaction: ButtonInteraction, parsed: { key: string | undefined }, store: ButtonStore) {
  if (parsed.key) {
    const stored = store.get(parsed.key)
    return stored?.kind === 'question' ? stored.question : undefined
  }
  for (const row of interaction.message.components) {
    if (!('components' in row)) continue
    for (const component of row.components) {
      if (
        component.type === ComponentType.Button &&
        'customId' in component &&
        component.customId === interaction.customId
      ) {
        return component.label ?? undefined
      }
    }
  }
  return undefined
}

/**
 * Decides the reply to a button press; never throws for a bad or stale button (those get an ephemeral
 * explanation and change nothing).
 */
export function replyToButton(interaction: ButtonInteraction, deps: ButtonDeps): ButtonReply {
  const localeLang = langOfLocale(interaction.locale)
  const t = TEXT[localeLang]
  const parsed = parseCustomId(interaction.customId)
  const originalEphemeral = interaction.message.flags.has(MessageFlags.Ephemeral)
  const refuse = (title: string, text: string): ButtonReply => ({
    message: notice(localeLang, title, [text]),
    ephemeral: true,
    withComponents: false,
  })
  if (!parsed) return refuse(t.unknownTitle, t.unknown)
  if (parsed.kind === 'dym') {
    const question = questionOf(interaction, parsed, deps.store)?.trim()
    if (!question) return refuse(t.expiredTitle, t.expired)
    const answer = deps.core.ask(question, { fallbackLang: localeLang })
    return { message: answer, ephemeral: originalEphemeral, withComponents: true, asked: question }
  }
  const stored = deps.store.get(parsed.key)
  if (stored?.kind !== 'sources') return refuse(t.expiredTitle, t.expired)
  return { message: sourceListMessage(stored.sources, stored.lang), ephemeral: true, withComponents: false }
}
