// Vertical CJK text (columns read top to bottom, right to left) often reaches pdf.js as one
// glyph per text item, each moved an em down with a horizontal font, so every character
// ends its own line. This finds such columns — short items stacked about an advance apart
// at the same x, mostly CJK — and makes each column one line. A vertical font's columns
// (pdf.js's dir "ttb") are joined the same way when pdf.js splits them.
import type { TextPiece } from './pdf-page-text'

interface Glyph {
  /** Where the item sits in the page's items. */
  index: number
  text: string
  x: number
  y: number
  /** The font size: an em, in page units. */
  size: number
  /** How far down the next glyph of the column should start. */
  advance: number
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60]/u
/** How far off the column's x a glyph may sit (punctuation is set off-centre), and its advance may be off, in ems. */
const X_TOLERANCE = 0.5
const ADVANCE_TOLERANCE = 0.5
/** A page needs a column this long for its columns to be joined: two stacked characters may as well be two table cells. */
const MIN_COLUMN = 3

function placedGlyph(item: TextPiece, index: number): Glyph | null {
  const text = typeof item.str === 'string' ? item.str.trim() : ''
  const transform = item.transform
  if (text.length === 0 || !Array.isArray(transform) || transform.length < 6) return null
  const [, , c, d, x, y] = transform as unknown[]
  if (typeof c !== 'number' || typeof d !== 'number' || typeof x !== 'number' || typeof y !== 'number') return null
  const size = Math.hypot(c, d)
  if (size === 0) return null
  if (item.dir === 'ttb' && typeof item.height === 'number') return { index, text, x, y, size, advance: item.height }
  // One glyph, or two half-width ones set across the column (a number in vertical text).
  const [first = '', second] = [...text]
  if (second === undefined || ([...text].length === 2 && !CJK.test(first) && !CJK.test(second))) return { index, text, x, y, size, advance: size }
  return null
}

function continuesColumn(above: Glyph, below: Glyph): boolean {
  const gap = above.y - below.y
  return Math.abs(below.x - above.x) <= X_TOLERANCE * above.size && gap > 0 && Math.abs(gap - above.advance) <= ADVANCE_TOLERANCE * above.size
}

function mostlyCjk(column: readonly Glyph[]): boolean {
  const characters = column.flatMap((glyph) => [...glyph.text])
  return characters.filter((character) => CJK.test(character)).length * 2 >= characters.length
}

/** Whether the items between two glyphs hold no text (pdf.js puts spaces and empty end-of-line items there). */
function blankBetween(items: readonly TextPiece[], from: number, to: number): boolean {
  for (let index = from + 1; index < to; index += 1) {
    const text = items[index]?.str
    if (typeof text === 'string' && text.trim().length > 0) return false
  }
  return true
}

/** Runs of glyphs stacked as a column, in item order (single glyphs included). */
function stackedRuns(items: readonly TextPiece[], glyphs: readonly Glyph[]): Glyph[][] {
  const runs: Glyph[][] = []
  let run: Glyph[] = []
  for (const glyph of glyphs) {
    const above = run.at(-1)
    // Other text between two glyphs in the item list breaks the column.
    if (above !== undefined && !(blankBetween(items, above.index, glyph.index) && continuesColumn(above, glyph))) {
      runs.push(run)
      run = []
    }
    run.push(glyph)
  }
  if (run.length > 0) runs.push(run)
  return runs
}

/**
 * The items with each vertical column's line breaks moved to its end; the same array when
 * there is none. Once a page has a column of MIN_COLUMN glyphs, shorter ones (the end of a
 * paragraph) count too.
 */
export function joinVerticalColumns(items: readonly TextPiece[]): readonly TextPiece[] {
  const glyphs: Glyph[] = []
  items.forEach((item, index) => {
    const glyph = placedGlyph(item, index)
    if (glyph !== null) glyphs.push(glyph)
  })
  const columns = stackedRuns(items, glyphs).filter((run) => run.length > 1 && mostlyCjk(run))
  if (!columns.some((column) => column.length >= MIN_COLUMN)) return items
  const joined = [...items]
  for (const column of columns) {
    const first = (column[0] as Glyph).index
    const last = (column.at(-1) as Glyph).index
    for (let index = first; index <= last; index += 1) joined[index] = { ...items[index], hasEOL: index === last }
  }
  return joined
}
