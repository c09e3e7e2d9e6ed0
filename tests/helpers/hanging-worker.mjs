// An extraction worker that never answers, as one stuck on a pathological file: tests
// that shutting down does not wait for it.
import { parentPort } from 'node:worker_threads'

parentPort?.on('message', () => undefined)
