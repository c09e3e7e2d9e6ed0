// Durable, atomic file writes: the content goes to a temporary file beside the target,
// is flushed to disk (fsync), renamed over the target, and the folder entry is flushed
// too. A crash or power cut leaves either the old file or the new one, never a torn or
// empty one. lowdb's steno renames without fsync, which a power cut can turn into an
// empty notes.json; hence this writer. Writes to one path run in call order.
import { open, rename, rm, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'

const queues = new Map<string, Promise<void>>()
let counter = 0

async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return // Windows cannot open a folder for fsync
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

const TEMP_NAME = /^\..+\.\d+\.(?:\d+-)?\d+\.tmp$/

/** Whether a file name is one of this writer's temporary files (left behind only by a crash). */
export function isAtomicWriteTemp(name: string): boolean {
  return TEMP_NAME.test(name)
}

export interface AtomicWriteOptions {
  /**
   * false: rename into place without flushing to disk; a kill cannot tear the file, a power
   * cut can, so the caller flushes it (syncFile) before anything that refers to it is saved.
   */
  durable?: boolean
}

async function writeNow(path: string, write: (handle: FileHandle) => Promise<void>, durable: boolean): Promise<void> {
  // The thread too: extraction workers write OCR results with counters of their own.
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${threadId}-${++counter}.tmp`)
  try {
    const handle = await open(temp, 'w')
    try {
      await write(handle)
      if (durable) await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error: unknown) {
    await rm(temp, { force: true })
    throw error
  }
  if (durable) await syncFolder(dirname(path))
}

/** Flushes a file written with `durable: false` (and then its folder, with syncFolder). */
export async function syncFile(path: string): Promise<void> {
  // Read-write: Windows refuses to flush a file opened for reading only.
  const handle = await open(path, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export { syncFolder }

/**
 * Writes and flushes a file under a name nothing uses yet (a new generation of a part): no
 * temporary file and rename are needed, since nothing may name the file until this resolves
 * and its folder is flushed (syncFolder). A crash before that leaves a file nothing names.
 */
export async function writeNewFile(path: string, content: Uint8Array): Promise<void> {
  try {
    const handle = await open(path, 'w')
    try {
      await handle.writeFile(content)
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch (error: unknown) {
    await rm(path, { force: true })
    throw error
  }
}

export function writeFileAtomic(path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  return writeFileAtomicWith(path, (handle) => handle.writeFile(content), options)
}

/** The same, for content written in pieces by `write` (a large file never joined into one string). */
export function writeFileAtomicWith(path: string, write: (handle: FileHandle) => Promise<void>, options: AtomicWriteOptions = {}): Promise<void> {
  const durable = options.durable !== false
  const previous = queues.get(path) ?? Promise.resolve()
  const next = previous.then(
    () => writeNow(path, write, durable),
    () => writeNow(path, write, durable)
  )
  queues.set(path, next)
  const forget = (): void => {
    if (queues.get(path) === next) queues.delete(path)
  }
  next.then(forget, forget)
  return next
}
