// The worker side of WorkerPoolExtractor: files are read one at a time, in the order they
// come; the next may already wait here, and is handed back when the main thread asks
// (the file being read is slow). Progress of a long file (a scan being recognised) is
// posted before its answer. A flush (an import's end) is answered after the files sent before it.
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

export function serveExtractions(port: MessagePort, read: ReadFile, flush: FlushBatch = () => null): void {
  const waiting: Array<ExtractRequest | FlushRequest> = []
  let reading = false

  const flushed = (request: FlushRequest): void => {
    let segment: Uint8Array | null = null
    try {
      segment = flush(request.flush)
    } catch {
      // The batch's documents are indexed from their texts instead (SearchService.sync).
    }
    port.postMessage({ flushed: request.id, segment } satisfies ExtractReply, moved(segment))
  }

  const answer = async (request: ExtractRequest): Promise<void> => {
    try {
      const extraction = await read(request, (progress) => port.postMessage({ id: request.id, progress } satisfies ExtractReply))
      port.postMessage({ id: request.id, ok: true, extraction } satisfies ExtractReply, moved(extraction.segment))
    } catch (error: unknown) {
      const fileHash = failedFileHash(error)
      const reply: ExtractReply = {
        id: request.id,
        ok: false,
        reason: error instanceof Error ? error.message : String(error),
        userError: error instanceof UserError,
        ...((error as NodeJS.ErrnoException).code === undefined ? {} : { code: (error as NodeJS.ErrnoException).code as string }),
        ...(fileHash === null ? {} : { fileHash })
      }
      port.postMessage(reply)
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
    if ('handBack' in message) {
      // Files only: a flush stays, to be answered after the file being read.
      const handedBack: number[] = []
      for (let k = waiting.length - 1; k >= 0; k--) {
        const request = waiting[k]
        if (request === undefined || 'flush' in request) continue
        handedBack.unshift(request.id)
        waiting.splice(k, 1)
      }
      if (handedBack.length > 0) port.postMessage({ handedBack } satisfies ExtractReply)
      return
    }
    waiting.push(message)
    void readNext()
  })
}
