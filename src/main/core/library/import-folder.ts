// Imports every supported file under a folder into a project. Idempotent: an unchanged
// file (same size and mtime, or else the same text hash) is skipped, a changed one
// updated in place, a vanished one marked missing (its annotations stay). One bad file
// becomes a line in the report; it never stops the rest. Extraction runs on the
// extractor's threads, several files at a time; the user can cancel at any moment, and
// the library is saved every few hundred files, so a crash keeps what was done.
import { searchableText } from '../../../shared/domain/ocr-caveat'
import { createHash } from 'node:crypto'
import { basename, relative, sep } from 'node:path'
import type { ImportFileError, ImportProgress, ImportReport, ImportRoot, LargeFolder, Source } from '../../../shared/domain/source'
import { EMPTY_META, LARGE_IMPORT } from '../../../shared/domain/source'
import { UserError } from '../../../shared/ipc/result'
import { countWords } from '../../../shared/text/words'
import { sha256, sha256Bytes } from '../store/content-hash'
import type { ProjectStore } from '../store/project-store'
import { importableExtensions } from './extract/formats'
import type { ExtractedDocument } from './extract/types'
import { isImportStopped, type Extractor } from './extractor'
import { FailedFiles } from './failed-files'
import { realDataDir, resolveImportFolder, type FolderPolicy } from './import-root'
import { DEFAULT_MAX_FILE_BYTES, overLimit, readFileCapped } from './read-file-capped'
import { pickTitle } from './title'
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
  /** Told about every text that is new or changed, e.g. to index it for search. */
  onText?: (sourceId: string, contentHash: string, text: string) => void
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

export interface ImportOutcome {
  report: ImportReport
  /** Sources whose text changed, so their annotations must be anchored again. */
  changedSourceIds: string[]
}

