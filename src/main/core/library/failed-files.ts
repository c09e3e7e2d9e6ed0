// Remembers files that could not be imported, by size, time and byte hash, so a bad file
// left in a watched folder costs one read, not a full extraction on every pass (one
// hostile Word file used to cost two minutes each time).
import { UserError } from '../../../shared/ipc/result'
import { sha256Bytes } from '../store/content-hash'
import type { FailedFile, ProjectStore } from '../store/project-store'
import { failedFileHash } from './extractor'
import { readFileCapped } from './read-file-capped'
import type { FoundFile } from './walk-folder'

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
    if (known === undefined) return
    if (known.size === file.size && known.mtimeMs === file.mtimeMs) throw new UserError('invalid-input', known.reason)
    if (known.size !== file.size || known.fileHash === null) return
    const bytes = await readFileCapped(file.fsPath, this.maxBytes).catch(() => null)
    if (bytes === null || sha256Bytes(bytes) !== known.fileHash) return
    known.mtimeMs = file.mtimeMs // touched, same bytes: next time the time alone tells
    this.store.markLibraryChanged()
    throw new UserError('invalid-input', known.reason)
  }

  /**
   * Records a failure the file itself caused (what the extractor said about its bytes),
   * not one of the moment (permission denied, file vanished), which may pass.
   */
  remember(id: string, file: FoundFile, error: unknown): void {
    if (!(error instanceof UserError)) return
    this.#records[id] = { size: file.size, mtimeMs: file.mtimeMs, fileHash: failedFileHash(error), reason: error.message }
    this.store.markLibraryChanged()
  }

  forget(id: string): void {
    if (!(id in this.#records)) return
    delete this.#records[id]
    this.store.markLibraryChanged()
  }
}
