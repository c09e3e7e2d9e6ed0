// One project's library: importing folders (then re-anchoring what changed), reading a
// source's text, the user's edits to a source's citation details, tags and star, and
// taking a folder out of the project.
import type { ImportProgress, ImportReport, Source, SourceText } from '../../../shared/domain/source'
import { UserError } from '../../../shared/ipc/result'
import { parseSourceDate } from '../../../shared/text/dates'
import type { AnnotationService } from '../annotations/annotation-service'
import type { ProjectStore } from '../store/project-store'
import type { DocumentTerms } from '../search/document-terms'
import type { Extractor } from './extractor'
import { importFolder, ROOTS_CHANGED, type ImportOptions } from './import-folder'
import { importPaths, type PathsOutcome } from './import-paths'
import type { FolderPolicy } from './import-root'

export interface SourceEdits {
  sourceId: string
  title?: string | undefined
  outlet?: string | null | undefined
  author?: string | null | undefined
  date?: string | null | undefined
  url?: string | null | undefined
}

export interface SourceMarks {
  tags?: string[] | undefined
  starred?: boolean | undefined
}

/** Tags as the user means them: trimmed, each once whatever its case (the first spelling wins). */
function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>()
  for (const tag of tags.map((candidate) => candidate.trim()).filter((candidate) => candidate !== '')) {
    if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag)
  }
  return [...seen.values()]
}

/** Removes in place, so whoever holds the list (a running import) sees the same array. */
function removeWhere<T>(list: T[], remove: (item: T) => boolean): number {
  let kept = 0
  for (const item of list) if (!remove(item)) list[kept++] = item
  const removed = list.length - kept
  list.length = kept
  return removed
}

/**
 * What the library needs of search: texts indexed as they are imported, with their terms
 * when the extraction threads made them (an index that takes only the text may ignore
 * them), and a catch-up pass once an import is done.
 */
export interface LibrarySearch {
  indexText(sourceId: string, contentHash: string, text: string, terms?: DocumentTerms): void
  /** Takes in a segment an import's extraction threads indexed (see SegmentBatches); without it, every text comes to indexText. */
  adoptSegment?(encoded: Uint8Array): void
  sync(): Promise<unknown>
}

export interface LibraryDeps {
  now: () => Date
  extractor: () => Extractor
  maxFileBytes?: number | undefined
  /** Keeps the search index in step as texts arrive, then once the import is done. */
  search: LibrarySearch
  /** Where typed paths count from, and the app's own data folder (never imported). */
  policy: FolderPolicy
  /** The languages scans are read in now: a scan read in others is read again on import. */
  ocrLanguages?: () => Promise<string[]>
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

