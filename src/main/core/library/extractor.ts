// Runs format extraction for the importer, either in this thread or spread over worker
// threads so a folder of PDFs and web pages uses every core while the app stays
// responsive. Workers read the file themselves, so bytes never cross threads.
import { realpath } from 'node:fs/promises'
import { sep } from 'node:path'
import { Worker } from 'node:worker_threads'
import { UserError } from '../../../shared/ipc/result'
import { sha256Bytes } from '../store/content-hash'
import type { ExtractedDocument, ExtractOptions } from './extract/types'
import { DEFAULT_MAX_FILE_BYTES, readFileCapped } from './read-file-capped'

export interface Extraction {
  document: ExtractedDocument
  /** SHA-256 of the bytes that were read. */
  fileHash: string
}

/** A path as a string, or as bytes when it is not valid UTF-8 (a Buffer arrives in a worker as a Uint8Array). */
export type FilePath = string | Uint8Array

export interface Extractor {
  readonly parallelism: number
  /**
   * `folder`: the real path of the imported folder, which the file's real path must still
   * be inside (for files reached through a link); without it the file is opened without
   * following a link.
   */
  extract(path: FilePath, fileName: string, folder?: string): Promise<Extraction>
  close(): Promise<void>
}

export interface ExtractRequest {
  id: number
  path: FilePath
  fileName: string
  folder?: string | undefined
  options: ExtractOptions
}

export type ExtractReply =
  | { id: number; ok: true; extraction: Extraction }
  | { id: number; ok: false; reason: string; userError: boolean; code?: string; fileHash?: string }

/**
 * Marks a failure that may not happen again with the same bytes (a timeout on a busy
 * machine, a thread that ran out of memory): such a file is tried again on the next pass.
 */
function transient<T extends Error>(error: T): T {
  return Object.assign(error, { transient: true })
}

export function isTransientFailure(error: unknown): boolean {
  return (error as { transient?: unknown } | null)?.transient === true
}

/** The hash of the bytes a failed extraction read, if it got that far: lets the importer remember a bad file. */
export function failedFileHash(error: unknown): string | null {
  const hash = (error as { fileHash?: unknown } | null)?.fileHash
  return typeof hash === 'string' ? hash : null
}

/**
 * The file's real location, refused when a link swapped in since the folder was listed
 * now leads out of it. Done here, on the extraction thread, so the importer never waits for it.
 */
async function realPathInside(path: Buffer, folder: string): Promise<Buffer> {
  const real = await realpath(path, { encoding: 'buffer' })
  const prefix = Buffer.from(folder.endsWith(sep) ? folder : folder + sep)
  if (!real.subarray(0, prefix.length).equals(prefix)) throw new UserError('invalid-input', 'the file now leads outside the imported folder: not read')
  return real
}

/** Reads and extracts one file; the same code runs in a worker and in-process. */
export async function extractFile(request: Omit<ExtractRequest, 'id'>): Promise<Extraction> {
  // Loaded on first use: the parsers (Readability, pdf.js, the Word reader) stay out of app start-up.
  const { extractDocument } = await import('./extract')
  const given = typeof request.path === 'string' ? Buffer.from(request.path, 'utf8') : Buffer.from(request.path)
  const path = request.folder === undefined ? given : await realPathInside(given, request.folder)
  const bytes = await readFileCapped(path, request.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, { noFollow: request.folder === undefined })
  const fileHash = sha256Bytes(bytes)
  try {
    return { document: await extractDocument(bytes, request.fileName, request.options), fileHash }
  } catch (error: unknown) {
    throw error instanceof Error ? Object.assign(error, { fileHash }) : error
  }
}

export class InProcessExtractor implements Extractor {
  readonly parallelism = 1
  constructor(private readonly options: ExtractOptions) {}

  extract(path: FilePath, fileName: string, folder?: string): Promise<Extraction> {
    return extractFile({ path, fileName, folder, options: this.options })
  }

  async close(): Promise<void> {}
}

interface Job {
  request: ExtractRequest
  resolve: (extraction: Extraction) => void
  reject: (error: unknown) => void
}

interface PooledWorker {
  worker: Worker
  job: Job | null
  timer: NodeJS.Timeout | null
}

