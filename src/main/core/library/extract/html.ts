// Web pages saved as .html: decode, parse with linkedom (fast; no script ever runs), and let
// Readability find the article and its metadata. Pages linkedom builds unlike a browser
// (stray text before <html>, several documents in one file) are reread through parse5.
import { decodeText } from './decode-text'
import { parseHtmlDocument } from './dom'
import { findMalformation, isLittleOfPage, parseLikeBrowser } from './html-browser-parse'
import { declaredCharset } from './html-charset'
import { combineReadings, documentsInFile } from './html-documents'
import { type PageReading, readPage } from './html-read-page'
import type { ExtractedDocument } from './types'
import { unreadable } from './unreadable'

export function extractHtml(bytes: Uint8Array): ExtractedDocument {
  const decoded = decodeText(bytes, declaredCharset(bytes))
  const { reading, pages } = readHtml(decoded.text)
  if (reading.text.length === 0) throw unreadable('the web page has no readable text')
  // Two articles under one title and byline would mislead whoever cites the source.
  const warnings = pages > 1 ? [...decoded.warnings, `the file holds ${pages} different web pages, joined under the title of the longest`] : decoded.warnings
  return { format: 'html', text: reading.text, title: reading.title, meta: reading.meta, pageStarts: null, warnings }
}

/** The page's reading as the importer takes it: the text, and the nodes it was made from (for the original view). */
export function readHtml(html: string): { reading: PageReading; pages: number } {
  const document = parseHtmlDocument(html)
  // Judged before Readability, which rewrites the document as it goes.
  const malformation = findMalformation(document, html)
  if (malformation === null) {
    const fast = readPage(document, html, parseHtmlDocument)
    if (!isLittleOfPage(fast.text, html)) return { reading: fast, pages: 1 }
    const strict = combineReadings(documentsInFile(html, 1).map(readLikeBrowser))
    return strict !== null && strict.reading.text.length > fast.text.length ? strict : { reading: fast, pages: 1 }
  }
  // A browser's tree is the right one for a malformed page; linkedom's is the last resort.
  const documents = documentsInFile(html, malformation.kind === 'several-documents' ? malformation.documents : 1)
  const strict = combineReadings(documents.map(readLikeBrowser))
  return strict !== null && strict.reading.text.length > 0 ? strict : { reading: readPage(document, html, parseHtmlDocument), pages: 1 }
}

function readLikeBrowser(html: string): PageReading {
  return readPage(parseLikeBrowser(html), html, parseLikeBrowser)
}
