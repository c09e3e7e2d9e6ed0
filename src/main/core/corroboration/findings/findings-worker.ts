// Entry point of the corroboration worker thread (built to out/main/findings-worker.js): one
// findings job per worker, so the first look at a large library is analysed and grouped with
// a heap of its own while the main thread stays free. Texts are read here, not sent over;
// only one the worker cannot read or verify is asked of the main thread's store.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parentPort } from 'node:worker_threads'
import { sha256 } from '../../store/content-hash'
import { PACKS_FOLDER, readPackIndex, readPlace, type TextPlace } from '../../store/text-packs'
import { runFindingsJob } from './findings-job'
import type { WorkerJobReply, WorkerJobRequest, WorkerTextReply } from './run-findings-job'

const port = parentPort
if (port === null) throw new Error('findings-worker: must run as a worker thread')

const asked = new Map<string, { resolve: (text: string) => void; reject: (error: Error) => void }[]>()

function askMainThread(contentHash: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const waiting = asked.get(contentHash)
    if (waiting !== undefined) waiting.push({ resolve, reject })
    else {
      asked.set(contentHash, [{ resolve, reject }])
      port!.postMessage({ read: contentHash } satisfies WorkerJobReply)
    }
  })
}

/** The texts an import packed (text-packs.ts), as their indexes said when the job began: one committed since is asked of the main thread. */
let packed: { textsDir: string; places: Promise<Map<string, TextPlace>> } | null = null

function packedPlaces(textsDir: string): Promise<Map<string, TextPlace>> {
  if (packed?.textsDir !== textsDir) packed = { textsDir, places: readPackIndex(join(textsDir, PACKS_FOLDER)).then(({ places }) => places) }
  return packed.places
}

async function readStoredText(textsDir: string, contentHash: string): Promise<string> {
  if (!/^[0-9a-f]{64}$/.test(contentHash)) return askMainThread(contentHash)
  const place = (await packedPlaces(textsDir)).get(contentHash)
  const bytes = await (place === undefined ? readFile(join(textsDir, `${contentHash}.txt`)) : readPlace(join(textsDir, PACKS_FOLDER), place)).catch(() => null)
  const text = bytes?.toString('utf8') ?? null
  return text !== null && sha256(text) === contentHash ? text : askMainThread(contentHash)
}

port.on('message', (message: WorkerJobRequest | WorkerTextReply) => {
  if ('contentHash' in message) {
    const waiting = asked.get(message.contentHash) ?? []
    asked.delete(message.contentHash)
    for (const { resolve, reject } of waiting) {
      if ('text' in message) resolve(message.text)
      else reject(new Error(message.reason))
    }
    return
  }
  // Each job reads the indexes afresh: an import may have packed texts since the last.
  packed = null
  const io = {
    readText: (hash: string) => readStoredText(message.textsDir, hash),
    progress: (progress: { done: number; total: number }) => port.postMessage({ progress } satisfies WorkerJobReply),
    pause: async () => undefined
  }
  runFindingsJob(message, io).then(
    (result) => port.postMessage({ ok: true, result } satisfies WorkerJobReply),
    (error: unknown) => port.postMessage({ ok: false, reason: error instanceof Error ? error.message : String(error) } satisfies WorkerJobReply)
  )
})
