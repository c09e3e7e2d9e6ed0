// Reads Russian, Ukrainian and Korean wire openings: «МОСКВА, 15 января. /ТАСС/.»,
// «СЕУЛ, 13 февраля – РИА Новости.», "(서울=연합뉴스) 홍길동 기자 =", and dates such as
// "2026년 1월 15일" or "2026.01.15" near the top. A day and month without a year give no
// date, as in English datelines: the year is never guessed.
import type { SourceMeta } from '../../../../shared/domain/source'
import { isoDate } from './dates'

export type ScriptDatelineMeta = Partial<Pick<SourceMeta, 'outlet' | 'date' | 'author'>>

/** How agencies sign a Russian or Ukrainian dateline → the outlet name a citation uses. */
const AGENCIES: ReadonlyMap<string, string> = new Map([
  ['ТАСС', 'ТАСС'],
  ['РИА Новости', 'РИА Новости'],
  ['Интерфакс', 'Интерфакс'],
  ['ИНТЕРФАКС', 'Интерфакс'],
  ['INTERFAX.RU', 'Интерфакс'],
  ['ПРАЙМ', 'ПРАЙМ'],
  ['РБК', 'РБК'],
  ['БелТА', 'БелТА'],
  ['Укрінформ', 'Укрінформ'],
  ['УКРІНФОРМ', 'Укрінформ'],
  ['Укринформ', 'Укринформ'],
  ['УНІАН', 'УНІАН'],
  ['УНИАН', 'УНИАН'],
  ['Интерфакс-Украина', 'Интерфакс-Украина']
])

/** Russian and Ukrainian month names in the genitive, with the abbreviations agencies use, by their first letters. */
const MONTH_STEMS: readonly (readonly [string, number])[] = [
  ['янв', 1], ['фев', 2], ['мар', 3], ['апр', 4], ['ма', 5], ['июн', 6], ['июл', 7], ['авг', 8], ['сен', 9], ['окт', 10],
  ['ноя', 11], ['дек', 12], ['січ', 1], ['лют', 2], ['бер', 3], ['кві', 4], ['тра', 5], ['чер', 6], ['лип', 7], ['сер', 8],
  ['вер', 9], ['жов', 10], ['лис', 11], ['гру', 12]
]
const RU_MONTH =
  '(?:январ[яь]|янв|феврал[яь]|фев|марта?|мар|апрел[яь]|апр|ма[яй]|июн[яь]|июн|июл[яь]|июл|августа?|авг|сентябр[яь]|сент?|октябр[яь]|окт|ноябр[яь]|ноя|декабр[яь]|дек|' +
  'січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня)\\.?'
const agency = [...AGENCIES.keys()].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.]/g, '\\.').replace(/ /g, '\\s')).join('|')
const city = "\\p{Lu}[\\p{L}'’]+(?:[\\s-]\\p{Lu}[\\p{L}'’]+){0,2}"
const ruDate = `(\\d{1,2})\\s(${RU_MONTH})(?:\\s(\\d{4})(?:\\s?(?:года|г\\.?|року|р\\.))?)?`
/** «МОСКВА, 15 января. /ТАСС/.», «СЕУЛ, 13 февраля – РИА Новости.», «Москва. 15 января. INTERFAX.RU -». */
const RU_DATELINE = new RegExp(
  `(?:^|[\\s>])${city}[,.]\\s*${ruDate}[.,]?\\s*(?:/\\s*(${agency})\\s*/|[-–—]+\\s*(${agency})(?=[\\s.,]|$)|(${agency})(?=[\\s.]|$))`,
  'u'
)
/** «15 января 2026», «15 січня 2026 року» near the top. */
const RU_WRITTEN_DATE = new RegExp(`(?<![\\p{L}\\d])${ruDate}`, 'u')

