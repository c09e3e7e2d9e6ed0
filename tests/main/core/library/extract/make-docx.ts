// Builds small .docx files with jszip for the Word extractor's tests: paragraphs (some
// styled as headings) or raw body markup (several <w:body> elements if asked), parts the
// document points to (notes, numbering, headers), core properties, extra parts, and a
// way to make an archive lie about an entry's size.
import JSZip from 'jszip'

export interface DocxSpec {
  paragraphs?: { text: string; heading?: boolean }[]
  /** Raw WordprocessingML, one string per <w:body> element (instead of `paragraphs`). */
  bodies?: string[]
  /** Parts the main document points to: relationship type (footnotes, numbering, header…) and content, saved as word/<type><n>.xml. */
  related?: { type: string; xml: string }[]
  core?: { title?: string; creator?: string; created?: string } | null
  /** Parts to add or replace, by path inside the archive. */
  parts?: Record<string, string | Uint8Array>
  withoutDocument?: boolean
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
/** The namespaces Word declares on its root elements, for markup the tests write by hand. */
export const NAMESPACES = [
  `xmlns:w="${W}"`,
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
].join(' ')

/** A paragraph of one run, with optional paragraph properties (<w:pPr> content) and extra run markup after the text. */
export function paragraphXml(text: string, options: { properties?: string; after?: string } = {}): string {
  const properties = options.properties === undefined ? '' : `<w:pPr>${options.properties}</w:pPr>`
  return `<w:p>${properties}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>${options.after ?? ''}</w:p>`
}

/** A part whose root element holds this markup, with Word's namespaces declared. */
export function partXml(root: string, content: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${root} ${NAMESPACES}>${content}</${root}>`
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function documentXml(spec: DocxSpec): string {
  const paragraphs = spec.paragraphs ?? [{ text: 'First paragraph.' }, { text: 'Second paragraph.' }]
  const bodies = spec.bodies ?? [
    paragraphs.map(({ text, heading }) => paragraphXml(text, heading === true ? { properties: '<w:pStyle w:val="Heading1"/>' } : {})).join('')
  ]
  return partXml('w:document', bodies.map((body) => `<w:body>${body}</w:body>`).join(''))
}

function relationshipsXml(related: { type: string }[]): string {
  const relationships = related.map(
    ({ type }, index) =>
      `<Relationship Id="rIdT${index}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${type}${index}.xml"/>`
  )
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join('')}</Relationships>`
}

function coreXml(core: { title?: string; creator?: string; created?: string }): string {
  const title = core.title === undefined ? '' : `<dc:title>${escapeXml(core.title)}</dc:title>`
  const creator = core.creator === undefined ? '' : `<dc:creator>${escapeXml(core.creator)}</dc:creator>`
  const created = core.created === undefined ? '' : `<dcterms:created xsi:type="dcterms:W3CDTF">${core.created}</dcterms:created>`
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${title}${creator}${created}</cp:coreProperties>`
}

export async function makeDocx(spec: DocxSpec = {}): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', CONTENT_TYPES)
  zip.file('_rels/.rels', ROOT_RELS)
  zip.file('word/styles.xml', STYLES)
  if (spec.withoutDocument !== true) zip.file('word/document.xml', documentXml(spec))
  const related = spec.related ?? []
  if (related.length > 0) zip.file('word/_rels/document.xml.rels', relationshipsXml(related))
  related.forEach(({ type, xml }, index) => zip.file(`word/${type}${index}.xml`, xml))
  if (spec.core !== null) zip.file('docProps/core.xml', coreXml(spec.core ?? {}))
  for (const [path, content] of Object.entries(spec.parts ?? {})) zip.file(path, content)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/** Rewrites the uncompressed size the central directory declares for one entry. */
export function declareSize(archive: Uint8Array, name: string, size: number): Uint8Array {
  const patched = archive.slice()
  const view = new DataView(patched.buffer)
  const wanted = Buffer.from(name)
  for (let at = 0; at + 46 <= patched.length; at += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) continue
    const nameLength = view.getUint16(at + 28, true)
    if (Buffer.from(patched.subarray(at + 46, at + 46 + nameLength)).equals(wanted)) {
      view.setUint32(at + 24, size, true)
      return patched
    }
  }
  throw new Error(`make-docx: no central directory entry named ${name}`)
}

/** Overwrites the start of one entry's compressed data, so the archive lists it but cannot inflate it. */
export function breakEntry(archive: Uint8Array, name: string): Uint8Array {
  const patched = archive.slice()
  const view = new DataView(patched.buffer)
  const wanted = Buffer.from(name)
  for (let at = 0; at + 30 <= patched.length; at += 1) {
    if (view.getUint32(at, true) !== 0x04034b50) continue
    const nameLength = view.getUint16(at + 26, true)
    if (!Buffer.from(patched.subarray(at + 30, at + 30 + nameLength)).equals(wanted)) continue
    const data = at + 30 + nameLength + view.getUint16(at + 28, true)
    patched.fill(0xff, data, data + 8)
    return patched
  }
  throw new Error(`make-docx: no local entry named ${name}`)
}
