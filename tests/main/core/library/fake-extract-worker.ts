// An extraction worker for the pool's tests, run through tests/helpers/ts-worker.mjs: the
// real serving loop, with files that read as their name says: "hang…" never answers,
// "crash…" ends the thread, "slow…" takes 1.5 s, "spin…" holds the thread for a minute
// (a parser stuck in a loop: not even a timer runs), any other answers at once with its name.
// A flush answers with the names of the files read before it, as bytes.
import { writeFileSync } from 'node:fs'
import { parentPort } from 'node:worker_threads'
import { serveExtractions } from '../../../../src/main/core/library/extract-serve'

if (parentPort === null) throw new Error('fake-extract-worker: must run as a worker thread')
const read: string[] = []
serveExtractions(
  parentPort,
  async (request) => {
  if (request.fileName.startsWith('hang')) return new Promise(() => undefined)
  if (request.fileName.startsWith('crash')) process.exit(3)
  if (request.fileName.startsWith('spin')) {
    // Its path, when a real one, is where it says it is stuck, for a test to wait on.
    if (typeof request.path === 'string' && request.path.startsWith('/')) writeFileSync(request.path, 'stuck')
    const until = Date.now() + 60_000
    while (Date.now() < until) {
      // Stuck: the pool's timeout ends the thread.
    }
  }
  // A file that takes long to read, as a scan does (a fixture, not the test waiting).
  if (request.fileName.startsWith('slow')) await new Promise((resolve) => setTimeout(resolve, 1500))
  read.push(request.fileName)
  return { document: { format: 'text', text: request.fileName, title: null, meta: {}, pageStarts: null, warnings: [] }, fileHash: 'f' }
  },
  (batch) => new TextEncoder().encode(`${batch}:${read.splice(0).join(',')}`)
)
