// The file extensions the library imports and the format each one is read as. Kept
// apart from the extractors so the folder walk does not load every parser.
import type { SourceFormat } from '../../../../shared/domain/source'

export const SUPPORTED_EXTENSIONS: ReadonlyMap<string, SourceFormat> = new Map<string, SourceFormat>([
  ['.txt', 'text'],
  ['.text', 'text'],
  ['.md', 'markdown'],
  ['.markdown', 'markdown'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.pdf', 'pdf'],
  ['.docx', 'docx']
])
