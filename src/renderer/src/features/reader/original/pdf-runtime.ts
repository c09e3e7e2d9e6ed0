// Loads pdf.js on first use (it is large, and most sessions never open a PDF's pages) and
// opens a document with everything a document could use to reach out turned off: no
// eval, no scripting, no XFA, data handed over in memory, fonts and maps from the app.
import type * as PdfJsModule from 'pdfjs-dist'
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

export type PdfJs = typeof PdfJsModule

let loading: Promise<PdfJs> | null = null

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist').then((pdfjs) => {
    // Same origin as the page, so pdf.js starts it as a module worker: no blob: URL, no Node.
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl
    return pdfjs
  })
  return loading
}

/** Where the build copied pdf.js's data files (see electron.vite.config.ts), relative to the page. */
function assetUrl(folder: string): string {
  return new URL(`pdfjs/${folder}/`, document.baseURI).href
}

export interface OpenedPdf {
  document: PDFDocumentProxy
  close(): Promise<void>
}

export async function openPdf(data: Uint8Array): Promise<OpenedPdf> {
  const pdfjs = await loadPdfJs()
  const task: PDFDocumentLoadingTask = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given: hand it a copy, never the caller's.
    data: data.slice(),
    isEvalSupported: false,
    enableXfa: false,
    cMapUrl: assetUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetUrl('standard_fonts'),
    // The app's policy refuses to compile WebAssembly (no 'wasm-unsafe-eval', in the worker
    // too), so pdf.js's JavaScript decoders are used: JPEG 2000 from the fallback module
    // under wasmUrl, JBIG2 and CCITT built in; ICC profiles give way to the alternate colours.
    useWasm: false,
    wasmUrl: assetUrl('wasm'),
    // Fonts a PDF names but does not embed come from pdf.js's own set, the same on every computer.
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS
  })
  const document = await task.promise
  return { document, close: () => task.destroy() }
}
