// A streaming XML scanner for the parts of a Word file: fed text a chunk at a time, it
// calls a handler for each element and text run, so a part is never held whole nor built
// into a DOM (mammoth's DOM took ~50 bytes of memory per byte of XML). Names come out
// with the usual Office prefixes (w:p, mc:Choice) whatever prefixes the file declares.

export interface XmlTag {
  /** An attribute's decoded value by local name, whatever its prefix; null when absent. */
  attribute(localName: string): string | null
  /** The usual prefix of the namespace a prefix declared in scope names (Requires="wps" in mc:Choice). */
  resolvePrefix(prefix: string): string
}

export interface XmlHandler {
  open(name: string, tag: XmlTag): void
  close(name: string): void
  text(value: string): void
}

/** The part is not well-formed XML; the message says where it broke. */
export class XmlError extends Error {}

const USUAL_PREFIXES = new Map<string, string>([
  ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'w'],
  ['http://purl.oclc.org/ooxml/wordprocessingml/main', 'w'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'r'],
  ['http://purl.oclc.org/ooxml/officeDocument/relationships', 'r'],
  ['http://schemas.openxmlformats.org/package/2006/relationships', 'rel'],
  ['http://schemas.openxmlformats.org/markup-compatibility/2006', 'mc'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/math', 'm'],
  ['http://purl.oclc.org/ooxml/officeDocument/math', 'm'],
  ['http://schemas.openxmlformats.org/drawingml/2006/chart', 'c'],
  ['http://purl.oclc.org/ooxml/drawingml/chart', 'c'],
  ['http://schemas.openxmlformats.org/drawingml/2006/diagram', 'dgm'],
  ['http://purl.oclc.org/ooxml/drawingml/diagram', 'dgm'],
  ['urn:schemas-microsoft-com:vml', 'v'],
  ['urn:schemas-microsoft-com:office:office', 'o'],
  ['http://schemas.microsoft.com/office/word/2010/wordprocessingShape', 'wps'],
  ['http://schemas.microsoft.com/office/word/2010/wordprocessingGroup', 'wpg'],
  ['http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing', 'wp14'],
  ['http://schemas.microsoft.com/office/word/2010/wordml', 'w14'],
  ['http://schemas.microsoft.com/office/word/2012/wordml', 'w15'],
  ['http://schemas.microsoft.com/office/word/2015/wordml/symex', 'w16se']
])

/** A tag or markup declaration may be long (VML paths), never this long. */
const MAX_TAG_CHARS = 1024 * 1024
/** The start of an entity or character reference cut off at the end of a chunk. */
const PARTIAL_REFERENCE = /^&(#x?[0-9a-f]*|[a-z]*)$/i
const MAX_REFERENCE_CHARS = 64
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

export function decodeXmlEntities(value: string): string {
  if (!value.includes('&')) return value
  return value.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED_ENTITIES[name] ?? whole
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
    // NUL, surrogates (half a character on their own) and values past Unicode read as U+FFFD.
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD'
  })
}

const attributePatterns = new Map<string, RegExp>()

