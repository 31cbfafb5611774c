import { DiscordAPIError, RateLimitError, type REST, Routes } from 'discord.js'
import { type ChatSink, DeliveryError, type Message } from '../../src/core/index.js'
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
 * Posts notifications into Discord channels. `rest` must be created with `rejectOnRateLimit` so that
 * a 429 surfaces here (as `retryAfterMs`) instead of being waited out inside discord.js.
 */
export function createDiscordSink(rest: REST): ChatSink {
  return {
    platform: 'discord',
    async post(channelId: string, message: Message): Promise<void> {
      try {
        await rest.post(Routes.channelMessages(channelId), {
          body: { embeds: [renderEmbed(message)], allowed_mentions: NO_MENTIONS },
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
