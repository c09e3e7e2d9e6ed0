// Sorts PDF pages by layout from the geometry of their text layer, because OCR is compared
// with the text layer in the layer's own order and that order is the reading order only on
// single-column prose. Classes, tested in this order:
//   tiny           under MIN_TEXT_CHARS characters of text layer: nothing to measure
//   non-latin      under half the letters in Latin script: English OCR cannot read them
//   not-english    Latin script with accented letters (é, ñ, ü, …) in 1 % of letters or more:
//                  French, Spanish, German…, which the English model reads without their accents
//   rotated        under half the text in upright horizontal runs (rotated, mirrored, upside down)
//   pictures       images drawn over a fifth of the page or more: words inside them are in no text layer
//   line-numbered  a short number at the left margin heading many lines (court filings, transcripts)
//   table          many lines cut at wide gaps into short cells (a few words each)
//   multi-column   a vertical gutter that almost no text crosses, prose-length runs on both sides
//   sparse         single column but short lines (forms, slides, lists of headings)
//   prose          single-column running text: the class the targets are stated for
// Thresholds were set by looking at the tune half only (scripts/ocr-eval/select.ts), except
// two tests added after the first report-half run put three mirrored pages and a page of
// screenshots among the prose (CER 15 % then): "upright" now excludes mirrored runs, and the
// pictures class exists. Both test the page, never its OCR score.
import type { PdfPageInfo, TextItem } from './pdf-pages'

export type PageClass = 'tiny' | 'non-latin' | 'not-english' | 'rotated' | 'pictures' | 'line-numbered' | 'multi-column' | 'table' | 'sparse' | 'prose'
export const PAGE_CLASSES: readonly PageClass[] = ['prose', 'multi-column', 'table', 'line-numbered', 'sparse', 'pictures', 'rotated', 'not-english', 'non-latin', 'tiny']

export const MIN_TEXT_CHARS = 200
/** A gap wider than this many font heights between runs of one line separates two cells or columns. */
const CELL_GAP_EM = 1.0
const MIN_CELL_GAP_POINTS = 6
/** Pictures over this share of the page may hold enough words to swamp a comparison with the text layer. */
const PICTURES_SHARE = 0.2

interface Segment {
  x0: number
  x1: number
  chars: number
  words: number
  text: string
}

interface Run {
  x0: number
  x1: number
  text: string
}

interface Line {
  y: number
  height: number
  /** The line's runs left to right, as pdf.js gave them. */
  runs: Run[]
  /** The runs merged where the gap between them is narrower than a cell gap. */
  segments: Segment[]
}

export interface PageLayout {
  pageClass: PageClass
  /** Why, in a few words: the measure that decided. */
  reason: string
  lines: number
}

/** Upright and left to right: a mirrored run (a < 0) or an upside-down one (d < 0) renders as no reader sees text. */
function isHorizontal(item: TextItem): boolean {
  const [a = 0, b = 0, c = 0, d = 0] = item.transform
  return Math.abs(b) <= 0.05 * a && Math.abs(c) <= 0.05 * d && a > 0 && d > 0
}

function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

