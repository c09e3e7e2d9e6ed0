// OpenDocument text (.odt, LibreOffice's and many agencies' format): the zip is opened
// with the same bomb-proof reader as Word files, content.xml is turned into simple HTML
// (headings, paragraphs, lists, tables, footnotes at the end) and then into reader text.
// Title, author, date and language come from meta.xml.
import { DOMParser } from 'linkedom'
import type { SourceMeta } from '../../../../shared/domain/source'
import { dayOf } from './dates'
import { parseHtmlDocument, type DomNode, isElement, TEXT_NODE } from './dom'
import { htmlToText } from './html-to-text'
import { meaningfulAuthor, meaningfulTitle } from './stored-properties'
import { collapseWhitespace } from './tidy-text'
import type { ExtractedDocument, ExtractOptions } from './types'
import { unreadable } from './unreadable'
import { DamagedZipError, inflateEntry, InflateLimitError, NotZipError, readZipDirectory, type ZipEntry } from './zip-directory'

type XmlElement = DomNode & { tagName: string; getAttribute(name: string): string | null }

/** Elements whose text is not part of the document as read: change tracking, field declarations, forms. */
const SKIPPED = new Set(['text:tracked-changes', 'text:sequence-decls', 'text:variable-decls', 'text:user-field-decls', 'office:forms', 'text:bookmark-ref', 'office:annotation-end'])
const BLOCK_TAGS: Record<string, string> = {
  'text:p': 'p',
  'text:list': 'ul',
  'text:list-item': 'li',
  'text:list-header': 'li',
  'table:table': 'table',
  'table:table-row': 'tr',
  'table:table-cell': 'td',
  'text:section': 'div'
}

/**
 * content.xml is parsed into a DOM (about 50 bytes of memory per byte of XML), so a file
 * past this is refused rather than risking the import thread: 16 MB of XML is a text of
 * several thousand pages.
 */
const MAX_CONTENT_CHARS = 16 * 1024 * 1024
/** Deeper elements are left out (with a warning): real documents nest a few dozen levels. */
const MAX_DEPTH = 200

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

class OdtWriter {
  html = ''
  notes: string[] = []
  comments = 0
  tooDeep = false
  #depth: number

  /** `depth`: how deep the writer starts (a note's own writer continues its reference's depth). */
  constructor(depth = 0) {
    this.#depth = depth
  }

  write(node: DomNode): void {
    if (node.nodeType === TEXT_NODE) {
      this.html += escapeHtml(node.textContent ?? '')
      return
    }
    if (!isElement(node)) return
    const element = node as XmlElement
    const tag = element.tagName
    if (SKIPPED.has(tag)) return
    if (tag === 'office:annotation') {
      this.comments++
      return
    }
    // Runs of spaces and tabs read as one space, as in the other formats' reader text.
    if (tag === 'text:s' || tag === 'text:tab') this.html += ' '
    else if (tag === 'text:line-break') this.html += '<br>'
    else if (tag === 'text:note') this.note(element)
    else if (tag === 'text:h') this.wrap(`h${Math.min(6, Math.max(1, Number(element.getAttribute('text:outline-level') ?? 1) || 1))}`, element)
    else {
      const block = BLOCK_TAGS[tag]
      if (block === undefined) this.children(element)
      else this.wrap(block, element)
    }
  }

  private wrap(tag: string, element: XmlElement): void {
    this.html += `<${tag}>`
    this.children(element)
    this.html += `</${tag}>`
  }

  private children(element: DomNode): void {
    if (this.#depth >= MAX_DEPTH) {
      this.tooDeep = true
      return
    }
    this.#depth++
    for (const child of Array.from(element.childNodes)) this.write(child)
    this.#depth--
  }

