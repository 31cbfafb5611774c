import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js'
import { ask } from './commands/ask.js'
import { changes } from './commands/changes.js'
import { help } from './commands/help.js'
import { results } from './commands/results.js'
import { subscribe } from './commands/subscribe.js'
import { subscriptions } from './commands/subscriptions.js'
import { team } from './commands/team.js'
import type { Subcommand } from './commands/types.js'
import { unsubscribe } from './commands/unsubscribe.js'

export type { AutocompleteContext, Reply, Subcommand, SubcommandContext } from './commands/types.js'

export const COMMAND_NAME = 'kai'

/** Every `/kai` subcommand, in the order Discord lists them. Adding one means adding it here. */
export const SUBCOMMANDS: readonly Subcommand[] = [
  ask,
  results,
  team,
  changes,
  subscribe,
  unsubscribe,
  subscriptions,
  help,
]

/**
 * The application commands kai-bot registers (one: `/kai`), as sent to Discord's bulk overwrite.
 *
 * `default_member_permissions` is null (everyone) on purpose: it applies to the whole command, and `ask`
 * must stay open to every member. subscribe / unsubscribe check Manage Channels at run time instead;
 * server admins can still restrict `/kai` per role or channel under Server Settings → Integrations.
 */
export function commandDefinitions(
  subcommands: readonly Subcommand[] = SUBCOMMANDS,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: COMMAND_NAME,
      description: 'Sourced answers about Korea’s sovereign AI foundation model program (K-AI)',
      description_localizations: { ko: '독자 AI 파운데이션 모델 프로젝트(K-AI)에 대한 출처 있는 답변' },
      default_member_permissions: null,
      integration_types: [ApplicationIntegrationType.GuildInstall],
      // Usable in servers and in a DM with the bot (ask works there; subscriptions explain why not).
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
      options: subcommands.map((s) => s.definition),
    },
  ]
}
