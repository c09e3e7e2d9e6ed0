// Reads a zip archive's central directory (entry names, methods, declared sizes) and
// inflates single entries under a hard output cap, whole or as a stream of chunks, so a
// Word file can be read without trusting what it declares or holding a part in memory.
import { createInflateRaw, inflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  method: number
  encrypted: boolean
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

/** The bytes are not a zip archive at all. */
export class NotZipError extends Error {}
/** A zip archive whose structure is broken; the message says how. */
export class DamagedZipError extends Error {}
/** An entry inflated past the cap it was given. */
export class InflateLimitError extends Error {}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL_HEADER = 0x02014b50
const LOCAL_HEADER = 0x04034b50
const EOCD_LENGTH = 22
const MAX_COMMENT = 0xffff
const U16_MAX = 0xffff
const U32_MAX = 0xffffffff
const DEFLATE = 8
const STORED = 0

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function u64(data: DataView, offset: number): number {
  return Number(data.getBigUint64(offset, true))
}

function findEndOfCentralDirectory(data: DataView): number {
  const last = data.byteLength - EOCD_LENGTH
  for (let offset = last; offset >= 0 && offset >= last - MAX_COMMENT; offset -= 1) {
    if (data.getUint32(offset, true) === EOCD) return offset
  }
  // A zip's first bytes are an entry header; with those but no directory, the end is missing.
  if (data.byteLength >= 4 && data.getUint32(0, true) === LOCAL_HEADER) throw new DamagedZipError('the file is cut short')
  throw new NotZipError('not a zip archive')
}

function directoryBounds(data: DataView, eocd: number): { count: number; offset: number; size: number } {
  let count = data.getUint16(eocd + 10, true)
  let size = data.getUint32(eocd + 12, true)
  let offset = data.getUint32(eocd + 16, true)
  if (count === U16_MAX || size === U32_MAX || offset === U32_MAX) {
    const locator = eocd - 20
    if (locator < 0 || data.getUint32(locator, true) !== ZIP64_LOCATOR) throw new DamagedZipError('zip64 locator missing')
    const record = u64(data, locator + 8)
    if (record + 56 > data.byteLength || data.getUint32(record, true) !== ZIP64_EOCD) throw new DamagedZipError('zip64 directory missing')
    count = u64(data, record + 32)
    size = u64(data, record + 40)
    offset = u64(data, record + 48)
  }
  if (offset + size > data.byteLength) throw new DamagedZipError('the file is cut short')
  return { count, offset, size }
}

/** Fills in sizes the header marks as "see the zip64 extra field". */
function applyZip64Extra(entry: ZipEntry, data: DataView, start: number, end: number): void {
  for (let at = start; at + 4 <= end; ) {
    const id = data.getUint16(at, true)
    const length = data.getUint16(at + 2, true)
    if (id === 0x0001) {
      let field = at + 4
      const take = (): number => {
        const value = field + 8 <= at + 4 + length ? u64(data, field) : U32_MAX
        field += 8
        return value
      }
      if (entry.uncompressedSize === U32_MAX) entry.uncompressedSize = take()
      if (entry.compressedSize === U32_MAX) entry.compressedSize = take()
      if (entry.localHeaderOffset === U32_MAX) entry.localHeaderOffset = take()
      return
    }
    at += 4 + length
  }
}

export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const data = view(bytes)
  const bounds = directoryBounds(data, findEndOfCentralDirectory(data))
  const names = new TextDecoder('utf-8')
  const entries: ZipEntry[] = []
  let at = bounds.offset
  for (let index = 0; index < bounds.count; index += 1) {
    if (at + 46 > bounds.offset + bounds.size || data.getUint32(at, true) !== CENTRAL_HEADER) {
      throw new DamagedZipError('broken central directory')
    }
    const nameLength = data.getUint16(at + 28, true)
    const extraLength = data.getUint16(at + 30, true)
    const commentLength = data.getUint16(at + 32, true)
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: data.getUint16(at + 10, true),
      encrypted: (data.getUint16(at + 8, true) & 1) === 1,
      compressedSize: data.getUint32(at + 20, true),
      uncompressedSize: data.getUint32(at + 24, true),
      localHeaderOffset: data.getUint32(at + 42, true)
    }
    applyZip64Extra(entry, data, at + 46 + nameLength, at + 46 + nameLength + extraLength)
    entries.push(entry)
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** The entry's compressed bytes, checked to lie inside the archive. */
function rawEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = view(bytes)
  const local = entry.localHeaderOffset
  if (local + 30 > bytes.length || data.getUint32(local, true) !== LOCAL_HEADER) throw new DamagedZipError(`broken entry ${entry.name}`)
  const start = local + 30 + data.getUint16(local + 26, true) + data.getUint16(local + 28, true)
  const end = start + entry.compressedSize
  if (end > bytes.length) throw new DamagedZipError('the file is cut short')
  if (entry.encrypted) throw new DamagedZipError(`encrypted entry ${entry.name}`)
  if (entry.method !== STORED && entry.method !== DEFLATE) throw new DamagedZipError(`unsupported compression in ${entry.name}`)
  return bytes.subarray(start, end)
}

/** The entry's bytes, inflated; throws InflateLimitError past `maxBytes` whatever the archive declares. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  const raw = rawEntry(bytes, entry)
  if (entry.method === STORED) {
    if (raw.length > maxBytes) throw new InflateLimitError(entry.name)
    return raw
  }
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, maxBytes) })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimitError(entry.name)
    throw new DamagedZipError(`broken entry ${entry.name}`)
  }
}

/**
 * The entry's bytes inflated a chunk at a time, so only a chunk is ever held; throws
 * InflateLimitError once more than `maxBytes` came out. Stopping early frees the inflater.
 * Chunks are small so the strings decoded from them stay in V8's young generation (larger
 * ones go to the large-object space and linger until a full collection: +60 MB a worker).
 */
export async function* inflateEntryChunks(bytes: Uint8Array, entry: ZipEntry, maxBytes: number, chunkSize = 32 * 1024): AsyncGenerator<Uint8Array> {
  const raw = rawEntry(bytes, entry)
  if (entry.method === STORED) {
    if (raw.length > maxBytes) throw new InflateLimitError(entry.name)
    for (let at = 0; at < raw.length; at += chunkSize) yield raw.subarray(at, at + chunkSize)
    return
  }
  const inflater = createInflateRaw({ chunkSize })
  inflater.end(raw)
  let total = 0
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length
      if (total > maxBytes) throw new InflateLimitError(entry.name)
      yield chunk
    }
  } catch (error) {
    if (error instanceof InflateLimitError) throw error
    throw new DamagedZipError(`broken entry ${entry.name}`)
  } finally {
    inflater.destroy()
  }
}
