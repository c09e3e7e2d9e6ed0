// Imports the few paths the folder watcher reports, without walking the folder: each file
// is looked at once (one stat) and read only if it changed; a file that is gone marks its
// source missing. A folder that appeared, or anything the file-by-file rules cannot
// settle (a link, a name that is not UTF-8, a web page's files), falls back to a walk of
// that folder only.
import { lstat } from 'node:fs/promises'
import { dirname, relative, sep } from 'node:path'
import type { ImportFileError, ImportReport, ImportRoot, Source } from '../../../shared/domain/source'
import type { ProjectStore } from '../store/project-store'
import { importableExtensions, typeExtension } from './extract/formats'
import { isImportStopped } from './extractor'
import { importFolder, importLanes, type ImportOptions } from './import-folder'
import { FileImporter, reasonOf, sourceIdOf } from './import-file'
import { realDataDir } from './import-root'
import { DEFAULT_MAX_FILE_BYTES } from './read-file-capped'
import type { FoundFile } from './walk-folder'

export interface PathsOutcome {
  added: number
  updated: number
  missing: number
  errors: ImportFileError[]
  /** Sources whose text changed, so their annotations must be anchored again. */
  changedSourceIds: string[]
  /** Folders appeared or vanished: how many a folder holds (what watching it costs) may have changed. */
  foldersChanged: boolean
}

function isInsideOrAt(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep)
}

function posix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

/** The innermost imported folder holding `path`: a folder nested in another keeps its own files, as the walk does. */
function rootOf(roots: readonly ImportRoot[], path: string): ImportRoot | undefined {
  let best: ImportRoot | undefined
  for (const root of roots) if (isInsideOrAt(path, root.path) && (best === undefined || root.path.length > best.path.length)) best = root
  return best
}

/** What the walk would decide for this path on its own, or 'walk' when only a walk of its folder can say. */
function needsWalk(relativePath: string): boolean {
  // A name that is not valid UTF-8 arrives mangled (the walk reads it as bytes); a web page's saved files belong to the page.
  return relativePath.includes('\uFFFD') || relativePath.split('/').some((part) => /_files$/i.test(part))
}

export async function importPaths(store: ProjectStore, paths: readonly string[], options: ImportOptions): Promise<PathsOutcome> {
  const outcome: PathsOutcome = { added: 0, updated: 0, missing: 0, errors: [], changedSourceIds: [], foldersChanged: false }
  const dataDir = options.policy === undefined ? undefined : await realDataDir(options.policy)
  await store.textsListed()
  const roots = store.library.data.roots
  const byRoot = new Map<ImportRoot, Set<string>>()
  for (const path of paths) {
    const root = rootOf(roots, path)
    // Only a folder imported to the end and on this computer: a stopped import is not finished behind the user's back.
    if (root === undefined || !root.complete || root.detached !== undefined) continue
    if (dataDir !== undefined && isInsideOrAt(path, dataDir)) continue
    if (posix(relative(root.path, path)).split('/').some((part) => part.startsWith('.'))) continue
    const set = byRoot.get(root) ?? new Set<string>()
    set.add(path)
    byRoot.set(root, set)
  }
  for (const [root, rootPaths] of byRoot) {
    if (options.signal?.aborted === true) break
    await importRootPaths(store, root, [...rootPaths], options, outcome)
  }
  await store.saveLibrary()
  return outcome
}

type Look = { kind: 'gone' } | { kind: 'folder' } | { kind: 'file'; size: number; mtimeMs: number } | { kind: 'other' } | { kind: 'error'; error: unknown }

/** One stat of a reported path, and what it is now. */
async function look(path: string): Promise<Look> {
  try {
    const info = await lstat(path)
    if (info.isDirectory()) return { kind: 'folder' }
    if (info.isFile()) return { kind: 'file', size: info.size, mtimeMs: info.mtimeMs }
    // A link: the walk checks where it leads; a pipe or a device: the walk says why it is refused.
    return { kind: 'other' }
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'gone' } : { kind: 'error', error }
  }
}

