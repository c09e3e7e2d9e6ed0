// Turns what the recogniser found on each page (paragraphs of lines of words, with pixel
// boxes) into the source's text and its word layout: words joined by a space, lines by
// a line break, paragraphs by a blank line, pages as the PDF extractor joins them; every
// word keeps its offsets in that text and its box as fractions of its page.
import { LOW_OCR_CONFIDENCE, type OcrLayout, type OcrPage, type OcrSummary, type OcrWord } from '../../../../shared/domain/original'

export interface RecognisedWord {
  text: string
  /** Pixels on the recognised image: left, top, right, bottom. */
  box: [number, number, number, number]
  /** 0–100. */
  confidence: number
}

export interface RecognisedPage {
  /** The size in pixels of the image the words were found on. */
  width: number
  height: number
  /** Paragraphs, each a list of lines, each a list of words, in reading order. */
  paragraphs: RecognisedWord[][][]
}

export interface OcrText {
  text: string
  /** The offset in `text` where each page starts. */
  pageStarts: number[]
  summary: OcrSummary
  layout: OcrLayout
}

/** What a source's text says when OCR found nothing in it, so it can still be annotated as a whole. */
export const NO_TEXT_IN_SCAN = 'No text was recognised in this scan.'
export const NO_TEXT_IN_IMAGE = 'No text was recognised in this image.'

/** The title of a scan in which nothing was recognised: its file name without the extension. */
export function titleFromFileName(fileName: string | undefined): string | null {
  if (fileName === undefined) return null
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').trim()
  return base === '' ? null : base
}

/** Scripts written without spaces between words: the recogniser's word breaks are not spaces there. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u

function joiner(before: string, after: string): string {
  return UNSPACED.test(before.slice(-1)) && UNSPACED.test(after.charAt(0)) ? '' : ' '
}

/** Fractions of the page, rounded: 1/10,000 of a page is under half a pixel at OCR resolution. */
function fraction(value: number, size: number): number {
  return size <= 0 ? 0 : Math.round(Math.min(1, Math.max(0, value / size)) * 10_000) / 10_000
}

function round1(value: number): number {
  return Math.round(value * 10) / 10
}

/** One page's text, its words placed relative to the page's start. */
function pageText(page: RecognisedPage): { text: string; words: OcrWord[]; sum: number } {
  let text = ''
  let sum = 0
  const words: OcrWord[] = []
  for (const paragraph of page.paragraphs) {
    const lines = paragraph.map((line) => line.map((word) => ({ ...word, text: word.text.replace(/\s+/g, '') })).filter((word) => word.text !== '')).filter((line) => line.length > 0)
    if (lines.length === 0) continue
    if (text !== '') text += '\n\n'
    lines.forEach((line, lineIndex) => {
      if (lineIndex > 0) text += '\n'
      line.forEach((word, wordIndex) => {
        const previous = line[wordIndex - 1]
        if (previous !== undefined) text += joiner(previous.text, word.text)
        const start = text.length
        text += word.text
        const [left, top, right, bottom] = word.box
        const confidence = Math.max(0, Math.min(100, round1(word.confidence)))
        words.push([start, text.length, fraction(left, page.width), fraction(top, page.height), fraction(right, page.width), fraction(bottom, page.height), confidence])
        sum += confidence
      })
    })
  }
  return { text, words, sum }
}

/**
 * The document's text and layout from its recognised pages. `placeholder` is the whole text
 * when no page held a word (the source is then an image, annotatable as a whole).
 */
export function buildOcrText(pages: readonly RecognisedPage[], languages: readonly string[], placeholder: string): OcrText {
  let text = ''
  let wordCount = 0
  let confidenceSum = 0
  const pageStarts: number[] = []
  const layoutPages: OcrPage[] = []
  const lowConfidencePages: number[] = []
  pages.forEach((page, index) => {
    const one = pageText(page)
    if (one.text.length > 0 && text.length > 0) text += '\n\n'
    const offset = text.length
    pageStarts.push(offset)
    text += one.text
    const confidence = one.words.length === 0 ? 0 : round1(one.sum / one.words.length)
    if (one.words.length > 0 && confidence < LOW_OCR_CONFIDENCE) lowConfidencePages.push(index + 1)
    wordCount += one.words.length
    confidenceSum += one.sum
    layoutPages.push({
      width: page.width,
      height: page.height,
      confidence,
      words: one.words.map(([start, end, ...rest]) => [start + offset, end + offset, ...rest])
    })
  })
  const recognised = wordCount > 0
  if (!recognised) {
    text = placeholder
    // The placeholder stands on the first page; later pages start after it, as empty pages do.
    pageStarts.splice(0, pageStarts.length, ...pages.map((_, index) => (index === 0 ? 0 : text.length)))
  }
  return {
    text,
    pageStarts,
    summary: {
      confidence: recognised ? round1(confidenceSum / wordCount) : 0,
      lowConfidencePages,
      languages: [...languages],
      recognised,
      pages: pages.length
    },
    layout: { pages: layoutPages }
  }
}
