// Exports waiting for the browser to fetch them: browser mode cannot write where the user
// chooses, so the file is kept here under an unguessable one-shot id for a few minutes and
// the page downloads it from /api/download/<id>.
import { randomBytes } from 'node:crypto'

export interface ShelvedFile {
  fileName: string
  mime: string
  data: string | Uint8Array
}

export const DOWNLOAD_ROUTE = '/api/download/'
/** A file not fetched within this time is dropped. */
const KEEP_MS = 10 * 60 * 1000
/** At most this many files wait at once; the oldest goes first. */
const MAX_SHELVED = 8

export class DownloadShelf {
  readonly #files = new Map<string, ShelvedFile & { expires: number }>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Keeps the file and gives the path the page downloads it from. */
  put(file: ShelvedFile): string {
    this.#dropExpired()
    while (this.#files.size >= MAX_SHELVED) this.#files.delete(this.#files.keys().next().value ?? '')
    const id = randomBytes(24).toString('base64url')
    this.#files.set(id, { ...file, expires: this.now() + KEEP_MS })
    return `${DOWNLOAD_ROUTE}${id}`
  }

  /** The file for an id, once: a second fetch of the same id finds nothing. */
  take(id: string): ShelvedFile | undefined {
    this.#dropExpired()
    const file = this.#files.get(id)
    this.#files.delete(id)
    return file
  }

  #dropExpired(): void {
    const now = this.now()
    for (const [id, file] of this.#files) if (file.expires <= now) this.#files.delete(id)
  }
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function attachmentHeader(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}
