import { webApi } from '@slack/bolt'
import type { Logger } from 'pino'
import { z } from 'zod'
import { type ChatSink, DeliveryError, type Message, type PostOptions } from '../../src/core/index.js'
import { boltLoggerFrom } from './bolt-logger.js'
import { renderAnswer } from './render.js'
import { classifySlackError } from './slack-errors.js'

export interface SlackSinkOptions {
  botToken: string
  /** Web API base URL (GovSlack, a proxy, or the fake Slack in tests); Slack's own by default. */
  apiUrl?: string
  logger: Logger
}

/** Message metadata `event_type` on notifications; the payload names the delivery. */
export const DELIVERY_EVENT_TYPE = 'kai_delivery'

const History = z.looseObject({
  messages: z
    .array(
      z.looseObject({
        metadata: z
          .looseObject({
            event_type: z.string(),
            event_payload: z.record(z.string(), z.unknown()).optional(),
          })
          .optional(),
      }),
    )
    .default([]),
})

/**
 * Posts notifications with `chat.postMessage`, each carrying its delivery key as message metadata.
 * Slack has no idempotency key for posts, so a delivery whose previous attempt is in doubt (its sender
 * died mid-send) is first looked for in the channel's recent history (`include_all_metadata`); found,
 * it is not posted again. Rate limits are not waited out here: the notification
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
    async post(channelId: string, message: Message, post?: PostOptions): Promise<void> {
      try {
        if (post?.inDoubt && (await postedBefore(client, channelId, post.deliveryKey))) {
          options.logger.info(
            { channel: channelId, delivery: post.deliveryKey },
            'in-doubt delivery found in the channel: not posted again',
          )
          return
        }
        await client.chat.postMessage({
          channel: channelId,
          ...renderAnswer(message),
          ...(post && {
            metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { delivery: post.deliveryKey } },
          }),
          unfurl_links: false,
          unfurl_media: false,
        })
      } catch (err) {
        throw toDeliveryError(err, channelId)
      }
    },
  }
}

/**
 * Whether the bot's recent messages in the channel include this delivery. Reads one page: an in-doubt
 * delivery is retried within a lease (a minute), long before a hundred messages follow it.
 */
async function postedBefore(
  client: webApi.WebClient,
  channel: string,
  deliveryKey: string,
): Promise<boolean> {
  const page = await client.conversations.history({ channel, include_all_metadata: true, limit: 100 })
  return History.parse(page).messages.some(
    (m) =>
      m.metadata?.event_type === DELIVERY_EVENT_TYPE && m.metadata.event_payload?.delivery === deliveryKey,
  )
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
