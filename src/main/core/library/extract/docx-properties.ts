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

function decodeEntities(value: string): string {
  return value
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

/** The text of the first element with this local name, whatever its namespace prefix. */
function element(xml: string, localName: string): string | null {
  const match = new RegExp(`<(?:[\\w.-]+:)?${localName}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w.-]+:)?${localName}>`).exec(xml)
  const value = match?.[1] === undefined ? '' : decodeEntities(match[1]).trim()
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
