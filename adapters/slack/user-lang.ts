import type { webApi } from '@slack/bolt'
import type { Logger } from 'pino'
import type { Lang } from '../../src/core/index.js'
import { BoundedMap } from './bounded.js'
import { langOfLocale } from './reply-lang.js'
import { classifySlackError } from './slack-errors.js'

/** Fetches a user's Slack locale ("ko-KR"); undefined when Slack has none. May throw. */
export type LocaleLookup = (userId: string) => Promise<unknown>

/** The language a user's Slack locale points to; Korean when it cannot be told. Never throws. */
export type UserLang = (userId: string) => Promise<Lang>

export interface UserLangOptions {
  lookup: LocaleLookup
  log: Logger
  /** How long a looked-up language is trusted; people rarely change their Slack language. */
  ttlMs?: number
  /** Most users remembered; the least recently asked are forgotten first. */
  capacity?: number
  /** Longest wait for Slack before answering in Korean (the lookup still fills the cache when it lands). */
  timeoutMs?: number
  now?: () => number
}

/** kai-bot is Korean-first: when nothing tells, Korean. */
const FALLBACK: Lang = 'ko'

/**
 * Resolves a user's reply language from their Slack locale, cached per user. A failed or slow lookup
 * answers Korean and is not cached, so the next command tries again.
 */
export function createUserLang(options: UserLangOptions): UserLang {
  const ttlMs = options.ttlMs ?? 60 * 60_000
  const timeoutMs = options.timeoutMs ?? 2000
  const now = options.now ?? Date.now
  const cache = new BoundedMap<string, { lang: Lang; at: number }>(options.capacity ?? 2000)
  const pending = new Map<string, Promise<Lang | undefined>>()

  const lookUp = (userId: string): Promise<Lang | undefined> => {
    const inFlight = pending.get(userId)
    if (inFlight) return inFlight
    const work = options
      .lookup(userId)
      .then((locale) => {
        const lang = langOfLocale(locale) ?? FALLBACK
        cache.set(userId, { lang, at: now() })
        return lang
      })
      .catch((err: unknown) => {
        options.log.warn(
          { err, user: userId, slackError: classifySlackError(err).error },
          'could not look up the user locale, answering in Korean',
        )
        return undefined
      })
      .finally(() => pending.delete(userId))
    pending.set(userId, work)
    return work
  }

  return async (userId) => {
    const cached = cache.get(userId)
    if (cached && now() - cached.at < ttlMs) return cached.lang
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs)
      timer.unref()
    })
    try {
      return (await Promise.race([lookUp(userId), late])) ?? FALLBACK
    } finally {
      clearTimeout(timer)
    }
  }
}

/** `users.info` with `include_locale` (scope `users:read`). */
export function slackLocaleLookup(client: webApi.WebClient): LocaleLookup {
  return async (userId) => {
    const result = await client.users.info({ user: userId, include_locale: true })
    return result.user?.locale
  }
}