export interface WorkerScript {
  path: string
  /** Passed to the worker as workerData (tests use a bootstrap that loads the TypeScript entry named here). */
  workerData?: unknown
}

/** A file that takes longer than this is given up on, so one pathological PDF cannot stall an import. */
export const EXTRACT_TIMEOUT_MS = 120_000

/**
 * One file per worker at a time, so a worker that has to be stopped (a file that hangs
 * or exhausts memory) takes down only that file; a fresh worker replaces it.
 */
export class WorkerPoolExtractor implements Extractor {
  readonly #idle: PooledWorker[] = []
  readonly #all = new Set<PooledWorker>()
  readonly #queue: Job[] = []
  #nextId = 0
  #closed = false

  constructor(
    private readonly script: WorkerScript,
    readonly parallelism: number,
    private readonly options: ExtractOptions,
    private readonly timeoutMs = EXTRACT_TIMEOUT_MS
  ) {}

  #spawn(): PooledWorker {
    const pooled: PooledWorker = { worker: new Worker(this.script.path, { workerData: this.script.workerData }), job: null, timer: null }
    pooled.worker.on('message', (reply: ExtractReply) => {
      const job = this.#finish(pooled)
      if (job === null || job.request.id !== reply.id) return
      if (reply.ok) job.resolve(reply.extraction)
      else {
        const error = reply.userError ? new UserError('invalid-input', reply.reason) : Object.assign(new Error(reply.reason), { code: reply.code })
        job.reject(reply.fileHash === undefined ? error : Object.assign(error, { fileHash: reply.fileHash }))
      }
      this.#release(pooled)
    })
    const died = (error: unknown): void => {
      if (!this.#all.has(pooled)) return
      this.#retire(pooled)
      const job = this.#finish(pooled)
      job?.reject(transient(new UserError('invalid-input', `the extractor crashed on this file (${error instanceof Error ? error.message : String(error)})`)))
      this.#pump()
    }
    pooled.worker.on('error', died)
    pooled.worker.on('exit', (code) => died(new Error(`worker exited with code ${code}`)))
    this.#all.add(pooled)
    return pooled
  }

  #finish(pooled: PooledWorker): Job | null {
    const job = pooled.job
    pooled.job = null
    if (pooled.timer !== null) clearTimeout(pooled.timer)
    pooled.timer = null
    return job
  }

  #retire(pooled: PooledWorker): void {
    this.#all.delete(pooled)
    const index = this.#idle.indexOf(pooled)
    if (index !== -1) this.#idle.splice(index, 1)
  }

  #release(pooled: PooledWorker): void {
    this.#idle.push(pooled)
    this.#pump()
  }

  #pump(): void {
    while (!this.#closed && this.#queue.length > 0) {
      const pooled = this.#idle.pop() ?? (this.#all.size < this.parallelism ? this.#spawn() : undefined)
      if (pooled === undefined) return
      const job = this.#queue.shift()
      if (job === undefined) {
        this.#idle.push(pooled)
        return
      }
      pooled.job = job
      pooled.timer = setTimeout(() => {
        this.#retire(pooled)
        const timedOut = this.#finish(pooled)
        void pooled.worker.terminate()
        timedOut?.reject(transient(new UserError('invalid-input', `gave up after ${Math.round(this.timeoutMs / 1000)} s: the file takes too long to read`)))
        this.#pump()
      }, this.timeoutMs)
      pooled.worker.postMessage(job.request)
    }
  }

  extract(path: FilePath, fileName: string, folder?: string): Promise<Extraction> {
    if (this.#closed) return Promise.reject(new Error('extractor: closed'))
    return new Promise((resolve, reject) => {
      this.#queue.push({ request: { id: ++this.#nextId, path, fileName, folder, options: this.options }, resolve, reject })
      this.#pump()
    })
  }

  async close(): Promise<void> {
    this.#closed = true
    for (const job of this.#queue.splice(0)) job.reject(new Error('extractor: closed'))
    const workers = [...this.#all]
    this.#all.clear()
    this.#idle.length = 0
    for (const pooled of workers) this.#finish(pooled)?.reject(new Error('extractor: closed'))
    await Promise.all(workers.map((pooled) => pooled.worker.terminate()))
  }
}
