// Imports every supported file under a folder into a project. Idempotent: an unchanged
// file (same size and mtime, or else the same text hash) is skipped, a changed one
// updated in place, a vanished one marked missing (its annotations stay). One bad file
// becomes a line in the report; it never stops the rest. Extraction runs on the
// extractor's threads, several files at a time; the user can cancel between files.
import { createHash } from 'node:crypto'
import { readFile, realpath, stat } from 'node:fs/promises'
import { basename, relative, resolve, sep } from 'node:path'
import type { ImportFileError, ImportProgress, ImportReport, Source } from '../../../shared/domain/source'
import { EMPTY_META } from '../../../shared/domain/source'
import { UserError } from '../../../shared/ipc/result'
import { countWords } from '../../../shared/text/words'
import { sha256, sha256Bytes } from '../store/content-hash'
import type { ProjectStore } from '../store/project-store'
import { SUPPORTED_EXTENSIONS } from './extract/formats'
import type { ExtractedDocument } from './extract/types'
import type { Extractor } from './extractor'
import { pickTitle } from './title'
import { walkFolder, type FoundFile } from './walk-folder'

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024

export interface ImportOptions {
  now: () => Date
  onProgress: (progress: ImportProgress) => void
  extractor: Extractor
  maxFileBytes?: number
  signal?: AbortSignal
  /** Told about every text that is new or changed, e.g. to index it for search. */
  onText?: (sourceId: string, contentHash: string, text: string) => void
}

export interface ImportOutcome {
  report: ImportReport
  /** Sources whose text changed, so their annotations must be anchored again. */
  changedSourceIds: string[]
}

function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16)}`
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB` : `${bytes} bytes`
}

function reasonOf(error: unknown): string {
  if (error instanceof UserError) return error.message
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ENOENT') return 'the file disappeared during import'
  if (code === 'EISDIR') return 'a folder, not a file'
  return error instanceof Error ? error.message : String(error)
}

async function resolveFolder(path: string): Promise<string> {
  const resolved = resolve(path)
  const info = await stat(resolved).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code
    throw new UserError(
      code === 'ENOENT' ? 'not-found' : 'failed',
      code === 'ENOENT' ? `library: no folder at ${resolved}` : `library: cannot open ${resolved} (${code ?? 'error'})`
    )
  })
  if (!info.isDirectory()) throw new UserError('invalid-input', `library: ${resolved} is a file, not a folder`)
  return realpath(resolved)
}

function isInside(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep)
}

function posix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

/** A source record from freshly extracted text, keeping whatever the user edited by hand. */
function buildSource(
  base: Omit<Source, 'title' | 'format' | 'meta' | 'editedFields' | 'pageStarts' | 'words'>, document: ExtractedDocument, existing: Source | undefined): Source {
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
    pageStarts: document.pageStarts,
    words: countWords(document.text)
  }
}

