// Builds small OpenDocument text files with jszip for the .odt extractor's tests: the
// body as ODF XML, optional meta.xml, and a manifest that can say the file is encrypted.
import JSZip from 'jszip'

export interface OdtSpec {
  /** The inside of <office:text>. */
  body?: string
  meta?: string | null
  encrypted?: boolean
  /** The document type the mimetype entry names. */
  mimetype?: string
}

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
].join(' ')

export async function makeOdt(spec: OdtSpec = {}): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('mimetype', spec.mimetype ?? 'application/vnd.oasis.opendocument.text', { compression: 'STORE' })
  const body = spec.body ?? '<text:p>First paragraph.</text:p><text:p>Second paragraph.</text:p>'
  const office = spec.mimetype?.endsWith('spreadsheet') === true ? `<office:spreadsheet>${body}</office:spreadsheet>` : `<office:text>${body}</office:text>`
  zip.file('content.xml', `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:body>${office}</office:body></office:document-content>`)
  if (spec.meta !== null) {
    const meta = spec.meta ?? '<dc:title>Budget memo</dc:title><meta:initial-creator>Ann Lee</meta:initial-creator><meta:creation-date>2024-03-05T10:11:12</meta:creation-date><dc:language>en-GB</dc:language>'
    zip.file('meta.xml', `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${NS}><office:meta>${meta}</office:meta></office:document-meta>`)
  }
  const encryption = spec.encrypted === true ? '<manifest:encryption-data manifest:checksum-type="SHA1/1K"/>' : ''
  zip.file(
    'META-INF/manifest.xml',
    `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${encryption}</manifest:file-entry></manifest:manifest>`
  )
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}
