import { randomUUID } from 'node:crypto'
import type { App, webApi } from '@slack/bolt'
import type { Logger } from 'pino'
import { z } from 'zod'
import type { ConversationContext, HandledOnce, KaiCore, Lang } from '../../src/core/index.js'
import { askRecipe, renderChatAnswer } from './actions.js'
import { answeredBefore, answerMetadata } from './answered-before.js'
import type { BoundedMap, SeenSet } from './bounded.js'
import { slackToPlainText, stripBotMention } from './escape.js'
import { TEXT } from './messages.js'
import { renderNotice } from './render.js'
import { questionLang } from './reply-lang.js'
import { classifySlackError } from './slack-errors.js'
import type { UserLang } from './user-lang.js'

/** The fields of a `message` / `app_mention` event we rely on; anything else Slack adds is ignored. */
export const SlackMessageEvent = z.looseObject({
  type: z.string(),
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  channel: z.string(),
  channel_type: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  edited: z.unknown().optional(),
})
export type SlackMessageEvent = z.infer<typeof SlackMessageEvent>

/** A question the bot will answer, and where the answer goes. */
export interface Trigger {
  question: string
  channel: string
  user: string
  /** Thread to answer in; undefined for a top-level reply (direct messages). */
  replyThreadTs: string | undefined
  /** Key of the conversation whose previous answer gives context to follow-ups. */
  contextKey: string
}

export interface TriggerEnv {
  botUserId: string | undefined
  qaChannels: ReadonlySet<string>
  /** True when the bot has answered in this conversation (a thread, or a DM). */
  hasConversation(key: string): boolean
}

const QUESTION_WORDS_KO =
  /(뭐|뭔|무엇|무슨|누가|누구|언제|어디|왜|어떻게|어떤|어땠|몇|얼마|인가요|나요|까요|습니까|는지|을까|를까|궁금|알려\s*(줘|주세요|줄래))/

