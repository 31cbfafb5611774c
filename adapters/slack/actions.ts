/**
 * The buttons under kai-bot's Slack answers and what pressing them does: "Did you mean …?" (asks that
 * question and answers in the same thread, or ephemerally under a `/kai` reply) and "+N more sources"
 * (shows the presser every source). Every button is stateless: its `value` carries what the handler needs,
 * so a button still works after a restart.
 *
 * Adding a button (e.g. feedback): add its action id to `ACTION_IDS`, an `AnswerAction` to `ANSWER_ACTIONS`,
 * and its element to `answerActionBlocks`. Action ids starting with `kai_` that no entry claims get a polite
 * "this button no longer works" instead of Slack's generic error.
 * @module
 */
import { randomUUID } from 'node:crypto'
import type { App, RespondArguments, RespondFn, types, webApi } from '@slack/bolt'
import type { Logger } from 'pino'
import { z } from 'zod'
import type {
  Answer,
  AnswerSource,
  ConversationContext,
  KaiCore,
  Lang,
  Message,
  NotificationService,
} from '../../src/core/index.js'
import type { BoundedMap } from './bounded.js'
import { parseShareValue, type ShareValue } from './commands.js'
import { escapeAndFit, mrkdwnLink, safePlainText, truncate } from './escape.js'
import type { Conversation } from './events.js'
import { TEXT } from './messages.js'
import {
  INLINE_SOURCES,
  LIMITS,
  renderAnswer,
  renderNotice,
  SHARE_ACTION_ID,
  type SlackBlock,
  type SlackMessage,
  shareButton,
} from './render.js'
import { questionLang } from './reply-lang.js'
import { classifySlackError } from './slack-errors.js'
import type { UserLang } from './user-lang.js'

/** Every action id kai-bot puts on a button. Slack wants them unique within a block, hence one per suggestion. */
export const ACTION_IDS = {
  share: SHARE_ACTION_ID,
  /** `kai_dym_0` … `kai_dym_2`: one per "did you mean" question; the value is the question. */
  didYouMean: (index: number) => `kai_dym_${index}`,
  didYouMeanPattern: /^kai_dym_\d{1,2}$/,
  /** "+N more sources"; the value is a `ShareValue` recipe that rebuilds the answer. */
  moreSources: 'kai_sources',
} as const

/** Block ids, so a later handler (or test) can find our blocks in a message. */
export const BLOCK_IDS = { didYouMean: 'kai_dym', tools: 'kai_tools' } as const

/** Slack's limit for a button's `value`, and the longest question a did-you-mean button can carry. */
const MAX_VALUE = LIMITS.buttonValue

export interface AnswerActionOptions {
  /** How to rebuild this answer (for "+N more sources"); without it every source is shown inline. */
  recipe?: ShareValue
  /** Add "Share in channel" (ephemeral `/kai` replies). */
  share?: boolean
}

/** The recipe as a button value, or undefined when it does not fit Slack's 2000 characters. */
function recipeValue(recipe: ShareValue | undefined): string | undefined {
  if (!recipe) return undefined
  const value = JSON.stringify(recipe)
  return Array.from(value).length <= MAX_VALUE ? value : undefined
}

function button(actionId: string, text: string, value: string): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(safePlainText(text), LIMITS.buttonText) },
    value,
  }
}

/**
 * The blocks that go under an answer: "Did you mean …?" with one button per question (at most three, each
 * question whole in its value, its text cut to 75 characters), then a row with "+N more sources" (when more
 * than three sources and a recipe) and "Share in channel" (when asked).
 */
export function answerActionBlocks(
  answer: Answer | Message,
  options: AnswerActionOptions = {},
): SlackBlock[] {
  const t = TEXT[answer.lang]
  const blocks: SlackBlock[] = []
  const questions = ('didYouMean' in answer ? answer.didYouMean : [])
    .map((q) => q.trim())
    .filter((q) => q && Array.from(q).length <= MAX_VALUE)
    .slice(0, 3)
  if (questions.length > 0) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t.didYouMean }] })
    blocks.push({
      type: 'actions',
      block_id: BLOCK_IDS.didYouMean,
      elements: questions.map((q, i) => button(ACTION_IDS.didYouMean(i), q, q)),
    })
  }
  const tools: types.Button[] = []
  const value = recipeValue(options.recipe)
  const hidden = answer.blocks.sources.length - INLINE_SOURCES
  if (value && hidden > 0) tools.push(button(ACTION_IDS.moreSources, t.moreSources(hidden), value))
  if (options.share && value) tools.push(shareButton(answer.lang, value))
  if (tools.length > 0) blocks.push({ type: 'actions', block_id: BLOCK_IDS.tools, elements: tools })
  return blocks
}

