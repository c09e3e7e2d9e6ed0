import { describe, expect, it } from 'vitest'
import { dayOf, isoDate, parseWrittenDate } from '../../../../../src/main/core/library/extract/dates'

describe('dates', () => {
  it('reads the ways articles write a date into ISO YYYY-MM-DD', () => {
    expect(parseWrittenDate('February 13, 2026')).toBe('2026-02-13')
    expect(parseWrittenDate('Feb. 13, 2026')).toBe('2026-02-13')
    expect(parseWrittenDate('13 February 2026')).toBe('2026-02-13')
    expect(parseWrittenDate('16.01.2026')).toBe('2026-01-16')
    expect(parseWrittenDate('2026/02/13')).toBe('2026-02-13')
    expect(parseWrittenDate('Friday, February 13, 2026')).toBe('2026-02-13')
  })

  it('keeps an ISO date-time as written and rejects impossible or unreadable dates', () => {
    expect(parseWrittenDate('2026-02-13T09:30:00+03:00')).toBe('2026-02-13T09:30:00+03:00')
    expect(parseWrittenDate('2026-02-30')).toBeNull()
    expect(isoDate(2026, 13, 1)).toBeNull()
    expect(parseWrittenDate('last Tuesday')).toBeNull()
  })

  it('takes the calendar day of PDF and ISO timestamps without shifting time zones', () => {
    expect(dayOf("D:20230410074654Z07'46'")).toBe('2023-04-10')
    expect(dayOf('2015-01-26T23:30:00-05:00')).toBe('2015-01-26')
    expect(dayOf('D:2023')).toBeNull()
  })
})