/** Horizontal runs grouped into lines by baseline, each line cut into segments at wide gaps. */
export function pageLines(items: readonly TextItem[]): Line[] {
  const runs = items
    .filter((item) => item.str.trim().length > 0 && isHorizontal(item))
    .map((item) => ({ x: item.transform[4]!, y: item.transform[5]!, width: Math.max(0, item.width), height: Math.abs(item.transform[3]!) || item.height || 1, text: item.str }))
    .sort((p, q) => q.y - p.y || p.x - q.x)
  const lines: Array<{ y: number; height: number; runs: typeof runs }> = []
  for (const run of runs) {
    const line = lines.find((candidate) => Math.abs(candidate.y - run.y) <= 0.4 * Math.max(candidate.height, run.height))
    if (line === undefined) lines.push({ y: run.y, height: run.height, runs: [run] })
    else {
      line.runs.push(run)
      line.height = Math.max(line.height, run.height)
    }
  }
  return lines.map((line) => {
    const sorted = [...line.runs].sort((p, q) => p.x - q.x)
    const segments: Segment[] = []
    let current: Segment | null = null
    for (const run of sorted) {
      const gap = current === null ? Infinity : run.x - current.x1
      if (current !== null && gap <= Math.max(CELL_GAP_EM * line.height, MIN_CELL_GAP_POINTS)) {
        current.x1 = Math.max(current.x1, run.x + run.width)
        current.text += (gap > 0.15 * line.height ? ' ' : '') + run.text
      } else {
        current = { x0: run.x, x1: run.x + run.width, chars: 0, words: 0, text: run.text }
        segments.push(current)
      }
    }
    for (const segment of segments) {
      segment.chars = segment.text.replace(/\s+/gu, '').length
      segment.words = countWords(segment.text)
    }
    return { y: line.y, height: line.height, runs: sorted.map((run) => ({ x0: run.x, x1: run.x + run.width, text: run.text })), segments }
  })
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/**
 * A vertical band in the middle of the text that almost no run crosses, with running text on
 * both sides. Runs rather than segments: LaTeX's two columns are 10 pt apart, one font height,
 * no wider than a cell gap.
 */
function gutter(lines: readonly Line[]): string | null {
  const runs = lines.flatMap((line) => line.runs)
  const chars = (text: string): number => text.replace(/\s+/gu, '').length
  const total = runs.reduce((sum, run) => sum + chars(run.text), 0)
  if (total === 0) return null
  const left = Math.min(...runs.map((run) => run.x0))
  const span = Math.max(...runs.map((run) => run.x1)) - left
  for (let share = 0.3; share <= 0.7; share += 0.01) {
    const x = left + share * span
    let crossing = 0
    let leftChars = 0
    let rightChars = 0
    const leftWords: number[] = []
    const rightWords: number[] = []
    for (const line of lines) {
      const leftText: string[] = []
      const rightText: string[] = []
      for (const run of line.runs) {
        const count = chars(run.text)
        if (run.x1 <= x + 1) {
          leftChars += count
          leftText.push(run.text)
        } else if (run.x0 >= x - 1) {
          rightChars += count
          rightText.push(run.text)
        } else crossing += count
      }
      if (leftText.length > 0) leftWords.push(countWords(leftText.join(' ')))
      if (rightText.length > 0) rightWords.push(countWords(rightText.join(' ')))
    }
    if (crossing > 0.05 * total || leftChars < 0.2 * total || rightChars < 0.2 * total) continue
    if (median(leftWords) >= 5 && median(rightWords) >= 5) return `gutter at ${(100 * share).toFixed(0)} % of the text width, ${((100 * crossing) / total).toFixed(1)} % of text crossing`
  }
  return null
}

export function latinShare(text: string): number {
  const letters = text.match(/\p{L}/gu)?.length ?? 0
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0
  return letters === 0 ? 1 : latin / letters
}

/** Of the Latin letters (after NFKC, so "ﬁ" is two plain letters), the share that are not A–Z. */
export function accentedShare(text: string): number {
  const latin = text.normalize('NFKC').match(/\p{Script=Latin}/gu) ?? []
  const accented = latin.filter((letter) => !/[A-Za-z]/u.test(letter)).length
  return latin.length === 0 ? 0 : accented / latin.length
}

/** The layout class of one page; `text` is the page's text as the importer extracted it. */
export function classifyPage(page: PdfPageInfo, text: string): PageLayout {
  const chars = text.replace(/\s+/gu, '').length
  const lines = pageLines(page.items)
  const count = lines.length
  if (chars < MIN_TEXT_CHARS) return { pageClass: 'tiny', reason: `${chars} characters`, lines: count }
  const latin = latinShare(text)
  if (latin < 0.5) return { pageClass: 'non-latin', reason: `${(100 * latin).toFixed(0)} % of letters Latin`, lines: count }
  const accented = accentedShare(text)
  if (accented >= 0.01) return { pageClass: 'not-english', reason: `${(100 * accented).toFixed(1)} % of Latin letters accented`, lines: count }
  const horizontalChars = lines.reduce((sum, line) => sum + line.segments.reduce((inner, segment) => inner + segment.chars, 0), 0)
  if (horizontalChars < 0.5 * chars) return { pageClass: 'rotated', reason: `${(100 * horizontalChars / chars).toFixed(0)} % of text upright`, lines: count }
  if (page.imageShare >= PICTURES_SHARE) return { pageClass: 'pictures', reason: `pictures over ${(100 * page.imageShare).toFixed(0)} % of the page`, lines: count }

  const left = Math.min(...lines.map((line) => line.segments[0]?.x0 ?? Infinity))
  const numbered = lines.filter((line) => {
    const first = line.segments[0]
    return first !== undefined && /^\s*\d{1,4}\s*$/u.test(first.text) && first.x0 <= left + 0.15 * page.width
  }).length
  if (numbered >= 5 && numbered >= 0.3 * count) return { pageClass: 'line-numbered', reason: `${numbered} of ${count} lines start with a number`, lines: count }

  // Short cells first: a table's columns leave gutters too, but its cells are a few words each.
  const cutThree = lines.filter((line) => line.segments.length >= 3)
  const cut = lines.filter((line) => line.segments.length >= 2)
  const wordsPerCell = (cutLines: readonly Line[]): number => median(cutLines.flatMap((line) => line.segments.map((segment) => segment.words)))
  if (cutThree.length >= 3 && cutThree.length >= 0.2 * count && wordsPerCell(cutThree) <= 4) return { pageClass: 'table', reason: `${cutThree.length} of ${count} lines in 3+ cells`, lines: count }
  if (cut.length >= 4 && cut.length >= 0.4 * count && wordsPerCell(cut) <= 4) return { pageClass: 'table', reason: `${cut.length} of ${count} lines in short cells`, lines: count }

  const columns = gutter(lines)
  if (columns !== null) return { pageClass: 'multi-column', reason: columns, lines: count }

  const lineWords = median(lines.map((line) => line.segments.reduce((sum, segment) => sum + segment.words, 0)))
  if (lineWords < 6) return { pageClass: 'sparse', reason: `median ${lineWords} words a line`, lines: count }
  return { pageClass: 'prose', reason: `median ${lineWords} words a line, ${cut.length} of ${count} lines cut`, lines: count }
}
