// Runs a findings job in a worker thread when the built worker is given, else in this thread
// (tests, and tools without a build), reporting the progress of the texts analysed.
import { Worker } from 'node:worker_threads'
import type { WorkerScript } from '../../library/extractor'
import type { FindingsJobRequest, FindingsJobResult, JobProgress } from './findings-job'

export interface WorkerJobRequest extends FindingsJobRequest {
  /** The project's texts/ folder: the worker reads texts itself. */
  textsDir: string
}

export type WorkerJobReply =
  | { progress: JobProgress }
  /** A text the worker could not read itself: the main thread reads it through the store. */
  | { read: string }
  | { ok: true; result: FindingsJobResult }
  | { ok: false; reason: string }

/** The main thread's answer to a `read`. */
export type WorkerTextReply = { contentHash: string; text: string } | { contentHash: string; reason: string }

export interface JobRunner {
  run(request: WorkerJobRequest, progress: (progress: JobProgress) => void): Promise<FindingsJobResult>
  /** Ends a job still running (the app is closing the project). */
  close(): Promise<void>
}

/**
 * In this thread, pausing between batches so the app's other requests are answered meanwhile.
 * The analysing and grouping code (and compromise's lexicon) is loaded on the first pass only.
 */
export function inProcessRunner(readText: (contentHash: string) => Promise<string>): JobRunner {
  return {
    run: async (request, progress) => {
      const { runFindingsJob } = await import('./findings-job')
      return runFindingsJob(request, { readText, progress, pause: () => new Promise((resolve) => setImmediate(resolve)) })
    },
    close: async () => undefined
  }
}

/** A worker idle this long is ended, giving its memory back (a pass over a large library leaves a large heap); the next pass starts another. */
const IDLE_MS = 30_000

/**
 * The worker's heap, at most. Electron's isolates share one 4 GB heap cage, so a pass that
 * outgrows this must end the worker, not the app: the window keeps its library and says why.
 */
export const FINDINGS_HEAP_MB = 3072

/**
 * One worker for the passes of a project, kept between passes (its code loaded and compiled:
 * a fresh worker analysed and grouped a changed library about three times slower) and ended
 * after half a minute without work. It keeps nothing of a pass: the findings are read back each time.
 * `readText` is asked only for the texts the worker cannot read or verify itself (the store
 * says why, and sets a damaged one aside).
 */
export function workerRunner(script: WorkerScript, readText: (contentHash: string) => Promise<string>, heapMB = FINDINGS_HEAP_MB): JobRunner {
  let current: { worker: Worker; idle: NodeJS.Timeout | null } | null = null
  let job: { resolve: (result: FindingsJobResult) => void; reject: (error: Error) => void; progress: (progress: JobProgress) => void } | null = null

  const end = (reason: Error): void => {
    const running = current
    current = null
    if (running?.idle != null) clearTimeout(running.idle)
    void running?.worker.terminate()
    const waiting = job
    job = null
    waiting?.reject(reason)
  }

  const spawn = (): Worker => {
    const worker = new Worker(script.path, { workerData: script.workerData, resourceLimits: { maxOldGenerationSizeMb: heapMB } })
    worker.on('message', (reply: WorkerJobReply) => {
      if ('read' in reply) {
        const contentHash = reply.read
        readText(contentHash).then(
          (text) => worker.postMessage({ contentHash, text } satisfies WorkerTextReply),
          (error: unknown) => worker.postMessage({ contentHash, reason: error instanceof Error ? error.message : String(error) } satisfies WorkerTextReply)
        )
        return
      }
      const waiting = job
      if (waiting === null) return
      if ('progress' in reply) {
        waiting.progress(reply.progress)
        return
      }
      job = null
      // Idle: it no longer keeps the process alive, and it ends if no pass comes.
      worker.unref()
      if (current !== null) current.idle = setTimeout(() => end(new Error('corroboration: the worker was idle')), IDLE_MS).unref()
      if (reply.ok) waiting.resolve(reply.result)
      else waiting.reject(new Error(`corroboration: ${reply.reason}`))
    })
    worker.on('error', (error) => {
      if (current?.worker !== worker) return
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        end(
          new Error(
            `corroboration: the library is too large to group its quotes and names in the memory set aside for it (${(heapMB / 1024).toFixed(1)} GB); the library, search and notes are not affected`
          )
        )
        return
      }
      end(new Error(`corroboration: the worker failed (${error.message})`))
    })
    worker.on('exit', (code) => {
      if (current?.worker === worker) end(new Error(`corroboration: the worker stopped (exit code ${code})`))
    })
    return worker
  }

  return {
    run: (request, progress) =>
      new Promise<FindingsJobResult>((resolve, reject) => {
        if (job !== null) throw new Error('corroboration: a pass is already running')
        current ??= { worker: spawn(), idle: null }
        if (current.idle !== null) clearTimeout(current.idle)
        current.idle = null
        current.worker.ref()
        job = { resolve, reject, progress }
        current.worker.postMessage(request)
      }),
    close: async () => {
      const running = current
      end(new Error('corroboration: closed'))
      await running?.worker.terminate()
    }
  }
}