/** True for text that reads like a question: ends with `?` or has a question word (Korean or English). */
export function looksLikeQuestion(text: string): boolean {
  const t = text.trim()
  if (!t) return false
  if (/[?？]\s*$/.test(t)) return true
  if (QUESTION_WORDS_KO.test(t)) return true
  // English auxiliaries only count at the start ("is LG out" but not "this is great").
  const firstWord = /^[a-z']+/i.exec(t)?.[0]?.toLowerCase()
  if (firstWord && /^(is|are|was|were|did|does|do|can|could|will)$/.test(firstWord)) return true
  return /\b(what|who|whom|whose|when|where|which|why|how)\b/i.test(t) || /\btell me\b/i.test(t)
}

/** Key of the conversation a message belongs to: its thread, or the DM itself for top-level DMs. */
export function conversationKey(channel: string, threadTs: string | undefined): string {
  return threadTs ? `${channel}:${threadTs}` : `${channel}:dm`
}

/**
 * Decides whether a `message` event is a question for the bot. Never: bots, the bot itself, edits,
 * joins or any other subtype, channel messages that mention the bot (the `app_mention` event answers those).
 * Yes: direct messages; questions at the top level of a Q&A channel; questions in a thread the bot answered.
 */
export function triggerFromMessage(event: SlackMessageEvent, env: TriggerEnv): Trigger | undefined {
  if (event.subtype !== undefined || event.bot_id || !event.user || event.user === env.botUserId)
    return undefined
  const raw = event.text ?? ''
  const isDm = event.channel_type === 'im' || event.channel.startsWith('D')
  if (!isDm && env.botUserId && raw.includes(`<@${env.botUserId}`)) return undefined
  const question = slackToPlainText(stripBotMention(raw, env.botUserId)).trim()
  if (!question) return undefined
  const inThread = event.thread_ts !== undefined && event.thread_ts !== event.ts
  const base = { question, channel: event.channel, user: event.user }
  if (isDm) {
    const threadTs = inThread ? event.thread_ts : undefined
    return { ...base, replyThreadTs: threadTs, contextKey: conversationKey(event.channel, threadTs) }
  }
  if (inThread) {
    const key = conversationKey(event.channel, event.thread_ts)
    if (!env.hasConversation(key) || !looksLikeQuestion(question)) return undefined
    return { ...base, replyThreadTs: event.thread_ts, contextKey: key }
  }
  if (!env.qaChannels.has(event.channel) || !looksLikeQuestion(question)) return undefined
  return { ...base, replyThreadTs: event.ts, contextKey: conversationKey(event.channel, event.ts) }
}

/** An `app_mention` is always for the bot (unless a bot or an edit sent it); the reply goes in its thread. */
export function triggerFromMention(event: SlackMessageEvent, env: TriggerEnv): Trigger | undefined {
  if (event.subtype !== undefined || event.bot_id || event.edited !== undefined) return undefined
  if (!event.user || event.user === env.botUserId) return undefined
  const question = slackToPlainText(stripBotMention(event.text ?? '', env.botUserId)).trim()
  const threadTs = event.thread_ts ?? event.ts
  return {
    question,
    channel: event.channel,
    user: event.user,
    replyThreadTs: threadTs,
    contextKey: conversationKey(event.channel, threadTs),
  }
}

/** What the bot remembers of a conversation it answered in: the context for follow-ups and the reply language. */
export interface Conversation {
  context: ConversationContext
  lang: Lang
}

export interface EventHandlerDeps {
  core: KaiCore
  log: Logger
  qaChannels: ReadonlySet<string>
  /** Dedupe of deliveries: Slack retries, and sends a mention in a Q&A channel both as message and app_mention. */
  seen: SeenSet
  /** Previous answer's context and language per conversation, for follow-ups. */
  conversations: BoundedMap<string, Conversation>
  /** The asker's language from their Slack locale, for questions with no letters in a new conversation. */
  userLang: UserLang
  /** Wraps each handler so `stop()` can wait for answers in flight. */
  track<T>(work: Promise<T>): Promise<T>
  /** The shared store's dedupe, so a retry that reaches another instance is not answered twice. */
  handledOnce?: HandledOnce
}

/** Registers the `message` and `app_mention` listeners that turn questions into threaded answers. */
export function registerEventHandlers(app: App, deps: EventHandlerDeps): void {
  const handle = async (
    kind: 'message' | 'mention',
    args: {
      event: unknown
      body: unknown
      context: { botUserId?: string; retryNum?: number }
      client: webApi.WebClient
    },
  ) => {
    const parsed = SlackMessageEvent.safeParse(args.event)
    if (!parsed.success) return
    const event = parsed.data
    const env: TriggerEnv = {
      botUserId: args.context.botUserId,
      qaChannels: deps.qaChannels,
      hasConversation: (key) => deps.conversations.has(key),
    }
    const trigger = kind === 'mention' ? triggerFromMention(event, env) : triggerFromMessage(event, env)
    if (!trigger) return
    const eventId = (args.body as { event_id?: unknown }).event_id
    const requestId = typeof eventId === 'string' ? eventId : randomUUID()
    // One question, one answer: the same message may arrive as a retry or as both message and app_mention.
    if (!deps.seen.firstSight(`msg:${event.channel}:${event.ts}`)) {
      deps.log.debug({ requestId }, 'duplicate delivery ignored')
      return
    }
    const retryNum = args.context.retryNum ?? 0
    const key = `slack:${event.channel}:${event.ts}`
    if (deps.handledOnce) {
      try {
        if (!(await deps.handledOnce.claim(key))) {
          deps.log.info(
            { requestId, retryNum },
            'question already answered or being answered (shared dedupe), ignored',
          )
          return
        }
      } catch (err) {
        // The store is unreachable: a second answer is a smaller harm than none.
        deps.log.warn({ err, requestId }, 'could not check the shared dedupe, answering')
      }
    }
    await deps.track(answerOnce(trigger, event.ts, retryNum, requestId, args.client, deps))
    await deps.handledOnce?.done(key).catch((err: unknown) => {
      deps.log.warn({ err, requestId }, 'could not mark the question answered in the shared dedupe')
    })
  }
  app.event('message', (args) => handle('message', args))
  app.event('app_mention', (args) => handle('mention', args))
}

/**
 * A retry this process has not seen (it restarted, or forgot) may still have been answered: Slack
 * retries for up to five minutes. Only then is the conversation read back, so first deliveries cost nothing.
 */
async function answerOnce(
  trigger: Trigger,
  questionTs: string,
  retryNum: number,
  requestId: string,
  client: webApi.WebClient,
  deps: EventHandlerDeps,
): Promise<void> {
  if (retryNum > 0) {
    const where = { channel: trigger.channel, questionTs, replyThreadTs: trigger.replyThreadTs }
    try {
      if (await answeredBefore(client, where)) {
        deps.log.info(
          { requestId, retryNum, channel: trigger.channel },
          'retry of a question already answered, ignored',
        )
        return
      }
    } catch (err) {
      // A second answer is a smaller harm than none.
      deps.log.warn(
        { err, requestId, slackError: classifySlackError(err).error },
        'could not check a retry, answering',
      )
    }
  }
  await answer(trigger, questionTs, requestId, client, deps)
}

async function answer(
  trigger: Trigger,
  questionTs: string,
  requestId: string,
  client: webApi.WebClient,
  deps: EventHandlerDeps,
): Promise<void> {
  const log = deps.log.child({ requestId, channel: trigger.channel })
  let lang: Lang = 'ko'
  try {
    const conversation = deps.conversations.get(trigger.contextKey)
    const detect = (text: string, fallback?: Lang) => deps.core.detectLang(text, fallback)
    lang = questionLang(trigger.question, detect, conversation?.lang) ?? (await deps.userLang(trigger.user))
    const result = trigger.question
      ? deps.core.ask(trigger.question, { lang, ...(conversation && { context: conversation.context }) })
      : deps.core.help(lang)
    const recipe = trigger.question
      ? askRecipe(trigger.question, result.lang, conversation?.context)
      : ({ k: 'help', l: result.lang } as const)
    await client.chat.postMessage({
      channel: trigger.channel,
      ...(trigger.replyThreadTs && { thread_ts: trigger.replyThreadTs }),
      ...renderChatAnswer(result, { recipe }),
      metadata: answerMetadata(questionTs),
      unfurl_links: false,
      unfurl_media: false,
    })
    deps.conversations.set(trigger.contextKey, { context: result.context, lang: result.lang })
    log.info({ intent: result.intent, answered: result.answered }, 'answered')
  } catch (err) {
    const failure = classifySlackError(err)
    log.error({ err, slackError: failure.error }, 'slack answer failed')
    // Nowhere to apologise when the channel itself refuses the bot.
    if (failure.kind === 'channel-gone') return
    try {
      await client.chat.postEphemeral({
        channel: trigger.channel,
        user: trigger.user,
        ...(trigger.replyThreadTs && { thread_ts: trigger.replyThreadTs }),
        ...renderNotice(TEXT[lang].apology(requestId.slice(-8))),
      })
    } catch (apologyErr) {
      log.warn({ err: apologyErr }, 'could not post the apology either')
    }
  }
}
