import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js'
import type { ChannelRef, Choice } from '../../../src/core/index.js'
import { notice, TEXTS } from '../texts.js'
import type { AutocompleteContext, Reply, SubcommandContext } from './types.js'

/** Discord caps autocomplete at 25 choices and each name/value at 100 characters. */
export const MAX_CHOICES = 25
const MAX_CHOICE_LENGTH = 100

/** The `private` switch of the public commands (ask, results): the reply is shown only to the asker. */
export const PRIVATE_OPTION = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'private',
  name_localizations: { ko: '비공개' },
  description: 'Show the answer only to you',
  description_localizations: { ko: '답변을 나에게만 보이기' },
} as const

/** Whether the asker set `private`; public by default. */
export function isPrivate(ctx: SubcommandContext): boolean {
  return ctx.interaction.options.getBoolean('private') ?? false
}

/** The optional, autocompleted `team` filter of subscribe and unsubscribe; only the descriptions differ. */
export function teamFilterOption(description: { en: string; ko: string }) {
  return {
    type: ApplicationCommandOptionType.String,
    name: 'team',
    name_localizations: { ko: '팀' },
    description: description.en,
    description_localizations: { ko: description.ko },
    autocomplete: true,
    max_length: 100,
  } as const
}

/** Autocomplete choices trimmed to what Discord accepts (it rejects the whole response otherwise). */
export function toDiscordChoices(choices: Choice[]): Choice[] {
  return choices
    .slice(0, MAX_CHOICES)
    .map((c) => ({ name: c.name.slice(0, MAX_CHOICE_LENGTH), value: c.value.slice(0, MAX_CHOICE_LENGTH) }))
    .filter((c) => c.name.length > 0 && c.value.length > 0)
}

/** Team names and aliases for any option that takes a team. */
export function suggestTeams(ctx: AutocompleteContext): Choice[] {
  const lang = ctx.core.detectLang(ctx.focused.value, ctx.localeLang)
  return toDiscordChoices(ctx.core.suggestTeams(ctx.focused.value, lang, MAX_CHOICES))
}

/**
 * Subscription commands need a server channel, and changing them needs Manage Channels.
 * `default_member_permissions` cannot be set per subcommand, and admins can override it anyway,
 * so the check happens here, on the permissions Discord computed for this member in this channel.
 */
export function subscriptionGuard(
  ctx: SubcommandContext,
  options: { mustManage: boolean },
): { ok: true; channel: ChannelRef } | { ok: false; reply: Reply } {
  const t = TEXTS[ctx.localeLang]
  if (!ctx.channel) {
    return {
      ok: false,
      reply: { ephemeral: true, message: notice(ctx.localeLang, t.dmTitle, [t.dmSubscriptions]) },
    }
  }
  if (options.mustManage && !ctx.interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels)) {
    return {
      ok: false,
      reply: { ephemeral: true, message: notice(ctx.localeLang, t.permissionTitle, [t.needManageChannels]) },
    }
  }
  return { ok: true, channel: ctx.channel }
}

/** Resolves the optional `team` option: null for every team, a team id, or a reply saying it is unknown. */
export function teamOption(
  ctx: SubcommandContext,
): { ok: true; teamId: string | null } | { ok: false; reply: Reply } {
  const raw = ctx.interaction.options.getString('team')?.trim()
  if (!raw) return { ok: true, teamId: null }
  const teamId = ctx.core.resolveTeam(raw)
  if (teamId) return { ok: true, teamId }
  const t = TEXTS[ctx.localeLang]
  return {
    ok: false,
    reply: { ephemeral: true, message: notice(ctx.localeLang, t.unknownTeamTitle, [t.unknownTeam(raw)]) },
  }
}

/** "LG AI연구원 관련 소식" / "every K-AI update". */
export function scopeText(ctx: SubcommandContext, teamId: string | null): string {
  return TEXTS[ctx.localeLang].scope(teamId ? ctx.core.teamName(teamId, ctx.localeLang) : null)
}
