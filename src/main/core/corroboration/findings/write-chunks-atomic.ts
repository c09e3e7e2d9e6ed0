// An atomic write of a file given in pieces, for the grouped results of a large library that
// should not be joined into one string first (store/atomic-write.ts does the temp file,
// fsync, rename and folder fsync). Pieces are text (UTF-8) or bytes.
import { writeFileAtomicWith } from '../../store/atomic-write'

/** Pieces are gathered up to this size before each write call. */
const WRITE_BYTES = 1024 * 1024

export function writeChunksAtomic(path: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  return writeFileAtomicWith(path, async (handle) => {
    let pending: Uint8Array[] = []
    let size = 0
    for (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
      pending.push(bytes)
      size += bytes.length
      if (size >= WRITE_BYTES) {
        await handle.write(Buffer.concat(pending))
        pending = []
        size = 0
      }
    }
    if (size > 0) await handle.write(Buffer.concat(pending))
  })
}
