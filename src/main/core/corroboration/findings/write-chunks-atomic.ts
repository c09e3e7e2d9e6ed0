// An atomic write of a file given in pieces, for the grouped results of a large library that
// should not be joined into one string first: the same temp + fsync + rename + folder fsync
// as store/atomic-write.ts, whose temporary-file name it uses so leftovers are recognised.
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'

let counter = 0
/** Pieces are gathered up to this size before each write call. */
const WRITE_BYTES = 1024 * 1024

export async function writeChunksAtomic(path: string, chunks: Iterable<string>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${threadId}-${++counter}.tmp`)
  try {
    const handle = await open(temp, 'w')
    try {
      let pending: Buffer[] = []
      let size = 0
      for (const chunk of chunks) {
        const bytes = Buffer.from(chunk, 'utf8')
        pending.push(bytes)
        size += bytes.length
        if (size >= WRITE_BYTES) {
          await handle.write(Buffer.concat(pending))
          pending = []
          size = 0
        }
      }
      if (size > 0) await handle.write(Buffer.concat(pending))
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error: unknown) {
    await rm(temp, { force: true })
    throw error
  }
  if (process.platform === 'win32') return // Windows cannot open a folder for fsync
  const folder = await open(dirname(path), 'r')
  try {
    await folder.sync()
  } finally {
    await folder.close()
  }
}
