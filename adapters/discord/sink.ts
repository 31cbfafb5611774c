import { createHash } from 'node:crypto'
import { DiscordAPIError, RateLimitError, type REST, Routes } from 'discord.js'
import { type ChatSink, DeliveryError, type Message, type PostOptions } from '../../src/core/index.js'
import { NO_MENTIONS } from './interactions.js'
import { renderEmbed } from './render.js'

/**
 * Discord error codes after which retrying cannot help: the channel is gone or the bot may not post there.
 * https://discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes
 */
const PERMANENT_CODES = new Set([
  10003, // Unknown Channel
  50001, // Missing Access
  50013, // Missing Permissions
])

/**
 * The message nonce for a delivery (Discord allows 25 characters): the same on every attempt from any
 * instance, so with `enforce_nonce` Discord returns the message already created instead of a second one
 * when an instance died after posting and another posts again.
 */
export function deliveryNonce(deliveryKey: string): string {
  return createHash('sha256').update(deliveryKey).digest('base64url').slice(0, 25)
}

/**
 * Posts notifications into Discord channels. `rest` must be created with `rejectOnRateLimit` so that
 * a 429 surfaces here (as `retryAfterMs`) instead of being waited out inside discord.js.
 */
export function createDiscordSink(rest: REST): ChatSink {
  return {
    platform: 'discord',
    async post(channelId: string, message: Message, options?: PostOptions): Promise<void> {
      try {
        await rest.post(Routes.channelMessages(channelId), {
          body: {
            embeds: [renderEmbed(message)],
            allowed_mentions: NO_MENTIONS,
            ...(options && { nonce: deliveryNonce(options.deliveryKey), enforce_nonce: true }),
          },
        })
      } catch (err) {
        throw toDeliveryError(channelId, err)
      }
    },
  }
}

/** Maps what @discordjs/rest throws to the DeliveryError the notification dispatcher understands. */
export function toDeliveryError(channelId: string, err: unknown): DeliveryError {
  if (err instanceof RateLimitError) {
    return new DeliveryError(`Discord rate-limited posting to channel ${channelId}`, {
      cause: err,
      retryAfterMs: err.retryAfter,
    })
  }
  if (err instanceof DiscordAPIError && typeof err.code === 'number' && PERMANENT_CODES.has(err.code)) {
    return new DeliveryError(
      `Discord refused posting to channel ${channelId} (${err.code} ${err.message}): check that the channel exists and the bot has View Channel, Send Messages and Embed Links there`,
      { cause: err, permanent: true },
    )
  }
  const detail = err instanceof Error ? err.message : String(err)
  return new DeliveryError(`could not post to Discord channel ${channelId}: ${detail}`, { cause: err })
}
