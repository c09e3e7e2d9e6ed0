// Word runs of text written here rather than by docx's run objects, which cost a long export
// most of its time: the body's as the objects docx turns into XML, the footnotes' as XML text.
// Either way the same elements docx writes, for the formats the export uses.
import type { IXmlableObject } from 'docx'
import type { RunStyle } from './docx-text'

/** An element of a run's properties: its name and its w:val, if any. */
type Property = readonly [name: string, value?: string]

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/** Text or an attribute's value as XML, for text already stripped of what XML cannot hold (xmlSafe). */
export const escapeXml = (text: string): string => text.replace(/[&<>"]/g, (char) => ESCAPES[char] ?? '')

/** The properties of a format in the order the schema (CT_RPr) wants them; a format nobody taught this throws. */
function properties(style: RunStyle): Property[] {
  const { style: named, bold, italics, color, size, highlight, superScript, ...rest } = style
  const other = [...Object.keys(rest), ...(color === undefined || typeof color === 'string' ? [] : ['a theme colour'])]
  if (other.length > 0) throw new Error(`export: a Word run cannot yet be written with ${other.join(', ')}`)
  const out: Property[] = []
  if (named !== undefined) out.push(['w:rStyle', named])
  if (bold === true) out.push(['w:b'], ['w:bCs'])
  if (italics === true) out.push(['w:i'], ['w:iCs'])
  if (typeof color === 'string') out.push(['w:color', color])
  if (size !== undefined) out.push(['w:sz', String(size)], ['w:szCs', String(size)])
  if (highlight !== undefined) out.push(['w:highlight', highlight])
  if (superScript === true) out.push(['w:vertAlign', 'superscript'])
  return out
}

/** Formats are shared objects (BOLD, ITALIC…), so each is worked out once. */
const asXml = new WeakMap<RunStyle, string>()
const asObject = new WeakMap<RunStyle, IXmlableObject | null>()

function propertiesXml(style: RunStyle | undefined): string {
  if (style === undefined) return ''
  let xml = asXml.get(style)
  if (xml === undefined) {
    const elements = properties(style).map(([name, value]) => (value === undefined ? `<${name}/>` : `<${name} w:val="${escapeXml(value)}"/>`))
    xml = elements.length === 0 ? '' : `<w:rPr>${elements.join('')}</w:rPr>`
    asXml.set(style, xml)
  }
  return xml
}

function propertiesObject(style: RunStyle): IXmlableObject | null {
  let object = asObject.get(style)
  if (object === undefined) {
    const elements = properties(style).map(([name, value]) => ({ [name]: value === undefined ? {} : { _attr: { 'w:val': value } } }))
    object = elements.length === 0 ? null : { 'w:rPr': elements }
    asObject.set(style, object)
  }
  return object
}

/** What a run holds, in order: text, tabs and line breaks. */
export const TAB = { tab: true } as const
export const BREAK = { break: true } as const
export type RunContent = Array<string | typeof TAB | typeof BREAK>

/**
 * Whether Word must be told to keep the text's spaces (xml:space="preserve"): without it, it
 * drops them at either end and runs of them. Most text needs no telling, and the file is smaller.
 */
const keepsSpaces = (text: string): boolean => /^\s|\s$|\s\s/.test(text)

function pieceXml(piece: RunContent[number]): string {
  if (typeof piece !== 'string') return piece === TAB ? '<w:tab/>' : '<w:br/>'
  return `<w:t${keepsSpaces(piece) ? ' xml:space="preserve"' : ''}>${escapeXml(piece)}</w:t>`
}

/** A run as XML text (the footnotes). */
export function runXml(content: RunContent, style: RunStyle | undefined): string {
  return `<w:r>${propertiesXml(style)}${content.map(pieceXml).join('')}</w:r>`
}

const PRESERVE = { _attr: { 'xml:space': 'preserve' } }

function pieceObject(piece: RunContent[number]): IXmlableObject {
  if (typeof piece !== 'string') return piece === TAB ? { 'w:tab': {} } : { 'w:br': {} }
  return { 'w:t': keepsSpaces(piece) ? [PRESERVE, piece] : piece }
}

/** A run as the object docx turns into XML (the body): what docx writes for a TextRun of it. */
export function runObject(content: RunContent, style: RunStyle | undefined): IXmlableObject {
  const rPr = style === undefined ? null : propertiesObject(style)
  const inner = content.map(pieceObject)
  return { 'w:r': rPr === null ? inner : [rPr, ...inner] }
}

const REFERENCE: RunStyle = { style: 'FootnoteReference' }

/** The body's mark of a footnote, as docx writes a FootnoteReferenceRun of the note's id. */
export function footnoteReferenceObject(id: number): IXmlableObject {
  return { 'w:r': [propertiesObject(REFERENCE), { 'w:footnoteReference': { _attr: { 'w:id': id } } }] }
}
