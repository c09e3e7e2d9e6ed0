// Entry point of an extraction worker thread (built to out/main/extract-worker.js): serves
// the pool's files (see extract-serve.ts) with extractFile, indexing an import's texts in
// segments of the thread's own (SegmentBatches).
import { parentPort } from 'node:worker_threads'
import { SegmentBatches } from '../search/segment-batches'
import { serveExtractions } from './extract-serve'
import { extractFile } from './extractor'

if (parentPort === null) throw new Error('extract-worker: must run as a worker thread')
const batches = new SegmentBatches()
serveExtractions(
  parentPort,
  (request, onProgress) => extractFile(request, { onProgress }, batches),
  (batch) => batches.flush(batch)
)
