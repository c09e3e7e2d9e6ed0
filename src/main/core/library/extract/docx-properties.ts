// Reads a Word file's core properties (docProps/core.xml): title, author, creation date
// and language, as the Dublin Core elements Office writes them.
import { dayOf } from './dates'

export interface CoreProperties {
  title: string | null
  creator: string | null
  /** The creation day, YYYY-MM-DD. */
  created: string | null
  language: string | null
}

const CDATA_OPEN = '<![CDATA['
const CDATA_CLOSE = ']]>'

function decodeReferences(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Math.min(Number(decimal), 0x10ffff)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

/** Entity references decoded, CDATA sections taken as they are; one pass, no backtracking. */
function decodeEntities(value: string): string {
  let out = ''
  let at = 0
  for (;;) {
    const open = value.indexOf(CDATA_OPEN, at)
    const close = open === -1 ? -1 : value.indexOf(CDATA_CLOSE, open + CDATA_OPEN.length)
    if (close === -1) return out + decodeReferences(value.slice(at))
    out += decodeReferences(value.slice(at, open)) + value.slice(open + CDATA_OPEN.length, close)
    at = close + CDATA_CLOSE.length
  }
}

/**
 * The text of the first element with this local name, whatever its namespace prefix.
 * Linear: the first opening tag is paired with the first closing tag after it, and when
 * there is none no later opening tag can have one, so the search ends (a hostile file
 * with 400,000 unclosed <dc:title> tags took minutes with a lazy regular expression).
 */
function element(xml: string, localName: string): string | null {
  const opening = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])`, 'g')
  const start = opening.exec(xml)
  if (start === null) return null
  const tagEnd = xml.indexOf('>', start.index)
  if (tagEnd === -1 || xml[tagEnd - 1] === '/') return null
  const closing = new RegExp(`</(?:[\\w.-]+:)?${localName}\\s*>`, 'g')
  closing.lastIndex = tagEnd + 1
  const end = closing.exec(xml)
  if (end === null) return null
  const value = decodeEntities(xml.slice(tagEnd + 1, end.index)).trim()
  return value.length > 0 ? value : null
}

export function readCoreProperties(xml: string | null): CoreProperties {
  if (xml === null) return { title: null, creator: null, created: null, language: null }
  const created = element(xml, 'created')
  return {
    title: element(xml, 'title'),
    creator: element(xml, 'creator'),
    created: created === null ? null : dayOf(created),
    language: element(xml, 'language')
  }
}
