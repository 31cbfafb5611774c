import { formatCorpusIssue, parseRemoteTimeline, type TimelineEvent } from '../core/index.js'
import type { Logger } from '../logger.js'

export interface ResultsPollerOptions {
  /** RESULTS_URL: a JSON or YAML document shaped like corpus/timeline.yaml. */
  url: string
  /** RESULTS_POLL_SECONDS × 1000. */
  intervalMs: number
  logger: Logger
  /** Called with the events of each new, valid document (never for 304 or an invalid one). */
  onTimeline(events: TimelineEvent[]): void
  /** Injectable for tests; the global fetch by default. */
  fetch?: typeof fetch
}

/** What one poll found. */
export type PollOutcome =
  | { kind: 'not-modified' }
  | { kind: 'updated'; events: number }
  | { kind: 'invalid'; issues: string[] }
  | { kind: 'failed'; error: string }

export interface ResultsPoller {
  /** Polls now (also what the timer calls). */
  poll(): Promise<PollOutcome>
  stop(): void
}

/**
 * Polls RESULTS_URL with ETag / If-Modified-Since so an unchanged document costs a 304. A document
 * that does not validate produces no events and a log line per problem; the last good one stays.
 */
export function startResultsPoller(options: ResultsPollerOptions): ResultsPoller {
  const log = options.logger.child({ component: 'results-poller', url: options.url })
  const doFetch = options.fetch ?? fetch
  let etag: string | undefined
  let lastModified: string | undefined
  let stopped = false
  let inFlight: Promise<PollOutcome> | undefined

  async function pollOnce(): Promise<PollOutcome> {
    const headers: Record<string, string> = { accept: 'application/json, application/yaml, text/yaml, */*' }
    if (etag) headers['if-none-match'] = etag
    if (lastModified) headers['if-modified-since'] = lastModified
    let response: Response
    try {
      response = await doFetch(options.url, { headers, signal: AbortSignal.timeout(30_000) })
    } catch (err) {
      log.warn({ err }, 'results document could not be fetched; will try again')
      return { kind: 'failed', error: (err as Error).message }
    }
    if (response.status === 304) return { kind: 'not-modified' }
    if (!response.ok) {
      log.warn({ status: response.status }, 'results document request failed; will try again')
      return { kind: 'failed', error: `HTTP ${response.status}` }
    }
    const text = await response.text()
    const result = parseRemoteTimeline(options.url, text)
    if (!result.ok) {
      const issues = result.issues.map(formatCorpusIssue)
      log.error({ issues }, 'results document rejected; keeping the last good one')
      // Validators are not remembered, so a fixed document is fetched in full next time.
      return { kind: 'invalid', issues }
    }
    etag = response.headers.get('etag') ?? undefined
    lastModified = response.headers.get('last-modified') ?? undefined
    options.onTimeline(result.events)
    return { kind: 'updated', events: result.events.length }
  }

  function poll(): Promise<PollOutcome> {
    inFlight ??= pollOnce().finally(() => {
      inFlight = undefined
    })
    return inFlight
  }

  const timer = setInterval(() => {
    if (!stopped) void poll()
  }, options.intervalMs)
  timer.unref()
  void poll()

  return {
    poll,
    stop() {
      stopped = true
      clearInterval(timer)
    },
  }
}
