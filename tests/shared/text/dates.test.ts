import { describe, expect, it } from 'vitest'
import { parseSourceDate, writesMonthFirst } from '../../../src/shared/text/dates'
import { parseQuery } from '../../../src/shared/search/query'
import { filterTarget, matchesFilters } from '../../../src/shared/search/filters'
import { makeSource } from '../../helpers/factories'

function iso(typed: string, locale?: string): string {
  const reading = parseSourceDate(typed, { locale })
  if (!reading.ok) throw new Error(reading.message)
  return reading.iso
}

function refusal(typed: string, locale?: string): string {
  const reading = parseSourceDate(typed, { locale })
  if (reading.ok) throw new Error(`“${typed}” was read as ${reading.iso}`)
  return reading.message
}

describe('parseSourceDate', () => {
  it.each([
    ['2026-01-16', '2026-01-16'],
    ['2026-01', '2026-01'],
    ['2026', '2026'],
    ['  2026-01-16  ', '2026-01-16'],
    ['16 Jan 2026', '2026-01-16'],
    ['16 January 2026', '2026-01-16'],
    ['Jan 16, 2026', '2026-01-16'],
    ['Jan. 16, 2026', '2026-01-16'],
    ['January 16th, 2026', '2026-01-16'],
    ['16th January 2026', '2026-01-16'],
    ['Friday, 16 January 2026', '2026-01-16'],
    ['January 2026', '2026-01'],
    ['Jan 2026', '2026-01'],
    ['16/01/2026', '2026-01-16'],
    ['16/1/2026', '2026-01-16'],
    ['16.01.2026', '2026-01-16'],
    ['2026/01/16', '2026-01-16'],
    ['16 Jan 2026, 9:00', '2026-01-16'],
    ['16. Januar 2026', '2026-01-16'],
    ['Freitag, 16. Januar 2026', '2026-01-16'],
    ['16 janvier 2026', '2026-01-16'],
    ['16 de enero de 2026', '2026-01-16'],
    ['16 gennaio 2026', '2026-01-16'],
    ['16 januari 2026', '2026-01-16'],
    ['16 de janeiro de 2026', '2026-01-16'],
    ['2026年1月16日', '2026-01-16']
  ])('reads “%s” as %s', (typed, expected) => {
    expect(iso(typed)).toBe(expected)
  })

  it('keeps the day of a date-time as written in its own time zone, wherever the reader is', () => {
    expect(iso('2026-01-16T09:00+09:00')).toBe('2026-01-16')
    expect(iso('2015-07-24T05:36:09+01:00')).toBe('2015-07-24')
    expect(iso('2026-01-16T23:30:00-08:00')).toBe('2026-01-16')
    expect(iso('2026-01-16T00:30:00Z')).toBe('2026-01-16')
    expect(iso('16 Jan 2026 23:30 EST')).toBe('2026-01-16')
  })

  it('reads numeric dates day first, unless the reader’s locale writes the month first', () => {
    expect(iso('03/04/2026')).toBe('2026-04-03')
    expect(iso('03/04/2026', 'en-GB')).toBe('2026-04-03')
    expect(iso('03/04/2026', 'de-DE')).toBe('2026-04-03')
    expect(iso('03/04/2026', 'en-US')).toBe('2026-03-04')
    // Dotted dates are day first everywhere; when only one order makes a day, that one.
    expect(iso('03.04.2026', 'en-US')).toBe('2026-04-03')
    expect(iso('16/01/2026', 'en-US')).toBe('2026-01-16')
    expect(iso('01/16/2026', 'en-GB')).toBe('2026-01-16')
  })

  it('knows which locales write the month first', () => {
    expect(writesMonthFirst('en-US')).toBe(true)
    expect(writesMonthFirst('en-GB')).toBe(false)
    expect(writesMonthFirst('de-DE')).toBe(false)
    expect(writesMonthFirst('not a locale')).toBe(false)
  })

  it.each(['yesterday', 'today', 'tomorrow', 'next Tuesday', 'Sunday', '3 days ago', 'last year', 'in two weeks', 'gestern', 'ayer'])(
    'refuses the relative date “%s”',
    (typed) => {
      expect(refusal(typed)).toBe(`Date: “${typed}” depends on today’s date; type the day itself, like 2026-01-16 or 16 January 2026`)
    }
  )

  it.each(['next Tuesday-ish', 'banana', 'mid-January 2026', 'Q1 2026', 'winter 2026', '31 Feb 2026', '20260116'])('refuses “%s” as not a date', (typed) => {
    expect(refusal(typed)).toBe(`Date: “${typed}” is not a date; type it like 2026-01-16 or 16 January 2026`)
  })

  it('refuses dates without a year, ranges, impossible days and wrong weekdays, naming what was typed', () => {
    expect(refusal('16 Jan')).toBe('Date: “16 Jan” has no year; type it like 16 January 2026 or 2026-01-16')
    expect(refusal('March')).toContain('has no year')
    expect(refusal('16 Jan 2026 to 18 Jan 2026')).toBe('Date: “16 Jan 2026 to 18 Jan 2026” holds more than one date; type the one the source carries, like 2026-01-16')
    expect(refusal('16-18 January 2026')).toContain('holds more than one date')
    expect(refusal('2026-02-30')).toBe('Date: “2026-02-30” is not a day of the calendar; type it like 2026-01-16 or 16 January 2026')
    expect(refusal('2026-13')).toContain('is not a day of the calendar')
    expect(refusal('Monday 16 January 2026')).toContain('names the wrong day of the week for 2026-01-16')
    expect(refusal('   ')).toBe('Date: nothing typed; type it like 2026-01-16 or 16 January 2026')
  })

  it('shortens a long typed value in the message', () => {
    const message = refusal('x'.repeat(500))
    expect(message).toContain(`“${'x'.repeat(39)}…”`)
    expect(message.length).toBeLessThan(120)
  })

  it('gives dates that date: filters find', () => {
    for (const typed of ['16 Jan 2026', '16/01/2026', 'January 2026', '2026']) {
      const outcome = parseQuery('date:2026-01-16')
      if (!outcome.ok) throw new Error(outcome.message)
      const source = makeSource({ id: 's', title: 't', relativePath: 'a.txt', meta: { outlet: null, author: null, date: iso(typed), url: null, language: null, direction: null } })
      expect(matchesFilters(outcome.query.filters, filterTarget(source))).toBe(true)
    }
  })
})
