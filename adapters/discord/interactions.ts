import {
  type APIEmbed,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
} from 'discord.js'
import type { Logger } from 'pino'
import type { AdapterDeps, Answer, ChannelRef, Message } from '../../src/core/index.js'
import { COMMAND_NAME, type Reply, type Subcommand, type SubcommandContext } from './commands.js'
import { answerComponents, ButtonStore, CUSTOM_ID_PREFIX, replyToButton } from './components.js'
import { clipText, EMBED_LIMITS, embedLength, INLINE_SOURCES, renderEmbed } from './render.js'
import { langOfLocale, notice, TEXTS } from './texts.js'

/** Nobody may be pinged by anything the bot posts, whatever an answer quotes ("@everyone", <@id>). */
export const NO_MENTIONS = { parse: [] } as const

/**
 * Handlers call the core and the notification service, which are synchronous and in-process, so a reply is
 * normally ready in milliseconds and goes out as the interaction response itself (one round trip, and an
 * error can still be answered ephemerally). Should a handler ever take longer than this, the dispatcher
 * defers first so Discord's 3-second deadline is met, then edits the deferred reply.
 */
export const DEFER_AFTER_MS = 1500

export interface InteractionRouterOptions {
  subcommands: readonly Subcommand[]
  deps: Pick<AdapterDeps, 'core' | 'notifications'>
  log: Logger
  deferAfterMs?: number
  /** Where long did-you-mean questions and source lists wait for their buttons (one per adapter). */
  store?: ButtonStore
}

/** A plain message (notice, apology): one embed, no buttons. */
function messagePayload(message: Message) {
  return { embeds: [renderEmbed(message)], allowedMentions: NO_MENTIONS }
}

type Repliable = ChatInputCommandInteraction | ButtonInteraction

