/**
 * Text safety for Slack. Slack parses `<…>` in mrkdwn (and in a message's `text`) as links and mentions,
 * so `<!channel>`, `<!here>`, `<@U…>` and `<!subteam^…>` only exist when a `<` reaches Slack unescaped.
 * Escaping `&`, `<` and `>` (the three characters Slack documents) makes every such sequence inert.
 * @see https://docs.slack.dev/messaging/formatting-message-text#escaping
 * @module
 */

/** Escapes corpus or user text for a mrkdwn field or a message's `text`: `&` `<` `>` become entities. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Makes text safe for a `plain_text` object (headers, buttons). Slack does not parse mentions there,
 * but entities would show literally, so angle brackets become look-alike quotes instead.
 */
export function safePlainText(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›')
}

/** A link in mrkdwn, or the escaped label alone when the URL is missing or not http(s). */
export function mrkdwnLink(url: string | null | undefined, label: string): string {
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, '¦')
  if (!url || !/^https?:\/\/[^\s<>|]+$/i.test(url)) return safeLabel
  return `<${url.replace(/&/g, '&amp;')}|${safeLabel}>`
}

/**
 * Turns the text of an incoming Slack message into what the person typed: mentions, channel links and
 * URLs become readable words, entities are decoded. The result is plain text for the core, never sent back raw.
 */
export function slackToPlainText(text: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `@${name || id}`)
    .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name || id}`)
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => name || '@group')
    .replace(/<!([a-z]+)(?:\|[^>]*)?>/g, (_m, word: string) => `@${word}`)
    .replace(/<([^<>|]+)\|([^<>]*)>/g, (_m, _url: string, label: string) => label)
    .replace(/<([^<>]+)>/g, (_m, inner: string) => inner)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** Removes `<@BOT>` mentions of the bot itself (and the spaces around them) from raw Slack text. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim()
  return text
    .replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>[,:]?`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Cuts text to at most `max` characters (code points), ending with an ellipsis when something was cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`
}

/** Escapes for mrkdwn and fits the result in `max` characters without leaving half an entity behind. */
export function escapeAndFit(text: string, max: number): string {
  const escaped = escapeMrkdwn(text)
  if (Array.from(escaped).length <= max) return escaped
  return truncate(escaped, max).replace(/&[a-z]{0,4}…$/, '…')
}
