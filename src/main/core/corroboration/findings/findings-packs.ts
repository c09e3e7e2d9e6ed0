// Per-text findings on disk, under <project>/findings/packs/: many small records packed into
// bounded files so a library of a million texts is not a million files. A pack is written
// once, atomically, and never changed: its first line indexes its records by content hash
// (byte offset and length after that line), then one JSON record per line. Changed texts go
// to a new pack; when enough small or mostly dead packs pile up, their live records are
// copied into one new pack and the old ones deleted (a crash in between leaves duplicates,
// which agree: same hash, same analyser). A pack of another analyser version or with an
// unreadable index is ignored, and its texts are analysed again: never fatal.
import { mkdir, open, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { isAtomicWriteTemp, writeFileAtomic } from '../../store/atomic-write'
import { ANALYSER_VERSION } from './versions'

const FORMAT = 'sourcebench-findings-pack'
/** A pack holds at most this many records, or about this many bytes: small enough to rewrite. */
export const PACK_RECORDS = 2000
export const PACK_BYTES = 8 * 1024 * 1024
/** Packs this much smaller than full, or this much dead, are merged once there are MERGE_AT of them. */
const SMALL = PACK_RECORDS / 4
const MERGE_AT = 8

const PACK_NAME = /^(\d{8})\.pack$/

interface PackHeader {
  format: typeof FORMAT
  analyser: number
  /** [content hash, byte offset after the header line, byte length] */
  records: [string, number, number][]
}

interface Location {
  pack: number
  offset: number
  length: number
}

function packName(seq: number): string {
  return `${String(seq).padStart(8, '0')}.pack`
}

function isHeader(value: unknown): value is PackHeader {
  const header = value as PackHeader | null
  return (
    typeof header === 'object' &&
    header !== null &&
    header.format === FORMAT &&
    Number.isInteger(header.analyser) &&
    Array.isArray(header.records) &&
    header.records.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && Number.isInteger(entry[1]) && Number.isInteger(entry[2]))
  )
}

/** The header line of a pack and where its records start, or null when it cannot be read. */
async function readHeader(path: string): Promise<{ header: PackHeader; start: number } | null> {
  const handle = await open(path, 'r').catch(() => null)
  if (handle === null) return null
  try {
    const chunks: Buffer[] = []
    let position = 0
    for (;;) {
      const chunk = Buffer.alloc(Math.max(64 * 1024, position))
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position)
      if (bytesRead === 0) return null
      const newline = chunk.subarray(0, bytesRead).indexOf(0x0a)
      chunks.push(chunk.subarray(0, newline === -1 ? bytesRead : newline))
      position += bytesRead
      if (newline !== -1) {
        const line = Buffer.concat(chunks)
        const header: unknown = JSON.parse(line.toString('utf8'))
        return isHeader(header) ? { header, start: line.length + 1 } : null
      }
    }
  } catch {
    return null
  } finally {
    await handle.close()
  }
}

export class FindingsPacks {
  readonly #dir: string
  readonly #located = new Map<string, Location>()
  /** Per pack of this analyser: where its records start and how many it holds. */
  readonly #packs = new Map<number, { start: number; records: number }>()
  /** Packs to delete at the next compaction: another analyser's, or unreadable. */
  readonly #unusable = new Set<string>()
  #nextSeq = 1
  /** Records added since the last flush, as JSON. */
  #pending: [string, string][] = []
  #pendingBytes = 0
  /** Set when a pack could not be written: a merge then keeps the packs it meant to replace. */
  #writeFailed = false

  private constructor(dir: string) {
    this.#dir = dir
  }

