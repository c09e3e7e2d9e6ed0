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
  ['.docx', 'docx'],
  ['.eml', 'email'],
  ['.rtf', 'rtf'],
  ['.odt', 'odt'],
  // Read by OCR.
  ['.png', 'image'],
  ['.jpg', 'image'],
  ['.jpeg', 'image'],
  ['.webp', 'image'],
  ['.tif', 'image'],
  ['.tiff', 'image'],
  ['.bmp', 'image'],
  ['.gif', 'image']
])

/**
 * What a file's name says about its type: the lower-case extension, or '' when it has
 * none. A numeric one ("msg.0001", "report.2") is a counter, not a type, so it counts as
 * none. Files without a type are read by content (archives of e-mail posts arrive so).
 */
export function typeExtension(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '')
  const dot = base.lastIndexOf('.')
  if (dot <= 0) return ''
  const extension = base.slice(dot).toLowerCase()
  return /^\.\d+$/.test(extension) ? '' : extension
}

/** Extensions the walk lists for import: the supported ones, and '' (read by content). */
export function importableExtensions(): Set<string> {
  return new Set([...SUPPORTED_EXTENSIONS.keys(), ''])
}
