import { ApplicationCommandOptionType } from 'discord.js'
import { notice, TEXTS } from '../texts.js'
import { scopeText, subscriptionGuard, suggestTeams, teamFilterOption, teamOption } from './shared.js'
import type { Subcommand } from './types.js'

/** `/kai unsubscribe [team]`: stops one subscription of this channel; Manage Channels only. */
export const unsubscribe = {
  definition: {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'unsubscribe',
    name_localizations: { ko: '구독해지' },
    description: 'Stop K-AI updates in this channel (needs Manage Channels)',
    description_localizations: { ko: '이 채널의 K-AI 소식 그만 받기 (채널 관리 권한 필요)' },
    options: [
      teamFilterOption({
        en: 'The team subscription to stop (default: the all-updates one)',
        ko: '해지할 팀 구독 (기본: 전체 소식 구독)',
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
    const outcome = await ctx.notifications.unsubscribe(guard.channel, { teamId: team.teamId })
    const scope = scopeText(ctx, team.teamId)
    const message =
      outcome.kind === 'removed'
        ? notice(ctx.localeLang, t.unsubscribedTitle, [t.unsubscribed(scope)])
        : notice(ctx.localeLang, t.notSubscribedTitle, [t.notSubscribed(scope)])
    return { ephemeral: true, message }
  },
  autocomplete: suggestTeams,
} satisfies Subcommand
