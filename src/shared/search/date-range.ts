// Dates in queries and in source metadata as spans of ISO days, so `date:2026-01` means the
// whole of January and a source dated only "2026" still falls into a range that touches 2026.

export interface DaySpan {
  /** Inclusive ISO days (YYYY-MM-DD); null is an open end. */
  from: string | null
  to: string | null
}

export type DateRangeOutcome = { ok: true; span: DaySpan } | { ok: false; problem: 'not-a-date' | 'reversed' }

const DATE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/

function isoDay(year: number, month: number, day: number): string {
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return date.toISOString().slice(0, 10)
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0)
  date.setUTCFullYear(year, month, 0)
  return date.getUTCDate()
}

function shiftDay(day: string, by: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + by)
  return date.toISOString().slice(0, 10)
}

/** The days covered by `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null when it is not such a date. */
export function daySpan(text: string): { from: string; to: string } | null {
  const match = DATE.exec(text)
  if (match === null) return null
  const year = Number(match[1])
  if (match[2] === undefined) return { from: isoDay(year, 1, 1), to: isoDay(year, 12, 31) }
  const month = Number(match[2])
  if (month < 1 || month > 12) return null
  if (match[3] === undefined) return { from: isoDay(year, month, 1), to: isoDay(year, month, daysInMonth(year, month)) }
  const day = Number(match[3])
  if (day < 1 || day > daysInMonth(year, month)) return null
  const iso = isoDay(year, month, day)
  return { from: iso, to: iso }
}

/** Parses the value of `date:`: a date, `A..B` (either end may be left open), or `>`, `>=`, `<`, `<=` a date. */
export function parseDateRange(value: string): DateRangeOutcome {
  const comparison = /^(>=|<=|>|<)(.*)$/.exec(value)
  if (comparison !== null) {
    const span = daySpan(comparison[2] ?? '')
    if (span === null) return { ok: false, problem: 'not-a-date' }
    switch (comparison[1]) {
      case '>':
        return { ok: true, span: { from: shiftDay(span.to, 1), to: null } }
      case '>=':
        return { ok: true, span: { from: span.from, to: null } }
      case '<':
        return { ok: true, span: { from: null, to: shiftDay(span.from, -1) } }
      default:
        return { ok: true, span: { from: null, to: span.to } }
    }
  }
  const range = value.split('..')
  if (range.length === 2) {
    const [first = '', last = ''] = range
    if (first === '' && last === '') return { ok: false, problem: 'not-a-date' }
    const from = first === '' ? null : daySpan(first)
    const to = last === '' ? null : daySpan(last)
    if ((first !== '' && from === null) || (last !== '' && to === null)) return { ok: false, problem: 'not-a-date' }
    if (from !== null && to !== null && from.from > to.to) return { ok: false, problem: 'reversed' }
    return { ok: true, span: { from: from?.from ?? null, to: to?.to ?? null } }
  }
  const span = daySpan(value)
  return span === null ? { ok: false, problem: 'not-a-date' } : { ok: true, span }
}

/** The span of a source's date (ISO date, date-time, YYYY-MM or YYYY); null when it is written otherwise. */
export function sourceDaySpan(date: string | null): { from: string; to: string } | null {
  if (date === null) return null
  const match = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:$|T)/.exec(date.trim())
  return match === null ? null : daySpan(match[1] ?? '')
}

export function spansOverlap(span: { from: string; to: string }, range: DaySpan): boolean {
  return (range.from === null || span.to >= range.from) && (range.to === null || span.from <= range.to)
}
