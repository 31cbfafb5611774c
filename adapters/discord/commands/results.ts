import { ApplicationCommandOptionType } from 'discord.js'
import { isPrivate, PRIVATE_OPTION } from './shared.js'
import type { Subcommand } from './types.js'

/** `/kai results [phase] [private]`: the latest results, or one phase's. */
export const results = {
  definition: {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'results',
    name_localizations: { ko: '결과' },
    description: 'Which teams advanced and which were eliminated',
    description_localizations: { ko: '어느 팀이 진출하고 탈락했는지' },
    options: [
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'phase',
        name_localizations: { ko: '단계' },
        description: 'Which evaluation (default: the latest)',
        description_localizations: { ko: '어느 평가인지 (기본: 가장 최근)' },
        choices: [
          {
            name: 'Team selection (Aug 2025)',
            name_localizations: { ko: '정예팀 선정 (2025년 8월)' },
            value: 0,
          },
          { name: 'First-stage evaluation', name_localizations: { ko: '1차 평가' }, value: 1 },
          { name: 'Second-stage evaluation', name_localizations: { ko: '2차 평가' }, value: 2 },
          { name: 'Third-stage evaluation', name_localizations: { ko: '3차 평가' }, value: 3 },
        ],
      },
      PRIVATE_OPTION,
    ],
  },
  audience: 'public',
  execute(ctx) {
    const phase = ctx.interaction.options.getInteger('phase') ?? undefined
    return {
      message: ctx.core.results(phase, ctx.localeLang),
      ephemeral: isPrivate(ctx),
    }
  },
} satisfies Subcommand
