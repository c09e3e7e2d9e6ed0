// The "mapping both ways" check of the PDF original view, on real PDFs: does a highlight
// made in the text view show on the right page over the same words, and does a selection
// on the page yield the same quote? Per page of a PDF with a text layer:
//   text    the page's slice of the importer's extracted text (extractPdf: text + pageStarts);
//   shown   the strings of the page's text-layer spans, in order: pdf.js's TextLayer makes one
//           span per getTextContent item (marked-content items make no text; hasEOL makes a
//           <br>, no text). By default the items are asked for as pdf.js's own viewer
//           (PDFPageView) asks: includeMarkedContent, disableNormalization (ligatures as the
//           font has them); `normalised` asks with pdf.js's defaults instead.
//   map     alignShownText(text, shown), what OffsetLayer.align builds in the renderer.
// Passages are every sentence of the page (splitSentences: they end at line breaks too) and
// every run of 12 words (whitespace-separated, across lines, not overlapping). For [start, end):
//   (a) text → page: what OffsetLayer.rangesFor draws, per span from the first to the last
//       character mapped into [start, end), read in order with whitespace removed, equals the
//       extracted slice with whitespace removed (strictly; and up to NFKC and the typographic
//       folding of metrics.ts, under which a ligature glyph equals its letters);
//   (b) page → text: a selection from the first to the last drawn character, read back as
//       OffsetLayer.selectionRange does (smallest to largest mapped offset in it), gives
//       exactly [start, end).
// Every shown character comes from the page's own text layer, so a drawn highlight is on
// the page its text is from by construction. `unmapped` counts the page's non-space
// extracted characters that no shown character stands for (what can never be highlighted).
import { alignShownText } from '../../src/shared/text/shown-text'
import { splitSentences } from '../../src/shared/text/sentences'
import type { TextRange } from '../../src/shared/text/find'
import { normaliseForOcr } from './metrics'

export type PassageKind = 'sentence' | 'window'

export interface MappingCounts {
  passages: number
  /** (a) and (b) both hold. */
  bothWays: number
  /** (a) held comparing characters as they are. */
  textToPageStrict: number
  /** (a) held up to NFKC and typographic folding. */
  textToPage: number
  pageToText: number
  /** Passages of which no character is drawn at all. */
  notShown: number
}

export interface PageMapping {
  sentence: MappingCounts
  window: MappingCounts
  nonSpaceChars: number
  unmappedChars: number
  /** A few failed passages, for the report: "p3 window: «…» drew «…», selection read «…»". */
  failures: string[]
}

const WINDOW_WORDS = 12
const MAX_FAILURE_EXAMPLES = 3

export function emptyCounts(): MappingCounts {
  return { passages: 0, bothWays: 0, textToPageStrict: 0, textToPage: 0, pageToText: 0, notShown: 0 }
}

export function addCounts(into: MappingCounts, from: MappingCounts): void {
  into.passages += from.passages
  into.bothWays += from.bothWays
  into.textToPageStrict += from.textToPageStrict
  into.textToPage += from.textToPage
  into.pageToText += from.pageToText
  into.notShown += from.notShown
}

function windows(text: string): TextRange[] {
  const words = Array.from(text.matchAll(/\S+/gu), (match) => ({ start: match.index, end: match.index + match[0].length }))
  const ranges: TextRange[] = []
  for (let at = 0; at < words.length; at += WINDOW_WORDS) {
    const last = words[Math.min(words.length, at + WINDOW_WORDS) - 1]!
    ranges.push({ start: words[at]!.start, end: last.end })
  }
  return ranges
}

const squeeze = (text: string): string => text.replace(/\s+/gu, '')
const loose = (text: string): string => squeeze(normaliseForOcr(text))

