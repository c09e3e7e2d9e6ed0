// Opens a PDF with the importer's pdf.js (same loader, same options as
// src/main/core/library/extract/pdf.ts) and hands out each page's text items with their
// geometry, for classifying pages and for building what the renderer's text layer shows.
import { extractPdf } from '../../src/main/core/library/extract/pdf'
import { pageText } from '../../src/main/core/library/extract/pdf-page-text'
import { imageShare as picturesShare } from '../../src/main/core/library/extract/pdf-image-share'
import { documentOptions, loadPdfJs, type PdfJs } from '../../src/main/core/library/extract/pdfjs-loader'

/** One text run of getTextContent, with the fields the evaluation reads. */
export interface TextItem {
  str: string
  hasEOL: boolean
  /** [a, b, c, d, x, y]: x, y is the run's origin in PDF points, d its font height. */
  transform: number[]
  width: number
  height: number
}

export interface PdfPageInfo {
  number: number
  /** The page's size in points (its view box), before any /Rotate. */
  width: number
  height: number
  /** The /Rotate of the page, 0, 90, 180 or 270. */
  rotate: number
  items: TextItem[]
  /** The share of the page that pictures (image XObjects, inline images) are drawn over, 0–1. */
  imageShare: number
}

interface RawItem {
  str?: unknown
  hasEOL?: unknown
  transform?: unknown
  width?: unknown
  height?: unknown
}

export interface OpenPdf {
  numPages: number
  /** The page's runs as the importer reads them (getTextContent with its defaults). */
  page(number: number): Promise<PdfPageInfo>
  /**
   * The strings of the runs in the order pdf.js's TextLayer makes one span for each (see
   * mapping.ts): as pdf.js's viewer asks for them, or with pdf.js's defaults when `normalised`.
   */
  shownItems(number: number, normalised?: boolean): Promise<string[]>
  /** pdf.js's own page object, to draw it; call its cleanup() when done. */
  pdfPage(number: number): Promise<PdfJsPage>
  close(): Promise<void>
}

export type PdfJsPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>

function textItems(items: readonly RawItem[]): TextItem[] {
  const out: TextItem[] = []
  for (const item of items) {
    if (typeof item.str !== 'string' || !Array.isArray(item.transform)) continue
    out.push({
      str: item.str,
      hasEOL: item.hasEOL === true,
      transform: item.transform as number[],
      width: typeof item.width === 'number' ? item.width : 0,
      height: typeof item.height === 'number' ? item.height : 0
    })
  }
  return out
}

export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  const pdfjs = await loadPdfJs()
  const task = pdfjs.getDocument(documentOptions(pdfjs, bytes))
  let document
  try {
    document = await task.promise
  } catch (error) {
    await task.destroy()
    throw error
  }
  const opened = document
  return {
    numPages: opened.numPages,
    async page(number) {
      const page = await opened.getPage(number)
      const [x0, y0, x1, y1] = page.view as [number, number, number, number]
      const content = await page.getTextContent()
      const imageShare = await picturesShare(page, pdfjs.OPS, [x0, y0, x1, y1])
      page.cleanup()
      return { number, width: x1 - x0, height: y1 - y0, rotate: page.rotate, items: textItems(content.items as RawItem[]), imageShare }
    },
    async shownItems(number, normalised = false) {
      const page = await opened.getPage(number)
      // What pdf.js's viewer (PDFPageView) streams into its TextLayer: marked content kept
      // (it becomes nesting spans, no text) and the text not NFKC-normalised.
      const content = await page.getTextContent(normalised ? {} : { includeMarkedContent: true, disableNormalization: true })
      page.cleanup()
      const strings: string[] = []
      for (const item of content.items as RawItem[]) if (typeof item.str === 'string') strings.push(item.str)
      return strings
    },
    pdfPage(number) {
      return opened.getPage(number)
    },
    async close() {
      await task.destroy()
    }
  }
}

/**
 * Each page's own text in the importer's extracted text: from its start to the next page's,
 * without the blank line extractPdf puts between pages (an empty page's slice is that blank line).
 */
export function pageSlices(text: string, pageStarts: readonly number[] | null): Array<{ start: number; text: string }> {
  const starts = pageStarts ?? [0]
  return starts.map((start, index) => ({ start, text: text.slice(start, starts[index + 1] ?? text.length).replace(/\n\n$/u, '') }))
}

export type TextLayer = { ok: true; text: string; pageStarts: number[] | null } | { ok: false; reason: string }

export const NO_TEXT_LAYER = 'no text layer (a scan: nothing to compare with)'

function shortReason(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error)
  return reason.length > 120 ? `${reason.slice(0, 119)}…` : reason
}

/**
 * The importer's text of a PDF that has a text layer (extractPdf), or why there is none. A PDF
 * whose every page is empty of text is a scan: the importer would OCR it, so it is reported
 * as such without being read, as the comparison needs a text layer.
 */
export async function readTextLayer(bytes: Uint8Array): Promise<TextLayer> {
  let opened: OpenPdf | null = null
  try {
    opened = await openPdf(bytes)
    let anyText = false
    for (let number = 1; number <= opened.numPages && !anyText; number++) {
      anyText = pageText((await opened.page(number)).items).length > 0
    }
    if (!anyText) return { ok: false, reason: NO_TEXT_LAYER }
  } catch {
    // Unreadable: extractPdf below says why in the importer's words.
  } finally {
    await opened?.close()
  }
  try {
    const extracted = await extractPdf(bytes)
    if (extracted.ocr !== undefined) return { ok: false, reason: NO_TEXT_LAYER }
    return { ok: true, text: extracted.text, pageStarts: extracted.pageStarts }
  } catch (error) {
    return { ok: false, reason: shortReason(error) }
  }
}
