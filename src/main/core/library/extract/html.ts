// Web pages saved as .html: decode, parse with linkedom (no script ever runs), let
// Readability find the article and its metadata, and fall back to the page's body text
// when it finds none. The page's canonical/og:url becomes the source URL.
import { Readability } from '@mozilla/readability'
import type { SourceMeta } from '../../../../shared/domain/source'
import { decodeText } from './decode-text'
import { type DomDocument, type DomElement, parseHtmlDocument } from './dom'
import { declaredCharset } from './html-charset'
import { htmlToText } from './html-to-text'
import { statesTitleInMetadata, withoutDashedSiteName } from './html-title'
import { cleanTitle, collapseWhitespace } from './tidy-text'
import type { ExtractedDocument } from './types'
import { unreadable } from './unreadable'

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0]

function absoluteUrl(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function pageUrl(document: DomDocument): string | null {
  const ogUrl = document.querySelector('meta[property="og:url"], meta[name="og:url"]')?.getAttribute('content')
  const canonical = document.querySelector('link[rel~="canonical"]')?.getAttribute('href')
  return absoluteUrl(ogUrl) ?? absoluteUrl(canonical)
}

function nonEmpty(value: string | null | undefined): string | null {
  const clean = value === null || value === undefined ? '' : collapseWhitespace(value)
  return clean.length > 0 ? clean : null
}

function setIfKnown(meta: Partial<SourceMeta>, field: 'outlet' | 'author' | 'date' | 'url' | 'language', value: string | null): void {
  if (value !== null) meta[field] = value
}

export function extractHtml(bytes: Uint8Array): ExtractedDocument {
  const decoded = decodeText(bytes, declaredCharset(bytes))
  const document = parseHtmlDocument(decoded.text)
  // Read before Readability, which rewrites the document as it goes.
  const url = pageUrl(document)
  const ownTitle = cleanTitle(document.title)
  const pageLang = nonEmpty(document.documentElement?.getAttribute('lang'))
  const pageDir = document.documentElement?.getAttribute('dir')?.toLowerCase() ?? null
  const titleFromMetadata = statesTitleInMetadata(document)

  const reader = new Readability<DomElement>(document as unknown as ReadabilityDocument, {
    serializer: (node) => node as unknown as DomElement
  })
  const article = reader.parse()
  const articleText = article?.content === null || article?.content === undefined ? '' : htmlToText(article.content)
  const text = articleText.length > 0 ? articleText : bodyText(decoded.text)
  if (text.length === 0) throw unreadable('the web page has no readable text')

  const meta: Partial<SourceMeta> = {}
  setIfKnown(meta, 'author', nonEmpty(article?.byline))
  setIfKnown(meta, 'outlet', nonEmpty(article?.siteName))
  setIfKnown(meta, 'date', nonEmpty(article?.publishedTime))
  setIfKnown(meta, 'url', url)
  setIfKnown(meta, 'language', nonEmpty(article?.lang) ?? pageLang)
  const dir = (article?.dir ?? pageDir)?.toLowerCase()
  if (dir === 'ltr' || dir === 'rtl') meta.direction = dir
  const readabilityTitle = cleanTitle(article?.title)
  const title = readabilityTitle === null ? ownTitle : titleFromMetadata ? readabilityTitle : withoutDashedSiteName(readabilityTitle, ownTitle)
  return { format: 'html', text, title, meta, pageStarts: null, warnings: decoded.warnings }
}

/** The whole body's text, from a fresh parse (Readability has pruned the first one). */
function bodyText(html: string): string {
  const body = parseHtmlDocument(html).body
  return body === null ? '' : htmlToText(body)
}