/** Routes `/kai` interactions to their subcommand and sends what it returns; never throws. */
export function createInteractionRouter(
  options: InteractionRouterOptions,
): (interaction: Interaction) => Promise<void> {
  const byName = new Map(options.subcommands.map((s) => [s.definition.name, s]))
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS
  const { core, notifications } = options.deps
  const log = options.log
  const store = options.store ?? new ButtonStore()

  /** An answer for chat: at most three sources inline, its did-you-mean and "+N more" buttons under it. */
  function answerPayload(message: Message | Answer, asked?: string) {
    const components = answerComponents(message, store)
    const rendered =
      components.length > 0 ? renderEmbed(message, { inlineSources: INLINE_SOURCES }) : renderEmbed(message)
    // An embed's author line is plain text (no markdown, no mentions) of up to 256 characters.
    const label = message.lang === 'ko' ? '질문' : 'Asked'
    const embed = asked ? withAuthor(rendered, clipText(`${label}: ${asked}`, 256)) : rendered
    return { embeds: [embed], components, allowedMentions: NO_MENTIONS }
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const subcommand = byName.get(interaction.options.getSubcommand(false) ?? '')
    let choices: { name: string; value: string }[] = []
    try {
      const focused = interaction.options.getFocused(true)
      choices =
        subcommand?.autocomplete?.({
          interaction,
          core,
          localeLang: langOfLocale(interaction.locale),
          focused: { name: focused.name, value: String(focused.value) },
        }) ?? []
    } catch (err) {
      log.error({ err, subcommand: subcommand?.definition.name }, 'autocomplete failed')
    }
    // Always respond, even with no choices: Discord shows "loading options failed" otherwise.
    await interaction.respond(choices)
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const name = interaction.options.getSubcommand(false) ?? ''
    const subcommand = byName.get(name)
    const localeLang = langOfLocale(interaction.locale)
    const channel: ChannelRef | null =
      interaction.inGuild() && interaction.channelId
        ? { platform: 'discord', workspaceId: interaction.guildId, channelId: interaction.channelId }
        : null
    const ctx: SubcommandContext = { interaction, core, notifications, localeLang, channel }
    let deferredEphemeral: boolean | undefined
    const started = Date.now()

    try {
      if (!subcommand) throw new Error(`unknown subcommand '${name}'`)
      const pending = Promise.resolve().then(() => subcommand.execute(ctx))
      let reply = await settleWithin(pending, deferAfterMs)
      if (reply === undefined) {
        // Still working: claim the interaction now; the visibility must be chosen before the answer exists.
        deferredEphemeral =
          subcommand.audience === 'ephemeral' || (interaction.options.getBoolean('private', false) ?? false)
        await interaction.deferReply(deferredEphemeral ? { flags: MessageFlags.Ephemeral } : {})
        reply = await pending
      }
      await send(interaction, reply, deferredEphemeral)
      log.debug(
        {
          subcommand: name,
          ephemeral: reply.ephemeral,
          deferred: deferredEphemeral !== undefined,
          ms: Date.now() - started,
        },
        'command answered',
      )
    } catch (err) {
      log.error({ err, subcommand: name, interactionId: interaction.id }, 'command failed')
      await apologize(interaction, localeLang, deferredEphemeral)
    }
  }

  async function send(
    interaction: Repliable,
    reply: Reply & { withComponents?: boolean; asked?: string },
    deferredEphemeral: boolean | undefined,
  ): Promise<void> {
    const payload = (message: Message) =>
      reply.withComponents === false ? messagePayload(message) : answerPayload(message, reply.asked)
    if (deferredEphemeral === undefined) {
      const options: InteractionReplyOptions = payload(reply.message)
      await interaction.reply(reply.ephemeral ? { ...options, flags: MessageFlags.Ephemeral } : options)
      return
    }
    if (reply.ephemeral && !deferredEphemeral) {
      // A public "thinking…" cannot turn private: remove it and answer privately.
      await interaction.deleteReply()
      await interaction.followUp({ ...payload(reply.message), flags: MessageFlags.Ephemeral })
      return
    }
    const edit: InteractionEditReplyOptions = payload(reply.message)
    await interaction.editReply(edit)
  }

  async function apologize(
    interaction: Repliable,
    lang: 'ko' | 'en',
    deferredEphemeral: boolean | undefined,
  ): Promise<void> {
    const t = TEXTS[lang]
    const payload = messagePayload(notice(lang, t.apologyTitle, [t.apology]))
    const apology = { ...payload, flags: MessageFlags.Ephemeral } as const
    try {
      if (!interaction.deferred && !interaction.replied) await interaction.reply(apology)
      else if (interaction.deferred && !interaction.replied && deferredEphemeral)
        await interaction.editReply(payload)
      else {
        if (interaction.deferred && !interaction.replied) await interaction.deleteReply()
        await interaction.followUp(apology)
      }
    } catch (err) {
      log.warn({ err, interactionId: interaction.id }, 'could not send the apology')
    }
  }

  /**
   * A button under an answer. The reply is computed in-process (milliseconds) and sent as the interaction
   * response; should it ever take longer than `deferAfterMs`, the reply is deferred first (Discord's 3 s).
   */
  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const localeLang = langOfLocale(interaction.locale)
    let deferredEphemeral: boolean | undefined
    try {
      const pending = Promise.resolve().then(() => replyToButton(interaction, { core, store }))
      let reply = await settleWithin(pending, deferAfterMs)
      if (reply === undefined) {
        deferredEphemeral = interaction.message.flags.has(MessageFlags.Ephemeral)
        await interaction.deferReply(deferredEphemeral ? { flags: MessageFlags.Ephemeral } : {})
        reply = await pending
      }
      await send(interaction, reply, deferredEphemeral)
      log.info(
        {
          customId: interaction.customId,
          ephemeral: reply.ephemeral,
          answered: 'answered' in reply.message && reply.message.answered,
        },
        'button answered',
      )
    } catch (err) {
      log.error({ err, customId: interaction.customId, interactionId: interaction.id }, 'button failed')
      await apologize(interaction, localeLang, deferredEphemeral)
    }
  }

  return async (interaction) => {
    try {
      if (interaction.isAutocomplete() && interaction.commandName === COMMAND_NAME)
        await onAutocomplete(interaction)
      else if (interaction.isChatInputCommand() && interaction.commandName === COMMAND_NAME)
        await onCommand(interaction)
      else if (interaction.isButton() && interaction.customId.startsWith(CUSTOM_ID_PREFIX))
        await onButton(interaction)
    } catch (err) {
      log.error({ err, interactionId: interaction.id }, 'interaction failed')
    }
  }
}

/** Adds an author line, shortening the description if the embed would pass Discord's 6000 characters. */
export function withAuthor(embed: APIEmbed, name: string): APIEmbed {
  const over = embedLength(embed) + name.length - EMBED_LIMITS.total
  const description =
    over > 0 && embed.description
      ? clipText(embed.description, Math.max(1, embed.description.length - over))
      : embed.description
  return { ...embed, description, author: { name } }
}

/** The promise's value if it settles within `ms`, else undefined (rejections pass through). */
async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}
