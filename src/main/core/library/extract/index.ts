// Turns a file's bytes into the text the reader shows and what the file says about
// itself, for every format the library imports; or a UserError whose message is the
// reason a journalist sees next to the file name. One module per format does the work;
// a file whose name has no type is read by what its bytes hold. Scans and images are
// read by OCR (ocr/).
import type { SourceFormat } from '../../../../shared/domain/source'
import { SUPPORTED_EXTENSIONS, typeExtension } from './formats'
import { sniffFormat } from './sniff'
import type { ExtractContext, ExtractedDocument, ExtractOptions } from './types'
import { unreadable } from './unreadable'

export type { ExtractContext, ExtractedDocument, ExtractOptions, ExtractProgress, OcrOptions } from './types'

export { SUPPORTED_EXTENSIONS } from './formats'

/** The format a file is read as: from its extension, or for a file named without one, from its first bytes. */
function formatOf(bytes: Uint8Array, fileName: string): SourceFormat {
  const extension = typeExtension(fileName)
  if (extension !== '') {
    const format = SUPPORTED_EXTENSIONS.get(extension)
    if (format === undefined) throw unreadable(`unsupported file type (${extension})`)
    return format
  }
  const sniffed = sniffFormat(bytes)
  if ('binary' in sniffed) throw unreadable(`binary content, not text: ${sniffed.binary} without a file extension`)
  return sniffed.format
}

export async function extractDocument(bytes: Uint8Array, fileName: string, options: ExtractOptions, context: ExtractContext = {}): Promise<ExtractedDocument> {
  if (bytes.length === 0) throw unreadable('the file is empty')
  // Parsers load on first use, so a folder of text files never loads pdf.js or the Word reader.
  switch (formatOf(bytes, fileName)) {
    case 'text':
      return (await import('./plain-text')).extractPlainText(bytes, 'text')
    case 'markdown':
      return (await import('./plain-text')).extractPlainText(bytes, 'markdown')
    case 'html':
      return (await import('./html')).extractHtml(bytes)
    case 'pdf':
      return (await import('./pdf')).extractPdf(bytes, options.ocr, { ...context, fileName })
    case 'docx':
      return (await import('./docx')).extractDocx(bytes, options)
    case 'email':
      return (await import('./email')).extractEmail(bytes)
    case 'rtf':
      return (await import('./rtf')).extractRtf(bytes)
    case 'odt':
      return (await import('./odt')).extractOdt(bytes, options)
    case 'image':
      return (await import('./image')).extractImage(bytes, options.ocr, { ...context, fileName })
  }
}
