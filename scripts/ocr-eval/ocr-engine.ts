// Reads one PDF page by OCR the way the importer reads a scan (extractPdf → recogniseScan):
// the page drawn by renderPdfPage (pdf.js + @napi-rs/canvas at OCR_DPI, greyscale), its
// words found by recogniseScan with the importer's tesseract.js engines (English, the model
// shipped with the app; no cache), and its text built by buildOcrText inside recogniseScan.
import { closeOcrEngines } from '../../src/main/core/library/ocr/ocr-engine'
import { OCR_DPI, renderPdfPage } from '../../src/main/core/library/ocr/ocr-images'
import { recogniseScan } from '../../src/main/core/library/ocr/recognise-scan'
import { openPdf, type OpenPdf } from './pdf-pages'

export interface PageOcr {
  text: string
  /** Mean word confidence 0–100, or null when nothing was recognised. */
  confidence: number | null
  renderSeconds: number
  recogniseSeconds: number
}

export interface OcrEngine {
  /** What reads the pages, printed with the figures. */
  description: string
  readPage(bytes: Uint8Array, pageNumber: number): Promise<PageOcr>
  close(): Promise<void>
}

export async function createOcrEngine(): Promise<OcrEngine> {
  let openBytes: Uint8Array | null = null
  let opened: OpenPdf | null = null
  return {
    description: `the importer's OCR: renderPdfPage at ${OCR_DPI} dpi → recogniseScan (tesseract.js, eng, one thread)`,
    async readPage(bytes, pageNumber) {
      const started = performance.now()
      if (openBytes !== bytes || opened === null) {
        await opened?.close()
        opened = await openPdf(bytes)
        openBytes = bytes
      }
      const document = opened
      let renderSeconds = 0
      const draw = async (): ReturnType<typeof renderPdfPage> => {
        const drawing = performance.now()
        const page = await document.pdfPage(pageNumber)
        try {
          return await renderPdfPage(page)
        } finally {
          page.cleanup()
          renderSeconds = (performance.now() - drawing) / 1000
        }
      }
      const scan = await recogniseScan({ count: 1, image: draw }, '', { languages: ['eng'], langPath: null, cacheDir: null, threads: 1 }, {})
      if (scan.warnings.length > 0) throw new Error(`eval-ocr: page ${pageNumber}: ${scan.warnings.join('; ')}`)
      const total = (performance.now() - started) / 1000
      return {
        text: scan.summary.recognised ? scan.text : '',
        confidence: scan.summary.recognised ? scan.summary.confidence : null,
        renderSeconds,
        recogniseSeconds: total - renderSeconds
      }
    },
    async close() {
      await opened?.close()
      await closeOcrEngines()
    }
  }
}