export async function importFolder(store: ProjectStore, path: string, options: ImportOptions): Promise<ImportOutcome> {
  const started = Date.now()
  const rootPath = await resolveFolder(path)
  const library = store.library.data
  const nowIso = options.now().toISOString()
  // A folder inside an imported one is a partial re-import of that root, so no file is
  // ever listed twice; roots nested inside a new root keep their own files.
  const existingRoot = library.roots.find((candidate) => candidate.path === rootPath || isInside(rootPath, candidate.path))
  const root = existingRoot ?? { id: stableId('root', rootPath), path: rootPath, name: basename(rootPath), importedAt: nowIso, complete: false }
  const rootId = root.id
  const scope = posix(relative(root.path, rootPath))
  const withScope = (relativePath: string): string => (scope === '' ? relativePath : relativePath === '.' ? scope : `${scope}/${relativePath}`)
  const nestedRoots = new Set(library.roots.filter((candidate) => isInside(candidate.path, rootPath)).map((candidate) => candidate.path))
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const walked = await walkFolder(rootPath, new Set(SUPPORTED_EXTENSIONS.keys()), nestedRoots)
  if (existingRoot === undefined) library.roots.push(root)
  const files = walked.files.map((file) => ({ ...file, relativePath: withScope(file.relativePath) }))
  const errors: ImportFileError[] = walked.errors.map(({ relativePath, reason }) => ({ relativePath: withScope(relativePath), reason }))
  // Files under a folder that could not be read are unknown, not gone: never mark them missing.
  const unreadableFolders = walked.errors.filter((error) => error.folder === true).map((error) => withScope(error.relativePath))
  const maybeGone = (relativePath: string): boolean =>
    (scope === '' || relativePath.startsWith(`${scope}/`)) &&
    !unreadableFolders.some((folder) => folder === '.' || folder === '' || relativePath.startsWith(`${folder}/`))
  const report: ImportReport = { rootId, rootPath, added: 0, updated: 0, unchanged: 0, missing: 0, errors, warnings: [], cancelled: false, seconds: 0 }
  const byId = new Map(library.sources.map((source) => [source.id, source]))
  const storedTexts = await store.storedTextHashes()
  const seen = new Set<string>()
  const changedSourceIds: string[] = []
  let dirty = existingRoot === undefined
  let done = 0
  const progress = (currentFile: string | null): void =>
    options.onProgress({ rootPath, done, total: files.length, currentFile, errors: errors.length })

  /** The file was touched but its bytes are the same: note the new time, extract nothing. */
  async function sameBytes(file: FoundFile, existing: Source, size: number): Promise<boolean> {
    if (existing.fileHash === null || existing.size !== size || !storedTexts.has(existing.contentHash)) return false
    return sha256Bytes(await readFile(file.absolutePath)) === existing.fileHash
  }

  async function importOne(file: FoundFile): Promise<void> {
    const id = stableId('src', rootId, file.relativePath)
    seen.add(id)
    const info = await stat(file.absolutePath)
    const existing = byId.get(id)
    const unchangedOnDisk = existing !== undefined && !existing.missing && existing.size === info.size && existing.mtimeMs === info.mtimeMs
    if (unchangedOnDisk && storedTexts.has(existing.contentHash)) {
      report.unchanged++
      return
    }
    if (info.size > maxBytes) throw new UserError('invalid-input', `${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} import limit`)
    dirty = true
    if (existing !== undefined && (await sameBytes(file, existing, info.size))) {
      Object.assign(existing, { mtimeMs: info.mtimeMs, missing: false })
      report.unchanged++
      return
    }
    const { document, fileHash } = await options.extractor.extract(file.absolutePath, basename(file.relativePath))
    for (const warning of document.warnings) report.warnings.push({ relativePath: file.relativePath, reason: warning })
    const contentHash = sha256(document.text)
    if (existing !== undefined && existing.contentHash === contentHash && existing.format === document.format) {
      if (!storedTexts.has(contentHash)) await store.writeText(contentHash, document.text)
      Object.assign(existing, { size: info.size, mtimeMs: info.mtimeMs, fileHash, missing: false })
      report.unchanged++
      return
    }
    await store.writeText(contentHash, document.text)
    storedTexts.add(contentHash)
    options.onText?.(id, contentHash, document.text)
    const base = { id, rootId, relativePath: file.relativePath, size: info.size, mtimeMs: info.mtimeMs, contentHash, fileHash, importedAt: nowIso, missing: false }
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
        errors.push({ relativePath: file.relativePath, reason: reasonOf(error) })
      }
      done++
      progress(file.relativePath)
    }
  }
  await Promise.all(Array.from({ length: lanes }, lane))

  report.cancelled = options.signal?.aborted === true
  if (!report.cancelled) {
    for (const source of library.sources) {
      if (source.rootId === rootId && maybeGone(source.relativePath) && !seen.has(source.id) && !source.missing) {
        source.missing = true
        report.missing++
      }
    }
    if (scope === '' && !root.complete) {
      root.complete = true
      dirty = true
    }
  }
  // Nothing changed (a watcher event for a file we do not import, say): leave the file alone.
  if (dirty || report.missing > 0) await store.library.write()
  progress(null)
  report.errors.sort((a, b) => a.relativePath.localeCompare(b.relativePath))
  report.seconds = (Date.now() - started) / 1000
  return { report, changedSourceIds }
}
