// An extraction worker standing in for a long OCR: it reports a page every 50 ms for
// `pages` pages, then answers. Tests that progress keeps a file alive past the timeout.
import { parentPort, workerData } from 'node:worker_threads'

const pages = workerData?.pages ?? 40
parentPort?.on('message', (request) => {
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
})