  /** Reads every pack's index line (not its records). `dir` is the project's findings/ folder. */
  static async open(findingsDir: string): Promise<FindingsPacks> {
    const packs = new FindingsPacks(join(findingsDir, 'packs'))
    await mkdir(packs.#dir, { recursive: true })
    for (const name of (await readdir(packs.#dir)).sort()) {
      // A temporary file of a write a crash interrupted: only the job that writes packs runs now.
      if (isAtomicWriteTemp(name)) {
        await rm(join(packs.#dir, name), { force: true })
        continue
      }
      const seq = PACK_NAME.exec(name)?.[1]
      if (seq === undefined) continue
      packs.#nextSeq = Math.max(packs.#nextSeq, Number(seq) + 1)
      const read = await readHeader(join(packs.#dir, name))
      if (read === null || read.header.analyser !== ANALYSER_VERSION) {
        packs.#unusable.add(name)
        continue
      }
      packs.#packs.set(Number(seq), { start: read.start, records: read.header.records.length })
      // Packs are read in order, so a later pack's record of a hash wins.
      for (const [hash, offset, length] of read.header.records) packs.#located.set(hash, { pack: Number(seq), offset, length })
    }
    return packs
  }

  has(hash: string): boolean {
    return this.#located.has(hash)
  }

  /**
   * Hands each saved record of these hashes to `visit` as JSON, a pack at a time (so a whole
   * library's records are never all in memory as text); a record that cannot be read is skipped.
   */
  async read(hashes: Iterable<string>, visit: (hash: string, json: string) => void): Promise<void> {
    const byPack = new Map<number, [string, Location][]>()
    for (const hash of hashes) {
      const location = this.#located.get(hash)
      if (location === undefined) continue
      const list = byPack.get(location.pack) ?? []
      list.push([hash, location])
      byPack.set(location.pack, list)
    }
    for (const [seq, wanted] of byPack) {
      const pack = this.#packs.get(seq)!
      const handle = await open(join(this.#dir, packName(seq)), 'r').catch(() => null)
      if (handle === null) continue
      try {
        wanted.sort((a, b) => a[1].offset - b[1].offset)
        // Most of a pack wanted (grouping a whole library): one read of the records; else one read per record.
        if (wanted.length * 2 >= pack.records) {
          const last = wanted.at(-1)![1]
          const bytes = Buffer.alloc(last.offset + last.length)
          const { bytesRead } = await handle.read(bytes, 0, bytes.length, pack.start)
          for (const [hash, { offset, length }] of wanted) if (offset + length <= bytesRead) visit(hash, bytes.toString('utf8', offset, offset + length))
        } else {
          for (const [hash, { offset, length }] of wanted) {
            const bytes = Buffer.alloc(length)
            const { bytesRead } = await handle.read(bytes, 0, length, pack.start + offset)
            if (bytesRead === length) visit(hash, bytes.toString('utf8'))
          }
        }
      } finally {
        await handle.close()
      }
    }
  }

  /** Queues a text's findings; written when a pack's worth has gathered, or at flush(). */
  async add(hash: string, json: string): Promise<void> {
    this.#pending.push([hash, json])
    this.#pendingBytes += Buffer.byteLength(json)
    if (this.#pending.length >= PACK_RECORDS || this.#pendingBytes >= PACK_BYTES) await this.flush()
  }

  /** Writes the queued records as one new pack. */
  async flush(): Promise<void> {
    if (this.#pending.length === 0) return
    const records = this.#pending
    this.#pending = []
    this.#pendingBytes = 0
    await this.#write(records)
  }

  async #write(records: readonly (readonly [string, string])[]): Promise<void> {
    const seq = this.#nextSeq++
    const entries: [string, number, number][] = []
    const bodies: Buffer[] = []
    let offset = 0
    for (const [hash, json] of records) {
      const body = Buffer.from(`${json}\n`, 'utf8')
      entries.push([hash, offset, body.length - 1])
      bodies.push(body)
      offset += body.length
    }
    const header = Buffer.from(`${JSON.stringify({ format: FORMAT, analyser: ANALYSER_VERSION, records: entries } satisfies PackHeader)}\n`, 'utf8')
    try {
      await writeFileAtomic(join(this.#dir, packName(seq)), Buffer.concat([header, ...bodies]))
    } catch {
      // A full or read-only disk: the findings are only lost, and made again next time.
      this.#writeFailed = true
      return
    }
    this.#packs.set(seq, { start: header.length, records: entries.length })
    for (const [hash, start, length] of entries) this.#located.set(hash, { pack: seq, offset: start, length })
  }

  /**
   * Drops what no source needs any more and merges small packs: once MERGE_AT packs are
   * small or mostly dead, their live records move into new full packs. Costs what piled up
   * since the last merge, not the library.
   */
  async compact(live: ReadonlySet<string>): Promise<void> {
    const liveIn = new Map<number, string[]>()
    for (const [hash, location] of this.#located) {
      if (!live.has(hash)) continue
      const list = liveIn.get(location.pack) ?? []
      list.push(hash)
      liveIn.set(location.pack, list)
    }
    const dead: number[] = []
    const merge: number[] = []
    for (const [seq, pack] of this.#packs) {
      const count = liveIn.get(seq)?.length ?? 0
      if (count === 0) dead.push(seq)
      else if (count < SMALL || count * 2 < pack.records) merge.push(seq)
    }
    if (merge.length >= MERGE_AT) {
      const hashes = merge.flatMap((seq) => liveIn.get(seq)!)
      // Only what could be read moves; the rest is analysed again when next needed.
      const records: [string, string][] = []
      await this.read(hashes, (hash, json) => records.push([hash, json]))
      this.#writeFailed = false
      for (const [hash, json] of records) await this.add(hash, json)
      await this.flush()
      if (!this.#writeFailed) dead.push(...merge)
    }
    for (const seq of dead) {
      this.#packs.delete(seq)
      await rm(join(this.#dir, packName(seq)), { force: true })
    }
    for (const [hash, location] of [...this.#located]) if (!this.#packs.has(location.pack)) this.#located.delete(hash)
    for (const name of this.#unusable) await rm(join(this.#dir, name), { force: true })
    this.#unusable.clear()
  }

  /** How many packs hold records now (for tests and the benchmark). */
  get packCount(): number {
    return this.#packs.size
  }
}
