import { describe, expect, it } from 'vitest'
import { addDays, mondayOf, seoulDate, seoulInstant } from '../../../src/core/time/kst.js'
import { dateRange, timingOf } from '../../../src/core/time/partial-date.js'

describe('dateRange: first and last possible day of a partial date', () => {
  it.each([
    ['2026-08-05', '2026-08-05', '2026-08-05'],
    ['2026-08', '2026-08-01', '2026-08-31'],
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2026', '2026-01-01', '2026-12-31'],
    ['2026-H1', '2026-01-01', '2026-06-30'],
    ['2026-H2', '2026-07-01', '2026-12-31'],
    ['2026-Q3', '2026-07-01', '2026-09-30'],
    ['end of 2026', '2026-10-01', '2026-12-31'],
    ['2026년 말', '2026-10-01', '2026-12-31'],
    ['early 2027', '2027-01-01', '2027-03-31'],
  ])('%s spans %s to %s', (written, first, last) => {
    expect(dateRange(written)).toEqual({ first, last })
  })

  it('gives nothing for text that is not a date', () => {
    expect(dateRange('soon')).toBeUndefined()
    expect(dateRange('2026-13')).toBeUndefined()
  })

  it('calls 2026-08 due during August and past from 1 September', () => {
    expect(timingOf('2026-08', '2026-07-31')).toBe('upcoming')
    expect(timingOf('2026-08', '2026-08-31')).toBe('due')
    expect(timingOf('2026-08', '2026-09-01')).toBe('past')
  })
})

describe('Seoul calendar', () => {
  it('is already the next day in Seoul at 21:00 UTC', () => {
    expect(seoulDate(new Date('2026-12-04T21:00:00Z'))).toBe('2026-12-05')
    expect(seoulDate(new Date('2026-12-04T14:59:59Z'))).toBe('2026-12-04')
  })

  it('puts 09:00 Seoul time at 00:00 UTC, adds days and finds Mondays', () => {
    expect(seoulInstant('2026-12-07').toISOString()).toBe('2026-12-07T00:00:00.000Z')
    expect(addDays('2026-08-01', -7)).toBe('2026-07-25')
    expect(mondayOf('2026-12-05')).toBe('2026-11-30')
  })
})
