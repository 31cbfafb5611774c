import { ApplicationCommandOptionType } from 'discord.js'
import { suggestTeams } from './shared.js'
import type { Subcommand } from './types.js'

/** `/kai team name:<autocomplete>`: a team's profile; an unknown name is told only to the asker. */
export const team = {
  definition: {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'team',
    name_localizations: { ko: '팀' },
    description: 'A team: consortium, model, results so far',
    description_localizations: { ko: '팀 정보: 컨소시엄, 모델, 지금까지의 결과' },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'name',
        name_localizations: { ko: '이름' },
        description: 'Team name or alias',
        description_localizations: { ko: '팀 이름 또는 별칭' },
        required: true,
        autocomplete: true,
        max_length: 100,
      },
    ],
  },
  audience: 'public',
  execute(ctx) {
    const name = ctx.interaction.options.getString('name', true)
    const answer = ctx.core.team(name, ctx.localeLang)
    return { message: answer, ephemeral: !answer.answered }
  },
  autocomplete: suggestTeams,
} satisfies Subcommand
