// Reads one parsed page: Readability's article as reader text (a second look when it took a
// small box for the story), with the title, byline, site, date, language, direction and URL
// the page states; the body's text when Readability finds no article.
import { Readability } from '@mozilla/readability'
import type { SourceMeta } from '../../../../shared/domain/source'
import type { DomDocument, DomElement, DomNode } from './dom'
import { type ArticleRead, leavesMuchText, recoverArticle } from './html-article-recovery'
import { htmlToText } from './html-to-text'
import { statesTitleInMetadata, withoutDashedSiteName } from './html-title'
import { cleanTitle, collapseWhitespace } from './tidy-text'

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0]
export type PageParser = (html: string) => DomDocument

export interface PageReading {
  text: string
  title: string | null
  meta: Partial<SourceMeta>
  /** The nodes the text was made from, in order (Readability's article, or the body): what the original view shows. */
  nodes?: DomNode[]
}

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

/** Reads `document`, parsed from `html` by `parse` (which re-parses it for the body text fallback). */
export function readPage(document: DomDocument, html: string, parse: PageParser): PageReading {
  // Read before Readability, which rewrites the document as it goes.
  const url = pageUrl(document)
  const ownTitle = cleanTitle(document.title)
  const pageLang = nonEmpty(document.documentElement?.getAttribute('lang'))
  const pageDir = document.documentElement?.getAttribute('dir')?.toLowerCase() ?? null
  const titleFromMetadata = statesTitleInMetadata(document)

  const article = runReadability(document)
  let articleNode: DomNode | null = article?.content ?? null
  let articleText = articleNode === null ? '' : htmlToText(articleNode)
  let byline = article?.byline
  if (articleText.length > 0 && leavesMuchText(document, articleText)) {
    const recovered = recoverArticle(parse(html), articleText, article?.title ?? null, readArticle)
    if (recovered !== null) {
      articleText = recovered.text
      articleNode = recovered.content
      byline = nonEmpty(byline) ?? recovered.byline
    }
  }
  // The whole body when Readability found no article: its text from a fresh parse (Readability has pruned the first one).
  const body = articleText.length > 0 ? null : parse(html).body
  const text = body === null ? articleText : htmlToText(body)
  const nodes = body === null ? (articleNode === null ? [] : [articleNode]) : [body]

  const meta: Partial<SourceMeta> = {}
  setIfKnown(meta, 'author', nonEmpty(byline))
  setIfKnown(meta, 'outlet', nonEmpty(article?.siteName))
  setIfKnown(meta, 'date', nonEmpty(article?.publishedTime))
  setIfKnown(meta, 'url', url)
  setIfKnown(meta, 'language', nonEmpty(article?.lang) ?? pageLang)
  const dir = (article?.dir ?? pageDir)?.toLowerCase()
  if (dir === 'ltr' || dir === 'rtl') meta.direction = dir
  const readabilityTitle = cleanTitle(article?.title)
  const title = readabilityTitle === null ? ownTitle : titleFromMetadata ? readabilityTitle : withoutDashedSiteName(readabilityTitle, ownTitle)
  return { text, title, meta, nodes }
}

/** Readability's article, its content left as the page's own nodes. */
function runReadability(document: DomDocument): ReturnType<Readability<DomElement>['parse']> {
  return new Readability<DomElement>(document as unknown as ReadabilityDocument, { serializer: (node) => node as unknown as DomElement }).parse()
}

/** Readability's article alone, for a second look at a page. */
export function readArticle(document: DomDocument): ArticleRead | null {
  const article = runReadability(document)
  const content = article?.content
  return content === null || content === undefined ? null : { text: htmlToText(content), byline: article?.byline ?? null, content }
}
