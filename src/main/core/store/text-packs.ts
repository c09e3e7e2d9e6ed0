// Texts an import's extraction threads store, appended to pack files in texts/packs/
// instead of one file each: creating, renaming and flushing a file per text was half of a
// bulk import's time (100,000 news texts: 40 of 97 s), where appending costs a write.
// Loose texts (texts/<sha256>.txt) stay as they are and are still written for single texts.
//
// A pack (`<name>.pack`) is the texts' UTF-8 bytes one after another, written by one thread
// only. Its index (`<name>.idx`) lists them, 40 bytes each: the SHA-256 (32 bytes), the
// offset and the length (uint32, little-endian). The thread only appends to the pack; the
// store appends the index entries when it commits the library, after flushing the pack, so
// an index never names bytes that are not on disk. A crash leaves at most a tail of bytes no
// index names (and a torn last entry, ignored): nothing is set aside, and the text is read
// again by the next import. Every read checks the text against its hash, as for loose texts.
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { open, readdir, readFile, rm, stat } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'
import { syncFile, syncFolder, writeFileAtomic } from './atomic-write'

export const PACKS_FOLDER = 'packs'
/** A new pack is started once one holds this much: offsets stay within 32 bits, and a pack is a file a user can still copy. */
export const PACK_LIMIT_BYTES = 256 << 20
const ENTRY_BYTES = 40
/** A thread closes its pack file once no text came for this long. */
const IDLE_CLOSE_MS = 1000
const PACK_NAME = /^[0-9a-z]+(?:-[0-9a-z]+)*$/

/** Where a packed text is: its pack (the name without .pack) and its bytes there. */
export interface TextPlace {
  pack: string
  offset: number
  bytes: number
}

export function isTextPlace(value: unknown): value is TextPlace {
  const place = value as TextPlace | null
  return (
    typeof place === 'object' &&
    place !== null &&
    typeof place.pack === 'string' &&
    PACK_NAME.test(place.pack) &&
    Number.isSafeInteger(place.offset) &&
    place.offset >= 0 &&
    Number.isSafeInteger(place.bytes) &&
    place.bytes >= 0 &&
    place.offset + place.bytes <= 2 ** 32 - 1
  )
}

export const packFile = (dir: string, pack: string): string => join(dir, `${pack}.pack`)
const indexFile = (dir: string, pack: string): string => join(dir, `${pack}.idx`)

function encodeEntries(entries: ReadonlyArray<readonly [string, TextPlace]>): Buffer {
  const buffer = Buffer.alloc(entries.length * ENTRY_BYTES)
  entries.forEach(([hash, place], k) => {
    const at = k * ENTRY_BYTES
    buffer.write(hash, at, 32, 'hex')
    buffer.writeUInt32LE(place.offset, at + 32)
    buffer.writeUInt32LE(place.bytes, at + 36)
  })
  return buffer
}

/**
 * One pack's index as its file holds it: whole entries only (a torn last one is left out)
 * and only those whose bytes lie within the pack (`packBytes`).
 */
function decodeEntries(pack: string, buffer: Buffer, packBytes: number): Array<[string, TextPlace]> {
  const entries: Array<[string, TextPlace]> = []
  for (let at = 0; at + ENTRY_BYTES <= buffer.length; at += ENTRY_BYTES) {
    const offset = buffer.readUInt32LE(at + 32)
    const bytes = buffer.readUInt32LE(at + 36)
    if (offset + bytes > packBytes) continue
    entries.push([buffer.toString('hex', at, at + 32), { pack, offset, bytes }])
  }
  return entries
}

/**
 * Appends entries to an index file and flushes it; true when the file is new. They go right
 * after the last whole entry, over a torn one an interrupted append left, so entries always
 * stay on their 40-byte boundaries.
 */
async function appendEntries(path: string, entries: Buffer): Promise<boolean> {
  const handle = await open(path, 'r+').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    return open(path, 'w+')
  })
  try {
    const { size } = await handle.stat()
    const at = size - (size % ENTRY_BYTES)
    for (let written = 0; written < entries.length; ) written += (await handle.write(entries, written, entries.length - written, at + written)).bytesWritten
    await handle.sync()
    return size === 0
  } finally {
    await handle.close()
  }
}

