/** Machine-readable codes for every failure kai-bot reports; messages are for people. */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'CORPUS_INVALID'
  | 'CORPUS_READ_FAILED'
  | 'DELIVERY_FAILED'
  | 'DELIVERY_RATE_LIMITED'
  | 'DELIVERY_CHANNEL_GONE'
  | 'STORE_FAILED'

/** Base class of kai-bot's own errors: a stable `code`, a message that says how to fix it, the `cause`. */
export class BotError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.name = new.target.name
  }
}

/** The environment is not a valid configuration; `problems` holds one line per bad variable. */
export class ConfigError extends BotError {
  readonly problems: string[]
  constructor(problems: string[]) {
    super('CONFIG_INVALID', problems.join('\n'))
    this.problems = problems
  }
}

/** One problem in a corpus file, located precisely enough to fix it. */
export interface CorpusIssue {
  file: string
  line: number
  path: string
  message: string
}

/** The corpus failed to load or validate; `issues` lists every problem found, not just the first. */
export class CorpusError extends BotError {
  readonly issues: CorpusIssue[]
  constructor(issues: CorpusIssue[], options?: { cause?: unknown }) {
    super('CORPUS_INVALID', issues.map(formatCorpusIssue).join('\n'), options)
    this.issues = issues
  }
}

/** `corpus/teams.yaml:41 teams[3].id: unknown team 'x'` — the format every corpus error is printed in. */
export function formatCorpusIssue(issue: CorpusIssue): string {
  const where = issue.path ? ` ${issue.path}` : ''
  return `${issue.file}:${issue.line}${where}: ${issue.message}`
}

/**
 * A message could not be delivered. `retryAfterMs` is set when the platform asked us to wait;
 * `permanent` when retrying cannot help (the channel is gone or forbids the bot).
 */
export class DeliveryError extends BotError {
  readonly retryAfterMs: number | undefined
  readonly permanent: boolean
  constructor(
    message: string,
    options: { cause?: unknown; retryAfterMs?: number; permanent?: boolean } = {},
  ) {
    const code = options.permanent
      ? 'DELIVERY_CHANNEL_GONE'
      : options.retryAfterMs !== undefined
        ? 'DELIVERY_RATE_LIMITED'
        : 'DELIVERY_FAILED'
    super(code, message, { cause: options.cause })
    this.retryAfterMs = options.retryAfterMs
    this.permanent = options.permanent ?? false
  }
}