/**
 * An answer for a chat message: the answer first, at most three sources inline (when the "+N more" button
 * can list the rest), then the buttons. Stays within Slack's 50 blocks.
 */
export function renderChatAnswer(answer: Answer | Message, options: AnswerActionOptions = {}): SlackMessage {
  const canListRest = recipeValue(options.recipe) !== undefined
  const rendered = renderAnswer(answer, canListRest ? { inlineSources: INLINE_SOURCES } : {})
  const extra = answerActionBlocks(answer, options)
  return {
    text: rendered.text,
    blocks: [...fitWithin(rendered.blocks, LIMITS.blocks - extra.length), ...extra],
  }
}

/** Drops body blocks (keeping the first and the last two: header, sources, suggestions) to fit `room`. */
function fitWithin(blocks: SlackBlock[], room: number): SlackBlock[] {
  if (blocks.length <= room) return blocks
  return [...blocks.slice(0, room - 2), ...blocks.slice(-2)]
}

/** Every source of an answer, for the ephemeral reply to "+N more sources". */
export function renderSourceList(sources: AnswerSource[], lang: Lang): SlackMessage {
  const t = TEXT[lang]
  const lines = sources.map((s) => {
    const parts = [mrkdwnLink(s.url, truncate(s.title, 200)), escapeAndFit(s.publisher, 100)]
    if (s.date) parts.push(escapeAndFit(s.date, 20))
    return `• ${parts.join(' · ')}`
  })
  const sections: string[] = []
  let current = ''
  for (const line of lines) {
    const next = current ? `${current}\n${line}` : line
    if (Array.from(next).length > LIMITS.sectionText && current) {
      sections.push(current)
      current = line
    } else current = next
  }
  if (current) sections.push(current)
  const title = t.allSources(sources.length)
  return {
    text: truncate(`${title}\n${lines.join('\n')}`, LIMITS.fallbackText),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } } satisfies SlackBlock,
      ...sections.map((text): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } })),
    ].slice(0, LIMITS.blocks),
  }
}

/** Rebuilds the answer a recipe names (share, "+N more sources"). */
export async function rebuildAnswer(
  value: ShareValue,
  deps: { core: KaiCore; notifications: Pick<NotificationService, 'changes'> },
): Promise<Message> {
  switch (value.k) {
    case 'ask':
      return deps.core.ask(value.q, {
        lang: value.l,
        ...(value.c && { context: value.c as ConversationContext }),
      })
    case 'results':
      return deps.core.results(value.p ?? undefined, value.l)
    case 'team':
      return deps.core.team(value.t, value.l)
    case 'changes':
      return deps.notifications.changes(value.s ?? undefined, value.l)
    case 'help':
      return deps.core.help(value.l)
  }
}

/** The recipe for an answer to `question` asked with `context` (omitted when empty, to keep values short). */
export function askRecipe(
  question: string,
  lang: Lang,
  context: ConversationContext | undefined,
): ShareValue {
  const c = context && Object.keys(context).length > 0 ? context : undefined
  return { k: 'ask', q: question.slice(0, 1800), l: lang, ...(c && { c }) }
}

// ------------------------------------------------------------------ pressing

