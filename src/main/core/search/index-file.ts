// The on-disk form of the whole search index up to format version 1 (search-index.bin), read
// once to migrate an older project to segments (legacy-index.ts). A 40-byte header (magic "SBSI", format version,
// checksum, sizes) then 4-byte-aligned sections that load as typed-array views without
// decoding a single posting. Any mismatch throws, so the caller can rebuild the index.
//
// Sections, in order: document lengths, key lengths (UTF-16 units), per-term document
// frequency, last document, document-stream starts, position-stream starts (u32 each,
// little-endian), then the keys and the '\n'-joined sorted terms (UTF-8), the document
// stream arena and the position stream arena.
import type { PostingArenas } from './sealed-postings'
import { aligned, assertOffsets, sectionReader } from './file-sections'

/** Version 1's postings: the arenas, the sorted vocabulary and each term's last document. */
export interface SealedPostings extends PostingArenas {
  terms: string[]
  lastDoc: Uint32Array
}

export const INDEX_FORMAT_VERSION = 1
const MAGIC = [0x53, 0x42, 0x53, 0x49]
const HEADER_BYTES = 40

export interface IndexSnapshot {
  keys: string[]
  docLengths: Uint32Array
  sealed: SealedPostings
}

/** A cheap 32-bit hash of every 4-byte word: catches truncation and flipped bytes. */
function checksum(bytes: Uint8Array): number {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2)
  let hash = 0x811c9dc5
  for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ (words[i] ?? 0), 0x01000193) >>> 0
  return hash
}

function assertLittleEndian(): void {
  if (new Uint8Array(Uint32Array.of(1).buffer)[0] !== 1) throw new Error('search-index: this platform is big-endian; the index format is little-endian')
}

export function encodeIndex(snapshot: IndexSnapshot): Uint8Array {
  assertLittleEndian()
  const { keys, docLengths, sealed } = snapshot
  const encoder = new TextEncoder()
  const keyBytes = encoder.encode(keys.join(''))
  const termBytes = encoder.encode(sealed.terms.join('\n'))
  const keyLengths = Uint32Array.from(keys, (key) => key.length)
  const u32Sections = [docLengths, keyLengths, sealed.docFreq, sealed.lastDoc, sealed.docsStart, sealed.positionsStart]
  const byteSections = [keyBytes, termBytes, sealed.docs, sealed.positions]
  const total = HEADER_BYTES + u32Sections.reduce((sum, section) => sum + section.byteLength, 0) + byteSections.reduce((sum, section) => sum + aligned(section.length), 0)
  const out = new Uint8Array(total)
  const view = new DataView(out.buffer)
  out.set(MAGIC, 0)
  view.setUint32(4, INDEX_FORMAT_VERSION, true)
  view.setUint32(12, total, true)
  const counts = [keys.length, sealed.terms.length, keyBytes.length, termBytes.length, sealed.docs.length, sealed.positions.length]
  counts.forEach((count, index) => view.setUint32(16 + 4 * index, count, true))
  let offset = HEADER_BYTES
  for (const section of u32Sections) {
    out.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), offset)
    offset += section.byteLength
  }
  for (const section of byteSections) {
    out.set(section, offset)
    offset += aligned(section.length)
  }
  view.setUint32(8, checksum(out.subarray(16)), true)
  return out
}

function damaged(detail: string): Error {
  return new Error(`search-index: the saved index is damaged (${detail}); rebuild it`)
}


export function decodeIndex(input: Uint8Array): IndexSnapshot {
  assertLittleEndian()
  if (input.length < HEADER_BYTES || MAGIC.some((byte, index) => input[index] !== byte)) {
    throw new Error('search-index: not a Sourcebench search index (wrong magic number); rebuild it')
  }
  // A private, 4-byte-aligned copy: the sections become views into it.
  const bytes = new Uint8Array(input)
  const view = new DataView(bytes.buffer)
  const version = view.getUint32(4, true)
  if (version !== INDEX_FORMAT_VERSION) {
    throw new Error(`search-index: the saved index has format version ${version}, this version reads ${INDEX_FORMAT_VERSION}; rebuild it`)
  }
  if (view.getUint32(12, true) !== bytes.length || bytes.length % 4 !== 0) throw damaged(`truncated: ${bytes.length} bytes`)
  if (view.getUint32(8, true) !== checksum(bytes.subarray(16))) throw damaged('checksum mismatch')
  const [docCount = 0, termCount = 0, keyByteCount = 0, termByteCount = 0, docsBytes = 0, positionsBytes = 0] = Array.from({ length: 6 }, (_, index) =>
    view.getUint32(16 + 4 * index, true)
  )
  const { u32, raw, end } = sectionReader(bytes, HEADER_BYTES, damaged)
  const docLengths = u32(docCount)
  const keyLengths = u32(docCount)
  const docFreq = u32(termCount)
  const lastDoc = u32(termCount)
  const docsStart = u32(termCount + 1)
  const positionsStart = u32(termCount + 1)
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const allKeys = decoder.decode(raw(keyByteCount))
  const termText = decoder.decode(raw(termByteCount))
  const docs = raw(docsBytes)
  const positions = raw(positionsBytes)
  end()
  const terms = termCount === 0 ? [] : termText.split('\n')
  if (terms.length !== termCount) throw damaged('term count does not match')
  assertOffsets(docsStart, docs.length, 'document', damaged)
  assertOffsets(positionsStart, positions.length, 'position', damaged)
  const keys: string[] = []
  let keyOffset = 0
  for (const length of keyLengths) {
    keys.push(allKeys.slice(keyOffset, keyOffset + length))
    keyOffset += length
  }
  if (keyOffset !== allKeys.length) throw damaged('key lengths do not match')
  return { keys, docLengths, sealed: { terms, docFreq, lastDoc, docsStart, positionsStart, docs, positions } }
}
