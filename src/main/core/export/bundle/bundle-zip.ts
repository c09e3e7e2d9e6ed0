// Reads a project bundle's zip defensively: the central directory is checked whole (entry
// paths, count, declared sizes, compression ratio, overlapping entries) before one byte is
// inflated, and every entry read is held to its size and checksum in the manifest.
import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { openPromise, type Entry, type ZipFile } from 'yauzl'
import { UserError } from '../../../../shared/ipc/result'
import { formatBytes } from '../../../../shared/text/counts'
import { BUNDLE_LIMITS, unsafePath } from './bundle-manifest'

/** Bytes of a zip local file header before its name: the least an entry's data can start after its offset. */
const LOCAL_HEADER_BYTES = 30
const STORED = 0
const DEFLATED = 8

export interface ExpectedEntry {
  size: number
  /** Null only for the manifest, which holds everyone else's checksums. */
  sha256: string | null
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export class BundleZip {
  private constructor(
    private readonly zip: ZipFile,
    private readonly fileName: string,
    /** Every file entry by path (folder entries hold nothing and are left out). */
    readonly entries: ReadonlyMap<string, Entry>
  ) {}

  /** A refusal naming the bundle and the problem; nothing is written once one is thrown. */
  static refusal(fileName: string, problem: string): UserError {
    return new UserError('invalid-input', `bundle: cannot open ${fileName}: ${problem}. Nothing was written.`)
  }

  refusal(problem: string): UserError {
    return BundleZip.refusal(this.fileName, problem)
  }

  static async open(path: string): Promise<BundleZip> {
    const fileName = basename(path)
    const info = await stat(path).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError('not-found', `bundle: no file at ${path}`)
      throw new UserError(code === 'EACCES' || code === 'EPERM' ? 'forbidden' : 'failed', `bundle: cannot read ${path} (${code ?? messageOf(error)})`)
    })
    if (info.isDirectory()) throw BundleZip.refusal(fileName, 'it is a folder, not a bundle file')
    if (info.size === 0) throw BundleZip.refusal(fileName, 'the file is empty (0 bytes), not a Sourcebench bundle')
    let zip: ZipFile
    try {
      zip = await openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true, decodeStrings: true })
    } catch (error: unknown) {
      throw BundleZip.refusal(fileName, `it is not a Sourcebench bundle (not a zip file, or cut short: ${messageOf(error)})`)
    }
    try {
      return new BundleZip(zip, fileName, await listEntries(zip, (problem) => BundleZip.refusal(fileName, problem)))
    } catch (error: unknown) {
      zip.close()
      throw error
    }
  }

  close(): void {
    this.zip.close()
  }

  /**
   * Inflates one entry into `sink`, chunk by chunk, and checks it against what is expected
   * of it: never more bytes than that (a bomb stops at the limit), then the size and checksum.
   */
  async read(path: string, expected: ExpectedEntry, sink: (chunk: Buffer) => Promise<void> | void): Promise<void> {
    const entry = this.entries.get(path)
    if (entry === undefined) throw this.refusal(`${path} is missing from the zip`)
    const hash = createHash('sha256')
    let size = 0
    try {
      const stream = await this.zip.openReadStreamPromise(entry)
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.byteLength
        if (size > expected.size) throw this.refusal(`${path} holds more than the ${formatBytes(expected.size)} its manifest says`)
        hash.update(chunk)
        await sink(chunk)
      }
    } catch (error: unknown) {
      if (error instanceof UserError) throw error
      const problem = messageOf(error)
      const detail = /bytes in the stream/.test(problem) ? 'its size is not the size the zip declares' : problem
      throw this.refusal(`${path} is damaged (${detail})`)
    }
    if (size !== expected.size) throw this.refusal(`${path} is ${size} bytes, where its manifest says ${expected.size}`)
    if (expected.sha256 !== null && hash.digest('hex') !== expected.sha256) {
      throw this.refusal(`${path} does not match its checksum in the manifest: the bundle is damaged or was altered`)
    }
  }

  /** An entry read whole into memory, up to `limit` bytes (the JSON files). */
  async readAll(path: string, expected: ExpectedEntry, limit: number): Promise<Buffer> {
    if (expected.size > limit) throw this.refusal(`${path} is ${formatBytes(expected.size)}, more than the ${formatBytes(limit)} Sourcebench reads`)
    const chunks: Buffer[] = []
    await this.read(path, expected, (chunk) => void chunks.push(chunk))
    return Buffer.concat(chunks)
  }
}

/** Lists the central directory and refuses a zip that could write outside its folder or inflate past the limits. */
async function listEntries(zip: ZipFile, refusal: (problem: string) => UserError): Promise<Map<string, Entry>> {
  if (zip.entryCount > BUNDLE_LIMITS.entries) throw refusal(`it holds ${zip.entryCount} entries, more than the ${BUNDLE_LIMITS.entries} a bundle may hold`)
  const entries = new Map<string, Entry>()
  const all: Entry[] = []
  let total = 0
  try {
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName
      const isFolder = name.endsWith('/')
      const unsafe = unsafePath(isFolder ? name.slice(0, -1) : name)
      if (unsafe !== null) throw refusal(`the entry “${name}” has an unsafe path (${unsafe})`)
      if (entry.isEncrypted()) throw refusal(`the entry “${name}” is encrypted`)
      if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) throw refusal(`the entry “${name}” uses an unknown compression method`)
      if (entry.uncompressedSize > BUNDLE_LIMITS.entryBytes) {
        throw refusal(`the entry “${name}” declares ${formatBytes(entry.uncompressedSize)}, more than the ${formatBytes(BUNDLE_LIMITS.entryBytes)} an entry may hold`)
      }
      total += entry.uncompressedSize
      if (total > BUNDLE_LIMITS.totalBytes) throw refusal(`it would unpack to more than ${formatBytes(BUNDLE_LIMITS.totalBytes)}`)
      if (entry.uncompressedSize > BUNDLE_LIMITS.ratioFloorBytes && entry.uncompressedSize > BUNDLE_LIMITS.ratio * entry.compressedSize) {
        throw refusal(`the entry “${name}” would inflate ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times over (a zip bomb, not a project)`)
      }
      all.push(entry)
      if (isFolder) continue
      if (entries.has(name)) throw refusal(`the entry “${name}” appears twice`)
      entries.set(name, entry)
    }
  } catch (error: unknown) {
    if (error instanceof UserError) throw error
    const problem = messageOf(error)
    // yauzl's own path checks (absolute, "..", backslashes) come first, as plain errors.
    const unsafe = /^(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/s.exec(problem)?.[1]
    if (unsafe !== undefined) throw refusal(`the entry “${unsafe}” has an unsafe path (${unsafePath(unsafe) ?? problem})`)
    throw refusal(`its list of entries is damaged (${problem})`)
  }
  // Entries sharing bytes (a "non-recursive" zip bomb) each look small and honest on their own.
  all.sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader)
  for (let index = 1; index < all.length; index++) {
    const before = all[index - 1]
    const entry = all[index]
    if (before !== undefined && entry !== undefined && before.relativeOffsetOfLocalHeader + LOCAL_HEADER_BYTES + before.compressedSize > entry.relativeOffsetOfLocalHeader) {
      throw refusal(`the entries “${before.fileName}” and “${entry.fileName}” overlap (a zip bomb, not a project)`)
    }
  }
  return entries
}
