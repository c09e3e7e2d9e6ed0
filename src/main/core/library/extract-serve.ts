// The worker side of WorkerPoolExtractor: files are read one at a time, in the order they
// come; the next may already wait here, and is handed back when the main thread asks
// (the file being read is slow). Progress of a long file (a scan being recognised) is
// posted before its answer.
import type { MessagePort } from 'node:worker_threads'
import { UserError } from '../../../shared/ipc/result'
import type { ExtractProgress } from './extract/types'
import { failedFileHash, type Extraction, type ExtractReply, type ExtractRequest, type WorkerMessage } from './extractor'

export type ReadFile = (request: ExtractRequest, onProgress: (progress: ExtractProgress) => void) => Promise<Extraction>

export function serveExtractions(port: MessagePort, read: ReadFile): void {
  const waiting: ExtractRequest[] = []
  let reading = false

  const answer = async (request: ExtractRequest): Promise<void> => {
    try {
      const extraction = await read(request, (progress) => port.postMessage({ id: request.id, progress } satisfies ExtractReply))
      port.postMessage({ id: request.id, ok: true, extraction } satisfies ExtractReply)
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
    for (let request = waiting.shift(); request !== undefined; request = waiting.shift()) await answer(request)
    reading = false
  }

  port.on('message', (message: WorkerMessage) => {
    if ('handBack' in message) {
      const handedBack = waiting.splice(0).map((request) => request.id)
      if (handedBack.length > 0) port.postMessage({ handedBack } satisfies ExtractReply)
      return
    }
    waiting.push(message)
    void readNext()
  })
}