/** The parts of a `block_actions` payload the handlers use; anything else Slack sends is ignored. */
export const BlockActionBody = z.looseObject({
  type: z.literal('block_actions'),
  user: z.looseObject({ id: z.string().min(1) }),
  channel: z.looseObject({ id: z.string().min(1) }).optional(),
  container: z
    .looseObject({
      type: z.string(),
      message_ts: z.string().optional(),
      channel_id: z.string().optional(),
      thread_ts: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
  message: z.looseObject({ ts: z.string().optional(), thread_ts: z.string().optional() }).optional(),
  response_url: z.string().optional(),
  trigger_id: z.string().optional(),
  actions: z
    .array(z.looseObject({ action_id: z.string(), value: z.string().max(MAX_VALUE).optional() }))
    .min(1),
})
export type BlockActionBody = z.infer<typeof BlockActionBody>

export interface ActionDeps {
  core: KaiCore
  notifications: Pick<NotificationService, 'changes'>
  log: Logger
  /** The same map the event handlers keep: a did-you-mean answer in a thread is part of its conversation. */
  conversations: BoundedMap<string, Conversation>
  userLang: UserLang
  track<T>(work: Promise<T>): Promise<T>
}

/** One press, parsed, with where its replies go. */
export interface ActionPress {
  body: BlockActionBody
  actionId: string
  value: string | undefined
  user: string
  /** The channel of the message holding the button. */
  channel: string | undefined
  /** True when the button is on an ephemeral message (a `/kai` reply): replies go through `respond`. */
  ephemeral: boolean
  /** The thread the button's message is in, or would start (a top-level channel message); undefined in a DM. */
  threadTs: string | undefined
  requestId: string
  log: Logger
  respond: RespondFn
  client: webApi.WebClient
  /** Tells only the presser, in the button's scope. */
  tell(message: SlackMessage): Promise<void>
  /** Replies to the presser through response_url (chat.postEphemeral if it expired): ephemeral `/kai` replies. */
  privately(message: SlackMessage): Promise<void>
}

/** A button kind: the action ids it claims and what a press does. */
export interface AnswerAction {
  id: string | RegExp
  handle(press: ActionPress, deps: ActionDeps): Promise<void>
}

const didYouMeanAction: AnswerAction = {
  id: ACTION_IDS.didYouMeanPattern,
  async handle(press, deps) {
    const question = press.value?.trim()
    if (!question) {
      await press.tell(renderNotice(TEXT[await deps.userLang(press.user)].badButton))
      return
    }
    const key =
      press.channel && !press.ephemeral ? conversationKeyOf(press.channel, press.threadTs) : undefined
    const conversation = key ? deps.conversations.get(key) : undefined
    const detect = (text: string, fallback?: Lang) => deps.core.detectLang(text, fallback)
    const lang = questionLang(question, detect, conversation?.lang) ?? (await deps.userLang(press.user))
    const answer = deps.core.ask(question, { lang, ...(conversation && { context: conversation.context }) })
    const asked: SlackBlock = {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: TEXT[answer.lang].asked(escapeAndFit(question, 300)) }],
    }
    const recipe = askRecipe(question, answer.lang, conversation?.context)
    if (press.ephemeral || !press.channel) {
      const reply = renderChatAnswer(answer, { recipe, share: true })
      await press.privately({
        text: reply.text,
        blocks: [asked, ...reply.blocks.slice(0, LIMITS.blocks - 1)],
      })
    } else {
      const reply = renderChatAnswer(answer, { recipe })
      await press.client.chat.postMessage({
        channel: press.channel,
        ...(press.threadTs && { thread_ts: press.threadTs }),
        text: reply.text,
        blocks: [asked, ...reply.blocks.slice(0, LIMITS.blocks - 1)],
        unfurl_links: false,
        unfurl_media: false,
      })
      if (key) deps.conversations.set(key, { context: answer.context, lang: answer.lang })
    }
    press.log.info({ intent: answer.intent, answered: answer.answered }, 'did-you-mean answered')
  },
}

const moreSourcesAction: AnswerAction = {
  id: ACTION_IDS.moreSources,
  async handle(press, deps) {
    const recipe = parseShareValue(press.value)
    const sources = recipe ? (await rebuildAnswer(recipe, deps)).blocks.sources : []
    if (!recipe || sources.length === 0) {
      await press.tell(renderNotice(TEXT[recipe?.l ?? (await deps.userLang(press.user))].badButton))
      return
    }
    await press.tell(renderSourceList(sources, recipe.l))
    press.log.info({ sources: sources.length }, 'all sources shown')
  },
}

/** The buttons this module handles (the share button's handler lives with `/kai` in slash.ts). */
export const ANSWER_ACTIONS: readonly AnswerAction[] = [didYouMeanAction, moreSourcesAction]

function conversationKeyOf(channel: string, threadTs: string | undefined): string {
  // Same keys as events.ts `conversationKey`.
  return threadTs ? `${channel}:${threadTs}` : `${channel}:dm`
}

