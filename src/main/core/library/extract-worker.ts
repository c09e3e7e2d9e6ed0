// Entry point of an extraction worker thread (built to out/main/extract-worker.js): serves
// the pool's files (see extract-serve.ts) with extractFile.
import { parentPort } from 'node:worker_threads'
import { serveExtractions } from './extract-serve'
import { extractFile } from './extractor'

if (parentPort === null) throw new Error('extract-worker: must run as a worker thread')
serveExtractions(parentPort, (request, onProgress) => extractFile(request, { onProgress }))
