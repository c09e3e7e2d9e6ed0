// An extraction worker standing in for a long OCR: it reports a page every 50 ms for
// `pages` pages, then answers. Tests that progress keeps a file alive past the timeout.
import { parentPort, workerData } from 'node:worker_threads'

const pages = workerData?.pages ?? 40
// The pool's first message shares where a worker notes the file it reads: not needed here. Files may come several to a message.
parentPort?.on('message', (message) => {
  if ('reading' in message) return
  for (const request of message.files ?? [message]) read(request)
})

function read(request) {
  let page = 0
  const timer = setInterval(() => {
    page += 1
    if (page <= pages) {
      parentPort?.postMessage({ id: request.id, progress: { detail: `OCR page ${page} of ${pages}` } })
      return
    }
    clearInterval(timer)
    const document = { format: 'pdf', text: 'Read at last.', title: null, meta: {}, pageStarts: [0], warnings: [] }
    parentPort?.postMessage({ id: request.id, ok: true, extraction: { document, fileHash: '0'.repeat(64) } })
  }, 50)
}
