// Exports waiting for the browser to fetch them: browser mode cannot write where the user
// chooses, so the file is kept here under an unguessable one-shot id for a few minutes and
// the page downloads it from /api/download/<id>. A bundle waits as its temporary file,
// removed once downloaded, dropped (expired, pushed out) or when the server closes.
import { randomBytes } from 'node:crypto'
import { TempFile } from '../main/core/export/bundle/temp-file'

export interface ShelvedFile {
  fileName: string
  mime: string
  data: string | Uint8Array | TempFile
}

export const DOWNLOAD_ROUTE = '/api/download/'
/** A file not fetched within this time is dropped. */
export const KEEP_MS = 10 * 60 * 1000
/** At most this many files wait at once; the oldest goes first. */
const MAX_SHELVED = 8

interface Waiting {
  file: ShelvedFile
  expires: number
  timer: NodeJS.Timeout
}

function removeTemp(file: ShelvedFile): Promise<void> {
  return file.data instanceof TempFile ? file.data.remove().catch(() => undefined) : Promise.resolve()
}

export class DownloadShelf {
  readonly #files = new Map<string, Waiting>()
  /** Removals under way, so that clear() can wait for them. */
  readonly #removing = new Set<Promise<void>>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Keeps the file and gives the path the page downloads it from. */
  put(file: ShelvedFile): string {
    this.#dropExpired()
    while (this.#files.size >= MAX_SHELVED) this.#drop(this.#files.keys().next().value ?? '')
    const id = randomBytes(24).toString('base64url')
    // A temporary file may be gigabytes: it goes when it expires, not when the next export comes.
    const timer = setTimeout(() => this.#drop(id), KEEP_MS).unref()
    this.#files.set(id, { file, expires: this.now() + KEEP_MS, timer })
    return `${DOWNLOAD_ROUTE}${id}`
  }

  /** The file for an id, once: a second fetch of the same id finds nothing. A temporary file is the taker's to remove. */
  take(id: string): ShelvedFile | undefined {
    this.#dropExpired()
    const waiting = this.#files.get(id)
    if (waiting === undefined) return undefined
    clearTimeout(waiting.timer)
    this.#files.delete(id)
    return waiting.file
  }

  /** Drops every waiting file, and resolves once their temporary files are removed. */
  async clear(): Promise<void> {
    for (const id of [...this.#files.keys()]) this.#drop(id)
    await Promise.all(this.#removing)
  }

  #drop(id: string): void {
    const waiting = this.#files.get(id)
    if (waiting === undefined) return
    clearTimeout(waiting.timer)
    this.#files.delete(id)
    const removal = removeTemp(waiting.file)
    this.#removing.add(removal)
    void removal.finally(() => this.#removing.delete(removal))
  }

  #dropExpired(): void {
    const now = this.now()
    for (const [id, waiting] of this.#files) if (waiting.expires <= now) this.#drop(id)
  }
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function attachmentHeader(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}
