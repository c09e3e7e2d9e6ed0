// Imports every supported file under a folder into a project. Idempotent: an unchanged
// file (same size and mtime, or else the same text hash) is skipped, a changed one
// updated in place, a vanished one marked missing (its annotations stay). One bad file
// becomes a line in the report; it never stops the rest.
import { createHash } from 'node:crypto'
import { readFile, realpath, stat } from 'node:fs/promises'
import { basename, relative, resolve, sep } from 'node:path'
import type { ImportFileError, ImportProgress, ImportReport, Source } from '../../../shared/domain/source'
import { UserError } from '../../../shared/ipc/result'
import { countWords } from '../../../shared/text/words'
import { sha256 } from '../store/content-hash'
import type { ProjectStore } from '../store/project-store'
import { decodeText, SUPPORTED_EXTENSIONS } from './extract-text'
import { pickTitle } from './title'
import { walkFolder } from './walk-folder'

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024

export interface ImportOptions {
  now: () => Date
  onProgress: (progress: ImportProgress) => void
  maxFileBytes?: number
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
  return error instanceof Error ? error.message : String(error)
}

async function folderStats(path: string): Promise<string> {
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

export interface ImportOutcome {
  report: ImportReport
  /** Sources whose text changed, so their annotations must be anchored again. */
  changedSourceIds: string[]
}

export async function importFolder(store: ProjectStore, path: string, options: ImportOptions): Promise<ImportOutcome> {
  const rootPath = await folderStats(path)
  const library = store.library.data
  const nowIso = options.now().toISOString()
  // A folder inside an imported one is a partial re-import of that root, so no file is
  // ever listed twice; roots nested inside a new root keep their own files.
  let root = library.roots.find((candidate) => candidate.path === rootPath || isInside(rootPath, candidate.path))
  if (root === undefined) {
    root = { id: stableId('root', rootPath), path: rootPath, name: basename(rootPath), importedAt: nowIso }
    library.roots.push(root)
  }
  const rootId = root.id
  const scope = posix(relative(root.path, rootPath))
  const inScope = (relativePath: string): boolean => scope === '' || relativePath.startsWith(`${scope}/`)
  const nestedRoots = new Set(library.roots.filter((candidate) => isInside(candidate.path, rootPath)).map((candidate) => candidate.path))
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const walked = await walkFolder(rootPath, new Set(SUPPORTED_EXTENSIONS.keys()), nestedRoots)
  const withScope = (relativePath: string): string => (scope === '' ? relativePath : `${scope}/${relativePath}`)
  const files = walked.files.map((file) => ({ ...file, relativePath: withScope(file.relativePath) }))
  const walkErrors = walked.errors.map((error) => ({ ...error, relativePath: withScope(error.relativePath) }))
  const errors: ImportFileError[] = [...walkErrors]
  const report: ImportReport = { rootId, rootPath, added: 0, updated: 0, unchanged: 0, missing: 0, errors }
  const byId = new Map(library.sources.map((source) => [source.id, source]))
  const storedTexts = await store.storedTextHashes()
  const seen = new Set<string>()
  const changedSourceIds: string[] = []
  const progress = (done: number, currentFile: string | null): void =>
    options.onProgress({ rootPath, done, total: files.length, currentFile, errors: errors.length })

  progress(0, null)
  for (const [index, file] of files.entries()) {
    progress(index, file.relativePath)
    const id = stableId('src', rootId, file.relativePath)
    seen.add(id)
    try {
      const info = await stat(file.absolutePath)
      const existing = byId.get(id)
      const unchangedOnDisk = existing !== undefined && !existing.missing && existing.size === info.size && existing.mtimeMs === info.mtimeMs
      if (unchangedOnDisk && storedTexts.has(existing.contentHash)) {
        report.unchanged++
        continue
      }
      if (info.size > maxBytes) {
        throw new UserError('invalid-input', `${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} import limit`)
      }
      const format = SUPPORTED_EXTENSIONS.get(file.relativePath.slice(file.relativePath.lastIndexOf('.')).toLowerCase()) ?? 'text'
      const text = decodeText(await readFile(file.absolutePath))
      const contentHash = sha256(text)
      if (existing !== undefined && existing.contentHash === contentHash) {
        if (!storedTexts.has(contentHash)) await store.writeText(contentHash, text)
        Object.assign(existing, { size: info.size, mtimeMs: info.mtimeMs, missing: false })
        report.unchanged++
        continue
      }
      await store.writeText(contentHash, text)
      const source: Source = {
        id,
        rootId,
        relativePath: file.relativePath,
        title: pickTitle(text, format, basename(file.relativePath)),
        format,
        words: countWords(text),
        size: info.size,
        mtimeMs: info.mtimeMs,
        contentHash,
        importedAt: nowIso,
        missing: false
      }
      if (existing === undefined) {
        library.sources.push(source)
        byId.set(id, source)
        report.added++
      } else {
        Object.assign(existing, source)
        changedSourceIds.push(id)
        report.updated++
      }
    } catch (error: unknown) {
      errors.push({ relativePath: file.relativePath, reason: reasonOf(error) })
    }
  }
  for (const source of library.sources) {
    if (source.rootId === rootId && inScope(source.relativePath) && !seen.has(source.id) && !source.missing) {
      source.missing = true
      report.missing++
    }
  }
  await store.library.write()
  progress(files.length, null)
  return { report, changedSourceIds }
}
