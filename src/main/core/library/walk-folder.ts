// Lists the importable files under a folder, recursively. Follows symlinks but never
// enters the same real folder twice (so a symlink loop ends), skips hidden folders, and
// records unreadable folders as errors instead of stopping.
import { readdir, realpath, stat } from 'node:fs/promises'
import { extname, join, relative, sep } from 'node:path'
import type { ImportFileError } from '../../../shared/domain/source'

export interface FoundFile {
  absolutePath: string
  relativePath: string
}

export interface WalkResult {
  files: FoundFile[]
  /** `folder` marks a folder that could not be read: what was in it is unknown, not gone. */
  errors: Array<ImportFileError & { folder?: boolean }>
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

/** `skip` holds real paths of folders to leave out (other import roots nested inside this one). */
export async function walkFolder(root: string, extensions: ReadonlySet<string>, skip: ReadonlySet<string> = new Set()): Promise<WalkResult> {
  const files: FoundFile[] = []
  const errors: WalkResult['errors'] = []
  const visited = new Set<string>(skip)

  async function visit(dir: string): Promise<void> {
    let entries
    try {
      const real = await realpath(dir)
      if (visited.has(real)) return
      visited.add(real)
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error: unknown) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error'
      const reason = code === 'ENOENT' ? 'the folder disappeared during import' : `cannot read folder (${code})`
      errors.push({ relativePath: toPosix(relative(root, dir)) || '.', reason, folder: true })
      return
    }
    entries.sort((a, b) => a.name.localeCompare(b.name))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const absolutePath = join(dir, entry.name)
      let isDirectory = entry.isDirectory()
      let isFile = entry.isFile()
      if (entry.isSymbolicLink()) {
        const target = await stat(absolutePath).catch(() => null)
        if (target === null) {
          errors.push({ relativePath: toPosix(relative(root, absolutePath)), reason: 'broken symbolic link' })
          continue
        }
        isDirectory = target.isDirectory()
        isFile = target.isFile()
      }
      if (isDirectory) await visit(absolutePath)
      else if (isFile && extensions.has(extname(entry.name).toLowerCase())) {
        files.push({ absolutePath, relativePath: toPosix(relative(root, absolutePath)) })
      }
    }
  }

  await visit(root)
  return { files, errors }
}
