// The on-disk form of one index segment: a 52-byte header (magic "SBSG", format version,
// CRC-32, total size, counts) then 4-byte-aligned sections that load as typed-array views
// of the file's bytes, without decoding a single posting. Any mismatch throws, so the
// caller can set the file aside and rebuild what it held.
//
// Sections, in order: document lengths, key lengths, tag lengths (per document), removal
// lengths (UTF-16 units), per-term document frequency, document-stream starts and
// position-stream starts (u32 little-endian each); then UTF-8 bytes of the joined keys,
// tags and removals, the '\n'-joined sorted terms, the document arena and the position arena.
import { crc32 } from 'node:zlib'
import { Segment } from './segment'
import { aligned, assertOffsets, sectionReader } from './file-sections'

export const SEGMENT_FORMAT_VERSION = 2
const MAGIC = [0x53, 0x42, 0x53, 0x47]
const HEADER_BYTES = 52
/** Checksummed and copied in pieces this large, so encoding a large segment yields between them. */
const CHUNK_BYTES = 8 << 20

function assertLittleEndian(): void {
  if (new Uint8Array(Uint32Array.of(1).buffer)[0] !== 1) throw new Error('search-index: this platform is big-endian; the index format is little-endian')
}

function asBytes(array: Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
}

/**
 * Encodes a segment, yielding between pieces of work (of at most a few milliseconds) so
 * that a caller can spread a large segment over several turns of the event loop.
 */
export function* encodeSegmentSteps(segment: Segment): Generator<void, Uint8Array> {
  assertLittleEndian()
  const encoder = new TextEncoder()
  const lengths = (strings: readonly string[]): Uint32Array => Uint32Array.from(strings, (text) => text.length)
  const { arenas } = segment
  const u32Sections = [
    segment.docLengths,
    lengths(segment.keys),
    lengths(segment.tags),
    lengths(segment.removals),
    arenas.docFreq,
    arenas.docsStart,
    arenas.positionsStart
  ]
  yield
  const byteSections = [
    encoder.encode(segment.keys.join('')),
    encoder.encode(segment.tags.join('')),
    encoder.encode(segment.removals.join('')),
    encoder.encode(segment.terms.join('\n')),
    arenas.docs,
    arenas.positions
  ]
  yield
  const total = HEADER_BYTES + u32Sections.reduce((sum, section) => sum + section.byteLength, 0) + byteSections.reduce((sum, section) => sum + aligned(section.length), 0)
  const out = new Uint8Array(total)
  const view = new DataView(out.buffer)
  out.set(MAGIC, 0)
  view.setUint32(4, SEGMENT_FORMAT_VERSION, true)
  view.setUint32(12, total, true)
  const counts = [segment.docCount, segment.terms.length, segment.removals.length, ...byteSections.map((section) => section.length)]
  counts.forEach((count, index) => view.setUint32(16 + 4 * index, count, true))
  let offset = HEADER_BYTES
  for (const section of [...u32Sections.map(asBytes), ...byteSections]) {
    for (let from = 0; from < section.length; from += CHUNK_BYTES) {
      out.set(section.subarray(from, from + CHUNK_BYTES), offset + from)
      yield
    }
    offset += aligned(section.length)
  }
  let checksum = 0
  for (let from = 12; from < total; from += CHUNK_BYTES) {
    checksum = crc32(out.subarray(from, Math.min(total, from + CHUNK_BYTES)), checksum)
    yield
  }
  view.setUint32(8, checksum, true)
  return out
}

export function encodeSegment(segment: Segment): Uint8Array {
  const steps = encodeSegmentSteps(segment)
  for (;;) {
    const step = steps.next()
    if (step.done === true) return step.value
  }
}

function damaged(detail: string): Error {
  return new Error(`search-index: a saved index segment is damaged (${detail}); rebuild it`)
}


function split(joined: string, lengths: Uint32Array, name: string): string[] {
  const out = new Array<string>(lengths.length)
  let at = 0
  for (let index = 0; index < lengths.length; index++) {
    const length = lengths[index] ?? 0
    out[index] = joined.slice(at, at + length)
    at += length
  }
  if (at !== joined.length) throw damaged(`${name} lengths do not match`)
  return out
}

/** A segment from its file's bytes; the views share `input`'s memory when it is 4-byte aligned. Throws when damaged. */
export function decodeSegment(input: Uint8Array): Segment {
  assertLittleEndian()
  if (input.length < HEADER_BYTES || MAGIC.some((byte, index) => input[index] !== byte)) {
    throw new Error('search-index: not a Sourcebench index segment (wrong magic number); rebuild it')
  }
  const bytes = input.byteOffset % 4 === 0 ? input : new Uint8Array(input)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const version = view.getUint32(4, true)
  if (version !== SEGMENT_FORMAT_VERSION) {
    throw new Error(`search-index: a saved index segment has format version ${version}, this version reads ${SEGMENT_FORMAT_VERSION}; rebuild it`)
  }
  if (view.getUint32(12, true) !== bytes.length || bytes.length % 4 !== 0) throw damaged(`truncated: ${bytes.length} bytes`)
  if (view.getUint32(8, true) !== crc32(bytes.subarray(12))) throw damaged('checksum mismatch')
  const [docCount = 0, termCount = 0, removalCount = 0, keyBytes = 0, tagBytes = 0, removalBytes = 0, termBytes = 0, docsBytes = 0, positionsBytes = 0] =
    Array.from({ length: 9 }, (_, index) => view.getUint32(16 + 4 * index, true))
  const { u32, raw, end } = sectionReader(bytes, HEADER_BYTES, damaged)
  const docLengths = u32(docCount)
  const keyLengths = u32(docCount)
  const tagLengths = u32(docCount)
  const removalLengths = u32(removalCount)
  const docFreq = u32(termCount)
  const docsStart = u32(termCount + 1)
  const positionsStart = u32(termCount + 1)
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const keys = split(decoder.decode(raw(keyBytes)), keyLengths, 'key')
  const tags = split(decoder.decode(raw(tagBytes)), tagLengths, 'tag')
  const removals = split(decoder.decode(raw(removalBytes)), removalLengths, 'removal')
  const termText = raw(termBytes)
  const docs = raw(docsBytes)
  const positions = raw(positionsBytes)
  end()
  assertOffsets(docsStart, docs.length, 'document', damaged)
  assertOffsets(positionsStart, positions.length, 'position', damaged)
  // The vocabulary is decoded on first use: a cold start need not pay for it.
  const terms = (): string[] => {
    const list = termCount === 0 ? [] : new TextDecoder('utf-8').decode(termText).split('\n')
    if (list.length !== termCount) throw damaged('term count does not match')
    return list
  }
  return new Segment({ keys, tags, docLengths, removals, terms, arenas: { docFreq, docsStart, positionsStart, docs, positions } })
}
