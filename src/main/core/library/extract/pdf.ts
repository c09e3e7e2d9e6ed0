// PDFs through pdf.js: each page's text items joined as laid out (a line break where
// pdf.js marks end-of-line), pages separated by a blank line, and the offset where each
// page starts so the reader can show page numbers. No text at all means a scan.
import type { ExtractedDocument } from './types'
import { describePdf } from './pdf-meta'
import { pageText, type TextPiece } from './pdf-page-text'
import { loadPdfJs, pdfJsAssets } from './pdfjs-loader'
import { shortDetail, unreadable } from './unreadable'

interface PdfPage {
  getTextContent(): Promise<{ items: TextPiece[] }>
  cleanup(): unknown
}

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

export async function extractPdf(bytes: Uint8Array): Promise<ExtractedDocument> {
  // Not the file's fault, so not a UserError: pdf.js (or @napi-rs/canvas, which it needs
  // to load under Node) is missing from this build.
  const pdfjs = await loadPdfJs().catch((error: unknown) => {
    throw new Error(`pdf: cannot load pdf.js (${shortDetail(error)})`)
  })
  const loadingTask = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given: hand it a copy, never the caller's.
    data: new Uint8Array(bytes),
    ...(pdfJsAssets() ?? {}),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS
  })
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
    if (pages.every((page) => page.length === 0)) {
      if (pageError !== null && warnings.length === pages.length) throw unreadable(`damaged PDF (${pageError})`)
      throw unreadable('PDF has no text layer (scanned images?)')
    }
    const { info, metadata } = await document.getMetadata().catch(() => ({ info: null, metadata: null }))
    const described = describePdf(info, metadata)
    return { format: 'pdf', ...joinPages(pages), title: described.title, meta: described.meta, warnings }
  } finally {
    await loadingTask.destroy()
  }
}
