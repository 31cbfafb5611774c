/**
 * Sources often give only a month, a half year or "the end of 2026". Such a partial date is compared by
 * the first and the last day it can mean (both YYYY-MM-DD, Seoul calendar):
 *
 * | written                         | first day    | last day     |
 * |---------------------------------|--------------|--------------|
 * | `2026-08-05`                    | 2026-08-05   | 2026-08-05   |
 * | `2026-08`                       | 2026-08-01   | 2026-08-31   |
 * | `2026`                          | 2026-01-01   | 2026-12-31   |
 * | `2026-H1` / `2026-H2`           | 2026-01-01 / 2026-07-01 | 2026-06-30 / 2026-12-31 |
 * | `2026-Q1` … `2026-Q4`           | first day of the quarter | last day of the quarter |
 * | `early 2026` / `2026 초`        | 2026-01-01   | 2026-03-31   (the first quarter) |
 * | `end of 2026` / `late 2026` / `2026년 말` / `연말` | 2026-10-01 | 2026-12-31 (the last quarter) |
 *
 * An event is *upcoming* while its first day is after today, *due* while today lies between its first and
 * last day, and *overdue* once its last day has passed with no recorded outcome ("2026-08" is overdue
 * from 1 September 2026).
 */
import { lastDayOfMonth } from './kst.js'

export interface DateRange {
  /** The first day the date can mean, YYYY-MM-DD. */
  first: string
  /** The last day the date can mean, YYYY-MM-DD. */
  last: string
}

const pad = (n: number) => String(n).padStart(2, '0')

function months(year: number, from: number, to: number): DateRange {
  return { first: `${year}-${pad(from)}-01`, last: lastDayOfMonth(`${year}-${pad(to)}`) }
}

/** The first and last possible day of a partial date, or undefined for text that is not a date. */
export function dateRange(written: string): DateRange | undefined {
  const s = written.trim().toLowerCase()
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (m) return { first: s, last: s }
  m = /^(\d{4})-(\d{2})$/.exec(s)
  if (m) {
    const month = Number(m[2])
    return month >= 1 && month <= 12 ? months(Number(m[1]), month, month) : undefined
  }
  m = /^(\d{4})$/.exec(s)
  if (m) return months(Number(m[1]), 1, 12)
  m = /^(\d{4})-?h([12])$/.exec(s)
  if (m) return m[2] === '1' ? months(Number(m[1]), 1, 6) : months(Number(m[1]), 7, 12)
  m = /^(\d{4})-?q([1-4])$/.exec(s)
  if (m) {
    const q = Number(m[2])
    return months(Number(m[1]), q * 3 - 2, q * 3)
  }
  m = /^(?:end of|late|the end of)\s+(\d{4})$|^(\d{4})\s*년?\s*(?:말|연말|하반기\s?말)$/.exec(s)
  if (m) return months(Number(m[1] ?? m[2]), 10, 12)
  m = /^(?:early|start of|the start of|beginning of)\s+(\d{4})$|^(\d{4})\s*년?\s*(?:초|연초)$/.exec(s)
  if (m) return months(Number(m[1] ?? m[2]), 1, 3)
  return undefined
}

export type Timing = 'upcoming' | 'due' | 'past'

/** Where a partial date lies relative to today (YYYY-MM-DD): not begun, under way, or wholly over. */
export function timingOf(written: string, today: string): Timing | undefined {
  const r = dateRange(written)
  if (!r) return undefined
  if (r.first > today) return 'upcoming'
  if (r.last >= today) return 'due'
  return 'past'
}
