// Image files (a photographed page, a screenshot, a fax as TIFF) through OCR: the text
// recognised in them, or when there is none a placeholder, so the image still imports
// and can be viewed, tagged and annotated as a whole.
import { imageForOcr, imageHeader, imageRefusal } from '../ocr/ocr-images'
import { NO_TEXT_IN_IMAGE, titleFromFileName } from '../ocr/ocr-text'
import { recogniseScan } from '../ocr/recognise-scan'
import { tiffPageCount } from '../ocr/tiff-pages'
import type { ExtractContext, ExtractedDocument, OcrOptions } from './types'

export async function extractImage(bytes: Uint8Array, ocr: OcrOptions | undefined, context: ExtractContext): Promise<ExtractedDocument> {
  // A file that is no image, or whose header is cut short, is refused before any recogniser starts.
  if (imageHeader(bytes) === null) throw imageRefusal(bytes)
  const scan = await recogniseScan({ count: 1, image: (_, engine) => imageForOcr(bytes, engine), strict: true }, NO_TEXT_IN_IMAGE, ocr, context)
  return {
    format: 'image',
    text: scan.text,
    title: scan.summary.recognised ? null : titleFromFileName(context.fileName),
    meta: {},
    pageStarts: null,
    warnings: [...scan.warnings, ...unreadPages(bytes)],
    ocr: { summary: scan.summary, layout: scan.layout }
  }
}

/** A multi-page TIFF is read as its first page only (for now): say so rather than lose pages quietly. */
function unreadPages(bytes: Uint8Array): string[] {
  const pages = tiffPageCount(bytes) ?? 1
  return pages > 1 ? [`only the first of this TIFF's ${pages} pages was read; save it as a PDF to read them all`] : []
}
