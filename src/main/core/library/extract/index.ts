// Turns a file's bytes into the text the reader shows and what the file says about
// itself, for every format the library imports; or a UserError whose message is the
// reason a journalist sees next to the file name. One module per format does the work.
import { extractDocx } from './docx'
import { extractHtml } from './html'
import { extractPdf } from './pdf'
import { SUPPORTED_EXTENSIONS } from './formats'
import { extractPlainText } from './plain-text'
import type { ExtractedDocument, ExtractOptions } from './types'
import { unreadable } from './unreadable'

export type { ExtractedDocument, ExtractOptions } from './types'

export { SUPPORTED_EXTENSIONS } from './formats'

function extensionOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '')
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot).toLowerCase() : ''
}

export async function extractDocument(bytes: Uint8Array, fileName: string, options: ExtractOptions): Promise<ExtractedDocument> {
  const extension = extensionOf(fileName)
  const format = SUPPORTED_EXTENSIONS.get(extension)
  if (format === undefined) throw unreadable(extension === '' ? 'unsupported file type (no extension)' : `unsupported file type (${extension})`)
  if (bytes.length === 0) throw unreadable('the file is empty')
  switch (format) {
    case 'text':
    case 'markdown':
      return extractPlainText(bytes, format)
    case 'html':
      return extractHtml(bytes)
    case 'pdf':
      return extractPdf(bytes)
    case 'docx':
      return extractDocx(bytes, options)
  }
}
