// How a source is cited: the parts shown in the library, on links and in exports.
import { daySpan } from '../search/date-range'
import type { Source } from './source'

/** The 1-based page holding a text offset, for paged sources (PDF); null otherwise. */
export function pageAt(pageStarts: readonly number[] | null, offset: number): number | null {
  if (pageStarts === null || pageStarts.length === 0) return null
  let page = 1
  for (let index = 0; index < pageStarts.length; index++) {
    const start = pageStarts[index]
    if (start !== undefined && start <= offset) page = index + 1
    else break
  }
  return page
}

/**
 * The calendar part of a stored date: YYYY, YYYY-MM, YYYY-MM-DD, or the day of a date-time as
 * written in its own time zone (2015-07-24T05:36:09+01:00 is 2015-07-24). Null for other text.
 */
export function calendarDate(date: string): string | null {
  const match = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:$|T)/.exec(date.trim())
  return match?.[1] !== undefined && daySpan(match[1]) !== null ? match[1] : null
}

/** A stored date for exports: an unambiguous ISO day (or month, or year); other text as written. */
export function citedDate(date: string): string {
  return calendarDate(date) ?? date
}

const formats = new Map<string, Intl.DateTimeFormat>()

function dateFormat(locale: string | undefined, parts: 'day-medium' | 'day-long' | 'month' | 'year'): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${parts}`
  let format = formats.get(key)
  if (format === undefined) {
    const options: Intl.DateTimeFormatOptions =
      parts === 'day-medium' ? { dateStyle: 'medium' } : parts === 'day-long' ? { dateStyle: 'long' } : parts === 'month' ? { year: 'numeric', month: 'long' } : { year: 'numeric' }
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })
    formats.set(key, format)
  }
  return format
}

/**
 * A stored date for the reader, in their locale ("24 Jul 2015", "July 2015", "2015" in en-GB);
 * `locale` undefined means the runtime's own (the browser's). Other text is shown as written.
 */
export function displayDate(date: string, locale?: string, length: 'medium' | 'long' = 'medium'): string {
  const calendar = calendarDate(date)
  if (calendar === null) return date
  const [year = 0, month = 1, day = 1] = calendar.split('-').map(Number)
  const instant = new Date(0)
  instant.setUTCFullYear(year, month - 1, day)
  const parts = calendar.length === 4 ? 'year' : calendar.length === 7 ? 'month' : length === 'long' ? 'day-long' : 'day-medium'
  return dateFormat(locale, parts).format(instant)
}

/**
 * "Outlet, 2026-01-16" — whichever of the two is known; empty when neither. The date goes
 * through `formatDate`: an ISO day by default (exports), `displayDate` on screen.
 */
export function outletAndDate(source: Pick<Source, 'meta'>, formatDate: (date: string) => string = citedDate): string {
  const date = source.meta.date === null || source.meta.date === '' ? null : formatDate(source.meta.date)
  return [source.meta.outlet, date].filter((part): part is string => part !== null && part !== '').join(', ')
}
