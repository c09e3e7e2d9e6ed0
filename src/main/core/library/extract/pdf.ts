// PDFs through pdf.js: each page's text items joined as laid out (a line break where
// pdf.js marks end-of-line), pages separated by a blank line, and the offset where each
// page starts so the reader can show page numbers. Scanned pages are drawn and read by
// OCR: every page when no page has text, else each page with next to no text over a
// picture covering most of it (a court filing's scans carry a stamped "Page 3 of 40"
// line of real text; a typed brief may have scanned exhibits).
import type { ExtractContext, ExtractedDocument, OcrOptions } from './types'
import { describePdf } from './pdf-meta'
import { imageShare, type ImageOps, type OperatorListPage } from './pdf-image-share'
import { pageText, type TextPiece } from './pdf-page-text'
import { documentOptions, loadPdfJs } from './pdfjs-loader'
import { shortDetail, unreadable } from './unreadable'
import type { DrawablePage } from '../ocr/ocr-images'

interface PdfPage extends DrawablePage, OperatorListPage {
  getTextContent(): Promise<{ items: TextPiece[] }>
  cleanup(): unknown
  view: number[]
}

/**
 * A page with fewer non-space characters of text layer than this, over a picture, is a
 * scan. A PACER stamp alone is some 50 ("Case 1:23-cv-01234-ABC Document 12 Filed 03/04/23
 * Page 3 of 40"), over 60 with "PageID #: 123", more with a Bates number beside it; a
 * typed page holds well over a thousand, and even a title page rarely sits on a full-page picture.
 */
export const SCAN_MAX_TEXT_CHARS = 100
/** The share of the page a picture must cover for a page with next to no text to be a scan. */
export const SCAN_MIN_IMAGE_SHARE = 0.5

/** The most pages of one scanned PDF OCR reads: a 2,000-page scan takes about an hour on two cores. */
export const MAX_OCR_PAGES = 2000

function openingError(error: unknown): Error {
  const name = error instanceof Error ? error.name : ''
  if (name === 'PasswordException') return unreadable('password-protected PDF')
  return unreadable(`damaged PDF (${shortDetail(error)})`)
}

/** Page numbers (1-based) as a reader says them: "3–5 and 9". */
function pageRanges(numbers: readonly number[]): string {
  const ranges: string[] = []
  for (let index = 0; index < numbers.length; ) {
    let end = index
    while (numbers[end + 1] === numbers[end]! + 1) end++
    ranges.push(end === index ? `${numbers[index]}` : `${numbers[index]}–${numbers[end]}`)
    index = end + 1
  }
  return ranges.length <= 1 ? (ranges[0] ?? '') : `${ranges.slice(0, -1).join(', ')} and ${ranges.at(-1)}`
}

function joinPages(pages: string[]): { text: string; pageStarts: number[] } {
  let text = ''
  const pageStarts: number[] = []
  for (const page of pages) {
    if (page.length > 0 && text.length > 0) text += '\n\n'
    pageStarts.push(text.length)
    text += page
  }
  return { text, pageStarts }
}

/** The share of page `index` (0-based) that pictures cover; 0 when it cannot be measured (then it keeps its text). */
async function coveredByImages(document: { getPage(number: number): Promise<unknown> }, index: number, ops: ImageOps): Promise<number> {
  try {
    const page = (await document.getPage(index + 1)) as PdfPage
    try {
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view
      return await imageShare(page, ops, [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)])
    } finally {
      page.cleanup()
    }
  } catch {
    return 0
  }
}

