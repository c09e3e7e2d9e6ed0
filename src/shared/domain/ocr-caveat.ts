// What every view and export says about text recognised by OCR. Free of zod, so the
// renderer can import it (its CSP refuses zod's eval probe).
import type { OcrSummary } from './original'

/** Below this mean confidence (0–100) a page is flagged: its text is likely to hold errors. */
export const LOW_OCR_CONFIDENCE = 70

/** The caveat shown beside OCR text wherever it appears. */
export const OCR_CAVEAT = 'text recognised by OCR, may contain errors'

function pageList(pages: readonly number[]): string {
  const shown = pages.slice(0, 8).join(', ')
  return pages.length > 8 ? `${shown} and ${pages.length - 8} more` : shown
}

/** Short enough for a library row or a pane's header; the details and exports say it in full. */
export function ocrLabel(ocr: OcrSummary): string {
  return ocr.recognised ? `OCR text, ${Math.round(ocr.confidence)} % sure` : 'no text recognised'
}

/** The caveat in full for one source: "Text recognised by OCR, may contain errors (mean confidence 87 %; read in eng; low on pages 3, 7)". */
export function describeOcr(ocr: OcrSummary, capitalised = true): string {
  const caveat = capitalised ? OCR_CAVEAT.charAt(0).toUpperCase() + OCR_CAVEAT.slice(1) : OCR_CAVEAT
  if (!ocr.recognised) return capitalised ? 'No text recognised by OCR' : 'no text recognised by OCR'
  const low = ocr.lowConfidencePages.length === 0 ? '' : `; low on ${ocr.lowConfidencePages.length === 1 ? 'page' : 'pages'} ${pageList(ocr.lowConfidencePages)}`
  const languages = ocr.languages.length === 0 ? '' : `; read in ${ocr.languages.join(' + ')}`
  return `${caveat} (mean confidence ${Math.round(ocr.confidence)} %${languages}${low})`
}
