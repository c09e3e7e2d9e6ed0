// Imports every supported file under a folder into a project. Idempotent: an unchanged
// file (same size and mtime, or else the same text hash) is skipped, a changed one
// updated in place, a vanished one marked missing (its annotations stay). One bad file
// becomes a line in the report; it never stops the rest. Extraction runs on the
// extractor's threads, several files at a time; the user can cancel at any moment, and
// the library is saved every few hundred files, so a crash keeps what was done.
import { basename, relative, sep } from 'node:path'
import type { ImportFileError, ImportProgress, ImportReport, ImportRoot, LargeFolder, Source } from '../../../shared/domain/source'
import { LARGE_IMPORT } from '../../../shared/domain/source'
import type { DocumentTerms } from '../search/document-terms'
import type { ProjectStore } from '../store/project-store'
import { importableExtensions } from './extract/formats'
import { isImportStopped, type Extractor } from './extractor'
import { FileImporter, reasonOf, sourceIdOf, stableId } from './import-file'
import { realDataDir, resolveImportFolder, type FolderPolicy } from './import-root'
import { DEFAULT_MAX_FILE_BYTES } from './read-file-capped'
import { walkFolder, type FoundFile } from './walk-folder'

export { DEFAULT_MAX_FILE_BYTES } from './read-file-capped'

/**
 * The library is saved after this many changed files or this many milliseconds, whichever
 * comes first, but never more often than every `minMs`: a save of a large library costs
 * tens of milliseconds of serialising, which must not eat the import.
 */
export const CHECKPOINT = { files: 500, ms: 5000, minMs: 2000 } as const

export interface ImportOptions {
  now: () => Date
  onProgress: (progress: ImportProgress) => void
  extractor: Extractor
  maxFileBytes?: number
  signal?: AbortSignal
  /**
   * Told about every text that is new or changed, e.g. to index it for search; with its
   * search terms when the extraction thread made them (see TextReading), the same as
   * documentTerms(text) would give.
   */
  onText?: (sourceId: string, contentHash: string, text: string, terms?: DocumentTerms) => void
  /**
   * Told about index segments the extraction threads built from the texts (when the extractor
   * builds them, Extractor.segments): those texts do not come to onText. A folder import
   * only; the few files the watcher names go to onText.
   */
  onSegment?: (encoded: Uint8Array) => void
  /** Where "~" and relative paths point, and which folder holds the app's own data. */
  policy?: FolderPolicy
  /** The user agreed to import a folder above `largeImport`. */
  confirmLarge?: boolean
  /** Above this a new folder needs the user's confirmation (default LARGE_IMPORT). */
  largeImport?: LargeFolder
  /** The languages scans are read in now: an unchanged scan that was read in other languages is read again. */
  ocrLanguages?: readonly string[]
  /** How often the library is saved during the import (default CHECKPOINT). */
  checkpoint?: { files: number; ms: number; minMs?: number }
}

/** What a change to the folders themselves (a root added, counted or finished) tells the store. */
export const ROOTS_CHANGED = { sources: [], meta: true } as const

export interface ImportOutcome {
  report: ImportReport
  /** Sources whose text changed, so their annotations must be anchored again. */
  changedSourceIds: string[]
}

function isInside(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep)
}

function posix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

/**
 * Keep every extraction thread busy while other files are being stored: each thread has
 * its files waiting behind the one it reads (Extractor.filesAhead), and two more lanes are storing.
 */
export function importLanes(extractor: Extractor): number {
  return Math.max(1, extractor.parallelism * ((extractor.filesAhead ?? 1) + 1) + 2)
}

