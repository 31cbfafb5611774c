import { randomUUID } from 'node:crypto'
import type { App, RespondArguments, RespondFn, webApi } from '@slack/bolt'
import type { Logger } from 'pino'
import { z } from 'zod'
import type {
  ChannelRef,
  KaiCore,
  Lang,
  Message,
  NotificationService,
  Subscription,
} from '../../src/core/index.js'
import { rebuildAnswer, renderChatAnswer } from './actions.js'
import { type KaiCommand, parseKaiCommand, parseShareValue, type ShareValue } from './commands.js'
import { slackToPlainText } from './escape.js'
import { TEXT } from './messages.js'
import { maySubscribe, type SubscribeRule } from './permissions.js'
import { LIMITS, renderNotice, SHARE_ACTION_ID, type SlackMessage } from './render.js'
import { commandLang } from './reply-lang.js'
import { classifySlackError } from './slack-errors.js'
import type { UserLang } from './user-lang.js'

/** The slash command the manifest declares. */
export const KAI_COMMAND = '/kai'

export interface SlashDeps {
  core: KaiCore
  notifications: NotificationService
  log: Logger
  subscribeRule: SubscribeRule
  /** The asker's language from their Slack locale, for commands whose text does not tell. */
  userLang: UserLang
  track<T>(work: Promise<T>): Promise<T>
}

const SlashPayload = z.looseObject({
  text: z.string().default(''),
  user_id: z.string(),
  channel_id: z.string(),
  team_id: z.string().default(''),
  trigger_id: z.string().optional(),
})

const ShareActionBody = z.looseObject({
  user: z.looseObject({ id: z.string() }),
  channel: z.looseObject({ id: z.string() }).optional(),
  trigger_id: z.string().optional(),
})

/** Registers `/kai` and its "Share in channel" button. */
export function registerKaiCommand(app: App, deps: SlashDeps): void {
  app.command(KAI_COMMAND, async ({ command, ack, respond, client }) => {
    // Slack wants an ack within 3 s and shows an error otherwise: ack before any work, answer after.
    await ack()
    await deps.track(runCommand(command, respond, client, deps))
  })
  app.action(SHARE_ACTION_ID, async ({ ack, body, action, respond, client }) => {
    await ack()
    const value = 'value' in action && typeof action.value === 'string' ? action.value : undefined
    await deps.track(share(body, value, respond, client, deps))
  })
}

async function runCommand(
  raw: unknown,
  respond: RespondFn,
  client: webApi.WebClient,
  deps: SlashDeps,
): Promise<void> {
  const payload = SlashPayload.parse(raw)
  // Slack escapes & < > in command text and may send mentions as <@U…>: give the core what was typed.
  const command = { ...payload, text: slackToPlainText(payload.text).trim() }
  const requestId = command.trigger_id ?? randomUUID()
  const log = deps.log.child({ requestId, channel: command.channel_id, command: KAI_COMMAND })
  let lang: Lang = 'ko'
  const send = async (message: SlackMessage) => {
    try {
      await respond({ response_type: 'ephemeral', ...message } as RespondArguments)
    } catch (err) {
      // response_url expired or unreachable: an ephemeral post reaches the same person.
      log.warn({ err }, 'response_url failed, falling back to chat.postEphemeral')
      await client.chat.postEphemeral({ channel: command.channel_id, user: command.user_id, ...message })
    }
  }
  try {
    const parsed = parseKaiCommand(command.text)
    lang =
      commandLang(command.text, parsed, (text, fallback) => deps.core.detectLang(text, fallback)) ??
      (await deps.userLang(command.user_id))
    const ref: ChannelRef = { platform: 'slack', workspaceId: command.team_id, channelId: command.channel_id }
    const reply = await replyTo(parsed, lang, ref, command.user_id, client, deps, log)
    await send(reply)
    log.info({ subcommand: parsed.kind }, 'command answered')
  } catch (err) {
    log.error({ err }, 'slack command failed')
    try {
      await send(renderNotice(TEXT[lang].apology(requestId.slice(-8))))
    } catch (apologyErr) {
      log.warn({ err: apologyErr }, 'could not post the apology either')
    }
  }
}

