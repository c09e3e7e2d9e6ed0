// An export written to a private temporary folder instead of memory: a bundle may hold
// gigabytes of original files. Whoever receives one takes it once: moves it into place,
// streams it (reading it through removes it), or removes it.
import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { copyFile, mkdtemp, open, readdir, rename, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** Temporary folders of exports start so, in the system's temporary folder. */
export const TEMP_EXPORT_PREFIX = 'sourcebench-export-'

/** Flushes a file, or a folder's entries, to disk: a rename is durable only after both. */
async function sync(path: string, what: 'file' | 'folder'): Promise<void> {
  // Windows cannot open a folder for fsync, and flushes a file only through a handle that may write.
  if (what === 'folder' && process.platform === 'win32') return
  const handle = await open(path, what === 'file' ? 'r+' : 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** A folder of an export left older than this (by a crash, a quit mid-export) is swept away at the next start. */
export const STALE_TEMP_MS = 24 * 60 * 60 * 1000

/** The temporary folders of exports this process made and has not removed yet: never swept, however old. */
const live = new Set<string>()

export class TempFile implements AsyncIterable<Buffer> {
  /** Removes export folders a crash or a quit mid-export left in the system's temporary folder. */
  static async sweepStale(now = Date.now(), root = tmpdir()): Promise<void> {
    const names = await readdir(root).catch(() => [])
    for (const name of names.filter((candidate) => candidate.startsWith(TEMP_EXPORT_PREFIX))) {
      const dir = join(root, name)
      const info = await stat(dir).catch(() => null)
      if (info !== null && info.isDirectory() && !live.has(dir) && now - info.mtimeMs > STALE_TEMP_MS) await rm(dir, { recursive: true, force: true }).catch(() => undefined)
    }
  }

  private constructor(
    /** The file, alone in a folder of its own (mkdtemp: readable by this user only). */
    readonly path: string,
    readonly bytes: number
  ) {}

  /**
   * Makes a private folder, lets `write` put the file `name` in it, and flushes it to disk;
   * a failed write leaves no folder behind.
   */
  static async write<T>(name: string, write: (path: string) => Promise<T>): Promise<{ file: TempFile; result: T }> {
    const dir = await mkdtemp(join(tmpdir(), TEMP_EXPORT_PREFIX))
    live.add(dir)
    try {
      const path = join(dir, name)
      const result = await write(path)
      await sync(path, 'file')
      return { file: new TempFile(path, (await stat(path)).size), result }
    } catch (error: unknown) {
      await rm(dir, { recursive: true, force: true, maxRetries: 3 })
      live.delete(dir)
      throw error
    }
  }

  /** Streams the bytes; once read through (or the reading stops), the file is removed. */
  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    try {
      for await (const chunk of createReadStream(this.path)) yield chunk as Buffer
    } finally {
      await this.remove()
    }
  }

  /**
   * Puts the file at `target`, atomically: renamed there on the same disk, else copied
   * beside it first (never written in place over a file the user has) and renamed over it.
   * The temporary folder is removed either way.
   */
  async moveTo(target: string): Promise<void> {
    try {
      await rename(this.path, target).catch(async (error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
        const beside = `${target}.tmp-${randomBytes(6).toString('hex')}`
        try {
          await copyFile(this.path, beside)
          await sync(beside, 'file')
          await rename(beside, target)
        } catch (failure: unknown) {
          await rm(beside, { force: true })
          throw failure
        }
      })
    } finally {
      await this.remove()
    }
    await sync(dirname(target), 'folder')
  }

  /** Removes the file and its folder; nothing happens when they are gone already. */
  async remove(): Promise<void> {
    await rm(dirname(this.path), { recursive: true, force: true, maxRetries: 3 })
    live.delete(dirname(this.path))
  }
}
