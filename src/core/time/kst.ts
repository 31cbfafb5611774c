/**
 * The programme lives in Korea: every "today", every date shown and every reminder hour is in Asia/Seoul.
 * Calendar arithmetic goes through Temporal (the @js-temporal/polyfill), so there is no hand-written
 * offset math: `Intl` can format a date in a time zone but cannot add days, find a Monday or turn
 * "09:00 in Seoul on D-7" back into an instant.
 */
import { Temporal } from '@js-temporal/polyfill'
import type { Clock } from '../ports.js'

export const PROGRAM_TIME_ZONE = 'Asia/Seoul'

/** The calendar day (YYYY-MM-DD) an instant falls on in Seoul. */
export function seoulDate(instant: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(PROGRAM_TIME_ZONE)
    .toPlainDate()
    .toString()
}

/** Today in Seoul by the clock. */
export function seoulToday(clock: Clock): string {
  return seoulDate(clock.now())
}

/** The instant of `hh:mm` Seoul time on a calendar day (YYYY-MM-DD). */
export function seoulInstant(day: string, time = '09:00'): Date {
  const zoned = Temporal.PlainDate.from(day).toZonedDateTime({
    timeZone: PROGRAM_TIME_ZONE,
    plainTime: Temporal.PlainTime.from(time),
  })
  return new Date(zoned.epochMilliseconds)
}

/** `day` plus `n` calendar days (n may be negative). */
export function addDays(day: string, n: number): string {
  return Temporal.PlainDate.from(day).add({ days: n }).toString()
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days
}

/** The Monday of the ISO week `day` falls in. */
export function mondayOf(day: string): string {
  const d = Temporal.PlainDate.from(day)
  return d.subtract({ days: d.dayOfWeek - 1 }).toString()
}

/** The last day of a month: `2026-02` → `2026-02-28`. */
export function lastDayOfMonth(yearMonth: string): string {
  const ym = Temporal.PlainYearMonth.from(yearMonth)
  return ym.toPlainDate({ day: ym.daysInMonth }).toString()
}
