// Turns one PDF page's text items (from pdf.js) into text: runs joined as laid out, a
// line break where pdf.js marks end-of-line, each column of vertical CJK text one line.
// "Fake bold" (a run printed again a fraction of a point off, often split differently)
// would otherwise read "股票代码股票代码：：：".
import { joinVerticalColumns } from './pdf-vertical'
import { tidyText } from './tidy-text'

/** What getTextContent yields: text runs, and marked-content markers without `str`. */
export interface TextPiece {
  str?: unknown
  hasEOL?: unknown
  transform?: unknown
  width?: unknown
  height?: unknown
  /** "ttb" for a vertical font's text. */
  dir?: unknown
}

interface PlacedRun {
  text: string
  x: number
  y: number
  width: number
  height: number
}

const RECENT_RUNS = 8
/** How close two copies of a run must sit, as a share of the font height, to count as one. */
const OVERPRINT_TOLERANCE = 0.15
const MIN_TOLERANCE_POINTS = 1

function placed(item: TextPiece, text: string): PlacedRun | null {
  const transform = item.transform
  if (!Array.isArray(transform) || transform.length < 6 || typeof item.width !== 'number') return null
  const [, , , height, x, y] = transform as unknown[]
  if (typeof x !== 'number' || typeof y !== 'number' || typeof height !== 'number') return null
  return { text, x, y, width: item.width, height: Math.abs(height) }
}

/** How many leading characters of `run` a nearby earlier run already printed at the same spot. */
function alreadyPrinted(run: PlacedRun, recent: readonly PlacedRun[]): number {
  let covered = 0
  const runEnd = run.x + run.width
  for (const other of recent) {
    const tolerance = Math.max(MIN_TOLERANCE_POINTS, Math.max(run.height, other.height) * OVERPRINT_TOLERANCE)
    if (Math.abs(other.y - run.y) > tolerance) continue
    const otherEnd = other.x + other.width
    if (Math.abs(other.x - run.x) <= tolerance && other.text.startsWith(run.text)) return run.text.length
    if (Math.abs(otherEnd - runEnd) <= tolerance && other.text.endsWith(run.text)) return run.text.length
    // The other run's tail is this run's head: where would that head have started?
    for (let k = Math.min(other.text.length, run.text.length - 1); k > covered; k -= 1) {
      if (!other.text.endsWith(run.text.slice(0, k))) continue
      const byOtherWidths = otherEnd - (other.width * k) / other.text.length
      const byOwnWidths = otherEnd - (run.width * k) / run.text.length
      if (Math.min(Math.abs(byOtherWidths - run.x), Math.abs(byOwnWidths - run.x)) <= tolerance) covered = k
      break
    }
  }
  return covered
}

export function pageText(items: readonly TextPiece[]): string {
  let text = ''
  const recent: PlacedRun[] = []
  for (const item of joinVerticalColumns(items)) {
    if (typeof item.str === 'string' && item.str.length > 0) {
      const run = item.str.trim().length > 0 ? placed(item, item.str) : null
      text += run === null ? item.str : item.str.slice(alreadyPrinted(run, recent))
      if (run !== null) {
        recent.push(run)
        if (recent.length > RECENT_RUNS) recent.shift()
      }
    }
    if (item.hasEOL === true) text += '\n'
  }
  // pdf.js can hand out NULs and other control characters from broken font encodings.
  return tidyText(text.replace(/[^\P{Cc}\n\t]/gu, ''))
}
