// Loads pdf.js on first use. It is ESM-only and the main process is bundled as CommonJS,
// so it must stay a dynamic import (and pdfjs-dist external). Its worker runs in-thread:
// handing the worker module over through globalThis.pdfjsWorker avoids a second lookup.
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs'

export type PdfJs = typeof PdfJsModule

export interface PdfJsAssets {
  /** Character maps for CJK fonts that are not embedded; without them such text is lost. */
  cMapUrl: string
  /** The 14 standard fonts, for PDFs that use them without embedding. */
  standardFontDataUrl: string
}

let loading: Promise<PdfJs> | null = null

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const holder = globalThis as { pdfjsWorker?: unknown }
    holder.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })()
  loading.catch(() => {
    loading = null
  })
  return loading
}

let assets: PdfJsAssets | null | undefined

/** Where pdfjs-dist's data folders are on disk, or null when they cannot be found (text still loads, minus CJK without embedded fonts). */
export function pdfJsAssets(): PdfJsAssets | null {
  if (assets !== undefined) return assets
  try {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
    assets = { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` }
  } catch {
    assets = null
  }
  return assets
}

/**
 * How the importer opens a PDF (the OCR evaluation opens them the same way): assets from
 * disk, no system fonts, no eval, errors tolerated. pdf.js transfers (detaches) the buffer
 * it is given, so it gets a copy, never the caller's.
 */
export function documentOptions(pdfjs: PdfJs, bytes: Uint8Array): Parameters<PdfJs['getDocument']>[0] {
  return {
    data: new Uint8Array(bytes),
    ...(pdfJsAssets() ?? {}),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS
  }
}
