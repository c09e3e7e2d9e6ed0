// What a source looked like before its text was extracted: a PDF's pages, an image, or a
// saved web page's article; and for text recognised by OCR, where each word sits on its
// page, so highlights made in the text can be drawn on the scan and a selection on the
// scan maps back to text offsets.
import { z } from 'zod'

export { LOW_OCR_CONFIDENCE, OCR_CAVEAT } from './ocr-caveat'

/**
 * One recognised word: its offsets in the source text (end exclusive), its box as
 * fractions of the page (0..1, origin top left), and the recogniser's confidence (0–100).
 */
export type OcrWord = [start: number, end: number, left: number, top: number, right: number, bottom: number, confidence: number]

export interface OcrPage {
  /** The size in pixels the page was recognised at (its aspect ratio is the page's). */
  width: number
  height: number
  /** Mean word confidence on this page, 0–100; 0 when no word was recognised. */
  confidence: number
  words: OcrWord[]
  /**
   * True on a page of a partly scanned PDF that kept its own text layer (it was typed, not
   * scanned): no words here, the original view uses pdf.js's text layer on it.
   */
  textLayer?: true
}

export interface OcrLayout {
  pages: OcrPage[]
}

/** Stored on a source whose text was recognised by OCR: shown in the library, its details and exports. */
export const ocrSummarySchema = z.object({
  /** Mean word confidence over the whole document, 0–100. */
  confidence: z.number().min(0).max(100),
  /** Pages (1-based) whose mean confidence is below LOW_OCR_CONFIDENCE. */
  lowConfidencePages: z.array(z.number().int().positive()).default([]),
  /** Tesseract language codes used ('eng', 'chi_sim'). */
  languages: z.array(z.string()).default([]),
  /** False when OCR found no text at all: the source is an image, annotatable as a whole. */
  recognised: z.boolean().default(true),
  pages: z.number().int().nonnegative().default(0)
})
export type OcrSummary = z.infer<typeof ocrSummarySchema>

export type OriginalDocument =
  /** The PDF's bytes (base64); layout is set when its text came from OCR rather than a text layer. */
  | { kind: 'pdf'; data: string; layout: OcrLayout | null }
  /** An image file as a browser can show it (TIFF converted to PNG), base64. */
  | { kind: 'image'; mime: 'image/png' | 'image/jpeg' | 'image/webp'; data: string; layout: OcrLayout | null }
  /**
   * A saved web page's article as Readability found it, NOT yet sanitised: the renderer
   * cleans it with DOMPurify before showing it. Images stored beside the page are inlined
   * as data: URLs; every other image is dropped. `url` is the page's own address if known.
   */
  | { kind: 'web'; html: string; url: string | null }
  /** No original to show, and why ("the file changed on disk since it was imported"). */
  | { kind: 'unavailable'; reason: string }

/** Which OCR languages this computer has, and which are used for the next import. */
export interface OcrLanguages {
  /** Every language found: English comes with the app, others from `folder`. */
  available: Array<{ code: string; name: string; from: 'built-in' | 'folder' }>
  /** A folder of .traineddata files the user pointed to (or one found on this system), or null. */
  folder: string | null
  /** The languages OCR uses, in order ('eng' first unless the user removed it). */
  chosen: string[]
  /** Why the folder could not be used, when it could not. */
  problem: string | null
}
