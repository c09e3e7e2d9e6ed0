// Tells what a file without a type in its name holds, from its first bytes: a document
// format Sourcebench reads (PDF, Word, OpenDocument, RTF, a web page, an e-mail), plain
// text, or a binary file it names for the import report ("a PNG image").
import type { SourceFormat } from '../../../../shared/domain/source'
import { looksLikeEmail } from './email-headers'

const PROBE_BYTES = 4096

/** Signatures of common binary files, so a refusal can say what the file is. */
const BINARY_KINDS: ReadonlyArray<{ magic: readonly number[]; kind: string }> = [
  { magic: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { magic: [0x49, 0x49, 0x2a, 0x00], kind: 'a TIFF image' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], kind: 'a TIFF image' },
  { magic: [0x1f, 0x8b], kind: 'a gzip archive' },
  { magic: [0x42, 0x5a, 0x68], kind: 'a bzip2 archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], kind: 'a 7-Zip archive' },
  { magic: [0x52, 0x61, 0x72, 0x21], kind: 'a RAR archive' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], kind: 'a program (ELF)' },
  { magic: [0x4d, 0x5a], kind: 'a Windows program' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'an Office 97–2003 file (.doc, .xls or .msg; save it as .docx)' },
  { magic: [0x49, 0x44, 0x33], kind: 'an MP3 audio file' },
  { magic: [0x4f, 0x67, 0x67, 0x53], kind: 'an Ogg media file' },
  { magic: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], kind: 'an SQLite database' }
]

export type Sniffed = { format: SourceFormat } | { binary: string }

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((byte, index) => bytes[at + index] === byte)
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, Math.min(end, bytes.length) - start)).toString('latin1')
}

/** A zip: OpenDocument names its type in the first entry ("mimetype"), Word has word/ parts. */
function sniffZip(bytes: Uint8Array): Sniffed {
  const head = ascii(bytes, 0, PROBE_BYTES)
  if (head.includes('mimetypeapplication/vnd.oasis.opendocument.text')) return { format: 'odt' }
  if (head.includes('application/vnd.oasis.opendocument')) return { binary: 'an OpenDocument file other than text (spreadsheet or presentation)' }
  if (head.includes('[Content_Types].xml') || head.includes('word/')) return { format: 'docx' }
  return { binary: 'a zip archive' }
}

/**
 * PDF readers accept the header anywhere in the first kilobyte, so a PDF is a header at the
 * start of a line there and an end-of-file marker near the end: a text that merely quotes
 * "%PDF-1.4" stays text.
 */
function isPdf(bytes: Uint8Array, head: string): boolean {
  if (!/(^|[\r\n])%PDF-\d\.\d/.test(head.slice(0, 1024))) return false
  return ascii(bytes, Math.max(0, bytes.length - 2048), bytes.length).includes('%%EOF')
}

/** Binary files hold NUL bytes near the start; text that happens to begin "MZ" or "ID3" does not. */
function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 1024).includes(0)
}

export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes)
  const head = ascii(bytes, 0, PROBE_BYTES)
  if (isPdf(bytes, head)) return { format: 'pdf' }
  if (/^\s*\{\\rtf/.test(head)) return { format: 'rtf' }
  const known = BINARY_KINDS.find(({ magic }) => startsWith(bytes, magic))
  if (known !== undefined && hasNul(bytes)) return { binary: known.kind }
  const text = head.replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
  if (/^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>])/i.test(text)) return { format: 'html' }
  if (looksLikeEmail(text)) return { format: 'email' }
  return { format: 'text' }
}
