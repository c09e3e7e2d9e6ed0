// PDFs through pdf.js: each page's text items joined as laid out (a line break where
// pdf.js marks end-of-line), pages separated by a blank line, and the offset where each
// page starts so the reader can show page numbers. No text at all means a scan: its
// pages are drawn and read by OCR.
import type { ExtractContext, ExtractedDocument, OcrOptions } from './types'
import { describePdf } from './pdf-meta'
import { pageText, type TextPiece } from './pdf-page-text'
import { documentOptions, loadPdfJs } from './pdfjs-loader'
import { shortDetail, unreadable } from './unreadable'
import type { DrawablePage } from '../ocr/ocr-images'

interface PdfPage extends DrawablePage {
  getTextContent(): Promise<{ items: TextPiece[] }>
  cleanup(): unknown
}

/** The most pages of one scanned PDF OCR reads: a 2,000-page scan takes about an hour on two cores. */
export const MAX_OCR_PAGES = 2000

function openingError(error: unknown): Error {
  const name = error instanceof Error ? error.name : ''
  if (name === 'PasswordException') return unreadable('password-protected PDF')
  return unreadable(`damaged PDF (${shortDetail(error)})`)
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
    let pageError: string | null = null
    for (let number = 1; number <= document.numPages; number += 1) {
      try {
        const page = (await document.getPage(number)) as unknown as PdfPage
        pages.push(pageText((await page.getTextContent()).items))
        page.cleanup()
      } catch (error) {
        pageError ??= shortDetail(error)
        warnings.push(`page ${number} could not be read (${shortDetail(error)})`)
        pages.push('')
      }
    }
    const scanned = pages.every((page) => page.length === 0)
    if (scanned && pageError !== null && warnings.length === pages.length) throw unreadable(`damaged PDF (${pageError})`)
    const { info, metadata } = await document.getMetadata().catch(() => ({ info: null, metadata: null }))
    const described = describePdf(info, metadata)
    if (!scanned) return { format: 'pdf', ...joinPages(pages), title: described.title, meta: described.meta, warnings }
    // No text layer: a scan (or pictures only). Loaded here, so text PDFs never load the recogniser.
    const [{ recogniseScan }, { renderPdfPage }, { NO_TEXT_IN_SCAN, titleFromFileName }] = await Promise.all([import('../ocr/recognise-scan'), import('../ocr/ocr-images'), import('../ocr/ocr-text')])
    const drawPage = async (index: number) => {
      const page = (await document.getPage(index + 1)) as unknown as PdfPage
      try {
        return await renderPdfPage(page)
      } finally {
        page.cleanup()
      }
    }
    // A scan longer than this is read in part (a hostile file can hold 100,000 empty pages: hours of OCR).
    const count = Math.min(document.numPages, MAX_OCR_PAGES)
    if (count < document.numPages) warnings.push(`only the first ${MAX_OCR_PAGES.toLocaleString('en')} of ${document.numPages.toLocaleString('en')} scanned pages were read by OCR`)
    const scan = await recogniseScan({ count, image: drawPage }, NO_TEXT_IN_SCAN, ocr, context)
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