/**
 * Every text the packs in `dir` index (the first place of a text stored twice), the packs no
 * index names yet, and the indexes whose pack is gone. A pack or index that cannot be read
 * is left alone: its texts read as missing, and re-importing their folder stores them again.
 */
export async function readPackIndex(dir: string): Promise<{ places: Map<string, TextPlace>; unindexed: string[]; packless: string[] }> {
  const places = new Map<string, TextPlace>()
  const names = await readdir(dir).catch(() => [] as string[])
  const packs = new Set(names.filter((name) => name.endsWith('.pack')).map((name) => name.slice(0, -5)))
  const indexes = new Set(names.filter((name) => name.endsWith('.idx')).map((name) => name.slice(0, -4)))
  const unindexed = [...packs].filter((pack) => PACK_NAME.test(pack) && !indexes.has(pack))
  const packless = [...indexes].filter((pack) => PACK_NAME.test(pack) && !packs.has(pack))
  for (const pack of [...indexes].sort()) {
    if (!PACK_NAME.test(pack) || !packs.has(pack)) continue
    try {
      const packBytes = (await stat(packFile(dir, pack))).size
      for (const [hash, place] of decodeEntries(pack, await readFile(indexFile(dir, pack)), packBytes)) if (!places.has(hash)) places.set(hash, place)
    } catch {
      continue
    }
  }
  return { places, unindexed, packless }
}

/** The bytes of a packed text, as they are on disk (the caller checks them against the hash). */
export async function readPlace(dir: string, place: TextPlace): Promise<Buffer> {
  const handle = await open(packFile(dir, place.pack), 'r')
  try {
    const buffer = Buffer.alloc(place.bytes)
    let read = 0
    while (read < place.bytes) {
      const { bytesRead } = await handle.read(buffer, read, place.bytes - read, place.offset + read)
      if (bytesRead === 0) throw Object.assign(new Error(`the pack ${place.pack} ends before the text`), { code: 'ENOENT' })
      read += bytesRead
    }
    return buffer
  } finally {
    await handle.close()
  }
}

/**
 * The extraction thread's side: appends texts to a pack of its own in one project's packs
 * folder, blocking that thread only. Texts it appended while the pack was open are not appended
 * again. Nothing is flushed here: the store flushes the pack before it indexes the text.
 */
export class PackAppender {
  #pack: string | null = null
  /** The texts appended since the pack was last opened; forgotten when it is closed (a closed project's thread keeps none of them). */
  #written = new Map<string, TextPlace>()
  /** The current pack, open while texts keep coming (closed after IDLE_CLOSE_MS: a project folder is never held open for long). */
  #fd: number | null = null
  #size = 0
  #idle: NodeJS.Timeout | null = null

  /** `limit`: a pack's size past which a new one is started (PACK_LIMIT_BYTES). */
  constructor(
    private readonly dir: string,
    private readonly limit = PACK_LIMIT_BYTES
  ) {}

  append(contentHash: string, bytes: Uint8Array): TextPlace {
    try {
      this.#openCurrent()
      const known = this.#written.get(contentHash)
      if (known !== undefined) return known
      if (this.#size + bytes.length > this.limit && this.#size > 0) {
        this.#startNew()
        this.#openCurrent()
      }
      const fd = this.#fd as number
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written)
      const place = { pack: this.#pack as string, offset: this.#size, bytes: bytes.length }
      this.#size += bytes.length
      this.#written.set(contentHash, place)
      this.#closeWhenIdle()
      return place
    } catch (error: unknown) {
      // A short write (a full disk) leaves bytes no index will name: the next text starts a new pack.
      this.#startNew()
      throw error
    }
  }

