// What a PDF says about itself in its info dictionary and XMP metadata: title, author,
// creation date, language. Producer leftovers in the title are dropped (stored-properties.ts).
import type { SourceMeta } from '../../../../shared/domain/source'
import { dayOf } from './dates'
import { meaningfulAuthor, meaningfulTitle } from './stored-properties'

export interface PdfSelfDescription {
  title: string | null
  meta: Partial<SourceMeta>
}

interface XmpLike {
  get(name: string): unknown
}

function stringField(record: unknown, key: string): string | null {
  if (typeof record !== 'object' || record === null) return null
  const value = (record as Record<string, unknown>)[key]
  // Producers leave NULs and other control characters in the info strings ("imagemagick-lzw\0").
  return typeof value === 'string' ? value.replace(/[\p{Cc}]/gu, ' ').trim() : null
}

function xmpString(xmp: XmpLike | null, name: string): string | null {
  const value = xmp?.get(name)
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.filter((part): part is string => typeof part === 'string').join(', ') || null
  return null
}

export function describePdf(info: unknown, xmp: XmpLike | null): PdfSelfDescription {
  const title = meaningfulTitle(stringField(info, 'Title')) ?? meaningfulTitle(xmpString(xmp, 'dc:title'))
  const meta: Partial<SourceMeta> = {}
  const author = meaningfulAuthor(stringField(info, 'Author')) ?? meaningfulAuthor(xmpString(xmp, 'dc:creator'))
  if (author !== null) meta.author = author
  const created = stringField(info, 'CreationDate') ?? xmpString(xmp, 'xmp:createdate')
  const date = created === null ? null : dayOf(created)
  if (date !== null) meta.date = date
  const language = stringField(info, 'Language')
  if (language !== null && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language.trim())) meta.language = language.trim()
  return { title, meta }
}
