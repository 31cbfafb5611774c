import { ApplicationCommandOptionType } from 'discord.js'
import { notice, TEXTS } from '../texts.js'
import type { Subcommand } from './types.js'

function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
}

/** `/kai changes [since]`: recorded changes in the results, newest first. */
export const changes = {
  definition: {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'changes',
    name_localizations: { ko: '변경' },
    description: 'What changed in the results recently',
    description_localizations: { ko: '최근 결과에서 바뀐 점' },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'since',
        name_localizations: { ko: '시작일' },
        description: 'Only changes on or after this day (YYYY-MM-DD)',
        description_localizations: { ko: '이 날짜 이후의 변경만 (YYYY-MM-DD)' },
        min_length: 10,
        max_length: 10,
      },
    ],
  },
  audience: 'public',
  async execute(ctx) {
    const since = ctx.interaction.options.getString('since')?.trim() || undefined
    if (since !== undefined && !isDay(since)) {
      const t = TEXTS[ctx.localeLang]
      return { ephemeral: true, message: notice(ctx.localeLang, t.invalidDateTitle, [t.invalidDate(since)]) }
    }
    return { ephemeral: false, message: await ctx.notifications.changes(since, ctx.localeLang) }
  },
} satisfies Subcommand
