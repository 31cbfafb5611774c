import { webApi } from '@slack/bolt'
import type { Logger } from 'pino'
import { type ChatSink, DeliveryError, type Message } from '../../src/core/index.js'
import { boltLoggerFrom } from './bolt-logger.js'
import { renderAnswer } from './render.js'
import { classifySlackError } from './slack-errors.js'

export interface SlackSinkOptions {
  botToken: string
  /** Web API base URL (GovSlack, a proxy, or the fake Slack in tests); Slack's own by default. */
  apiUrl?: string
  logger: Logger
}

/**
 * Posts notifications with `chat.postMessage`. Rate limits are not waited out here: the notification
 * dispatcher owns retries, so a 429 / `ratelimited` becomes a `DeliveryError` with `retryAfterMs`.
 */
export function createSlackSink(options: SlackSinkOptions): ChatSink {
  const client = new webApi.WebClient(options.botToken, {
    ...(options.apiUrl && { slackApiUrl: options.apiUrl }),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logger: boltLoggerFrom(options.logger),
  })
  return {
    platform: 'slack',
    async post(channelId: string, message: Message): Promise<void> {
      try {
        await client.chat.postMessage({
          channel: channelId,
          ...renderAnswer(message),
          unfurl_links: false,
          unfurl_media: false,
        })
      } catch (err) {
        throw toDeliveryError(err, channelId)
      }
    },
  }
}

/** Maps a Slack Web API failure to the `DeliveryError` the notification dispatcher understands. */
export function toDeliveryError(err: unknown, channelId: string): DeliveryError {
  const failure = classifySlackError(err)
  const where = `slack:${channelId}`
  switch (failure.kind) {
    case 'rate-limited':
      return new DeliveryError(
        `Slack rate-limited posting to ${where}; retry after ${failure.retryAfterMs} ms`,
        {
          cause: err,
          retryAfterMs: failure.retryAfterMs,
        },
      )
    case 'channel-gone':
      return new DeliveryError(
        `Slack refused posting to ${where} (${failure.error}): invite the bot to the channel or remove the subscription`,
        { cause: err, permanent: true },
      )
    case 'other':
      return new DeliveryError(`Posting to ${where} failed (${failure.error})`, { cause: err })
  }
}
