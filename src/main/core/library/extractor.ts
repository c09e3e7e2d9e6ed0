// Runs format extraction for the importer, either in this thread or spread over worker
// threads so a folder of PDFs and web pages uses every core while the app stays
// responsive. Workers read the file themselves, so bytes never cross threads. A long
// file (a scan being recognised) reports its progress, and stopping the import ends it.
import { realpath } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { sep } from 'node:path'
import { Worker } from 'node:worker_threads'
import { UserError } from '../../../shared/ipc/result'
import { sha256Bytes } from '../store/content-hash'
import type { ExtractContext, ExtractedDocument, ExtractOptions, ExtractProgress, OcrOptions } from './extract/types'
import { DEFAULT_MAX_FILE_BYTES, readFileCapped } from './read-file-capped'
import { storeText } from './store-text'
import type { TextPlace } from '../store/text-packs'
import { indexedText, readText, type TextReading } from './text-reading'
import type { SegmentBatches } from '../search/segment-batches'
import type { StoredTextRef } from './index-stored'

export interface Extraction {
  document: ExtractedDocument
  /** SHA-256 of the bytes that were read. */
  fileHash: string
  /** With `storeTextIn`: the text's SHA-256, the text now in that folder (not yet flushed to disk). */
  storedText?: string
  /** Where in that folder's packs the thread appended it (see text-packs.ts); absent: as texts/<storedText>.txt. */
  textPlace?: TextPlace
  /** With `readText`: the text's terms, words and title, worked out by the extracting thread (no terms once `indexIn` took them). */
  reading?: TextReading
  /** With `indexIn`: the thread added the text to the batch's segment (see SegmentBatches). */
  indexed?: boolean
  /** With `indexIn`: the batch's segment this text filled, encoded, for the importer to hand to search. */
  segment?: Uint8Array
  /**
   * The text was left out of `document` (it is ''): the thread packed, read and indexed it,
   * so the importer needs none of it, and it does not cross threads twice.
   */
  textOmitted?: boolean
}

/** An import's batch of documents the extracting threads index themselves (see SegmentBatches): the batch and this file's key in it. */
export interface IndexIn {
  batch: string
  key: string
}

/** A path as a string, or as bytes when it is not valid UTF-8 (a Buffer arrives in a worker as a Uint8Array). */
export type FilePath = string | Uint8Array

/** What one extraction is given besides the file: OCR settings, and hooks to report progress and to be stopped. */
export interface ExtractCall {
  ocr?: OcrOptions | undefined
  /**
   * A project's texts/ folder: the extracting thread stores the text there itself (in a pack
   * of its own, see store-text.ts), so a bulk import's file writes stay off the main thread.
   */
  storeTextIn?: string | undefined
  /** The extracting thread also reads the text for the importer (see TextReading), so a bulk import's main thread only merges postings. */
  readText?: boolean | undefined
  /** With readText, where the extractor builds segments (segments: true): the thread indexes the text itself, in this batch under this key. */
  indexIn?: IndexIn | undefined
  onProgress?: ((progress: ExtractProgress) => void) | undefined
  /** Aborting stops the extraction at once (a worker busy with it is ended and replaced). */
  signal?: AbortSignal | undefined
}

export interface Extractor {
  readonly parallelism: number
  /** Files an importer keeps waiting per thread beyond the one being read, so no thread sleeps between files (default 1; see FILES_AHEAD). */
  readonly filesAhead?: number
  /**
   * `folder`: the real path of the imported folder, which the file's real path must still
   * be inside (for files reached through a link); without it the file is opened without
   * following a link.
   */
  extract(path: FilePath, fileName: string, folder?: string, call?: ExtractCall): Promise<Extraction>
  /**
   * Whether its threads build index segments (ExtractCall.indexIn); then flushIndex hands over
   * each thread's last segment of a batch, once every file of the batch is answered.
   */
  readonly segments?: boolean
  flushIndex?(batch: string): Promise<Uint8Array[]>
  /**
   * With segments: indexes a text the project already stores, in the batch under `indexIn.key`
   * (search catching up on many texts, see SearchService); answers the batch's segment when this text filled one.
   */
  indexStored?(text: StoredTextRef, indexIn: IndexIn): Promise<Uint8Array | null>
  close(): Promise<void>
}

