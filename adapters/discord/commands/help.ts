import { ApplicationCommandOptionType } from 'discord.js'
import type { Subcommand } from './types.js'

/** `/kai help`: what the bot can answer, shown only to the asker. */
export const help = {
  definition: {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'help',
    name_localizations: { ko: '도움말' },
    description: 'What kai-bot can answer and how to ask',
    description_localizations: { ko: 'kai-bot이 답할 수 있는 것과 묻는 방법' },
  },
  audience: 'ephemeral',
  execute(ctx) {
    return { message: ctx.core.help(ctx.localeLang), ephemeral: true }
  },
} satisfies Subcommand
