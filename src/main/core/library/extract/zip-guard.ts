// Checks that a .docx is a Word archive that is safe to open before mammoth inflates it:
// a zip, with word/document.xml, whose parts neither declare nor actually inflate past
// the configured limit (zip bombs). Returns the inflated XML parts for reading properties.
import { DamagedZipError, inflateEntry, InflateLimitError, NotZipError, readZipDirectory, type ZipEntry } from './zip-directory'
import { unreadable } from './unreadable'

export interface WordArchive {
  /** An XML part's text (word/…, docProps/…), or null when the archive has none by that name. */
  part(name: string): string | null
}

const MAIN_PART = 'word/document.xml'
const SUSPICIOUS_RATIO = 200
const SUSPICIOUS_SIZE = 10 * 1024 * 1024
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
/** "EncryptedPackage" in UTF-16LE: the stream an encrypted Office file keeps the real archive in. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le')

export function formatSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(1).replace(/\.0$/, '')} ${units[unit]}`
}

function refuseOleContainer(bytes: Uint8Array): void {
  if (!OLE_MAGIC.every((byte, index) => bytes[index] === byte)) return
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(ENCRYPTED_PACKAGE)) {
    throw unreadable('password-protected Word document')
  }
  throw unreadable('not a Word document (old .doc format; save it as .docx)')
}

function directory(bytes: Uint8Array): ZipEntry[] {
  try {
    return readZipDirectory(bytes)
  } catch (error) {
    if (error instanceof NotZipError) throw unreadable('not a Word document (not a zip archive)')
    if (error instanceof DamagedZipError) throw unreadable(`damaged Word document (${error.message})`)
    throw error
  }
}

function refuseDeclaredBombs(entries: ZipEntry[], maxInflatedBytes: number): void {
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0)
  if (total > maxInflatedBytes) throw unreadable(`looks like a zip bomb: would inflate to ${formatSize(total)}`)
  for (const entry of entries) {
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1)
    if (entry.uncompressedSize > SUSPICIOUS_SIZE && ratio > SUSPICIOUS_RATIO) {
      throw unreadable(`looks like a zip bomb: one part would inflate ${Math.round(ratio)}× to ${formatSize(entry.uncompressedSize)}`)
    }
  }
}

function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name)
}

/**
 * Inflates every part for real, each capped at its declared size: the declared sizes
 * already passed the limit, so an archive that lies about any part (mammoth may read a
 * main document of any name through _rels/.rels) is caught here. Keeps the XML parts.
 */
function inflateXmlParts(bytes: Uint8Array, entries: ZipEntry[]): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>()
  for (const entry of entries) {
    try {
      const inflated = inflateEntry(bytes, entry, entry.uncompressedSize)
      if (isXmlPart(entry.name)) parts.set(entry.name, inflated)
    } catch (error) {
      if (error instanceof InflateLimitError) throw unreadable('looks like a zip bomb: a part inflates past the size it declares')
      if (error instanceof DamagedZipError) throw unreadable(`damaged Word document (${error.message})`)
      throw error
    }
  }
  return parts
}

export function guardWordArchive(bytes: Uint8Array, maxInflatedBytes: number): WordArchive {
  refuseOleContainer(bytes)
  const entries = directory(bytes)
  if (!entries.some((entry) => entry.name === MAIN_PART)) throw unreadable('not a Word document (no word/document.xml)')
  refuseDeclaredBombs(entries, maxInflatedBytes)
  const parts = inflateXmlParts(bytes, entries)
  const decoder = new TextDecoder('utf-8')
  return {
    part: (name) => {
      const content = parts.get(name)
      return content === undefined ? null : decoder.decode(content)
    }
  }
}
