import { describe, expect, it } from 'vitest'
import { calendarDate, displayDate, outletAndDate, pageAt } from '../../../src/shared/domain/citation'
import { EMPTY_META } from '../../../src/shared/domain/source'

describe('pageAt', () => {
  it('finds the page whose range holds the offset, and nothing for unpaged sources', () => {
    expect(pageAt([0, 100, 250], 0)).toBe(1)
    expect(pageAt([0, 100, 250], 99)).toBe(1)
    expect(pageAt([0, 100, 250], 100)).toBe(2)
    expect(pageAt([0, 100, 250], 9999)).toBe(3)
    expect(pageAt(null, 5)).toBeNull()
  })
})

describe('outletAndDate', () => {
  it('joins whichever of outlet and date is known', () => {
    expect(outletAndDate({ meta: { ...EMPTY_META, outlet: 'TASS', date: '2026-02-13' } })).toBe('TASS, 2026-02-13')
    expect(outletAndDate({ meta: { ...EMPTY_META, date: '2026-02-13' } })).toBe('2026-02-13')
    expect(outletAndDate({ meta: EMPTY_META })).toBe('')
  })
})

describe('outletAndDate with a date formatter', () => {
  const dated = (date: string) => ({ meta: { ...EMPTY_META, outlet: 'The Guardian', date } })

  it('gives exports an ISO day by default: a date-time becomes its calendar day as written', () => {
    expect(outletAndDate(dated('2015-07-24T05:36:09+01:00'))).toBe('The Guardian, 2015-07-24')
    expect(outletAndDate(dated('2015-07-24T23:36:09-08:00'))).toBe('The Guardian, 2015-07-24')
    expect(outletAndDate(dated('2015-07'))).toBe('The Guardian, 2015-07')
    expect(outletAndDate(dated('Spring 2015'))).toBe('The Guardian, Spring 2015')
  })

  it('shows the date in the reader’s locale when given displayDate', () => {
    expect(outletAndDate(dated('2015-07-24T05:36:09+01:00'), (date) => displayDate(date, 'en-GB'))).toBe('The Guardian, 24 Jul 2015')
    expect(outletAndDate(dated('2015-07-24'), (date) => displayDate(date, 'de-DE'))).toBe('The Guardian, 24.07.2015')
  })
})

describe('displayDate', () => {
  it.each([
    ['2015-07-24', 'en-GB', '24 Jul 2015'],
    ['2015-07', 'en-GB', 'July 2015'],
    ['2015', 'en-GB', '2015'],
    ['2015-07-24T05:36:09+01:00', 'en-GB', '24 Jul 2015'],
    ['2015-07-24T23:36:09-08:00', 'en-GB', '24 Jul 2015'],
    ['2015-07-24', 'de-DE', '24.07.2015'],
    ['2015-07', 'de-DE', 'Juli 2015'],
    ['2015', 'de-DE', '2015'],
    ['2015-07-24T05:36:09+01:00', 'de-DE', '24.07.2015'],
    ['2015-01-01T00:30:00+09:00', 'de-DE', '01.01.2015']
  ])('shows %s in %s as %s', (date, locale, shown) => {
    expect(displayDate(date, locale)).toBe(shown)
  })

  it('spells the month out in the long form the details form uses', () => {
    expect(displayDate('2026-01-16', 'en-GB', 'long')).toBe('16 January 2026')
    expect(displayDate('2026-01-16', 'de-DE', 'long')).toBe('16. Januar 2026')
  })

  it('shows a date it cannot read as written, rather than a wrong one', () => {
    expect(displayDate('Spring 2015', 'en-GB')).toBe('Spring 2015')
    expect(displayDate('2015-02-30', 'en-GB')).toBe('2015-02-30')
  })
})

describe('calendarDate', () => {
  it('takes the calendar part of ISO dates and date-times, and nothing from other text', () => {
    expect(calendarDate('2015-07-24T05:36:09+01:00')).toBe('2015-07-24')
    expect(calendarDate('2015-07')).toBe('2015-07')
    expect(calendarDate('2015')).toBe('2015')
    expect(calendarDate('24 July 2015')).toBeNull()
    expect(calendarDate('2015-13')).toBeNull()
  })
})
