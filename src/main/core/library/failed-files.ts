// Remembers files that could not be imported, by size, time and byte hash, so a bad file
// left in a watched folder costs one read, not a full extraction on every pass (one
// hostile Word file used to cost two minutes each time).
import { UserError } from '../../../shared/ipc/result'
import { sha256Bytes } from '../store/content-hash'
import type { FailedFile, ProjectStore } from '../store/project-store'
import { failedFileHash, isTransientFailure } from './extractor'
import { readFileCapped } from './read-file-capped'
import type { FoundFile } from './walk-folder'

/** Failed files are kept with the library's roots, not with any source. */
const FAILED_FILES_CHANGED = { sources: [], meta: true } as const

/** Bump when extraction improves, so files an older version refused are read again. */
export const EXTRACTOR_VERSION = 3

export class FailedFiles {
  constructor(
    private readonly store: ProjectStore,
    private readonly maxBytes: number
  ) {}

  get #records(): Record<string, FailedFile> {
    return this.store.library.data.failedFiles
  }

  /** Throws the remembered reason when this file is the one that failed before, unchanged. */
  async refuseIfKnown(id: string, file: FoundFile): Promise<void> {
    const known = this.#records[id]
    if (known === undefined || known.extractor !== EXTRACTOR_VERSION) return
    if (known.size === file.size && known.mtimeMs === file.mtimeMs) throw new UserError('invalid-input', known.reason)
    if (known.size !== file.size || known.fileHash === null) return
    const bytes = await readFileCapped(file.fsPath, this.maxBytes).catch(() => null)
    if (bytes === null || sha256Bytes(bytes) !== known.fileHash) return
    known.mtimeMs = file.mtimeMs // touched, same bytes: next time the time alone tells
    this.store.markLibraryChanged(FAILED_FILES_CHANGED)
    throw new UserError('invalid-input', known.reason)
  }

  /**
   * Records a failure the file itself caused (what the extractor said about its bytes),
   * not one of the moment (permission denied, file vanished, a timeout or a crashed
   * thread on a busy machine), which may pass.
   */
  remember(id: string, rootId: string, file: FoundFile, error: unknown): void {
    if (!(error instanceof UserError) || isTransientFailure(error)) return
    this.#records[id] = { extractor: EXTRACTOR_VERSION, rootId, size: file.size, mtimeMs: file.mtimeMs, fileHash: failedFileHash(error), reason: error.message }
    this.store.markLibraryChanged(FAILED_FILES_CHANGED)
  }

  /** Drops the records of a folder's files that are no longer in it (after a full walk of it). */
  forgetUnseen(rootId: string, seen: ReadonlySet<string>): void {
    for (const [id, record] of Object.entries(this.#records)) if (record.rootId === rootId && !seen.has(id)) this.forget(id)
  }

  forget(id: string): void {
    if (!(id in this.#records)) return
    delete this.#records[id]
    this.store.markLibraryChanged(FAILED_FILES_CHANGED)
  }
}
