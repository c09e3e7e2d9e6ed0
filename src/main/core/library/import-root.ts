// Turns the folder a user typed or picked into the real folder to import, or a clear
// refusal: relative paths and "~" count from the user's home (never the app's working
// folder), and the file-system root, system folders and the app's own data are refused.
import { realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, parse, resolve, sep } from 'node:path'
import { UserError } from '../../../shared/ipc/result'

export interface FolderPolicy {
  /** What "~" and relative paths count from. */
  home: string
  /** Where the app keeps its projects: importing it would read the app's own files. */
  dataDir?: string | undefined
}

/** Whole trees the system owns: nothing under them is a journalist's document. */
const SYSTEM_TREES = ['/proc', '/sys', '/dev', '/run', '/boot', '/etc', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/usr', '/snap', '/System', '/private/etc']
/** Inside a system tree, where the system mounts the user's disks (udisks2 on Fedora, Arch, GNOME). */
const USER_MOUNTS = ['/run/media', '/run/mount']
/** Folders that hold everyone's (or everything's) files: their subfolders are fine, they themselves are not. */
const SHARED_ROOTS = ['/home', '/Users', '/var', '/private', '/private/var', '/opt', '/mnt', '/media', '/Volumes', '/srv', '/tmp', '/private/tmp', ...USER_MOUNTS]
const WINDOWS_TREES = ['windows', 'program files', 'program files (x86)', 'programdata']

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep)
}

/** Why this real folder may not be imported, or null when it may. */
export function refusalOf(realFolder: string, policy: FolderPolicy): string | null {
  const { root } = parse(realFolder)
  if (realFolder === root) return `${realFolder} is the root of the disk; import the folder that holds your documents instead`
  if (sep === '\\') {
    const top = realFolder.slice(root.length).split(sep)[0]?.toLowerCase() ?? ''
    if (WINDOWS_TREES.includes(top)) return `${realFolder} is a system folder; import the folder that holds your documents instead`
  } else {
    if (SHARED_ROOTS.includes(realFolder)) return `${realFolder} holds every user's or every disk's files; import one folder inside it instead`
    const system = SYSTEM_TREES.some((tree) => isInside(realFolder, tree)) && !USER_MOUNTS.some((mounts) => isInside(realFolder, mounts))
    if (system) return `${realFolder} is a system folder; import the folder that holds your documents instead`
  }
  // A folder holding the data folder (the home folder holds ~/.config/Sourcebench) is fine: the walk leaves the data out.
  if (policy.dataDir !== undefined && isInside(realFolder, policy.dataDir)) {
    return `${realFolder} is where Sourcebench keeps its own project data; import a folder of documents instead`
  }
  return null
}

/** "~", "~/x" and relative paths count from home; an absolute path is taken as it is. */
export function absoluteFolder(path: string, home: string): string {
  const trimmed = path.trim()
  if (trimmed === '~') return home
  if (trimmed.startsWith('~/') || trimmed.startsWith(`~${sep}`)) return join(home, trimmed.slice(2))
  return isAbsolute(trimmed) ? resolve(trimmed) : resolve(home, trimmed)
}

/** The real path of the app's data folder, to refuse it and to leave it out of walks. */
export async function realDataDir(policy: FolderPolicy): Promise<string | undefined> {
  return policy.dataDir === undefined ? undefined : realpath(policy.dataDir).catch(() => resolve(policy.dataDir ?? ''))
}

export async function resolveImportFolder(path: string, policy: FolderPolicy): Promise<string> {
  const absolute = absoluteFolder(path, policy.home)
  const info = await stat(absolute).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError('not-found', `library: no folder at ${absolute}`)
    throw new UserError(code === 'EACCES' || code === 'EPERM' ? 'forbidden' : 'failed', `library: cannot open ${absolute} (${code ?? 'error'})`)
  })
  if (!info.isDirectory()) throw new UserError('invalid-input', `library: ${absolute} is a file, not a folder`)
  const real = await realpath(absolute)
  const refusal = refusalOf(real, { ...policy, dataDir: await realDataDir(policy) })
  if (refusal !== null) throw new UserError('forbidden', `library: ${refusal}`)
  return real
}
