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

/** What of a source's text search indexes: all of it, except the words saying OCR recognised nothing in a scan. */
export function searchableText(ocr: Pick<OcrSummary, 'recognised'> | null | undefined, text: string): string {
  return ocr?.recognised === false ? '' : text
}

/** "3 of 12 pages": how much of a PDF that is partly typed was read by OCR; '' when all of it was. */
function partly(ocr: OcrSummary, totalPages: number | null | undefined): string {
  return totalPages != null && ocr.pages > 0 && ocr.pages < totalPages ? `${ocr.pages} of ${totalPages} pages` : ''
}

/** Short enough for a library row or a pane's header; the details and exports say it in full. `totalPages`: the PDF's pages. */
export function ocrLabel(ocr: OcrSummary, totalPages?: number | null): string {
  if (!ocr.recognised) return 'no text recognised'
  const part = partly(ocr, totalPages)
  return `${part === '' ? 'OCR text' : `OCR on ${part}`}, ${Math.round(ocr.confidence)} % sure`
}

/** The caveat in full for one source: "Text recognised by OCR, may contain errors (mean confidence 87 %; read in eng; low on pages 3, 7)". */
export function describeOcr(ocr: OcrSummary, capitalised = true, totalPages?: number | null): string {
  const caveat = capitalised ? OCR_CAVEAT.charAt(0).toUpperCase() + OCR_CAVEAT.slice(1) : OCR_CAVEAT
  if (!ocr.recognised) return capitalised ? 'No text recognised by OCR' : 'no text recognised by OCR'
  const low = ocr.lowConfidencePages.length === 0 ? '' : `; low on ${ocr.lowConfidencePages.length === 1 ? 'page' : 'pages'} ${pageList(ocr.lowConfidencePages)}`
  const languages = ocr.languages.length === 0 ? '' : `; read in ${ocr.languages.join(' + ')}`
  const part = partly(ocr, totalPages)
  return `${caveat} (${part === '' ? '' : `${part}; `}mean confidence ${Math.round(ocr.confidence)} %${languages}${low})`
}
