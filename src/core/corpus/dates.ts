/**
 * Corpus dates are partial (YYYY, YYYY-MM or YYYY-MM-DD) because sources often give only a month.
 * These helpers order them by the first day they can mean, so `2026-08` sorts before `2026-08-05`.
 */

/** The first day a partial date can mean: `2026-08` → `2026-08-01`, `2027` → `2027-01-01`. */
export function startOfPartialDate(date: string): string {
  if (date.length === 4) return `${date}-01-01`
  if (date.length === 7) return `${date}-01`
  return date
}

/** Orders partial dates by their first day; a coarser date sorts before the finer dates it contains. */
export function comparePartialDates(a: string, b: string): number {
  const sa = startOfPartialDate(a)
  const sb = startOfPartialDate(b)
  if (sa !== sb) return sa < sb ? -1 : 1
  return a.length - b.length
}

/**
 * True when `end` is certainly before `start`: compared at the precision both share,
 * so `2026-01` is not before `2026-01-15`.
 */
export function isBefore(end: string, start: string): boolean {
  const n = Math.min(end.length, start.length)
  return end.slice(0, n) < start.slice(0, n)
}

/** False for dates the schema's pattern accepts but the calendar does not, such as 2026-02-30. */
export function isRealDate(date: string): boolean {
  if (date.length !== 10) return true
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const probe = new Date(Date.UTC(y, m - 1, d))
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d
}