  /**
   * Opens the current pack to append, or starts one. A pack removed since (the store drops one
   * that holds no text it needs, or one no index named yet when a project opens) is never
   * written to again: a new pack starts, and the texts this thread put in the old one are
   * forgotten, so none is answered with a place in it.
   */
  #openCurrent(): void {
    if (this.#fd !== null && fstatSync(this.#fd).nlink === 0) this.#startNew()
    if (this.#fd === null && this.#pack !== null && !existsSync(packFile(this.dir, this.#pack))) this.#startNew()
    if (this.#pack === null) {
      mkdirSync(this.dir, { recursive: true })
      this.#pack = `${Date.now().toString(36)}-${process.pid.toString(36)}-${threadId.toString(36)}-${randomBytes(4).toString('hex')}`
      this.#written = new Map()
    }
    if (this.#fd === null) {
      this.#fd = openSync(packFile(this.dir, this.#pack), 'a')
      this.#size = fstatSync(this.#fd).size
    }
  }

  /**
   * Closes the pack file now; the next text opens it again. What it wrote is forgotten: a
   * thread holds nothing for a project that was closed, and a text that comes again later
   * is appended again (the store keeps the place it knew first).
   */
  close(): void {
    if (this.#idle !== null) clearTimeout(this.#idle)
    this.#idle = null
    if (this.#fd !== null) closeSync(this.#fd)
    this.#fd = null
    this.#written = new Map()
  }

  #startNew(): void {
    this.close()
    this.#pack = null
  }

  #closeWhenIdle(): void {
    if (this.#idle !== null) this.#idle.refresh()
    else this.#idle = setTimeout(() => this.close(), IDLE_CLOSE_MS).unref()
  }
}

/**
 * The store's side: which texts the packs hold (read from the indexes at open), texts the
 * threads appended since (indexed at the next commit, see sync), reading them, and dropping
 * those no longer wanted from the indexes.
 */
export class TextPacks {
  readonly dir: string
  readonly #places = new Map<string, TextPlace>()
  /** How many of #places each pack holds: whether a pack still holds a text is asked without looking through them all. */
  readonly #texts = new Map<string, number>()
  /** Texts adopted since the last sync: in their pack, not yet in its index. */
  #pending: Array<[string, TextPlace]> = []
  /** Index files are appended and rewritten one change at a time. */
  #queue: Promise<void> = Promise.resolve()

  constructor(textsDir: string) {
    this.dir = join(textsDir, PACKS_FOLDER)
  }

  /**
   * Reads the indexes. Packs no index names (a crash before their first commit) and indexes
   * whose pack is gone are removed. Only at open, before any import writes a text.
   */
  async load(): Promise<void> {
    const { places, unindexed, packless } = await readPackIndex(this.dir)
    for (const [hash, place] of places) this.#place(hash, place)
    // Only tidying: a file that cannot be removed now (held by another program) is tried again at the next open.
    const remove = (path: string): Promise<void> => rm(path, { force: true }).catch(() => undefined)
    await Promise.all([...unindexed.map((pack) => remove(packFile(this.dir, pack))), ...packless.map((pack) => remove(indexFile(this.dir, pack)))])
  }

  #place(contentHash: string, place: TextPlace): void {
    this.#places.set(contentHash, place)
    this.#texts.set(place.pack, (this.#texts.get(place.pack) ?? 0) + 1)
  }

  #forget(contentHash: string): void {
    const place = this.#places.get(contentHash)
    if (place === undefined) return
    this.#places.delete(contentHash)
    const left = (this.#texts.get(place.pack) ?? 1) - 1
    if (left > 0) this.#texts.set(place.pack, left)
    else this.#texts.delete(place.pack)
  }

  get size(): number {
    return this.#places.size
  }

  has(contentHash: string): boolean {
    return this.#places.has(contentHash)
  }

  hashes(): IterableIterator<string> {
    return this.#places.keys()
  }

  place(contentHash: string): TextPlace | undefined {
    return this.#places.get(contentHash)
  }

  /** Takes in a text a thread appended; false when a place is known already (the copy stays unindexed). */
  adopt(contentHash: string, place: TextPlace): boolean {
    if (!isTextPlace(place) || !/^[0-9a-f]{64}$/.test(contentHash)) throw new Error(`store: bad place for the text ${contentHash.slice(0, 12)}…`)
    if (this.#places.has(contentHash)) return false
    this.#place(contentHash, place)
    this.#pending.push([contentHash, place])
    return true
  }

  async read(contentHash: string): Promise<Buffer | null> {
    const place = this.#places.get(contentHash)
    return place === undefined ? null : readPlace(this.dir, place)
  }

  /** Flushes the packs of the texts adopted since the last sync, then appends their index entries and flushes those. */
  sync(): Promise<void> {
    const run = this.#queue.then(async () => {
      const entries = this.#pending.splice(0)
      if (entries.length === 0) return
      const byPack = new Map<string, Array<[string, TextPlace]>>()
      for (const entry of entries) {
        const list = byPack.get(entry[1].pack)
        if (list === undefined) byPack.set(entry[1].pack, [entry])
        else list.push(entry)
      }
      const done = new Set<string>()
      try {
        let created = false
        for (const [pack, list] of byPack) {
          const synced = await syncFile(packFile(this.dir, pack)).then(
            () => true,
            (error: unknown) => {
              if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
              return false
            }
          )
          if (!synced) {
            // The pack is gone from under its thread: its texts are lost (their sources read as missing, and
            // importing their folder again stores them), and never indexed, so later commits still go through.
            for (const [hash, place] of list) if (this.#places.get(hash) === place) this.#forget(hash)
          } else created = (await appendEntries(indexFile(this.dir, pack), encodeEntries(list))) || created
          done.add(pack)
        }
        // A new index, and the packs folder itself the first time: both named in their folders on disk.
        if (created) await Promise.all([syncFolder(this.dir), syncFolder(dirname(this.dir))])
      } catch (error: unknown) {
        // Indexed with the next commit (which this failure holds back).
        this.#pending = entries.filter(([, place]) => !done.has(place.pack)).concat(this.#pending)
        throw error
      }
    })
    this.#queue = run.catch(() => undefined)
    return run
  }

  /**
   * Drops texts from the indexes (orphans after an open, a damaged text): each pack's index is
   * rewritten without them, and a pack left with none is removed. Their bytes stay in a pack
   * that still holds other texts. Returns how many were dropped.
   */
  remove(hashes: Iterable<string>): Promise<number> {
    const run = this.#queue.then(async () => {
      const byPack = new Map<string, Set<string>>()
      for (const hash of hashes) {
        const place = this.#places.get(hash)
        if (place === undefined) continue
        this.#forget(hash)
        const set = byPack.get(place.pack)
        if (set === undefined) byPack.set(place.pack, new Set([hash]))
        else set.add(hash)
      }
      this.#pending = this.#pending.filter(([hash]) => this.#places.has(hash))
      let dropped = 0
      for (const [pack, gone] of byPack) {
        dropped += gone.size
        const path = indexFile(this.dir, pack)
        // -1: the pack is gone, and its index with it; null: it cannot be looked at now, and its index is left as it is.
        const packBytes = await stat(packFile(this.dir, pack)).then(
          (info) => info.size,
          (error: unknown) => ((error as NodeJS.ErrnoException).code === 'ENOENT' ? -1 : null)
        )
        const index = packBytes === null ? null : await readFile(path).catch(() => null)
        if (packBytes === -1) await rm(path, { force: true })
        if (packBytes === null || packBytes === -1 || index === null) continue
        const entries = decodeEntries(pack, index, packBytes)
        const kept = entries.filter(([hash]) => !gone.has(hash))
        if (kept.length === entries.length) continue
        const stillUsed = kept.length > 0 || (this.#texts.get(pack) ?? 0) > 0
        if (stillUsed) await writeFileAtomic(path, encodeEntries(kept))
        else {
          await rm(path, { force: true })
          await rm(packFile(this.dir, pack), { force: true })
        }
      }
      return dropped
    })
    this.#queue = run.then(
      () => undefined,
      () => undefined
    )
    return run
  }
}