/** "(서울=연합뉴스) 홍길동 기자 =", "[서울=뉴시스]", "(워싱턴=연합뉴스) 김동현 특파원 =". */
const KO_DATELINE = /[([]\s*\p{Script=Hangul}{1,10}\s*=\s*([\p{Script=Hangul}\p{L}\p{N}]{1,15})\s*[)\]](?:\s*((?:\p{Script=Hangul}{2,4}[\s·,]*){1,3}?)\s*(?:기자|특파원)(?=[\s=·,]|$))?/u
const KO_WRITTEN_DATE = /(?<!\d)(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일/u
const KO_DOTTED_DATE = /(?<![\d.])(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})(?![\d])/u
/** A line that labels its date as the publication's: "입력 2026.01.15 14:32", "기사입력 2026-01-15". */
const KO_PUBLISHED = /(?:입력|등록|작성|송고|발행)\s*[:：]?\s*/u
const TOP_LINES = 3
/** An unlabelled date counts only on a short line of its own ("15 января 2026, 14:32"), not in the dateline's lede. */
const DATE_LINE_LENGTH = 40

const dateLines = (lines: readonly string[], dateline: RegExp): string[] =>
  lines.slice(0, TOP_LINES).filter((line) => line.trim().length <= DATE_LINE_LENGTH && !dateline.test(line))

function monthOf(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, '')
  return MONTH_STEMS.find(([stem]) => lower.startsWith(stem))?.[1] ?? null
}

function russianDate(day: string | undefined, month: string | undefined, year: string | undefined): string | null {
  if (year === undefined) return null
  return isoDate(Number(year), monthOf(month ?? '') ?? 0, Number(day))
}

function russian(lines: readonly string[]): ScriptDatelineMeta {
  const found: ScriptDatelineMeta = {}
  for (const line of lines) {
    const match = RU_DATELINE.exec(line)
    if (match === null) continue
    const signature = match[4] ?? match[5] ?? match[6] ?? ''
    const outlet = AGENCIES.get(signature.replace(/\s+/g, ' '))
    if (outlet !== undefined) found.outlet = outlet
    const date = russianDate(match[1], match[2], match[3])
    if (date !== null) found.date = date
    break
  }
  if (found.date === undefined) {
    for (const line of dateLines(lines, RU_DATELINE)) {
      const written = RU_WRITTEN_DATE.exec(line)
      const date = written === null ? null : russianDate(written[1], written[2], written[3])
      if (date !== null) {
        found.date = date
        break
      }
    }
  }
  return found
}

function koreanDate(line: string): string | null {
  const match = KO_WRITTEN_DATE.exec(line) ?? KO_DOTTED_DATE.exec(line)
  return match === null ? null : isoDate(Number(match[1]), Number(match[2]), Number(match[3]))
}

function korean(lines: readonly string[]): ScriptDatelineMeta {
  const found: ScriptDatelineMeta = {}
  for (const line of lines) {
    const match = KO_DATELINE.exec(line)
    if (match === null) continue
    found.outlet = match[1]!
    const reporters = (match[2] ?? '').split(/[\s·,]+/u).filter((name) => name.length > 0)
    if (reporters.length > 0) found.author = reporters.join(', ')
    break
  }
  const labelled = lines.find((line) => KO_PUBLISHED.test(line) && koreanDate(line) !== null)
  const top = dateLines(lines, KO_DATELINE).find((line) => koreanDate(line) !== null)
  const date = koreanDate(labelled ?? top ?? '')
  if (date !== null) found.date = date
  return found
}

/** What a Russian, Ukrainian or Korean opening says about the story; empty for other languages. */
export function readScriptDateline(lines: readonly string[]): ScriptDatelineMeta {
  const head = lines.join('\n')
  const fromKorean = /\p{Script=Hangul}/u.test(head) ? korean(lines) : {}
  const fromRussian = /\p{Script=Cyrillic}/u.test(head) ? russian(lines) : {}
  return { ...fromKorean, ...fromRussian }
}