async function importRootPaths(store: ProjectStore, root: ImportRoot, paths: string[], options: ImportOptions, outcome: PathsOutcome): Promise<void> {
  const report: ImportReport = { rootId: root.id, rootPath: root.path, added: 0, updated: 0, unchanged: 0, missing: 0, errors: [], warnings: [], cancelled: false, seconds: 0 }
  const library = store.library.data
  const importer = new FileImporter({
    store,
    root,
    rootPath: root.path,
    extractor: options.extractor,
    maxBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    nowIso: options.now().toISOString(),
    report,
    ocrLanguages: options.ocrLanguages,
    signal: options.signal,
    onText: options.onText,
    find: (id) => store.findSource(id),
    add: (source) => void library.sources.push(source)
  })
  const extensions = importableExtensions()
  const files: FoundFile[] = []
  const folders = new Set<string>()
  /** Relative paths gone that were no source's file: perhaps folders. */
  const goneFolders = new Set<string>()
  for (const path of paths) {
    const relativePath = posix(relative(root.path, path))
    if (needsWalk(relativePath)) {
      folders.add(relativePath === '' ? path : dirname(path))
      continue
    }
    const found = await look(path)
    if (found.kind === 'folder') folders.add(path)
    else if (found.kind === 'other') folders.add(dirname(path))
    else if (found.kind === 'error') report.errors.push({ relativePath, reason: reasonOf(found.error) })
    else if (found.kind === 'file') {
      if (extensions.has(typeExtension(relativePath))) files.push({ fsPath: path, relativePath, size: found.size, mtimeMs: found.mtimeMs })
    } else {
      const id = sourceIdOf(root.id, relativePath)
      importer.failed.forget(id)
      const source = store.findSource(id)
      if (source !== undefined) importer.markMissing(source)
      else goneFolders.add(relativePath)
    }
  }
  if (goneFolders.size > 0) markFoldersGone(library.sources, root, goneFolders, importer)

  // Files inside a folder about to be walked are the walk's.
  const walked = [...folders].filter((folder) => ![...folders].some((other) => other !== folder && isInsideOrAt(folder, other)))
  const toImport = files.filter((file) => !walked.some((folder) => isInsideOrAt(file.fsPath as string, folder)))
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < toImport.length && options.signal?.aborted !== true) {
      const file = toImport[next++] as FoundFile
      try {
        await importer.importFile(file)
      } catch (error: unknown) {
        if (isImportStopped(error)) return
        report.errors.push({ relativePath: file.relativePath, reason: reasonOf(error) })
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(toImport.length, importLanes(options.extractor)) }, lane))

  for (const folder of walked) {
    if (options.signal?.aborted === true) break
    try {
      const { report: walkReport, changedSourceIds } = await importFolder(store, folder, options)
      add(outcome, walkReport, changedSourceIds)
    } catch (error: unknown) {
      // Gone again before its turn: what it held is gone too.
      if ((error as { code?: string }).code !== 'not-found') throw error
      markFoldersGone(library.sources, root, new Set([posix(relative(root.path, folder))]), importer)
    }
  }
  add(outcome, report, importer.changedSourceIds)
  if (walked.length > 0 || goneFolders.size > 0) outcome.foldersChanged = true
}

function add(outcome: PathsOutcome, report: ImportReport, changedSourceIds: readonly string[]): void {
  outcome.added += report.added
  outcome.updated += report.updated
  outcome.missing += report.missing
  // Loops, not push(...): a folder that appeared may hold more files than a call takes arguments.
  for (const error of report.errors) outcome.errors.push(error)
  for (const id of changedSourceIds) outcome.changedSourceIds.push(id)
}

/** Marks missing every source under these folders ('' is the whole root): one look at the library for the lot. */
function markFoldersGone(sources: readonly Source[], root: ImportRoot, folders: ReadonlySet<string>, importer: FileImporter): void {
  const whole = folders.has('')
  for (const source of sources) {
    if (source.rootId !== root.id || source.missing) continue
    let under = whole
    for (let cut = source.relativePath.lastIndexOf('/'); !under && cut > 0; cut = source.relativePath.lastIndexOf('/', cut - 1)) {
      under = folders.has(source.relativePath.slice(0, cut))
    }
    if (under) importer.markMissing(source)
  }
}