function attributeIn(raw: string, localName: string): string | null {
  let pattern = attributePatterns.get(localName)
  if (pattern === undefined) {
    pattern = new RegExp(`\\s(?:[\\w.-]+:)?${localName}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    attributePatterns.set(localName, pattern)
  }
  const match = pattern.exec(raw)
  return match === null ? null : decodeXmlEntities(match[1] ?? match[2] ?? '')
}

/** A prefix declaration an element made, with what it hid, to restore when the element closes. */
interface Declaration {
  depth: number
  prefix: string
  hidden: string | undefined
}

/** Elements nested deeper than this are only counted (no Word part comes near): their names would cost memory per level. */
export const MAX_DEPTH = 4096
/** Names resolved under the current declarations; emptied when they change or when it grows this big (a file of distinct names). */
const MAX_CACHED_NAMES = 4096

const LESS_THAN = 60
const GREATER_THAN = 62
const SLASH = 47
const QUOTE = 34
const APOSTROPHE = 39
const X = 120

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}

export class XmlScanner {
  #rest = ''
  // The open elements by their names as written; resolved again on closing, under the same declarations.
  readonly #rawNames: string[] = []
  // The prefixes in scope (prefix → usual prefix): one map, changed as elements declare and restored as they close,
  // so a declaration costs memory once, not once per element nested inside it.
  readonly #prefixes = new Map<string, string>()
  readonly #declarations: Declaration[] = []
  readonly #resolved = new Map<string, string>()
  /** Levels open past MAX_DEPTH: counted, not named, not reported. */
  #deepLevels = 0
  /** Elements passed over for sitting past MAX_DEPTH (their outermost ones). */
  deepElements = 0
  #rootSeen = false
  // The tag being handled, cut out of the chunk only when the handler asks for an attribute.
  #text = ''
  #tagStart = 0
  #tagEnd = 0
  // Set by #tagEndFrom: where the name ends, and whether the tag declares a namespace.
  #nameEnd = 0
  #declares = false
  readonly #tag: XmlTag = {
    attribute: (localName) => attributeIn(this.#text.slice(this.#tagStart, this.#tagEnd), localName),
    resolvePrefix: (prefix) => this.#prefixes.get(prefix) ?? prefix
  }

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    const text = this.#rest + chunk
    this.#rest = ''
    let at = 0
    for (;;) {
      const open = text.indexOf('<', at)
      if (open === -1) {
        this.#textUpTo(text, at)
        return
      }
      if (open > at) this.#emitText(text.slice(at, open))
      const end = this.#markupEnd(text, open)
      if (end === -1) {
        this.#rest = text.slice(open)
        if (this.#rest.length > MAX_TAG_CHARS) throw new XmlError('a tag longer than 1 MB')
        return
      }
      at = end
    }
  }

  /** The end of the part: everything opened must have been closed. */
  end(): void {
    if (this.#rest.startsWith('<')) throw new XmlError('the part ends inside a tag')
    if (this.#rest.length > 0) this.#emitText(this.#rest)
    this.#rest = ''
    if (!this.#rootSeen) throw new XmlError('no root element')
    if (this.#deepLevels > 0) throw new XmlError(`the part ends inside elements nested deeper than ${MAX_DEPTH}`)
    const open = this.#rawNames.at(-1)
    if (open !== undefined) throw new XmlError(`the part ends before </${open}>`)
  }

  /** Stops where the scanner is (a reading limit, damaged XML): closes what is open, innermost first. */
  abandon(): void {
    this.#rest = ''
    this.#deepLevels = 0
    while (this.#rawNames.length > 0) this.#closeTop()
  }

  /** Text that may end in a cut entity reference (&am|p;): keeps that tail for the next chunk. */
  #textUpTo(text: string, from: number): void {
    const amp = text.lastIndexOf('&')
    // Only a tail that can still become a reference is kept ("&#x00000041" is one); zero padding aside, those are short.
    const cut = amp >= from && amp > text.length - MAX_REFERENCE_CHARS && PARTIAL_REFERENCE.test(text.slice(amp)) ? amp : text.length
    if (cut > from) this.#emitText(text.slice(from, cut))
    this.#rest = text.slice(cut)
  }

  #emitText(raw: string): void {
    if (this.#deepLevels > 0) return
    if (this.#rawNames.length === 0) {
      if (raw.trim().length > 0) throw new XmlError('text outside the root element')
      return
    }
    this.handler.text(decodeXmlEntities(raw))
  }

  /** Handles the markup starting at `open`; returns where it ends, or -1 when the chunk holds only part of it. */
  #markupEnd(text: string, open: number): number {
    const next = text.charCodeAt(open + 1)
    if (next === 33 /* ! */) {
      if (text.startsWith('<!--', open)) return this.#skipTo(text, open, '-->')
      if (text.startsWith('<![CDATA[', open)) {
        const close = text.indexOf(']]>', open + 9)
        if (close === -1) return -1
        if (this.#rawNames.length > 0 && this.#deepLevels === 0) this.handler.text(text.slice(open + 9, close))
        return close + 3
      }
      if (text.length - open < 9) return -1
      // Word never writes a DTD; one with declarations of its own (entities) is refused by name, not as a stray '<'.
      if (text.startsWith('<!DOCTYPE', open)) {
        const close = text.indexOf('>', open)
        const bracket = text.indexOf('[', open)
        if (bracket !== -1 && (close === -1 || bracket < close)) throw new XmlError('DTD not supported')
      }
      const end = this.#tagEndFrom(text, open)
      return end === -1 ? -1 : end + 1
    }
    if (next === 63 /* ? */) return this.#skipTo(text, open, '?>')
    if (next === SLASH) {
      const end = text.indexOf('>', open)
      if (end === -1) return -1
      this.#closeTag(text, open + 2, end)
      return end + 1
    }
    const end = this.#tagEndFrom(text, open)
    if (end === -1) return -1
    this.#openTag(text, open, end)
    return end + 1
  }

  #skipTo(text: string, open: number, terminator: string): number {
    const close = text.indexOf(terminator, open + 2)
    return close === -1 ? -1 : close + terminator.length
  }

  /**
   * Where the tag starting at `open` ends, skipping '>' in quoted values (-1: not in this
   * chunk); notes where its name ends and whether it declares a namespace.
   */
  #tagEndFrom(text: string, open: number): number {
    let quote = 0
    this.#nameEnd = -1
    this.#declares = false
    for (let at = open + 1; at < text.length; at += 1) {
      const code = text.charCodeAt(at)
      if (quote !== 0) {
        if (code === quote) quote = 0
        continue
      }
      if (code === GREATER_THAN) {
        if (this.#nameEnd === -1) this.#nameEnd = text.charCodeAt(at - 1) === SLASH ? at - 1 : at
        return at
      }
      if (this.#nameEnd === -1) {
        if (isSpace(code) || code === SLASH) this.#nameEnd = at
      } else if (code === QUOTE || code === APOSTROPHE) quote = code
      else if (code === X && isSpace(text.charCodeAt(at - 1)) && text.startsWith('xmlns', at)) this.#declares = true
      else if (code === LESS_THAN) throw new XmlError("'<' inside a tag")
    }
    return -1
  }

  #openTag(text: string, open: number, end: number): void {
    const selfClosing = text.charCodeAt(end - 1) === SLASH
    if (this.#deepLevels > 0 || this.#rawNames.length >= MAX_DEPTH) {
      if (this.#deepLevels === 0) this.deepElements += 1
      if (!selfClosing) this.#deepLevels += 1
      return
    }
    const rawName = text.slice(open + 1, this.#nameEnd)
    if (rawName.length === 0) throw new XmlError('an empty tag name')
    if (this.#rawNames.length === 0 && this.#rootSeen) throw new XmlError('a second root element')
    this.#rootSeen = true
    this.#text = text
    this.#tagStart = open + 1
    this.#tagEnd = end
    this.#rawNames.push(rawName)
    if (this.#declares) this.#declare(text.slice(open + 1, end))
    this.handler.open(this.#resolve(rawName), this.#tag)
    if (selfClosing) this.#closeTop()
  }

  #closeTag(text: string, from: number, end: number): void {
    if (this.#deepLevels > 0) {
      this.#deepLevels -= 1
      return
    }
    const top = this.#rawNames.at(-1)
    let after = top === undefined ? end : from + top.length
    while (after < end && isSpace(text.charCodeAt(after))) after += 1
    if (top === undefined || !text.startsWith(top, from) || after !== end) {
      throw new XmlError(`</${text.slice(from, end).trim()}> does not close <${top ?? 'nothing'}>`)
    }
    this.#closeTop()
  }

  #closeTop(): void {
    const depth = this.#rawNames.length
    const rawName = this.#rawNames.pop()
    if (rawName === undefined) return
    const name = this.#resolve(rawName)
    let restored = false
    for (let last = this.#declarations.at(-1); last !== undefined && last.depth === depth; last = this.#declarations.at(-1)) {
      this.#declarations.pop()
      if (last.hidden === undefined) this.#prefixes.delete(last.prefix)
      else this.#prefixes.set(last.prefix, last.hidden)
      restored = true
    }
    if (restored) this.#resolved.clear()
    this.handler.close(name)
  }

  /** Applies the namespace declarations of the element just opened, noting what each hides. */
  #declare(raw: string): void {
    const depth = this.#rawNames.length
    for (const match of raw.matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const prefix = match[1] ?? ''
      const uri = decodeXmlEntities(match[2] ?? match[3] ?? '')
      this.#declarations.push({ depth, prefix, hidden: this.#prefixes.get(prefix) })
      this.#prefixes.set(prefix, USUAL_PREFIXES.get(uri) ?? (uri === '' ? '' : `{${uri}}`))
      this.#resolved.clear()
    }
  }

  #resolve(rawName: string): string {
    const known = this.#resolved.get(rawName)
    if (known !== undefined) return known
    const colon = rawName.indexOf(':')
    const prefix = colon === -1 ? '' : rawName.slice(0, colon)
    const local = colon === -1 ? rawName : rawName.slice(colon + 1)
    // An undeclared prefix is taken at its word (some generators forget to declare w:).
    const usual = this.#prefixes.get(prefix) ?? prefix
    const name = usual === '' ? local : `${usual}:${local}`
    if (this.#resolved.size >= MAX_CACHED_NAMES) this.#resolved.clear()
    this.#resolved.set(rawName, name)
    return name
  }
}
