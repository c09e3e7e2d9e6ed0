// Reads the dates documents write about themselves (front matter, datelines, PDF and
// Word properties) into ISO form, so citations sort and print alike whatever the habit.
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12
}

/** 'YYYY-MM-DD' when the parts name a real calendar day, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null
}

/** Pattern source for a month name or its abbreviation ("Feb", "Feb.", "February"). */
export const MONTH_PATTERN = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
const MONTH_FIRST = new RegExp(`^(${MONTH_PATTERN})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'i')
const DAY_FIRST = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})$`, 'i')
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/
const SLASHED_ISO = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/

/**
 * A date written by a person or a tool, as ISO: date-times stay date-times, day-first
 * dotted dates (16.01.2026) and month names become YYYY-MM-DD. Null when unreadable.
 */
export function parseWrittenDate(value: string): string | null {
  const text = value.trim().replace(/^[A-Z][a-z]+day,\s+/, '')
  const iso = ISO.exec(text)
  if (iso !== null) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) === null ? null : text
  const monthFirst = MONTH_FIRST.exec(text)
  if (monthFirst !== null) return isoDate(Number(monthFirst[3]), monthNumber(monthFirst[1] ?? '') ?? 0, Number(monthFirst[2]))
  const dayFirst = DAY_FIRST.exec(text)
  if (dayFirst !== null) return isoDate(Number(dayFirst[3]), monthNumber(dayFirst[2] ?? '') ?? 0, Number(dayFirst[1]))
  const dotted = DOTTED.exec(text) ?? null
  if (dotted !== null) return isoDate(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]))
  const slashed = SLASHED_ISO.exec(text)
  if (slashed !== null) return isoDate(Number(slashed[1]), Number(slashed[2]), Number(slashed[3]))
  return null
}

/** The calendar day of an ISO date-time or a PDF date ("D:20230410074654Z"), as written (no time-zone shift). */
export function dayOf(value: string): string | null {
  const match = /^(?:D:)?(\d{4})-?(\d{2})-?(\d{2})/.exec(value.trim())
  return match === null ? null : isoDate(Number(match[1]), Number(match[2]), Number(match[3]))
}