export async function extractPdf(bytes: Uint8Array, ocr?: OcrOptions, context: ExtractContext = {}): Promise<ExtractedDocument> {
  // Not the file's fault, so not a UserError: pdf.js (or @napi-rs/canvas, which it needs
  // to load under Node) is missing from this build.
  const pdfjs = await loadPdfJs().catch((error: unknown) => {
    throw new Error(`pdf: cannot load pdf.js (${shortDetail(error)})`)
  })
  const loadingTask = pdfjs.getDocument(documentOptions(pdfjs, bytes))
  try {
    const document = await loadingTask.promise.catch((error: unknown) => {
      throw openingError(error)
    })
    const warnings: string[] = []
    const pages: string[] = []
    const sizes: Array<{ width: number; height: number }> = []
    let pageError: string | null = null
    for (let number = 1; number <= document.numPages; number += 1) {
      try {
        const page = (await document.getPage(number)) as unknown as PdfPage
        const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view
        sizes.push({ width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) })
        pages.push(pageText((await page.getTextContent()).items))
        page.cleanup()
      } catch (error) {
        pageError ??= shortDetail(error)
        warnings.push(`page ${number} could not be read (${shortDetail(error)})`)
        pages.push('')
        sizes.push({ width: 0, height: 0 })
      }
    }
    const empty = pages.every((page) => page.length === 0)
    if (empty && pageError !== null && warnings.length === pages.length) throw unreadable(`damaged PDF (${pageError})`)
    // No text at all: every page is read by OCR. Else only pages that look scanned; their
    // pictures are measured only when their text is short, so a typed PDF pays next to nothing.
    const scanned: number[] = []
    for (const [index, text] of pages.entries()) {
      if (empty) scanned.push(index)
      else if (text.replace(/\s+/gu, '').length < SCAN_MAX_TEXT_CHARS && (await coveredByImages(document, index, pdfjs.OPS)) >= SCAN_MIN_IMAGE_SHARE) scanned.push(index)
    }
    const { info, metadata } = await document.getMetadata().catch(() => ({ info: null, metadata: null }))
    const described = describePdf(info, metadata)
    if (scanned.length === 0) return { format: 'pdf', ...joinPages(pages), title: described.title, meta: described.meta, warnings }
    // Loaded here, so text PDFs never load the recogniser.
    const [{ recogniseScan }, { renderPdfPage }, { NO_TEXT_IN_SCAN, titleFromFileName }] = await Promise.all([import('../ocr/recognise-scan'), import('../ocr/ocr-images'), import('../ocr/ocr-text')])
    // A scan longer than this is read in part (a hostile file can hold 100,000 empty pages: hours of OCR).
    const ocrIndexes = scanned.slice(0, MAX_OCR_PAGES)
    if (ocrIndexes.length < scanned.length) warnings.push(`only the first ${MAX_OCR_PAGES.toLocaleString('en')} of ${scanned.length.toLocaleString('en')} scanned pages were read by OCR`)
    const drawPage = async (k: number) => {
      const page = (await document.getPage(ocrIndexes[k]! + 1)) as unknown as PdfPage
      try {
        return await renderPdfPage(page)
      } finally {
        page.cleanup()
      }
    }
    // No text at all: the document is the scan's text alone (pages past the cap left out, as
    // before). Else the other pages keep their text layer, and so do scanned pages past the cap.
    // Only a PDF with no text at all is a plain scan: a page with a few words of its own keeps them unless OCR reads more.
    const whole = empty
    const mixed = whole ? undefined : { layer: pages.map((text, index) => ({ text, ...sizes[index]! })), ocrIndexes }
    const scan = await recogniseScan({ count: ocrIndexes.length, image: drawPage, ...(mixed === undefined ? {} : { mixed }) }, NO_TEXT_IN_SCAN, ocr, context)
    if (!whole) {
      // A scanned-looking page whose OCR read no more than its text layer keeps the layer.
      const read = scan.layout.pages.flatMap((page, index) => (page.textLayer === true ? [] : [index + 1]))
      if (read.length === 0) return { format: 'pdf', ...joinPages(pages), title: described.title, meta: described.meta, warnings: [...warnings, ...scan.warnings] }
      // Said only when some pages kept their text: a PDF read all by OCR says so in its caveat.
      if (read.length < pages.length) {
        const ranges = pageRanges(read)
        // A long list of ranges says less than a count.
        const which = read.length === 1 ? `page ${ranges}` : ranges.split(',').length <= 6 ? `pages ${ranges}` : `${read.length.toLocaleString('en')} pages`
        warnings.push(`${which} read by OCR (scanned)`)
      }
    }
    return {
      format: 'pdf',
      text: scan.text,
      pageStarts: scan.pageStarts,
      title: described.title ?? (scan.summary.recognised ? null : titleFromFileName(context.fileName)),
      meta: described.meta,
      warnings: [...warnings, ...scan.warnings],
      ocr: { summary: scan.summary, layout: scan.layout }
    }
  } finally {
    await loadingTask.destroy()
  }
}