export interface ExtractRequest {
  id: number
  path: FilePath
  fileName: string
  folder?: string | undefined
  options: ExtractOptions
  storeTextIn?: string | undefined
  readText?: boolean | undefined
  indexIn?: IndexIn | undefined
  /** Not a file: a stored text to index in `indexIn` (see index-stored.ts). */
  stored?: StoredTextRef | undefined
}

/** Asks a thread for a batch's documents not handed over yet (after the files it was sent before). */
export interface FlushRequest {
  flush: string
  id: number
}

export type ExtractReply =
  | { id: number; ok: true; extraction: Extraction }
  | { id: number; ok: false; reason: string; userError: boolean; code?: string; fileHash?: string }
  /** Not an answer yet: the file is still being read ("OCR page 3 of 40"). */
  | { id: number; progress: ExtractProgress }
  /** Files the worker had not started, given back when asked ({ handBack: true }). */
  | { handedBack: number[] }
  /** A FlushRequest's answer. */
  | { flushed: number; segment: Uint8Array | null }
  /** Several answers in one message. */
  | { answers: ExtractReply[] }

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

/** The error of an extraction ended because the user stopped the import: not the file's fault, and not a problem to report. */
export function importStopped(): UserError {
  return Object.assign(transient(new UserError('invalid-input', 'the import was stopped')), { stopped: true })
}

