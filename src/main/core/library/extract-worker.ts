// Entry point of an extraction worker thread (built to out/main/extract-worker.js).
// Progress of a long file (a scan being recognised) is posted before the answer.
import { parentPort } from 'node:worker_threads'
import { UserError } from '../../../shared/ipc/result'
import { extractFile, failedFileHash, type ExtractReply, type ExtractRequest } from './extractor'

const port = parentPort
if (port === null) throw new Error('extract-worker: must run as a worker thread')

port.on('message', (request: ExtractRequest) => {
  const onProgress = (progress: { detail: string }): void => port.postMessage({ id: request.id, progress } satisfies ExtractReply)
  extractFile(request, { onProgress }).then(
    (extraction) => port.postMessage({ id: request.id, ok: true, extraction } satisfies ExtractReply),
    (error: unknown) => {
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
  )
})
