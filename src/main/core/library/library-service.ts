// One project's library: importing folders (then re-anchoring what changed), reading a
// source's text, and the user's edits to a source's citation details.
import type { ImportProgress, ImportReport, Source, SourceText } from '../../../shared/domain/source'
import { UserError } from '../../../shared/ipc/result'
import type { AnnotationService } from '../annotations/annotation-service'
import type { ProjectStore } from '../store/project-store'
import type { SearchService } from '../library-search/search-service'
import type { Extractor } from './extractor'
import { importFolder } from './import-folder'
import type { FolderPolicy } from './import-root'

export interface SourceEdits {
  sourceId: string
  title?: string | undefined
  outlet?: string | null | undefined
  author?: string | null | undefined
  date?: string | null | undefined
  url?: string | null | undefined
}

export interface LibraryDeps {
  now: () => Date
  extractor: () => Extractor
  maxFileBytes?: number | undefined
  /** Keeps the search index in step as texts arrive, then once the import is done. */
  search: SearchService
  /** Where typed paths count from, and the app's own data folder (never imported). */
  policy: FolderPolicy
}

export interface ImportRequest {
  onProgress: (progress: ImportProgress) => void
  signal?: AbortSignal | undefined
  /** The user agreed to import a folder larger than LARGE_IMPORT. */
  confirmLarge?: boolean | undefined
}

export class LibraryService {
  constructor(
    private readonly store: ProjectStore,
    private readonly annotations: AnnotationService,
    private readonly deps: LibraryDeps
  ) {}

  find(sourceId: string): Source {
    const source = this.store.findSource(sourceId)
    if (source === undefined) throw new UserError('not-found', `library: no source ${sourceId}`)
    return source
  }

  async sourceText(sourceId: string): Promise<SourceText> {
    const source = this.find(sourceId)
    return { sourceId, contentHash: source.contentHash, text: await this.store.readText(source.contentHash) }
  }

  async import(path: string, request: ImportRequest): Promise<ImportReport> {
    const { report, changedSourceIds } = await importFolder(this.store, path, {
      now: this.deps.now,
      onProgress: request.onProgress,
      extractor: this.deps.extractor(),
      policy: this.deps.policy,
      confirmLarge: request.confirmLarge === true,
      ...(this.deps.maxFileBytes === undefined ? {} : { maxFileBytes: this.deps.maxFileBytes }),
      ...(request.signal === undefined ? {} : { signal: request.signal }),
      onText: (sourceId, contentHash, text) => this.deps.search.indexText(sourceId, contentHash, text)
    })
    if (report.needsConfirmation !== undefined) return report
    await this.annotations.reanchor(changedSourceIds)
    // Also retries annotations left stale by an earlier run that stopped before re-anchoring.
    await this.annotations.reanchorStale()
    await this.deps.search.sync()
    return report
  }

  /** Marks every source of a folder that vanished from disk as missing; nothing is deleted. */
  async markRootMissing(rootPath: string): Promise<number> {
    const root = this.store.library.data.roots.find((candidate) => candidate.path === rootPath)
    if (root === undefined) return 0
    let marked = 0
    for (const source of this.store.library.data.sources) {
      if (source.rootId === root.id && !source.missing) {
        source.missing = true
        marked++
      }
    }
    if (marked > 0) {
      this.store.markLibraryChanged()
      await this.store.saveLibrary()
    }
    return marked
  }

  async update(edits: SourceEdits): Promise<Source> {
    const source = this.find(edits.sourceId)
    const edited = new Set(source.editedFields)
    if (edits.title !== undefined) {
      source.title = edits.title
      edited.add('title')
    }
    for (const field of ['outlet', 'author', 'date', 'url'] as const) {
      const value = edits[field]
      if (value === undefined) continue
      source.meta[field] = value
      edited.add(field)
    }
    source.editedFields = [...edited]
    this.store.markLibraryChanged()
    await this.store.saveLibrary()
    return source
  }
}