function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16)}`
}

function reasonOf(error: unknown): string {
  if (error instanceof UserError) return error.message
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ENOENT') return 'the file disappeared during import'
  if (code === 'EISDIR') return 'a folder, not a file'
  if (code === 'ELOOP') return 'the file became a symbolic link after the folder was listed: not read'
  return error instanceof Error ? error.message : String(error)
}

function isInside(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep)
}

function posix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

/** A source record from freshly extracted text, keeping whatever the user edited by hand, tagged or starred. */
function buildSource(
  base: Omit<Source, 'title' | 'format' | 'meta' | 'editedFields' | 'tags' | 'starred' | 'pageStarts' | 'words' | 'ocr'>, document: ExtractedDocument, existing: Source | undefined): Source {
  const extractedTitle = document.title ?? pickTitle(document.text, document.format, basename(base.relativePath))
  const edited = existing?.editedFields ?? []
  const meta = { ...EMPTY_META, ...document.meta }
  for (const field of edited) if (field !== 'title' && existing !== undefined) meta[field] = existing.meta[field]
  return {
    ...base,
    title: edited.includes('title') && existing !== undefined ? existing.title : extractedTitle,
    format: document.format,
    meta,
    editedFields: edited,
    tags: existing?.tags ?? [],
    starred: existing?.starred ?? false,
    pageStarts: document.pageStarts,
    words: countWords(document.text),
    ocr: document.ocr?.summary ?? null
  }
}

export async function importFolder(store: ProjectStore, path: string, options: ImportOptions): Promise<ImportOutcome> {
  const started = Date.now()
  const rootPath = await resolveImportFolder(path, options.policy ?? { home: process.cwd() })
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
  const finish = (): ImportOutcome => {
    report.errors.sort((a, b) => a.relativePath.localeCompare(b.relativePath))
    report.seconds = (Date.now() - started) / 1000
    return { report, changedSourceIds }
  }
  const changedSourceIds: string[] = []

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
    store.markLibraryChanged()
    // The root is on disk before any of its files: a crash from here on keeps it, and importing again resumes.
    await store.saveLibrary()
  }

  const files = walked.files.map((file) => ({ ...file, relativePath: withScope(file.relativePath) }))
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
  const byId = new Map(library.sources.map((source) => [source.id, source]))
  const storedTexts = await store.storedTextHashes()
  const failed = new FailedFiles(store, maxBytes)
  const seen = new Set<string>()
  let done = 0
  let changedSinceSave = 0
  let lastSave = Date.now()
  const progress = (currentFile: string | null, detail?: string): void =>
    options.onProgress({ rootPath, phase: 'importing', done, total: files.length, currentFile, ...(detail === undefined ? {} : { detail }), errors: errors.length })
  const changed = (): void => {
    store.markLibraryChanged()
    changedSinceSave++
  }

  /** The file was touched but its bytes are the same: note the new time, extract nothing. */
  async function sameBytes(file: FoundFile, existing: Source): Promise<boolean> {
    if (existing.fileHash === null || existing.size !== file.size || !storedTexts.has(existing.contentHash)) return false
    return sha256Bytes(await readFileCapped(file.fsPath, maxBytes)) === existing.fileHash
  }

  async function importOne(file: FoundFile): Promise<void> {
    const id = stableId('src', rootId, file.relativePath)
    seen.add(id)
    const existing = byId.get(id)
    const readInOtherLanguages =
      existing?.ocr != null && options.ocrLanguages !== undefined && existing.ocr.languages.join('+') !== options.ocrLanguages.join('+')
    const unchangedOnDisk = existing !== undefined && !existing.missing && existing.size === file.size && existing.mtimeMs === file.mtimeMs && !readInOtherLanguages
    if (unchangedOnDisk && storedTexts.has(existing.contentHash)) {
      report.unchanged++
      return
    }
    if (file.size > maxBytes) throw overLimit(file.size, maxBytes)
    await failed.refuseIfKnown(id, file)
    if (existing !== undefined && !readInOtherLanguages && (await sameBytes(file, existing))) {
      Object.assign(existing, { mtimeMs: file.mtimeMs, missing: false })
      changed()
      report.unchanged++
      return
    }
    let extraction
    try {
      // A file reached through a link has its real place checked again as it is read; any
      // other is opened without following links, so one swapped in since the walk is refused.
      // A scan being recognised says which page it is on; stopping the import ends it mid-page.
      extraction = await options.extractor.extract(file.fsPath, file.formatName ?? basename(file.relativePath), file.throughLink === true ? rootPath : undefined, {
        onProgress: ({ detail }) => progress(file.relativePath, detail),
        signal: options.signal
      })
    } catch (error: unknown) {
      failed.remember(id, rootId, file, error)
      throw error
    }
    failed.forget(id)
    const { document, fileHash } = extraction
    for (const warning of document.warnings) report.warnings.push({ relativePath: file.relativePath, reason: warning })
    const contentHash = sha256(document.text)
    if (existing !== undefined && existing.contentHash === contentHash && existing.format === document.format) {
      if (!storedTexts.has(contentHash)) await store.writeText(contentHash, document.text)
      // Read again in other languages to the same text: the languages it was read in are still news.
      Object.assign(existing, { size: file.size, mtimeMs: file.mtimeMs, fileHash, missing: false, ocr: document.ocr?.summary ?? existing.ocr })
      changed()
      report.unchanged++
      return
    }
    // The text is on disk before the source that names it, so a saved source always has its text.
    await store.writeText(contentHash, document.text)
    storedTexts.add(contentHash)
    options.onText?.(id, contentHash, searchableText(document.ocr?.summary, document.text))
    const base = { id, rootId, relativePath: file.relativePath, size: file.size, mtimeMs: file.mtimeMs, contentHash, fileHash, importedAt: nowIso, missing: false }
    const source = buildSource(base, document, existing)
    if (existing === undefined) {
      library.sources.push(source)
      byId.set(id, source)
      report.added++
    } else {
      const textChanged = existing.contentHash !== contentHash
      Object.assign(existing, source)
      if (textChanged) changedSourceIds.push(id)
      report.updated++
    }
    changed()
  }

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
    if (saving !== null || changedSinceSave === 0 || since < gap || (changedSinceSave < every.files && since < every.ms)) return
    changedSinceSave = 0
    lastSave = Date.now()
    const started = performance.now()
    saving = store
      .saveLibrary()
      .catch(() => undefined)
      .finally(() => (saving = null))
    saveCostMs = performance.now() - started
  }

  progress(null)
  // Keep every extraction thread busy, plus one file being read or hashed here.
  const lanes = Math.max(1, options.extractor.parallelism + 1)
  let next = 0
  async function lane(): Promise<void> {
    while (next < files.length && options.signal?.aborted !== true) {
      const file = files[next++]
      if (file === undefined) break
      try {
        await importOne(file)
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

  report.cancelled = options.signal?.aborted === true
  if (!report.cancelled) {
    for (const source of library.sources) {
      if (source.rootId === rootId && maybeGone(source.relativePath) && !seen.has(source.id) && !source.missing) {
        source.missing = true
        report.missing++
        store.markLibraryChanged()
      }
    }
    if (scope === '' && !root.complete) {
      root.complete = true
      store.markLibraryChanged()
    }
    if (scope === '' && unreadableFolders.length === 0) failed.forgetUnseen(rootId, seen)
  }
  // Nothing changed (a watcher event for a file we do not import, say): the file is left alone.
  await store.saveLibrary()
  progress(null)
  return finish()
}
