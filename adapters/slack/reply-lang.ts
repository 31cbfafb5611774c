import type { Lang } from '../../src/core/index.js'
import type { KaiCommand } from './commands.js'

/** The core's detector (`core.detectLang`): Hangul → ko, other letters → en, no letters → the fallback. */
export type DetectLang = (text: string, fallback?: Lang) => Lang

/**
 * The language a person's text is written in, or undefined when it has no letters to tell by
 * ("2?", "2025-08-01"). Asking the detector with both fallbacks keeps the letter rules in the core:
 * only an outcome that does not depend on the fallback says anything about the text.
 */
export function langShownBy(text: string, detect: DetectLang): Lang | undefined {
  const withKo = detect(text, 'ko')
  return withKo === detect(text, 'en') ? withKo : undefined
}

/**
 * The reply language a `/kai` command shows by itself, or undefined when only the asker's locale can
 * tell. A question (`ask …` or a bare question) speaks for itself. Otherwise only Korean counts
 * (`결과`, `팀 업스테이지`, `결과 2차`): English subcommand words, team names like "LG", phase numbers and
 * dates are typed the same way by Korean and English speakers.
 */
export function commandLang(text: string, command: KaiCommand, detect: DetectLang): Lang | undefined {
  if (command.kind === 'ask') {
    const shown = langShownBy(command.question, detect)
    if (shown) return shown
  }
  return detect(text, 'en') === 'ko' ? 'ko' : undefined
}

/**
 * The reply language for a question in a conversation (mention, DM, Q&A channel, thread): its own,
 * else the language of the bot's previous answer in that thread, else undefined (ask the locale).
 */
export function questionLang(question: string, detect: DetectLang, threadLang?: Lang): Lang | undefined {
  return langShownBy(question, detect) ?? threadLang
}

/** Slack locales ("ko-KR", "en-US", "ja-JP") to the two reply languages; undefined when there is none. */
export function langOfLocale(locale: unknown): Lang | undefined {
  if (typeof locale !== 'string' || !locale.trim()) return undefined
  return locale.trim().toLowerCase().startsWith('ko') ? 'ko' : 'en'
}
