// Checks that a .docx is a Word archive that is safe to open: a zip, with
// word/document.xml, whose parts do not declare more than the configured limit (zip
// bombs); then hands out parts as text a chunk at a time, each inflated no further than
// the size it declares, so a part that lies is caught and none is ever held whole.
import { TextDecoder } from 'node:util'
import { DamagedZipError, inflateEntryChunks, InflateLimitError, NotZipError, readZipDirectory, type ZipEntry } from './zip-directory'
import { UserError } from '../../../../shared/ipc/result'
import { formatBytes } from '../../../../shared/text/counts'
import { unreadable } from './unreadable'

export interface WordArchive {
  /** The archive's name for a part, matched as Office does (case-insensitively), or null when it has none. */
  find(name: string): string | null
  /** A part's text, decoded a chunk at a time; throws a UserError when it inflates past its declared size. */
  chunks(name: string): AsyncGenerator<string>
}

/** A part whose compressed data is broken: refuses the file unless the reader can do without the part. */
export class DamagedPartError extends UserError {
  constructor(readonly detail: string) {
    super('invalid-input', `damaged Word document (${detail})`)
  }
}

const MAIN_PART = 'word/document.xml'
const SUSPICIOUS_RATIO = 200
const SUSPICIOUS_SIZE = 10 * 1024 * 1024
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
/** "EncryptedPackage" in UTF-16LE: the stream an encrypted Office file keeps the real archive in. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le')

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
  if (total > maxInflatedBytes) throw unreadable(`looks like a zip bomb: would inflate to ${formatBytes(total)}`)
  for (const entry of entries) {
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1)
    if (entry.uncompressedSize > SUSPICIOUS_SIZE && ratio > SUSPICIOUS_RATIO) {
      throw unreadable(`looks like a zip bomb: one part would inflate ${Math.round(ratio)}× to ${formatBytes(entry.uncompressedSize)}`)
    }
  }
}

/** XML parts are UTF-8 unless a byte order mark says UTF-16. */
function decoderFor(head: Uint8Array): TextDecoder {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le')
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be')
  return new TextDecoder('utf-8')
}

async function* decodedChunks(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null
  try {
    for await (const chunk of inflateEntryChunks(bytes, entry, entry.uncompressedSize)) {
      decoder ??= decoderFor(chunk)
      yield decoder.decode(chunk, { stream: true })
    }
    if (decoder !== null) yield decoder.decode()
  } catch (error) {
    if (error instanceof InflateLimitError) throw unreadable('looks like a zip bomb: a part inflates past the size it declares')
    if (error instanceof DamagedZipError) throw new DamagedPartError(error.message)
    throw error
  }
}

export function guardWordArchive(bytes: Uint8Array, maxInflatedBytes: number): WordArchive {
  refuseOleContainer(bytes)
  const entries = directory(bytes)
  if (!entries.some((entry) => entry.name === MAIN_PART)) throw unreadable('not a Word document (no word/document.xml)')
  refuseDeclaredBombs(entries, maxInflatedBytes)
  const byName = new Map(entries.map((entry) => [entry.name, entry]))
  const byLowerName = new Map(entries.map((entry) => [entry.name.toLowerCase(), entry]))
  const entryNamed = (name: string): ZipEntry | undefined => byName.get(name) ?? byLowerName.get(name.toLowerCase())
  return {
    find: (name) => entryNamed(name)?.name ?? null,
    chunks: (name) => {
      const entry = entryNamed(name)
      if (entry === undefined) throw new Error(`zip-guard: no part named ${name}`)
      return decodedChunks(bytes, entry)
    }
  }
}
