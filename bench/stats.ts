/** Latency summary of one series of timings, in milliseconds. */
export interface LatencySummary {
  count: number
  p50: number
  p99: number
  max: number
  mean: number
  /** Answers per second if run back to back on one core. */
  throughput: number
}

/** Nearest-rank percentile (`p` in 0–1) of ascending `sorted` values; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)))
  return sorted[rank - 1]!
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b)
  const total = sorted.reduce((sum, x) => sum + x, 0)
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length ? total / sorted.length : Number.NaN,
    throughput: total > 0 ? (sorted.length * 1000) / total : Number.NaN,
  }
}

const gc = (globalThis as { gc?: () => void }).gc

/** True when node runs with --expose-gc, so heap figures are after a full collection. */
export const canCollect = gc !== undefined

/** Heap in use after two full collections (the second catches what finalizers of the first released). */
export function heapAfterGc(): number {
  gc?.()
  gc?.()
  return process.memoryUsage().heapUsed
}

export const MB = 2 ** 20

/** Milliseconds taken by `fn`, with its result. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now()
  const value = fn()
  return { ms: performance.now() - start, value }
}

/** Progress for people watching the bench: stderr, so stdout stays the table. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`)
}