function claims(id: string | RegExp, actionId: string): boolean {
  return typeof id === 'string' ? id === actionId : id.test(actionId)
}

/**
 * Registers every answer button, and a catch-all for `kai_…` action ids nobody claims (an old or forged
 * button): it acknowledges, tells the presser politely, and changes nothing.
 */
export function registerAnswerActions(
  app: App,
  deps: ActionDeps,
  actions: readonly AnswerAction[] = ANSWER_ACTIONS,
): void {
  for (const action of actions) {
    app.action(action.id, async ({ ack, body, respond, client }) => {
      await ack()
      await deps.track(press(action, body, respond, client, deps))
    })
  }
  const known = [...actions.map((a) => a.id), ACTION_IDS.share]
  app.action(/^kai_/, async ({ ack, body, action, respond, client }) => {
    const actionId = (action as { action_id?: unknown }).action_id
    if (typeof actionId === 'string' && known.some((id) => claims(id, actionId))) return
    await ack()
    const unknown: AnswerAction = {
      id: /^kai_/,
      handle: async (p) => p.tell(renderNotice(TEXT[await deps.userLang(p.user)].badButton)),
    }
    await deps.track(press(unknown, body, respond, client, deps))
  })
}

async function press(
  action: AnswerAction,
  rawBody: unknown,
  respond: RespondFn,
  client: webApi.WebClient,
  deps: ActionDeps,
): Promise<void> {
  const parsed = BlockActionBody.safeParse(rawBody)
  const requestId =
    (parsed.success && parsed.data.trigger_id) ||
    (rawBody as { trigger_id?: unknown } | undefined)?.trigger_id?.toString() ||
    randomUUID()
  if (!parsed.success) {
    deps.log.warn({ requestId, issues: parsed.error.issues.slice(0, 3) }, 'button payload rejected')
    // Only the response_url Slack signed can still reach the presser; the text does not depend on the payload.
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      ...renderNotice(TEXT.ko.badButton),
    }).catch(() => undefined)
    return
  }
  const body = parsed.data
  const first = body.actions[0]!
  const channel = body.container?.channel_id ?? body.channel?.id
  const ephemeral = body.container?.is_ephemeral === true
  const isDm = channel?.startsWith('D') ?? false
  const threadTs =
    body.container?.thread_ts ?? body.message?.thread_ts ?? (isDm ? undefined : body.container?.message_ts)
  const log = deps.log.child({ requestId, channel, action: first.action_id })
  /** Only the presser sees it: through response_url, or chat.postEphemeral when that has expired. */
  const privately = async (message: SlackMessage) => {
    try {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message } as RespondArguments)
    } catch (err) {
      if (!channel) throw err
      log.warn({ err }, 'response_url failed, falling back to chat.postEphemeral')
      await client.chat.postEphemeral({
        channel,
        user: body.user.id,
        ...(threadTs && { thread_ts: threadTs }),
        ...message,
      })
    }
  }
  const tell = async (message: SlackMessage) => {
    if (ephemeral || !channel) {
      await privately(message)
      return
    }
    try {
      await client.chat.postEphemeral({
        channel,
        user: body.user.id,
        ...(threadTs && { thread_ts: threadTs }),
        ...message,
      })
    } catch (err) {
      log.warn(
        { err, slackError: classifySlackError(err).error },
        'chat.postEphemeral failed, using response_url',
      )
      await respond({ response_type: 'ephemeral', replace_original: false, ...message } as RespondArguments)
    }
  }
  const p: ActionPress = {
    body,
    actionId: first.action_id,
    value: first.value,
    user: body.user.id,
    channel,
    ephemeral,
    threadTs,
    requestId,
    log,
    respond,
    client,
    tell,
    privately,
  }
  try {
    await action.handle(p, deps)
  } catch (err) {
    const failure = classifySlackError(err)
    log.error({ err, slackError: failure.error }, 'button press failed')
    const lang = await deps.userLang(body.user.id).catch((): Lang => 'ko')
    await tell(renderNotice(TEXT[lang].apology(requestId.slice(-8)))).catch((apologyErr: unknown) =>
      log.warn({ err: apologyErr }, 'could not post the apology either'),
    )
  }
}
