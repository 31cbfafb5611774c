import { ApplicationCommandOptionType } from 'discord.js'
import { isPrivate, MAX_CHOICES, PRIVATE_OPTION, toDiscordChoices } from './shared.js'
import type { Subcommand } from './types.js'

/** `/kai ask question:<text> [private]`: the core answers; the reply is public unless `private`. */
export const ask = {
  definition: {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'ask',
    name_localizations: { ko: '질문' },
    description: 'Ask about the K-AI sovereign AI foundation model program',
    description_localizations: { ko: '독자 AI 파운데이션 모델 프로젝트(K-AI)에 대해 질문하기' },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        name_localizations: { ko: '내용' },
        description: 'Your question, in Korean or English',
        description_localizations: { ko: '질문 내용 (한국어 또는 영어)' },
        required: true,
        autocomplete: true,
        max_length: 500,
      },
      PRIVATE_OPTION,
    ],
  },
  audience: 'public',
  execute(ctx) {
    const question = ctx.interaction.options.getString('question', true)
    const answer = ctx.core.ask(question, { fallbackLang: ctx.localeLang })
    return { message: answer, ephemeral: isPrivate(ctx) }
  },
  autocomplete(ctx) {
    const lang = ctx.core.detectLang(ctx.focused.value, ctx.localeLang)
    return toDiscordChoices(ctx.core.suggestQuestions(ctx.focused.value, lang, MAX_CHOICES))
  },
} satisfies Subcommand