/** The span index and offset within it of each shown character, so per-span ranges can be drawn as rangesFor draws them. */
function spanStarts(items: readonly string[]): number[] {
  const starts: number[] = []
  let at = 0
  for (const item of items) {
    starts.push(at)
    at += item.length
  }
  starts.push(at)
  return starts
}

interface Drawn {
  /** The characters the highlight boxes cover, in order. */
  text: string
  /** Shown indices of the first and last covered character; -1 when nothing is drawn. */
  first: number
  last: number
}

/** What OffsetLayer.rangesFor(start, end) covers: in each span, its first to last character mapped into the range. */
function drawn(shown: string, map: Int32Array, starts: readonly number[], range: TextRange): Drawn {
  let text = ''
  let first = -1
  let last = -1
  for (let span = 0; span + 1 < starts.length; span++) {
    let from = -1
    let to = -1
    for (let k = starts[span]!; k < starts[span + 1]!; k++) {
      const offset = map[k]!
      if (offset < range.start || offset >= range.end) continue
      if (from === -1) from = k
      to = k
    }
    if (from === -1) continue
    text += shown.slice(from, to + 1)
    if (first === -1) first = from
    last = to
  }
  return { text, first, last }
}

/** What OffsetLayer.selectionRange reads from a selection over shown[first..last]. */
function readBack(map: Int32Array, first: number, last: number): TextRange | null {
  let start = -1
  let end = -1
  for (let k = first; k <= last; k++) {
    const offset = map[k]!
    if (offset === -1) continue
    if (start === -1 || offset < start) start = offset
    if (offset + 1 > end) end = offset + 1
  }
  return start === -1 ? null : { start, end }
}

function clip(text: string, width = 60): string {
  const flat = text.replace(/\s+/gu, ' ')
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`
}

/** Checks every passage of one page; `pageLabel` names the page in failure examples. */
export function checkPage(text: string, shownItems: readonly string[], pageLabel: string): PageMapping {
  const shown = shownItems.join('')
  const map = alignShownText(text, shown)
  const starts = spanStarts(shownItems)
  const result: PageMapping = { sentence: emptyCounts(), window: emptyCounts(), nonSpaceChars: 0, unmappedChars: 0, failures: [] }

  const hit = new Uint8Array(text.length)
  for (const offset of map) if (offset >= 0) hit[offset] = 1
  for (let i = 0; i < text.length; i++) {
    if (/\s/u.test(text.charAt(i))) continue
    result.nonSpaceChars++
    if (hit[i] === 0) result.unmappedChars++
  }

  const kinds: Array<[PassageKind, TextRange[]]> = [['sentence', splitSentences(text)], ['window', windows(text)]]
  for (const [kind, ranges] of kinds) {
    const counts = result[kind]
    for (const range of ranges) {
      const quote = text.slice(range.start, range.end)
      if (squeeze(quote).length === 0) continue
      counts.passages++
      const shownPart = drawn(shown, map, starts, range)
      if (shownPart.first === -1) {
        counts.notShown++
        if (result.failures.length < MAX_FAILURE_EXAMPLES) result.failures.push(`${pageLabel} ${kind}: «${clip(quote)}» is not drawn at all`)
        continue
      }
      const strict = squeeze(shownPart.text) === squeeze(quote)
      const textToPage = strict || loose(shownPart.text) === loose(quote)
      const back = readBack(map, shownPart.first, shownPart.last)
      const pageToText = back !== null && back.start === range.start && back.end === range.end
      if (strict) counts.textToPageStrict++
      if (textToPage) counts.textToPage++
      if (pageToText) counts.pageToText++
      if (textToPage && pageToText) counts.bothWays++
      else if (result.failures.length < MAX_FAILURE_EXAMPLES) {
        const read = back === null ? 'nothing' : `«${clip(text.slice(back.start, back.end))}»`
        result.failures.push(`${pageLabel} ${kind}: «${clip(quote)}» drew «${clip(shownPart.text)}», selection read ${read}`)
      }
    }
  }
  return result
}
