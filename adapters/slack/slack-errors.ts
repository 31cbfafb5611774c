import { webApi } from '@slack/bolt'

/** Slack API errors after which posting to that channel again cannot succeed (the channel is gone or bars the bot). */
const CHANNEL_GONE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'team_access_not_granted',
])

/** What went wrong with a Slack Web API call, reduced to what the adapter acts on. */
export type SlackFailure =
  | { kind: 'rate-limited'; retryAfterMs: number; error: string }
  | { kind: 'channel-gone'; error: string }
  | { kind: 'other'; error: string }

/** Classifies an error thrown by `@slack/web-api` (429s, `ok: false` answers, network failures). */
export function classifySlackError(err: unknown): SlackFailure {
  if (err instanceof webApi.WebAPIRateLimitedError || isCode(err, webApi.ErrorCode.RateLimitedError)) {
    const retryAfter = (err as { retryAfter?: number }).retryAfter
    return { kind: 'rate-limited', retryAfterMs: secondsToMs(retryAfter), error: 'ratelimited' }
  }
  if (isCode(err, webApi.ErrorCode.PlatformError)) {
    const data = (err as { data?: { error?: string; response_metadata?: { retryAfter?: number } } }).data
    const error = data?.error ?? 'unknown_error'
    if (error === 'ratelimited' || error === 'rate_limited') {
      return { kind: 'rate-limited', retryAfterMs: secondsToMs(data?.response_metadata?.retryAfter), error }
    }
    if (CHANNEL_GONE.has(error)) return { kind: 'channel-gone', error }
    return { kind: 'other', error }
  }
  const code = (err as { code?: unknown })?.code
  return { kind: 'other', error: typeof code === 'string' ? code : 'unexpected_error' }
}

function isCode(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === code
}

/** Slack sends Retry-After in seconds; without one, a minute is the documented safe wait for chat.postMessage. */
function secondsToMs(seconds: number | undefined): number {
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 60_000
}