  /** A footnote or endnote: its mark stays in the text as [n], its body goes to the end. */
  private note(element: XmlElement): void {
    const children = Array.from(element.childNodes).filter(isElement) as XmlElement[]
    const citation = children.find((child) => child.tagName === 'text:note-citation')?.textContent?.trim() || String(this.notes.length + 1)
    const body = children.find((child) => child.tagName === 'text:note-body')
    this.html += `[${escapeHtml(citation)}]`
    if (body === undefined) return
    const inner = new OdtWriter(this.#depth)
    inner.children(body)
    this.tooDeep ||= inner.tooDeep
    this.notes.push(`<p>[${escapeHtml(citation)}] ${inner.html.replace(/<\/?p>/g, ' ')}</p>`)
    this.comments += inner.comments
  }
}

function openArchive(bytes: Uint8Array, maxBytes: number): (name: string) => string | null {
  let entries: ZipEntry[]
  try {
    entries = readZipDirectory(bytes)
  } catch (error) {
    if (error instanceof NotZipError) throw unreadable('not an OpenDocument file (not a zip archive)')
    throw unreadable(`damaged OpenDocument file (${error instanceof Error ? error.message : 'unreadable archive'})`)
  }
  let budget = maxBytes
  return (name) => {
    const entry = entries.find((candidate) => candidate.name === name)
    if (entry === undefined) return null
    try {
      const data = inflateEntry(bytes, entry, budget)
      budget -= data.length
      return new TextDecoder('utf-8').decode(data)
    } catch (error) {
      if (error instanceof InflateLimitError) throw unreadable(`looks like a zip bomb: ${name} inflates past the limit`)
      if (error instanceof DamagedZipError) throw unreadable(`damaged OpenDocument file (${error.message})`)
      throw error
    }
  }
}

function readMeta(xml: string | null): { meta: Partial<SourceMeta>; title: string | null } {
  const meta: Partial<SourceMeta> = {}
  if (xml === null) return { meta, title: null }
  const document = new DOMParser().parseFromString(xml, 'text/xml') as unknown as { getElementsByTagName(name: string): ArrayLike<DomNode> }
  const first = (name: string): string | null => {
    const value = document.getElementsByTagName(name)[0]?.textContent
    return value === undefined || value === null ? null : collapseWhitespace(value) || null
  }
  const author = meaningfulAuthor(first('meta:initial-creator') ?? first('dc:creator'))
  if (author !== null) meta.author = author
  const created = first('meta:creation-date') ?? first('dc:date')
  const day = created === null ? null : dayOf(created)
  if (day !== null) meta.date = day
  const language = first('dc:language')
  if (language !== null) meta.language = language
  return { meta, title: meaningfulTitle(first('dc:title')) }
}

export function extractOdt(bytes: Uint8Array, options: ExtractOptions): ExtractedDocument {
  const part = openArchive(bytes, options.maxInflatedBytes)
  if (part('META-INF/manifest.xml')?.includes('manifest:encryption-data') === true) throw unreadable('password-protected OpenDocument file')
  const content = part('content.xml')
  if (content === null) throw unreadable('not an OpenDocument text file (no content.xml)')
  if (content.length > MAX_CONTENT_CHARS) throw unreadable(`the OpenDocument text is too large to read (${Math.round(content.length / 1024 / 1024)} M characters of XML; the limit is 16 M)`)
  const xml = new DOMParser().parseFromString(content, 'text/xml') as unknown as { getElementsByTagName(name: string): ArrayLike<DomNode> }
  const body = xml.getElementsByTagName('office:text')[0]
  if (body === undefined) throw unreadable('not an OpenDocument text file (a spreadsheet, drawing or presentation)')
  const writer = new OdtWriter()
  writer.write(body)
  const html = writer.html + (writer.notes.length > 0 ? `<hr>${writer.notes.join('')}` : '')
  const root = parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`).body
  const text = root === null ? '' : htmlToText(root)
  if (text.trim().length === 0) throw unreadable('the OpenDocument file has no text')
  const { meta, title } = readMeta(part('meta.xml'))
  const warnings = writer.comments > 0 ? [`${writer.comments} ${writer.comments === 1 ? 'comment' : 'comments'} in the margin not imported`] : []
  if (writer.tooDeep) warnings.push(`text left out: elements nested deeper than ${MAX_DEPTH} levels`)
  return { format: 'odt', text, title, meta, pageStarts: null, warnings }
}
