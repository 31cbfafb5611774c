import { type DestinationStream, type Logger, pino } from 'pino'
import pretty from 'pino-pretty'
import type { Config } from './config.js'

export type { Logger }

/** Token shapes of Slack (xoxb-, xoxp-, xapp-…) and Discord (three dot-separated base64url parts). */
const TOKEN_PATTERNS = [
  /\bxox[abposr]-[A-Za-z0-9-]+/g,
  /\bxapp-[A-Za-z0-9-]+/g,
  /\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}\b/g,
]

const REDACT_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
]

/** Replaces every known secret and anything shaped like a token with `[redacted]`. */
export function scrubSecrets(line: string, secrets: readonly string[] = []): string {
  let out = line
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join('[redacted]')
  for (const re of TOKEN_PATTERNS) out = out.replace(re, '[redacted]')
  return out
}

export interface LoggerOptions {
  level: Config['logLevel']
  format: Config['logFormat']
  /** Exact secret values (tokens, signing secrets) that must never reach a log line. */
  secrets?: string[]
  /** Where lines go; stdout by default. Tests pass a sink. */
  destination?: DestinationStream
  /** File descriptor when no destination is given: 2 keeps stdout free for the console. Default 1. */
  fd?: 1 | 2
  isTTY?: boolean
}

/**
 * Creates the process logger: JSON lines by default, readable colours on a terminal,
 * with secrets redacted both by field name and by value.
 */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter(Boolean)
  const usePretty = options.format === 'pretty' || (options.format === 'auto' && (options.isTTY ?? false))
  const destination =
    options.destination ??
    (usePretty
      ? pretty({
          colorize: true,
          sync: true,
          translateTime: 'HH:MM:ss',
          ignore: 'pid,hostname',
          destination: options.fd ?? 1,
        })
      : pino.destination({ dest: options.fd ?? 1, sync: true }))
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Redaction by path misses a token pasted into a message or an error; scrub the final line too.
      hooks: { streamWrite: (line) => scrubSecrets(line, secrets) },
    },
    destination,
  )
}

/** Secret values from the configuration, for `createLogger({ secrets })`. */
export function secretsOf(config: Config): string[] {
  return [
    config.slack?.botToken,
    config.slack?.appToken,
    config.slack?.signingSecret,
    config.discord?.token,
    databasePassword(config.databaseUrl),
  ].filter((s): s is string => Boolean(s))
}

/** The password inside DATABASE_URL (percent-decoded as the driver sends it), so a logged error never shows it. */
function databasePassword(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const password = new URL(url).password
    return password ? decodeURIComponent(password) : undefined
  } catch {
    return undefined
  }
}