export function isImportStopped(error: unknown): boolean {
  return (error as { stopped?: unknown } | null)?.stopped === true
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

/** Reads and extracts one file; the same code runs in a worker and in-process. `batches`: the thread's, for `indexIn`. */
export async function extractFile(request: Omit<ExtractRequest, 'id'>, hooks: Pick<ExtractContext, 'onProgress' | 'signal'> = {}, batches?: SegmentBatches): Promise<Extraction> {
  // Loaded on first use: the parsers (Readability, pdf.js, the Word reader) stay out of app start-up.
  const { extractDocument } = await import('./extract')
  const given = typeof request.path === 'string' ? Buffer.from(request.path, 'utf8') : Buffer.from(request.path)
  const path = request.folder === undefined ? given : await realPathInside(given, request.folder)
  const bytes = await readFileCapped(path, request.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, { noFollow: request.folder === undefined })
  const fileHash = sha256Bytes(bytes)
  try {
    const document = await extractDocument(bytes, request.fileName, request.options, { ...hooks, fileHash })
    const extraction: Extraction = { document, fileHash }
    // With indexIn the thread adds the text to its segment below, straight from the text.
    const indexIn = request.readText === true && request.storeTextIn !== undefined && batches !== undefined ? request.indexIn : undefined
    if (request.readText === true) extraction.reading = readText(document, indexIn === undefined)
    if (request.storeTextIn !== undefined) {
      const stored = await storeText(request.storeTextIn, document.text)
      extraction.storedText = stored.contentHash
      if (stored.place !== undefined) extraction.textPlace = stored.place
    }
    const tag = extraction.storedText
    if (indexIn !== undefined && batches !== undefined && tag !== undefined) {
      const segment = batches.add(indexIn.batch, indexIn.key, tag, indexedText(document))
      extraction.indexed = true
      if (segment !== null) extraction.segment = segment
      if (extraction.textPlace !== undefined) {
        extraction.document = { ...document, text: '' }
        extraction.textOmitted = true
      }
    }
    return extraction
  } catch (error: unknown) {
    throw error instanceof Error ? Object.assign(error, { fileHash }) : error
  }
}

function withOcr(options: ExtractOptions, ocr: OcrOptions | undefined, threads: number): ExtractOptions {
  return ocr === undefined ? options : { ...options, ocr: { ...ocr, threads } }
}

/** At most this many recognisers for one scan: past two, pages come no faster on a laptop and memory grows. */
export const MAX_OCR_THREADS = 2

export class InProcessExtractor implements Extractor {
  readonly parallelism = 1
  constructor(private readonly options: ExtractOptions) {}

  extract(path: FilePath, fileName: string, folder?: string, call: ExtractCall = {}): Promise<Extraction> {
    if (call.signal?.aborted === true) return Promise.reject(importStopped())
    const request = { path, fileName, folder, options: withOcr(this.options, call.ocr, 1), storeTextIn: call.storeTextIn, readText: call.readText }
    return extractFile(request, { onProgress: call.onProgress, signal: call.signal })
  }

  async close(): Promise<void> {
    // Recognisers this thread started for scans (loaded only if one was read).
    const { closeOcrEngines } = await import('./ocr/ocr-engine')
    await closeOcrEngines()
  }
}

interface Job {
  request: ExtractRequest
  resolve: (extraction: Extraction) => void
  reject: (error: unknown) => void
  call: ExtractCall
  /** Stopped while waiting in a worker: already rejected, its answer is ignored. */
  dropped?: boolean
}

interface PooledWorker {
  worker: Worker
  /** The jobs sent to it, in order: the first is being read, the others wait in the worker. */
  sent: Job[]
  /** Gives up on the first job (see EXTRACT_TIMEOUT_MS). */
  timer: NodeJS.Timeout | null
  /** Set once the first job has taken longer than SLOW_MS: nothing more waits behind it. */
  slow: NodeJS.Timeout | true | null
  /** Flushes asked of it and not answered (FlushRequest id → answer); a worker that ends answers them with nothing. */
  flushes: Map<number, (segment: Uint8Array | null) => void>
  /**
   * Shared with the worker: the id of the file it is reading. It holds answers back to send
   * several at once, so the first file sent and not answered may be done: when the worker
   * dies or hangs, this names the file that did it.
   */
  reading: Int32Array
}

export interface WorkerScript {
  path: string
  /** Passed to the worker as workerData (tests use a bootstrap that loads the TypeScript entry named here). */
  workerData?: unknown
}

/** A file that takes longer than this is given up on, so one pathological PDF cannot stall an import. */
export const EXTRACT_TIMEOUT_MS = 120_000
/**
 * Files sent to a worker beyond the one it reads, so it never sleeps between files while the
 * main thread is busy. With one, a thread waited for the main thread after most small files
 * (a news text takes it ~0.15 ms; the main thread's turn between two answers often longer):
 * four cut a 100,000-text import by a tenth. Sixteen, with files sent and answered several
 * to a message (HOLD_ANSWERS), cut it by another seventh: a thread posts its answers in eights
 * and still has files to read while the main thread takes them. A file read longer than
 * SLOW_MS hands the ones behind it back, so a scan never holds them up.
 */
export const FILES_AHEAD = 16
/** A file read longer than this (a scan, a huge PDF) hands back the files waiting behind it, for the other threads. */
const SLOW_MS = 250

/** What the main thread sends a worker: a file to extract, or a request to hand back the files not started yet. */
export type WorkerMessage = ExtractRequest | FlushRequest | { handBack: true } | { files: ExtractRequest[] } | { reading: Int32Array }

/**
 * One file read per worker at a time, so a worker that has to be stopped (a file that
 * hangs or exhausts memory) takes down only that file; a fresh worker replaces it, and
 * the files that waited in it are sent again. A few more files wait in each worker
 * (FILES_AHEAD): waking a sleeping thread for every file cost as much as reading it.
 */
export class WorkerPoolExtractor implements Extractor {
  readonly #all = new Set<PooledWorker>()
  readonly #queue: Job[] = []
  /** Stops watching each job's signal once the job is settled. */
  readonly #abandoned = new WeakMap<Job, () => void>()
  /** The unsettled jobs of each signal, and its one abort listener: an import's lanes share a signal, and a listener per file made too many. */
  readonly #watched = new WeakMap<AbortSignal, { jobs: Set<Job>; stop: () => void }>()
  #nextId = 0
  #closed = false
  /** The machine's cores, asked once: asking costs a system call, and every file may be a scan that wants the figure. */
  readonly #cores = availableParallelism()

  constructor(
    private readonly script: WorkerScript,
    readonly parallelism: number,
    private readonly options: ExtractOptions,
    private readonly timeoutMs = EXTRACT_TIMEOUT_MS
  ) {}

  readonly filesAhead = FILES_AHEAD

  #spawn(): PooledWorker {
    const reading = new Int32Array(new SharedArrayBuffer(4))
    const pooled: PooledWorker = { worker: new Worker(this.script.path, { workerData: this.script.workerData }), sent: [], timer: null, slow: null, flushes: new Map(), reading }
    pooled.worker.postMessage({ reading } satisfies WorkerMessage)
    const onReply = (reply: ExtractReply): void => {
      if ('answers' in reply) {
        for (const answer of reply.answers) onReply(answer)
        return
      }
      this.#answer(pooled, reply)
      this.#schedulePump()
    }
    pooled.worker.on('message', onReply)
    const died = (error: unknown): void => {
      if (!this.#all.has(pooled)) return
      this.#retire(pooled)?.reject(transient(new UserError('invalid-input', `the extractor crashed on this file (${error instanceof Error ? error.message : String(error)})`)))
      this.#pump()
    }
    pooled.worker.on('error', died)
    pooled.worker.on('exit', (code) => died(new Error(`worker exited with code ${code}`)))
    this.#all.add(pooled)
    return pooled
  }

  /** One answer of the worker's: a file read or failed, its progress, a flush or files handed back. */
  #answer(pooled: PooledWorker, reply: Exclude<ExtractReply, { answers: ExtractReply[] }>): void {
    if ('flushed' in reply) {
      pooled.flushes.get(reply.flushed)?.(reply.segment)
      pooled.flushes.delete(reply.flushed)
      return
    }
    if ('handedBack' in reply) {
      this.#resend(pooled.sent.filter((job) => reply.handedBack.includes(job.request.id)), pooled)
      return
    }
    const head = pooled.sent[0]
    if ('progress' in reply) {
      if (head?.request.id !== reply.id) return
      // A file that keeps reporting progress is working, not stuck: its time starts again.
      this.#arm(pooled)
      if (head.dropped !== true) head.call.onProgress?.(reply.progress)
      return
    }
    const job = pooled.sent.find((candidate) => candidate.request.id === reply.id)
    if (job === undefined) return
    this.#settle(pooled, job)
    if (job.dropped !== true) {
      if (reply.ok) job.resolve(reply.extraction)
      else {
        const error = reply.userError ? new UserError('invalid-input', reply.reason) : Object.assign(new Error(reply.reason), { code: reply.code })
        job.reject(reply.fileHash === undefined ? error : Object.assign(error, { fileHash: reply.fileHash }))
      }
    }
  }

  /** A job is answered (or given up): the next one in the worker starts. */
  #settle(pooled: PooledWorker, job: Job): void {
    const wasFirst = pooled.sent[0] === job
    pooled.sent.splice(pooled.sent.indexOf(job), 1)
    this.#abandoned.get(job)?.()
    if (!wasFirst) return
    this.#clearTimers(pooled)
    if (pooled.sent[0]?.dropped === true) {
      // The file it starts next was stopped while it waited: end the worker rather than let it read
      // the file (a scan's OCR would go on for minutes); the files behind it go to other workers.
      this.#retire(pooled, false)
      void pooled.worker.terminate()
      return
    }
    if (pooled.sent.length > 0) this.#arm(pooled, true)
  }

  #clearTimers(pooled: PooledWorker): void {
    if (pooled.timer !== null) clearTimeout(pooled.timer)
    if (pooled.slow !== null && pooled.slow !== true) clearTimeout(pooled.slow)
    pooled.timer = null
    pooled.slow = null
  }

  /**
   * Gives up on the worker's first file if it neither answers nor reports progress within
   * the timeout; `started`: it has just started, and is slow once past SLOW_MS.
   */
  #arm(pooled: PooledWorker, started = false): void {
    if (pooled.timer !== null) clearTimeout(pooled.timer)
    pooled.timer = setTimeout(() => {
      void pooled.worker.terminate()
      this.#retire(pooled)?.reject(transient(new UserError('invalid-input', `gave up after ${Math.round(this.timeoutMs / 1000)} s: the file takes too long to read`)))
      this.#pump()
    }, this.timeoutMs)
    if (!started) return
    if (pooled.slow !== null && pooled.slow !== true) clearTimeout(pooled.slow)
    pooled.slow = setTimeout(() => {
      pooled.slow = true
      if (pooled.sent.length > 1) pooled.worker.postMessage({ handBack: true } satisfies WorkerMessage)
    }, SLOW_MS)
  }

  /** Jobs that waited in a worker go back to the front of the queue, in order (those stopped meanwhile are forgotten). */
  #resend(jobs: Job[], from: PooledWorker): void {
    for (const job of jobs) from.sent.splice(from.sent.indexOf(job), 1)
    this.#queue.unshift(...jobs.filter((job) => job.dropped !== true))
  }

  /**
   * Takes a worker out of the pool; the files waiting in it are sent again. `blame` (it died or
   * hung): returns the file it was reading, for the caller to reject: the one its shared slot
   * names, else the first not answered. Files before that one were read, their answers held
   * back and lost with the worker: they are read again. Without `blame` (it is ended because a
   * file in it was stopped) every file not stopped is read again.
   */
  #retire(pooled: PooledWorker, blame = true): Job | null {
    this.#all.delete(pooled)
    this.#clearTimers(pooled)
    // The documents it indexed and had not handed over are lost with it: search indexes them from their texts (SearchService.sync).
    for (const answer of pooled.flushes.values()) answer(null)
    pooled.flushes.clear()
    const readingId = Atomics.load(pooled.reading, 0)
    const named = pooled.sent.findIndex((job) => job.request.id === readingId)
    const [culprit] = blame ? pooled.sent.splice(Math.max(0, named), 1) : []
    this.#resend([...pooled.sent], pooled)
    if (culprit === undefined) return null
    this.#abandoned.get(culprit)?.()
    return culprit.dropped === true ? null : culprit
  }

  /** The import was stopped: a job still queued is dropped; one being read ends with its worker; one waiting in a worker is answered now and its result ignored. */
  #stop(job: Job): void {
    const queued = this.#queue.indexOf(job)
    if (queued !== -1) {
      this.#queue.splice(queued, 1)
      this.#abandoned.get(job)?.()
      job.reject(importStopped())
      return
    }
    const pooled = [...this.#all].find((candidate) => candidate.sent.includes(job))
    if (pooled === undefined || job.dropped === true) return
    // Dropped first: the worker being ended with it, its other files are sent again, not this one.
    job.dropped = true
    this.#abandoned.get(job)?.()
    if (pooled.sent[0] === job) {
      this.#retire(pooled, false)
      void pooled.worker.terminate()
      // Once the turn is over: the other files of a stopped import leave the queue first, rather than each reaching a fresh worker that is ended in turn.
      this.#schedulePump()
    }
    job.reject(importStopped())
  }

  /** Stops the job when its signal aborts; returns what stops watching it. */
  #watch(signal: AbortSignal, job: Job): () => void {
    let watched = this.#watched.get(signal)
    if (watched === undefined) {
      const jobs = new Set<Job>()
      const stop = (): void => {
        this.#watched.delete(signal)
        for (const stopped of [...jobs]) this.#stop(stopped)
      }
      watched = { jobs, stop }
      this.#watched.set(signal, watched)
      signal.addEventListener('abort', stop, { once: true })
    }
    const { jobs, stop } = watched
    jobs.add(job)
    return () => {
      jobs.delete(job)
      if (jobs.size > 0 || this.#watched.get(signal)?.jobs !== jobs) return
      this.#watched.delete(signal)
      signal.removeEventListener('abort', stop)
    }
  }

  /** How many recognisers a scan may use: more when it is the only file being read. */
  #ocrThreads(): number {
    const busy = [...this.#all].filter((pooled) => pooled.sent.length > 0).length + this.#queue.length
    return Math.max(1, Math.min(MAX_OCR_THREADS, Math.floor(this.#cores / Math.max(1, busy))))
  }

  /** The worker the next job goes to: an idle one, a new one, else one with room behind a file that is not slow. */
  #nextWorker(): PooledWorker | undefined {
    let ahead: PooledWorker | undefined
    for (const pooled of this.#all) {
      if (pooled.sent.length === 0) return pooled
      if (ahead === undefined && pooled.sent.length <= FILES_AHEAD && pooled.slow !== true) ahead = pooled
    }
    return this.#all.size < this.parallelism ? this.#spawn() : ahead
  }

  #pumpSoon = false

  /** Pumps once the files asked for in this turn are all queued, so each worker gets them in one message. */
  #schedulePump(): void {
    if (this.#pumpSoon) return
    this.#pumpSoon = true
    setImmediate(() => {
      this.#pumpSoon = false
      this.#pump()
    })
  }

  #pump(): void {
    const batches = new Map<PooledWorker, ExtractRequest[]>()
    while (!this.#closed && this.#queue.length > 0) {
      const pooled = this.#nextWorker()
      if (pooled === undefined) break
      const job = this.#queue.shift() as Job
      pooled.sent.push(job)
      if (pooled.sent.length === 1) this.#arm(pooled, true)
      const request = job.call.ocr === undefined ? job.request : { ...job.request, options: withOcr(job.request.options, job.call.ocr, this.#ocrThreads()) }
      const batch = batches.get(pooled)
      if (batch === undefined) batches.set(pooled, [request])
      else batch.push(request)
    }
    for (const [pooled, files] of batches) pooled.worker.postMessage((files.length === 1 ? (files[0] as ExtractRequest) : { files }) satisfies WorkerMessage)
  }

  extract(path: FilePath, fileName: string, folder?: string, call: ExtractCall = {}): Promise<Extraction> {
    if (this.#closed) return Promise.reject(new Error('extractor: closed'))
    if (call.signal?.aborted === true) return Promise.reject(importStopped())
    return this.#submit({ id: ++this.#nextId, path, fileName, folder, options: this.options, storeTextIn: call.storeTextIn, readText: call.readText, indexIn: call.indexIn }, call)
  }

  async indexStored(text: StoredTextRef, indexIn: IndexIn): Promise<Uint8Array | null> {
    if (this.#closed) throw new Error('extractor: closed')
    const answer = await this.#submit({ id: ++this.#nextId, path: '', fileName: text.contentHash, options: this.options, indexIn, stored: text }, {})
    return answer.segment ?? null
  }

  /** Queues one request (a file, or a stored text to index) for the next free thread. */
  #submit(request: ExtractRequest, call: ExtractCall): Promise<Extraction> {
    const answer = new Promise<Extraction>((resolve, reject) => {
      const job: Job = { request, resolve, reject, call }
      if (call.signal !== undefined) this.#abandoned.set(job, this.#watch(call.signal, job))
      this.#queue.push(job)
      this.#schedulePump()
    })
    this.#unanswered.add(answer)
    const answered = (): void => void this.#unanswered.delete(answer)
    answer.then(answered, answered)
    return answer
  }

  /** Its threads index the texts of an import themselves (ExtractCall.indexIn). */
  readonly segments = true

  /** Files asked for and not answered yet. */
  readonly #unanswered = new Set<Promise<Extraction>>()

  /**
   * Each thread's segment of the batch's documents not handed over yet, once every file asked
   * for before is answered (a file handed back from a slow thread may be read by another).
   */
  async flushIndex(batch: string): Promise<Uint8Array[]> {
    await Promise.allSettled([...this.#unanswered])
    const answers = [...this.#all].map(
      (pooled) =>
        new Promise<Uint8Array | null>((resolve) => {
          const id = ++this.#nextId
          pooled.flushes.set(id, resolve)
          pooled.worker.postMessage({ flush: batch, id } satisfies WorkerMessage)
        })
    )
    return (await Promise.all(answers)).filter((segment) => segment !== null)
  }

  async close(): Promise<void> {
    this.#closed = true
    for (const job of this.#queue.splice(0)) {
      this.#abandoned.get(job)?.()
      job.reject(new Error('extractor: closed'))
    }
    const workers = [...this.#all]
    this.#all.clear()
    for (const pooled of workers) {
      this.#clearTimers(pooled)
      for (const answer of pooled.flushes.values()) answer(null)
      pooled.flushes.clear()
      for (const job of pooled.sent.splice(0)) {
        this.#abandoned.get(job)?.()
        if (job.dropped !== true) job.reject(new Error('extractor: closed'))
      }
    }
    await Promise.all(workers.map((pooled) => pooled.worker.terminate()))
  }
}
