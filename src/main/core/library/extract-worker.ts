// Entry point of an extraction worker thread (built to out/main/extract-worker.js): serves
// the pool's files (see extract-serve.ts) with extractFile, indexing an import's texts in
// segments of the thread's own (SegmentBatches), and the stored texts search catches up on
// when it has many to index (indexStoredText).
import { parentPort } from 'node:worker_threads'
import { SegmentBatches } from '../search/segment-batches'
import { serveExtractions } from './extract-serve'
import { extractFile } from './extractor'
import { closeStoredReads, indexStoredText } from './index-stored'

if (parentPort === null) throw new Error('extract-worker: must run as a worker thread')
const batches = new SegmentBatches()
serveExtractions(
  parentPort,
  async (request, onProgress) =>
    request.stored !== undefined && request.indexIn !== undefined ? indexStoredText(request.stored, request.indexIn, batches) : extractFile(request, { onProgress }, batches),
  (batch) => {
    closeStoredReads()
    return batches.flush(batch)
  }
)
