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

/** A page of a mixed PDF that keeps its text layer: its text as the PDF extractor read it, and its size in points. */
export interface TextLayerPage {
  text: string
  width: number
  height: number
}

/** One page of the document: recognised by OCR (with its 1-based page number), or kept from the text layer. */
type DocumentPage = { kind: 'ocr'; page: RecognisedPage; number: number } | ({ kind: 'layer' } & TextLayerPage)

function assemble(pages: readonly DocumentPage[], languages: readonly string[], placeholder: string): OcrText {
  let text = ''
  let wordCount = 0
  let confidenceSum = 0
  let layerChars = 0
  let ocrPages = 0
  const pageStarts: number[] = []
  const layoutPages: OcrPage[] = []
  const lowConfidencePages: number[] = []
  for (const entry of pages) {
    const one = entry.kind === 'ocr' ? pageText(entry.page) : { text: entry.text, words: [], sum: 0 }
    if (one.text.length > 0 && text.length > 0) text += '\n\n'
    const offset = text.length
    pageStarts.push(offset)
    text += one.text
    if (entry.kind === 'layer') {
      layerChars += one.text.length
      // The original view shows pdf.js's own text layer on this page.
      layoutPages.push({ width: entry.width, height: entry.height, confidence: 0, words: [], textLayer: true })
      continue
    }
    ocrPages++
    const confidence = one.words.length === 0 ? 0 : round1(one.sum / one.words.length)
    if (one.words.length > 0 && confidence < LOW_OCR_CONFIDENCE) lowConfidencePages.push(entry.number)
    wordCount += one.words.length
    confidenceSum += one.sum
    layoutPages.push({
      width: entry.page.width,
      height: entry.page.height,
      confidence,
      words: one.words.map(([start, end, ...rest]) => [start + offset, end + offset, ...rest])
    })
  }
  // Text from the kept text layer counts: only a document with no text at all is an image.
  const recognised = wordCount > 0 || layerChars > 0
  if (!recognised) {
    text = placeholder
    // The placeholder stands on the first page; later pages start after it, as empty pages do.
    pageStarts.splice(0, pageStarts.length, ...pages.map((_, index) => (index === 0 ? 0 : text.length)))
  }
  return {
    text,
    pageStarts,
    summary: {
      confidence: wordCount > 0 ? round1(confidenceSum / wordCount) : 0,
      lowConfidencePages,
      languages: [...languages],
      recognised,
      pages: ocrPages
    },
    layout: { pages: layoutPages }
  }
}

/**
 * The document's text and layout from its recognised pages. `placeholder` is the whole text
 * when no page held a word (the source is then an image, annotatable as a whole).
 */
export function buildOcrText(pages: readonly RecognisedPage[], languages: readonly string[], placeholder: string): OcrText {
  return assemble(
    pages.map((page, index) => ({ kind: 'ocr', page, number: index + 1 })),
    languages,
    placeholder
  )
}

/**
 * A PDF read partly by OCR: every page in order, `recognised[k]` standing for PDF page
 * `ocrIndexes[k]` (0-based) and replacing its text layer, every other page keeping
 * `layer[index]`. Pages are joined as the PDF extractor joins them, so each OCR word's
 * offsets are where its page lands in the whole text.
 */
export function buildMixedText(recognised: readonly RecognisedPage[], ocrIndexes: readonly number[], layer: readonly TextLayerPage[], languages: readonly string[], placeholder: string): OcrText {
  const byIndex = new Map<number, RecognisedPage>()
  ocrIndexes.forEach((pdfIndex, k) => {
    const page = recognised[k]
    if (page !== undefined) byIndex.set(pdfIndex, page)
  })
  const pages = layer.map((kept, index): DocumentPage => {
    const page = byIndex.get(index)
    return page === undefined || !readsMore(page, kept) ? { kind: 'layer', ...kept } : { kind: 'ocr', page, number: index + 1 }
  })
  return assemble(pages, languages, placeholder)
}

/** How many more non-space characters OCR must read than a page's text layer holds to replace it. */
const MIN_OCR_GAIN = 20

/**
 * Whether OCR read a page better than its few words of text layer: clearly more text, with
 * confidence. A photo with a caption read as noise (confidence 28 on a corpus file) keeps its caption.
 */
function readsMore(page: RecognisedPage, kept: TextLayerPage): boolean {
  const words = page.paragraphs.flat(2)
  if (words.length === 0) return false
  const chars = words.reduce((sum, word) => sum + word.text.replace(/\s+/gu, '').length, 0)
  const confidence = words.reduce((sum, word) => sum + word.confidence, 0) / words.length
  return confidence >= LOW_OCR_CONFIDENCE && chars >= kept.text.replace(/\s+/gu, '').length + MIN_OCR_GAIN
}
