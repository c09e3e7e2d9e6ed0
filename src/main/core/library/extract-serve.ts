// The worker side of WorkerPoolExtractor: files are read one at a time, in the order they
// come; the next may already wait here, and is handed back when the main thread asks
// (the file being read is slow). Progress of a long file (a scan being recognised) is
// posted before its answer. A flush (an import's end) is answered after the files sent before it.
// Files come several to a message, and answers go back several to a message (HOLD_ANSWERS).
import type { MessagePort } from 'node:worker_threads'
import { UserError } from '../../../shared/ipc/result'
import type { ExtractProgress } from './extract/types'
import { failedFileHash, type Extraction, type ExtractReply, type ExtractRequest, type FlushRequest, type WorkerMessage } from './extractor'

export type ReadFile = (request: ExtractRequest, onProgress: (progress: ExtractProgress) => void) => Promise<Extraction>
/** A batch's segment of documents not handed over yet (see SegmentBatches). */
export type FlushBatch = (batch: string) => Uint8Array | null

/** A segment's memory moves to the main thread rather than being copied (it is one array of its own, megabytes long, not used here again). */
function moved(segment: Uint8Array | null | undefined): ArrayBuffer[] {
  return segment != null && segment.byteOffset === 0 && segment.buffer instanceof ArrayBuffer && segment.byteLength === segment.buffer.byteLength ? [segment.buffer] : []
}

/**
 * Answers are held back to go several in one message: a message costs a wake-up of the
 * main thread, and posting one small answer cost ~17 µs here (eight in one message ~5 µs
 * each), against ~150 µs to read a news text. At most this many are held, …
 */
export const HOLD_ANSWERS = 8
/** … for at most this long, and none once no file waits to be read. */
export const HOLD_MS = 20
/** An answer carrying a text longer than this is posted at once (a text left out of the answer, as an import's are, costs nothing). */
const LARGE_ANSWER_CHARS = 65_536

/**
 * `reading` (set by a `{ reading }` message): shared memory where the thread keeps the id of
 * the file it is reading, so that when the thread dies or hangs with answers held back the
 * pool knows which file did it (see WorkerPoolExtractor).
 */
export function serveExtractions(port: MessagePort, read: ReadFile, flush: FlushBatch = () => null): void {
  const waiting: Array<ExtractRequest | FlushRequest> = []
  let reading = false
  let readingNow: Int32Array | null = null
  /** Answers not posted yet, and the memory they move. */
  let held: ExtractReply[] = []
  let heldMoves: ArrayBuffer[] = []
  let heldTimer: NodeJS.Timeout | null = null
  const post = (): void => {
    if (heldTimer !== null) clearTimeout(heldTimer)
    heldTimer = null
    if (held.length === 0) return
    const answers = held
    const moves = heldMoves
    held = []
    heldMoves = []
    port.postMessage(answers.length === 1 ? answers[0] : ({ answers } satisfies ExtractReply), moves)
  }
  const hold = (reply: ExtractReply, moves: ArrayBuffer[] = []): void => {
    held.push(reply)
    heldMoves.push(...moves)
    // A large answer (a segment, a long text) goes at once rather than held in memory beside the next file.
    const large = moves.length > 0 || ('extraction' in reply && reply.extraction.document.text.length > LARGE_ANSWER_CHARS)
    // The timer posts them if the next file takes long (its event loop free: a scan, a PDF).
    if (large || held.length >= HOLD_ANSWERS || !waiting.some((request) => !('flush' in request))) post()
    else heldTimer ??= setTimeout(post, HOLD_MS)
  }

  const flushed = (request: FlushRequest): void => {
    let segment: Uint8Array | null = null
    try {
      segment = flush(request.flush)
    } catch {
      // The batch's documents are indexed from their texts instead (SearchService.sync).
    }
    post()
    port.postMessage({ flushed: request.id, segment } satisfies ExtractReply, moved(segment))
  }

  const answer = async (request: ExtractRequest): Promise<void> => {
    if (readingNow !== null) Atomics.store(readingNow, 0, request.id)
    try {
      const extraction = await read(request, (progress) => {
        // After the answers before it: the pool takes progress of the file it thinks is being read.
        post()
        port.postMessage({ id: request.id, progress } satisfies ExtractReply)
      })
      hold({ id: request.id, ok: true, extraction }, moved(extraction.segment))
    } catch (error: unknown) {
      const fileHash = failedFileHash(error)
      hold({
        id: request.id,
        ok: false,
        reason: error instanceof Error ? error.message : String(error),
        userError: error instanceof UserError,
        ...((error as NodeJS.ErrnoException).code === undefined ? {} : { code: (error as NodeJS.ErrnoException).code as string }),
        ...(fileHash === null ? {} : { fileHash })
      })
    }
  }

  const readNext = async (): Promise<void> => {
    if (reading) return
    reading = true
    for (let request = waiting.shift(); request !== undefined; request = waiting.shift()) {
      if ('flush' in request) flushed(request)
      else await answer(request)
    }
    reading = false
  }

  port.on('message', (message: WorkerMessage) => {
    if ('reading' in message) {
      readingNow = message.reading
      return
    }
    if ('handBack' in message) {
      // Files only: a flush stays, to be answered after the file being read.
      const handedBack: number[] = []
      for (let k = waiting.length - 1; k >= 0; k--) {
        const request = waiting[k]
        if (request === undefined || 'flush' in request) continue
        handedBack.unshift(request.id)
        waiting.splice(k, 1)
      }
      post()
      if (handedBack.length > 0) port.postMessage({ handedBack } satisfies ExtractReply)
      return
    }
    if ('files' in message) waiting.push(...message.files)
    else waiting.push(message)
    void readNext()
  })
}
