// Reads a source date as a person types it ("16 Jan 2026", "16/01/2026", "2026-01") into
// the ISO form that search filters and exports rely on, or says why it cannot. Shared by
// the details form (live, in the reader's locale) and the engine (which refuses the rest).
import type { Chrono, ParsedComponents, ParsedResult } from 'chrono-node'
import * as de from 'chrono-node/de'
import * as en from 'chrono-node/en'
import * as es from 'chrono-node/es'
import * as fr from 'chrono-node/fr'
import * as it from 'chrono-node/it'
import * as ja from 'chrono-node/ja'
import * as nl from 'chrono-node/nl'
import * as pt from 'chrono-node/pt'
import { daySpan } from '../search/date-range'

export type SourceDateReading = { ok: true; iso: string } | { ok: false; message: string }

export interface SourceDateOptions {
  /** The reader's locale (BCP 47): numeric dates follow its order. Without one, day first. */
  locale?: string | undefined
}

const EXAMPLE = 'type it like 2026-01-16 or 16 January 2026'
const RELATIVE = 'depends on today’s date; type the day itself, like 2026-01-16 or 16 January 2026'
const MAX_LENGTH = 80
const ISO = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/
/** An ISO date-time: the day is kept as written, in the time zone it was written in. */
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i
/** 16.01.2026 is day first wherever it is written, whatever the reader's locale. */
const DOTTED = /^\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}$/
/** What may be left around the date chrono read: spacing and punctuation, never words. */
const FILLER = /^[\s,.;:()]*$/u
/** Two far-apart "todays": a reading that differs between them depends on when it was typed. */
const REFERENCES = [new Date(Date.UTC(2001, 0, 10, 12)), new Date(Date.UTC(2033, 6, 20, 12))] as const
const OTHER_LANGUAGES: readonly Chrono[] = [de.casual, fr.casual, es.casual, it.casual, nl.casual, pt.casual, ja.casual]

/** The refusal the user reads: the field, what they typed (shortened), and what is wrong. */
function refuse(typed: string, problem: string): SourceDateReading {
  return { ok: false, message: `Date: “${typed.length > 40 ? `${typed.slice(0, 39)}…` : typed}” ${problem}` }
}

/** True when the locale writes the month before the day in numeric dates (en-US: 1/16/2026). */
export function writesMonthFirst(locale: string): boolean {
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).formatToParts(0)
    const types = parts.map((part) => part.type)
    return types.indexOf('month') < types.indexOf('day')
  } catch {
    return false
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}

/** The ISO form of what the user wrote down: day, month and year only when each was stated. */
function isoOf(start: ParsedComponents): string | null {
  const year = start.get('year')
  if (!start.isCertain('year') || year === null || year < 1000 || year > 9999) return null
  const month = start.get('month')
  if (!start.isCertain('month') || month === null) return pad(year, 4)
  const day = start.get('day')
  const iso = !start.isCertain('day') || day === null ? `${pad(year, 4)}-${pad(month, 2)}` : `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
  return daySpan(iso) === null ? null : iso
}

/** chrono's reading when it covers the whole text (leaving at most punctuation), else null. */
function wholeReading(parser: Chrono, text: string): ParsedResult[] | null {
  const results = parser.parse(text, REFERENCES[0])
  const first = results[0]
  if (first === undefined) return null
  const rest = text.slice(0, first.index) + text.slice(first.index + first.text.length)
  return FILLER.test(rest) || results.length > 1 ? results : null
}

function fromChrono(parser: Chrono, results: ParsedResult[], text: string): SourceDateReading {
  const [first] = results
  if (first === undefined) return refuse(text, `is not a date; ${EXAMPLE}`)
  if (results.length > 1 || (first.end ?? null) !== null) return refuse(text, 'holds more than one date; type the one the source carries, like 2026-01-16')
  const { start } = first
  if (!start.isCertain('year')) return start.isCertain('month') ? refuse(text, 'has no year; type it like 16 January 2026 or 2026-01-16') : refuse(text, RELATIVE)
  const iso = isoOf(start)
  if (iso === null) return refuse(text, `is not a date; ${EXAMPLE}`)
  const weekday = start.get('weekday')
  if (start.isCertain('weekday') && iso.length === 10 && weekday !== new Date(`${iso}T00:00:00Z`).getUTCDay()) {
    return refuse(text, `names the wrong day of the week for ${iso}; ${EXAMPLE}`)
  }
  const later = parser.parse(text, REFERENCES[1])[0]
  return later === undefined || isoOf(later.start) !== iso ? refuse(text, RELATIVE) : { ok: true, iso }
}

/**
 * A typed source date as ISO: YYYY-MM-DD, or YYYY-MM / YYYY when only that much is given.
 * ISO dates and date-times are read as written (a date-time keeps its own day). Other forms go
 * to chrono: English first, then German, French, Spanish, Italian, Dutch, Portuguese, Japanese.
 * Numeric dates such as 03/04/2026 read day first, unless `locale` writes the month first
 * (en-US); dotted ones (03.04.2026) are always day first; when only one order makes a real
 * date (01/16/2026), that one. Relative dates ("yesterday"), dates without a year, ranges and
 * anything with words left over ("mid-January 2026") are refused with a message for the user.
 */
export function parseSourceDate(value: string, options: SourceDateOptions = {}): SourceDateReading {
  const text = value.trim()
  if (text === '') return { ok: false, message: `Date: nothing typed; ${EXAMPLE}` }
  if (text.length > MAX_LENGTH) return refuse(text, `is not a date; ${EXAMPLE}`)
  if (ISO.test(text) || ISO_DATE_TIME.test(text)) {
    const day = ISO_DATE_TIME.exec(text)?.[1] ?? text
    return daySpan(day) === null ? refuse(text, `is not a day of the calendar; ${EXAMPLE}`) : { ok: true, iso: day }
  }
  const monthFirst = options.locale !== undefined && !DOTTED.test(text) && writesMonthFirst(options.locale)
  for (const parser of [monthFirst ? en.casual : en.GB, ...OTHER_LANGUAGES]) {
    const results = wholeReading(parser, text)
    if (results !== null) return fromChrono(parser, results, text)
  }
  return refuse(text, `is not a date; ${EXAMPLE}`)
}