  async #importOptions(request: ImportRequest): Promise<ImportOptions> {
    return {
      now: this.deps.now,
      onProgress: request.onProgress,
      extractor: this.deps.extractor(),
      policy: this.deps.policy,
      confirmLarge: request.confirmLarge === true,
      ...(this.deps.maxFileBytes === undefined ? {} : { maxFileBytes: this.deps.maxFileBytes }),
      ...(request.signal === undefined ? {} : { signal: request.signal }),
      ...(this.deps.ocrLanguages === undefined ? {} : { ocrLanguages: await this.deps.ocrLanguages() }),
      onText: (sourceId, contentHash, text, terms) => this.deps.search.indexText(sourceId, contentHash, text, terms),
      ...(this.deps.search.adoptSegment === undefined ? {} : { onSegment: (encoded: Uint8Array) => this.deps.search.adoptSegment?.(encoded) })
    }
  }

  /**
   * Brings in the paths the folder watcher saw change (files or folders, added, edited or
   * removed): only those are looked at, and only what changed is written and indexed.
   */
  async importChanges(paths: readonly string[], request: ImportRequest): Promise<PathsOutcome> {
    const outcome = await importPaths(this.store, paths, await this.#importOptions(request))
    // Looking for highlights to move costs a pass over the library: only when a text changed.
    if (outcome.changedSourceIds.length > 0) await this.annotations.reanchor(outcome.changedSourceIds)
    if (outcome.added + outcome.updated + outcome.missing > 0) await this.deps.search.sync()
    return outcome
  }

  async import(path: string, request: ImportRequest): Promise<ImportReport> {
    const { report, changedSourceIds } = await importFolder(this.store, path, await this.#importOptions(request))
    if (report.needsConfirmation !== undefined) return report
    await this.#reattach(report)
    await this.annotations.reanchor(changedSourceIds)
    // Also retries annotations left stale by an earlier run that stopped before re-anchoring.
    await this.annotations.reanchorStale()
    await this.deps.search.sync()
    return report
  }

  /** A folder a bundle brought in detached, imported again from disk to the end: it is followed like any other from now on. */
  async #reattach(report: ImportReport): Promise<void> {
    const root = this.store.library.data.roots.find((candidate) => candidate.id === report.rootId)
    if (root?.detached === undefined || report.cancelled) return
    delete root.detached
    this.store.markLibraryChanged(ROOTS_CHANGED)
    await this.store.saveLibrary()
  }

  /** Marks every source of a folder that vanished from disk as missing; nothing is deleted. */
  async markRootMissing(rootPath: string): Promise<number> {
    const root = this.store.library.data.roots.find((candidate) => candidate.path === rootPath)
    if (root === undefined) return 0
    const marked: string[] = []
    for (const source of this.store.library.data.sources) {
      if (source.rootId === root.id && !source.missing) {
        source.missing = true
        marked.push(source.id)
      }
    }
    if (marked.length > 0) {
      this.store.markLibraryChanged({ sources: marked })
      await this.store.saveLibrary()
    }
    return marked.length
  }

  /** Sets a source's tags and/or star; a re-import keeps them. */
  async mark(sourceId: string, marks: SourceMarks): Promise<Source> {
    const source = this.find(sourceId)
    if (marks.tags !== undefined) source.tags = uniqueTags(marks.tags)
    if (marks.starred !== undefined) source.starred = marks.starred
    this.store.markLibraryChanged({ sources: [sourceId] })
    await this.store.saveLibrary()
    return source
  }

  /**
   * Takes an imported folder out of the project: its sources leave the library (the caller
   * updates the search index and stops watching it). Highlights on them are kept, as
   * orphans; their texts stay in texts/, so undo or importing the folder again finds them.
   */
  async removeRoot(rootId: string): Promise<{ removedSources: number; keptHighlights: number }> {
    const library = this.store.library.data
    if (!library.roots.some((root) => root.id === rootId)) throw new UserError('not-found', `library: no folder ${rootId} in this project`)
    const removed = new Set(library.sources.filter((source) => source.rootId === rootId).map((source) => source.id))
    removeWhere(library.sources, (source) => source.rootId === rootId)
    removeWhere(library.roots, (root) => root.id === rootId)
    for (const [id, failed] of Object.entries(library.failedFiles)) if (failed.rootId === rootId) delete library.failedFiles[id]
    this.store.sourcesRemoved()
    this.store.markLibraryChanged({ sources: removed, meta: true })
    await this.store.saveLibrary()
    const keptHighlights = this.store.notes.data.annotations.filter((annotation) => removed.has(annotation.target.sourceId)).length
    return { removedSources: removed.size, keptHighlights }
  }

  /** Saves the user's corrections; a date is stored as ISO, and one that cannot be read is refused before anything changes. */
  async update(edits: SourceEdits): Promise<Source> {
    const source = this.find(edits.sourceId)
    let date = edits.date
    if (typeof date === 'string') {
      const reading = date.trim() === '' ? null : parseSourceDate(date)
      if (reading !== null && !reading.ok) throw new UserError('invalid-input', `library: ${reading.message}`)
      date = reading?.iso ?? null
    }
    const edited = new Set(source.editedFields)
    if (edits.title !== undefined) {
      source.title = edits.title
      edited.add('title')
    }
    for (const field of ['outlet', 'author', 'date', 'url'] as const) {
      const value = field === 'date' ? date : edits[field]
      if (value === undefined) continue
      source.meta[field] = value
      edited.add(field)
    }
    source.editedFields = [...edited]
    this.store.markLibraryChanged({ sources: [source.id] })
    await this.store.saveLibrary()
    return source
  }
}
