import { ApplicationCommandOptionType } from 'discord.js'
import { notice, TEXTS } from '../texts.js'
import { scopeText, subscriptionGuard } from './shared.js'
import type { Subcommand } from './types.js'

/** `/kai subscriptions`: what this channel receives; anyone may look. */
export const subscriptions = {
  definition: {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'subscriptions',
    name_localizations: { ko: '구독목록' },
    description: 'What K-AI updates this channel receives',
    description_localizations: { ko: '이 채널이 받는 K-AI 소식' },
  },
  audience: 'ephemeral',
  async execute(ctx) {
    const guard = subscriptionGuard(ctx, { mustManage: false })
    if (!guard.ok) return guard.reply
    const t = TEXTS[ctx.localeLang]
    const list = await ctx.notifications.list(guard.channel)
    if (list.length === 0) {
      return { ephemeral: true, message: notice(ctx.localeLang, t.subscriptionsTitle, [t.noSubscriptions]) }
    }
    const items = list.map((s) => t.subscriptionLine(scopeText(ctx, s.teamId), s.lang, s.active, s.origin))
    return {
      ephemeral: true,
      message: notice(ctx.localeLang, t.subscriptionsTitle, [], { label: t.subscriptionsLabel, items }),
    }
  },
} satisfies Subcommand
