// Reads a file for import with the size limit enforced while reading, never trusted from
// stat (files under /proc say 0 bytes and never end), refusing anything but a regular
// file and never waiting on a named pipe. On an extraction thread the calls block that
// thread only, and cost a fraction of the CPU of the thread pool's round trips (four per
// file); on the main thread they stay asynchronous.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs'
import { open } from 'node:fs/promises'
import { isMainThread } from 'node:worker_threads'
import { formatBytes } from '../../../shared/text/counts'
import { unreadable } from './extract/unreadable'

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024
const CHUNK_BYTES = 1024 * 1024

export function overLimit(size: number, maxBytes: number): Error {
  return unreadable(`${formatBytes(size)}, over the ${formatBytes(maxBytes)} import limit`)
}

/** The same reading steps whether each is awaited or done at once: what to do with the file once it is open. */
interface OpenFile {
  stat(): Stats | Promise<Stats>
  read(into: Buffer): number | Promise<number>
  close(): void | Promise<void>
}

function flagsFor(options: ReadOptions): number {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
  // O_NOFOLLOW: a file listed as a regular file must not have become a link since.
  return constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (options.noFollow === true ? (constants.O_NOFOLLOW ?? 0) : 0)
}

async function readOpen(file: OpenFile, maxBytes: number): Promise<Buffer> {
  try {
    const info = await file.stat()
    if (!info.isFile()) throw unreadable('not a regular file')
    if (info.size > maxBytes) throw overLimit(info.size, maxBytes)
    const chunks: Buffer[] = []
    let total = 0
    // One read for a file whose size stat told truly; more only if it holds more than it
    // said. A file that says 0 bytes (/proc) is read in whole chunks, as such files expect.
    let want = info.size === 0 ? CHUNK_BYTES : Math.min(info.size, maxBytes) + 1
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(want, 1), CHUNK_BYTES))
      const bytesRead = await file.read(chunk)
      if (bytesRead === 0) break
      total += bytesRead
      if (total > maxBytes) throw unreadable(`larger than the ${formatBytes(maxBytes)} import limit`)
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead))
      // A regular file that said its size and came up short of size + 1 has ended: no read to find out.
      if (info.size > 0 && bytesRead < chunk.length) break
      want = CHUNK_BYTES
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total)
  } finally {
    await file.close()
  }
}

export interface ReadOptions {
  /** Refuse a link (the path was listed as a regular file). */
  noFollow?: boolean
  /** Blocking calls (default: off the main thread, where they cost far less than the thread pool's round trips). */
  blocking?: boolean
}

export async function readFileCapped(path: string | Buffer, maxBytes: number, options: ReadOptions = {}): Promise<Buffer> {
  if (options.blocking ?? !isMainThread) {
    const fd = openSync(path, flagsFor(options))
    return readOpen({ stat: () => fstatSync(fd), read: (into) => readSync(fd, into, 0, into.length, null), close: () => closeSync(fd) }, maxBytes)
  }
  const handle = await open(path, flagsFor(options))
  return readOpen(
    {
      stat: () => handle.stat(),
      read: async (into) => (await handle.read(into, 0, into.length, null)).bytesRead,
      close: () => handle.close()
    },
    maxBytes
  )
}