async function replyTo(
  command: KaiCommand,
  lang: Lang,
  ref: ChannelRef,
  userId: string,
  client: webApi.WebClient,
  deps: SlashDeps,
  log: Logger,
): Promise<SlackMessage> {
  const t = TEXT[lang]
  switch (command.kind) {
    case 'ask': {
      const question = command.question.slice(0, 1800)
      const answer = deps.core.ask(question, { lang })
      return shareable(answer, { k: 'ask', q: question, l: answer.lang })
    }
    case 'results':
      return shareable(deps.core.results(command.phase, lang), {
        k: 'results',
        p: command.phase ?? null,
        l: lang,
      })
    case 'team':
      return shareable(deps.core.team(command.name, lang), {
        k: 'team',
        t: command.name.slice(0, 300),
        l: lang,
      })
    case 'changes':
      return shareable(await deps.notifications.changes(command.since, lang), {
        k: 'changes',
        s: command.since ?? null,
        l: lang,
      })
    case 'help':
      return shareable(deps.core.help(lang), { k: 'help', l: lang })
    case 'invalid':
      return renderNotice(
        command.problem === 'bad-date' ? t.badDate(command.value) : t.badPhase(command.value),
      )
    case 'subscriptions':
      return renderNotice(describeSubscriptions(await deps.notifications.list(ref), lang, deps.core))
    case 'subscribe':
    case 'unsubscribe': {
      let teamId: string | null = null
      if (command.team) {
        const resolved = deps.core.resolveTeam(command.team)
        if (!resolved) return renderNotice(t.unknownTeam(command.team))
        teamId = resolved
      }
      if (!(await allowed(client, deps.subscribeRule, userId, ref.channelId, log))) {
        return renderNotice(t.forbidden(deps.subscribeRule === 'admins' ? 'admins' : 'members'))
      }
      const what = teamId ? t.teamNews(deps.core.teamName(teamId, lang)) : t.allNews
      if (command.kind === 'subscribe') {
        const outcome = await deps.notifications.subscribe(ref, { teamId, lang })
        log.info({ outcome: outcome.kind, teamId }, 'subscribe')
        return renderNotice(t.subscribed(what, outcome.kind))
      }
      const outcome = await deps.notifications.unsubscribe(ref, { teamId })
      log.info({ outcome: outcome.kind, teamId }, 'unsubscribe')
      return renderNotice(t.unsubscribed(what, outcome.kind === 'removed'))
    }
  }
}

/** An ephemeral `/kai` reply: the answer, its did-you-mean and "+N more sources" buttons, and "Share in channel". */
function shareable(message: Message, value: ShareValue): SlackMessage {
  return renderChatAnswer(message, { recipe: value, share: true })
}

async function allowed(
  client: webApi.WebClient,
  rule: SubscribeRule,
  userId: string,
  channelId: string,
  log: Logger,
): Promise<boolean> {
  try {
    return await maySubscribe(client, rule, userId, channelId)
  } catch (err) {
    // Refusing is safer than letting anyone change a channel's notifications.
    log.warn({ err, slackError: classifySlackError(err).error }, 'could not check subscribe permission')
    return false
  }
}

function describeSubscriptions(subscriptions: Subscription[], lang: Lang, core: KaiCore): string {
  const t = TEXT[lang]
  const active = subscriptions.filter((s) => s.active)
  if (active.length === 0) return t.noSubscriptions
  const lines = active.map((s) => {
    const what = s.teamId ? t.teamNews(core.teamName(s.teamId, lang)) : t.allNews
    return `• ${what} (${t.langName[s.lang]})`
  })
  return `*${t.subscriptionsTitle}*\n${lines.join('\n')}`
}

/** Posts the answer behind a "Share in channel" button publicly, then removes the ephemeral copy. */
async function share(
  rawBody: unknown,
  rawValue: string | undefined,
  respond: RespondFn,
  client: webApi.WebClient,
  deps: SlashDeps,
): Promise<void> {
  const body = ShareActionBody.parse(rawBody)
  const value = parseShareValue(rawValue)
  // The button carries the language the answer was given in; only a broken button asks the presser's locale.
  const lang: Lang = value?.l ?? (await deps.userLang(body.user.id))
  const t = TEXT[lang]
  const requestId = body.trigger_id ?? randomUUID()
  const channel = body.channel?.id
  const log = deps.log.child({ requestId, channel, action: SHARE_ACTION_ID })
  const tell = (text: string) =>
    respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(text) }).catch(
      (err: unknown) => log.warn({ err }, 'could not tell the user'),
    )
  if (!value || !channel) {
    await tell(t.expired)
    return
  }
  try {
    // The public copy keeps its buttons (did you mean, more sources) but not "Share in channel".
    const rendered = renderChatAnswer(await rebuildAnswer(value, deps), { recipe: value })
    await client.chat.postMessage({
      channel,
      text: rendered.text,
      blocks: [...rendered.blocks.slice(0, LIMITS.blocks - 1), sharedByBlock(body.user.id, lang)],
      unfurl_links: false,
      unfurl_media: false,
    })
    await respond({ delete_original: true }).catch((err: unknown) =>
      log.debug({ err }, 'ephemeral not deleted'),
    )
    log.info({ kind: value.k }, 'answer shared')
  } catch (err) {
    const failure = classifySlackError(err)
    log.error({ err, slackError: failure.error }, 'sharing failed')
    if (failure.error === 'not_in_channel') await tell(t.notInChannel)
    else if (failure.kind === 'channel-gone') await tell(t.cannotPost)
    else await tell(t.apology(requestId.slice(-8)))
  }
}

function sharedByBlock(userId: string, lang: Lang) {
  // The id comes from Slack's signed payload; the check keeps anything else out of the mention syntax.
  const text = /^[UW][A-Z0-9]{2,}$/.test(userId) ? TEXT[lang].sharedBy(userId) : ''
  return { type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: text || '/kai' }] }
}
