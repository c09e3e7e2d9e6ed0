// Reads what a wire story's opening says about itself: the agency in its dateline
// ("SEOUL, February 13. /TASS/.", "MOSCOW, Jan 15 (Reuters) -"), a date written at the top,
// Anadolu's byline and footer. Only these fixed shapes count, never ordinary sentences.
// Russian, Ukrainian and Korean openings are read by dateline-russian-korean.
import type { SourceMeta } from '../../../../shared/domain/source'
import { readScriptDateline } from './dateline-russian-korean'
import { isoDate, MONTH_PATTERN, parseWrittenDate } from './dates'

export type DatelineMeta = Partial<Pick<SourceMeta, 'outlet' | 'date' | 'author'>>

/** How agencies sign a dateline → the outlet name a citation uses. */
const AGENCIES: ReadonlyMap<string, string> = new Map([
  ['TASS', 'TASS'],
  ['Reuters', 'Reuters'],
  ['REUTERS', 'Reuters'],
  ['AP', 'AP'],
  ['AFP', 'AFP'],
  ['AA', 'Anadolu Agency'],
  ['Xinhua', 'Xinhua'],
  ['XINHUA', 'Xinhua'],
  ['Yonhap', 'Yonhap'],
  ['Kyodo', 'Kyodo'],
  ['UPI', 'UPI'],
  ['dpa', 'dpa'],
  ['DPA', 'dpa'],
  ['EFE', 'EFE'],
  ['ANSA', 'ANSA'],
  ['PTI', 'PTI'],
  ['IANS', 'IANS'],
  ['Interfax', 'Interfax'],
  ['RIA Novosti', 'RIA Novosti'],
  ['Sputnik', 'Sputnik'],
  ['BelTA', 'BelTA'],
  ['Ukrinform', 'Ukrinform'],
  ['Bernama', 'Bernama'],
  ['ANTARA', 'Antara'],
  ['IRNA', 'IRNA'],
  ['KUNA', 'KUNA'],
  ['WAM', 'WAM'],
  ['MENA', 'MENA']
])

const LINES_TO_SCAN = 15
const LINE_PREFIX = 300
const ISO_DATE_LINES = 3

const agency = [...AGENCIES.keys()].map((name) => name.replace(/ /g, '\\s')).join('|')
const capsCity = "\\p{Lu}[\\p{Lu}'’.\\-]+(?:\\s\\p{Lu}[\\p{Lu}'’.\\-]+){0,3}"
const titleCaseCity = "\\p{Lu}[\\p{Ll}'’.\\-]+(?:\\s\\p{Lu}[\\p{Ll}'’.\\-]+){0,2}"
const writtenDate = `${MONTH_PATTERN}\\s\\d{1,2}(?:,?\\s\\d{4})?|\\d{1,2}\\s${MONTH_PATTERN}(?:,?\\s\\d{4})?|\\p{Lu}\\p{Ll}+day`
const cityAndDate = `(?:(?<![\\p{L}\\p{N}])${capsCity}|^[ \\t]*${titleCaseCity}),\\s*(${writtenDate})`
const cityOnly = `(?:(?<![\\p{L}\\p{N}])${capsCity}|^[ \\t]*${titleCaseCity})`
const marker = `(?:/(${agency})/|\\((${agency})\\)\\s*[-–—])`

/** "SEOUL, February 13. /TASS/." or "MOSCOW, Jan 15 (Reuters) -" or "ANKARA (AA) -". */
const AGENCY_DATELINE = new RegExp(`(?:${cityAndDate}|${cityOnly})\\.?\\s*${marker}`, 'u')
/** "Moscow, January 16, 2026 – " opening a story without an agency. */
const DATED_DATELINE = new RegExp(`^[ \\t]*(?:${capsCity}|${titleCaseCity}),\\s*(${MONTH_PATTERN}\\s\\d{1,2},?\\s\\d{4}|\\d{1,2}\\s${MONTH_PATTERN},?\\s\\d{4})\\s*(?:[-–—(]|/)`, 'u')
const DATE_LINE = /^\s*date:?\s+(\d{4}-\d{2}-\d{2})(?!\d)/i
const ISO_DATE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/
/** Anadolu's byline: "Burc Eruygur  | 16.01.2026 - Update : 16.01.2026". */
const ANADOLU_BYLINE = /^\s*(\p{L}[\p{L} .'’-]{1,60}?)\s*\|\s*(\d{2})\.(\d{2})\.(\d{4})\s*-\s*Update\s*:/u
const ANADOLU_FOOTER = 'Anadolu Agency website contains only a portion of the news stories'

function headLines(text: string): string[] {
  const lines: string[] = []
  for (const line of text.split('\n', 400)) {
    if (line.trim().length === 0) continue
    lines.push(line.slice(0, LINE_PREFIX))
    if (lines.length === LINES_TO_SCAN) break
  }
  return lines
}

function agencyIn(line: string): string | null {
  const match = AGENCY_DATELINE.exec(line)
  const signature = match?.[2] ?? match?.[3]
  return signature === undefined ? null : (AGENCIES.get(signature.replace(/\s+/g, ' ')) ?? null)
}

function dateIn(lines: string[]): string | null {
  for (const line of lines) {
    const stated = DATE_LINE.exec(line)
    if (stated?.[1] !== undefined && parseWrittenDate(stated[1]) !== null) return stated[1]
  }
  for (const line of lines.slice(0, ISO_DATE_LINES)) {
    const iso = ISO_DATE.exec(line)
    const date = iso === null ? null : isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    if (date !== null) return date
  }
  for (const line of lines) {
    const dated = DATED_DATELINE.exec(line)
    const date = dated?.[1] === undefined ? null : parseWrittenDate(dated[1])
    if (date !== null) return date
  }
  return null
}

function anadolu(text: string, lines: string[]): DatelineMeta {
  const found: DatelineMeta = {}
  for (const line of lines) {
    const byline = ANADOLU_BYLINE.exec(line)
    if (byline === null) continue
    found.author = (byline[1] ?? '').trim()
    const date = isoDate(Number(byline[4]), Number(byline[3]), Number(byline[2]))
    if (date !== null) found.date = date
    break
  }
  if (text.includes(ANADOLU_FOOTER)) found.outlet = 'Anadolu Agency'
  return found
}

/** The outlet, date and (Anadolu, Korean) author a plain text states in its opening lines; fields it does not state are absent. */
export function readDateline(text: string): DatelineMeta {
  const lines = headLines(text)
  const fromAnadolu = anadolu(text, lines)
  const fromScript = readScriptDateline(lines)
  const outlet = lines.map(agencyIn).find((name) => name !== null) ?? fromScript.outlet ?? fromAnadolu.outlet ?? null
  const date = dateIn(lines) ?? fromScript.date ?? fromAnadolu.date ?? null
  const author = fromAnadolu.author ?? fromScript.author
  const found: DatelineMeta = {}
  if (outlet !== null) found.outlet = outlet
  if (date !== null) found.date = date
  if (author !== undefined) found.author = author
  return found
}
