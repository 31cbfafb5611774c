import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js'
import { notice, TEXTS } from '../texts.js'
import { scopeText, subscriptionGuard, suggestTeams, teamFilterOption, teamOption } from './shared.js'
import type { Subcommand } from './types.js'

/** Without these the dispatcher could never deliver to the channel, so refuse up front. */
const BOT_NEEDS =
  PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks

/** `/kai subscribe [team]`: K-AI updates (all, or one team's) in this channel; Manage Channels only. */
export const subscribe = {
  definition: {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'subscribe',
    name_localizations: { ko: '구독' },
    description: 'Post K-AI updates in this channel (needs Manage Channels)',
    description_localizations: { ko: '이 채널로 K-AI 소식 받기 (채널 관리 권한 필요)' },
    options: [
      teamFilterOption({
        en: 'Only updates about this team (default: all)',
        ko: '이 팀 관련 소식만 (기본: 전체)',
      }),
    ],
  },
  audience: 'ephemeral',
  async execute(ctx) {
    const guard = subscriptionGuard(ctx, { mustManage: true })
    if (!guard.ok) return guard.reply
    const team = teamOption(ctx)
    if (!team.ok) return team.reply
    const t = TEXTS[ctx.localeLang]
    if (!ctx.interaction.appPermissions.has(BOT_NEEDS)) {
      return { ephemeral: true, message: notice(ctx.localeLang, t.botCannotPostTitle, [t.botCannotPost]) }
    }
    const outcome = await ctx.notifications.subscribe(guard.channel, {
      teamId: team.teamId,
      lang: ctx.localeLang,
    })
    const scope = scopeText(ctx, team.teamId)
    return {
      ephemeral: true,
      message: notice(ctx.localeLang, t.subscribedTitle, [t.subscribed[outcome.kind](scope)]),
    }
  },
  autocomplete: suggestTeams,
} satisfies Subcommand