export async function importFolder(store: ProjectStore, path: string, options: ImportOptions): Promise<ImportOutcome> {
  const started = Date.now()
  const rootPath = await resolveImportFolder(path, options.policy ?? { home: process.cwd() })
  // Which texts are stored already is known once the project's texts are listed (after open).
  await store.textsListed()
  const library = store.library.data
  const nowIso = options.now().toISOString()
  // A folder inside an imported one is a partial re-import of that root, so no file is
  // ever listed twice; roots nested inside a new root keep their own files.
  const existingRoot = library.roots.find((candidate) => candidate.path === rootPath || isInside(rootPath, candidate.path))
  const root: ImportRoot = existingRoot ?? { id: stableId('root', rootPath), path: rootPath, name: basename(rootPath), importedAt: nowIso, complete: false }
  const rootId = root.id
  const scope = posix(relative(root.path, rootPath))
  const withScope = (relativePath: string): string => (scope === '' ? relativePath : relativePath === '.' ? scope : `${scope}/${relativePath}`)
  const nestedRoots = new Set(library.roots.filter((candidate) => isInside(candidate.path, rootPath)).map((candidate) => candidate.path))
  // The app's own data (a home folder holds ~/.config/Sourcebench) is never walked.
  const dataDir = options.policy === undefined ? undefined : await realDataDir(options.policy)
  if (dataDir !== undefined && isInside(dataDir, rootPath)) nestedRoots.add(dataDir)
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const report: ImportReport = { rootId, rootPath, added: 0, updated: 0, unchanged: 0, missing: 0, errors: [], warnings: [], cancelled: false, seconds: 0 }
  const finish = (changedSourceIds: string[] = []): ImportOutcome => {
    report.errors.sort((a, b) => a.relativePath.localeCompare(b.relativePath))
    report.seconds = (Date.now() - started) / 1000
    return { report, changedSourceIds }
  }

  let lastListed = 0
  const walked = await walkFolder(rootPath, {
    extensions: importableExtensions(),
    skip: nestedRoots,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onProgress: (found) => {
      if (Date.now() - lastListed < 100) return
      lastListed = Date.now()
      options.onProgress({ rootPath, phase: 'listing', done: found, total: 0, currentFile: null, errors: 0 })
    }
  })
  if (walked.cancelled) {
    report.cancelled = true
    return finish()
  }
  const bytes = walked.files.reduce((sum, file) => sum + file.size, 0)
  const large = options.largeImport ?? LARGE_IMPORT
  if (existingRoot === undefined && options.confirmLarge !== true && (walked.files.length > large.files || bytes > large.bytes)) {
    report.needsConfirmation = { files: walked.files.length, bytes }
    return finish()
  }
  if (existingRoot === undefined) library.roots.push(root)
  if (existingRoot === undefined || (scope === '' && root.folders !== walked.folders)) {
    if (scope === '') root.folders = walked.folders
    store.markLibraryChanged(ROOTS_CHANGED)
    // The root is on disk before any of its files: a crash from here on keeps it, and importing again resumes.
    await store.saveLibrary()
  }

  // The walk's own records, given the scope in place: the list and a copy of it were held through the whole import (0.5 GB at a million files).
  const files: Array<FoundFile | undefined> = walked.files
  if (scope !== '') for (const file of walked.files) file.relativePath = withScope(file.relativePath)
  const total = files.length
  const errors: ImportFileError[] = walked.errors.map(({ relativePath, reason, folder }) => ({ relativePath: withScope(relativePath), reason, ...(folder === true ? { folder } : {}) }))
  report.errors = errors
  report.skipped = [...walked.skipped].map(([extension, count]) => ({ extension, count })).sort((a, b) => b.count - a.count || a.extension.localeCompare(b.extension))
  if (walked.hiddenFolders > 0) report.hiddenFolders = walked.hiddenFolders
  report.warnings = walked.warnings.map(({ relativePath, reason }) => ({ relativePath: withScope(relativePath), reason }))
  // Files under a folder that could not be read are unknown, not gone: never mark them missing.
  const unreadableFolders = walked.errors.filter((error) => error.folder === true).map((error) => withScope(error.relativePath))
  const maybeGone = (relativePath: string): boolean =>
    (scope === '' || relativePath.startsWith(`${scope}/`)) &&
    !unreadableFolders.some((folder) => folder === '.' || folder === '' || relativePath.startsWith(`${folder}/`))
  const byId = new Map<string, Source>()
  /** This folder's sources by path: a file already imported needs no id worked out (a hash per file). */
  const byPath = new Map<string, Source>()
  for (const source of library.sources) {
    byId.set(source.id, source)
    if (source.rootId === rootId) byPath.set(source.relativePath, source)
  }
  const seen = new Set<string>()
  let done = 0
  let savedChanges = 0
  let lastSave = Date.now()
  const progress = (currentFile: string | null, detail?: string): void =>
    options.onProgress({ rootPath, phase: 'importing', done, total, currentFile, ...(detail === undefined ? {} : { detail }), errors: errors.length })
  // The threads index the texts themselves, in segments of this import's batch.
  const indexBatch = options.onSegment !== undefined && options.extractor.segments === true ? `${rootId}-${started.toString(36)}-${Math.random().toString(36).slice(2)}` : undefined
  const importer = new FileImporter({
    store,
    root,
    rootPath,
    extractor: options.extractor,
    maxBytes,
    nowIso,
    report,
    ocrLanguages: options.ocrLanguages,
    signal: options.signal,
    onText: options.onText,
    indexBatch,
    onSegment: options.onSegment,
    onDetail: (relativePath, detail) => progress(relativePath, detail),
    find: (id) => byId.get(id),
    add: (source) => {
      library.sources.push(source)
      byId.set(source.id, source)
    }
  })

  /**
   * Saves the library every few hundred changed files or seconds: a crash loses at most
   * that much work. The save runs beside the import (one at a time), so no lane waits
   * for the disk; the save at the end reports any failure.
   */
  let saving: Promise<void> | null = null
  /** What the last save cost this thread (serialising the library): saves are spaced so they take at most 1/20 of the time. */
  let saveCostMs = 0
  function checkpoint(): void {
    const every = options.checkpoint ?? CHECKPOINT
    const since = Date.now() - lastSave
    const gap = Math.max(every.minMs ?? 0, saveCostMs * 20)
    const changedSinceSave = importer.changes - savedChanges
    if (saving !== null || changedSinceSave === 0 || since < gap || (changedSinceSave < every.files && since < every.ms)) return
    savedChanges = importer.changes
    lastSave = Date.now()
    const started = performance.now()
    saving = store
      .saveLibrary()
      .catch(() => undefined)
      .finally(() => (saving = null))
    saveCostMs = performance.now() - started
  }

  progress(null)
  const lanes = importLanes(options.extractor)
  let next = 0
  async function lane(): Promise<void> {
    while (next < total && options.signal?.aborted !== true) {
      const at = next++
      const file = files[at]
      if (file === undefined) break
      // Taken: its record is let go as the import moves on, rather than kept to the end.
      files[at] = undefined
      // A file that fails is still there: its source (if any) is not missing.
      const id = byPath.get(file.relativePath)?.id ?? sourceIdOf(rootId, file.relativePath)
      seen.add(id)
      try {
        await importer.importFile(file, id)
      } catch (error: unknown) {
        // A file the user's Stop cut short is neither a problem nor done: the next import reads it.
        if (isImportStopped(error)) break
        errors.push({ relativePath: file.relativePath, reason: reasonOf(error) })
      }
      done++
      progress(file.relativePath)
      checkpoint()
    }
  }
  await Promise.all(Array.from({ length: lanes }, lane))
  // Every file is answered: the threads hand over what they indexed since their last full segment.
  if (indexBatch !== undefined) for (const segment of (await options.extractor.flushIndex?.(indexBatch)) ?? []) options.onSegment?.(segment)

  report.cancelled = options.signal?.aborted === true
  if (!report.cancelled) {
    for (const source of library.sources) {
      if (source.rootId === rootId && !source.missing && !seen.has(source.id) && maybeGone(source.relativePath)) importer.markMissing(source)
    }
    if (scope === '' && !root.complete) {
      root.complete = true
      store.markLibraryChanged(ROOTS_CHANGED)
    }
    if (scope === '' && unreadableFolders.length === 0) importer.failed.forgetUnseen(rootId, seen)
  }
  // Nothing changed (no file added, edited or gone): nothing is written.
  await store.saveLibrary()
  progress(null)
  return finish(importer.changedSourceIds)
}
