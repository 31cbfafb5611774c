import type {
  APIApplicationCommandSubcommandOption,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
} from 'discord.js'
import type { AdapterDeps, ChannelRef, Choice, Lang, Message } from '../../../src/core/index.js'

/** What a subcommand handler decided to show; the dispatcher renders and sends it. */
export interface Reply {
  message: Message
  /** Only the person who ran the command sees it. */
  ephemeral: boolean
}

/** Everything a handler may use; handlers never talk to Discord themselves. */
export interface SubcommandContext {
  interaction: ChatInputCommandInteraction
  core: AdapterDeps['core']
  notifications: AdapterDeps['notifications']
  /** The person's Discord locale as a reply language (ko → ko, anything else → en). */
  localeLang: Lang
  /** The channel the command ran in; null in a DM with the bot. */
  channel: ChannelRef | null
}

export interface AutocompleteContext {
  interaction: AutocompleteInteraction
  core: AdapterDeps['core']
  localeLang: Lang
  /** The option being typed and what has been typed so far. */
  focused: { name: string; value: string }
}

/** One `/kai <name>` subcommand: its Discord definition and its handlers. */
export interface Subcommand {
  definition: APIApplicationCommandSubcommandOption
  /**
   * Who sees the reply by default ('public' replies become ephemeral with `private: true`). Only consulted
   * when the reply is not ready in time and the dispatcher must defer before knowing it.
   */
  audience: 'public' | 'ephemeral'
  execute(ctx: SubcommandContext): Reply | Promise<Reply>
  /** Choices for an option with `autocomplete: true`; must be fast (Discord waits 3 s). */
  autocomplete?(ctx: AutocompleteContext): Choice[]
}
