// Watches the open project's imported folders and reports which paths changed, a moment
// after the last change of a burst (a sync client, an unzip), so the library re-reads
// only those files. One system watch per folder, none per file: a folder of 100,000
// files costs its hundred subfolders, no stat of any file, and no memory per file.
import { watch, type FSWatcher } from 'node:fs'
import { lstat, readdir } from 'node:fs/promises'
import { basename, join, sep } from 'node:path'
import { typeExtension } from './extract/formats'

/** Quiet time that ends a burst: short, so one saved file is searchable at once. */
export const WATCH_SETTLE_MS = 60
/** A stream of changes that never pauses is still reported this often. */
export const WATCH_MAX_WAIT_MS = 1000

export interface WatchListener {
  /** Absolute paths under `rootPath` that were added, changed or removed: files or folders, not told apart. */
  onChange: (rootPath: string, paths: string[]) => void
  /** `rootPath`'s folders are all watched now: what changed before must be found by a walk. */
  onReady?: (rootPath: string) => void
}

export interface WatchOptions {
  /** Folders not to descend into: other imported folders nested inside, the app's own data. */
  skip?: ReadonlySet<string>
  settleMs?: number
}

const isHidden = (name: string): boolean => name.startsWith('.')
const isInsideOrAt = (path: string, folder: string): boolean => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep)

/** One imported folder: a watch on each of its folders, and the changes not reported yet. */
class RootWatch {
  readonly folders = new Map<string, FSWatcher>()
  readonly pending = new Set<string>()
  #timer: NodeJS.Timeout | null = null
  #firstPending = 0
  closed = false

  constructor(
    readonly rootPath: string,
    private readonly listener: WatchListener,
    private readonly extensions: ReadonlySet<string>,
    private readonly skip: ReadonlySet<string>,
    private readonly settleMs: number
  ) {}

  /**
   * Watches `folder` and every folder under it that is not hidden or skipped; reads names
   * only, stats nothing. A folder whose name is not valid UTF-8 cannot be opened by the name
   * read here: what changes in it is found by the next walk (the catch-up, or a rescan).
   */
  async watchTree(folder: string): Promise<void> {
    const stack = [folder]
    while (stack.length > 0 && !this.closed) {
      const path = stack.pop() as string
      if (this.folders.has(path) || (path !== this.rootPath && this.skip.has(path))) continue
      // Watched before it is listed: a file created in between is either listed or reported.
      if (!this.#watchOne(path)) continue
      const entries = await readdir(path, { withFileTypes: true }).catch(() => [])
      for (const entry of entries) if (entry.isDirectory() && !isHidden(entry.name)) stack.push(join(path, entry.name))
    }
  }

  #watchOne(folder: string): boolean {
    try {
      const watcher = watch(folder, { persistent: false }, (event, name) => this.#event(folder, event, name))
      // An unreadable or vanished folder: what it held is found by the import the report triggers.
      watcher.on('error', () => void this.#recheck(folder))
      this.folders.set(folder, watcher)
      return true
    } catch {
      return false // no permission, gone already, or the system's watch limit: found on the next full pass
    }
  }

  #event(folder: string, event: string, name: string | null): void {
    if (this.closed) return
    if (name === null || name === '') {
      this.#report(folder)
      return
    }
    if (isHidden(name)) return
    const path = join(folder, name)
    if (this.folders.has(path)) {
      if (event === 'rename') void this.#recheck(path)
      return
    }
    // The watched folder itself removed or renamed (Linux reports it under its own name).
    if (event === 'rename' && name === basename(folder)) void this.#ifGone(folder)
    if (event === 'change') {
      if (this.extensions.has(typeExtension(name))) this.#report(path)
      return
    }
    // Something appeared or vanished: a folder needs watching; a file of a type not read is no news.
    void lstat(path).then(
      (info) => {
        if (info.isDirectory()) void this.watchTree(path).then(() => this.#report(path))
        else if (this.extensions.has(typeExtension(name))) this.#report(path)
      },
      () => {
        if (this.extensions.has(typeExtension(name))) this.#report(path)
      }
    )
  }

  async #ifGone(folder: string): Promise<void> {
    const info = await lstat(folder).catch(() => null)
    if (info?.isDirectory() !== true) await this.#recheck(folder)
  }

  /** A watched folder may be gone or replaced: stop watching what is not there, watch what is. */
  async #recheck(folder: string): Promise<void> {
    const info = await lstat(folder).catch(() => null)
    if (this.closed) return
    for (const [path, watcher] of this.folders) {
      if (!isInsideOrAt(path, folder)) continue
      watcher.close()
      this.folders.delete(path)
    }
    if (info?.isDirectory() === true) await this.watchTree(folder)
    this.#report(folder)
  }

  #report(path: string): void {
    if (this.closed || !isInsideOrAt(path, this.rootPath)) return
    if (this.pending.size === 0) this.#firstPending = Date.now()
    this.pending.add(path)
    if (this.#timer !== null) clearTimeout(this.#timer)
    const overdue = Date.now() - this.#firstPending >= WATCH_MAX_WAIT_MS
    this.#timer = setTimeout(() => this.#flush(), overdue ? 0 : this.settleMs)
  }

  #flush(): void {
    this.#timer = null
    if (this.closed || this.pending.size === 0) return
    const paths = [...this.pending]
    this.pending.clear()
    this.listener.onChange(this.rootPath, paths)
  }

  close(): void {
    this.closed = true
    if (this.#timer !== null) clearTimeout(this.#timer)
    for (const watcher of this.folders.values()) watcher.close()
    this.folders.clear()
  }
}

export class FolderWatcher {
  readonly #roots = new Map<string, RootWatch>()
  /** Changes to the set of watched folders, one after another. */
  #applying: Promise<void> = Promise.resolve()
  #closed = false

  constructor(
    private readonly listener: WatchListener,
    /** Only changes to these files matter (e.g. '.pdf'); a growing log file triggers nothing. */
    private readonly extensions: ReadonlySet<string>
  ) {}

  /** Watches exactly these folders, starting and stopping watches as needed; resolves once all are watched. */
  watchFolders(paths: readonly string[], options: WatchOptions = {}): Promise<void> {
    const run = this.#applying.then(() => this.#apply(paths, options))
    this.#applying = run.catch(() => undefined)
    return run
  }

  async #apply(paths: readonly string[], options: WatchOptions): Promise<void> {
    const wanted = new Set(paths)
    for (const [path, root] of this.#roots) {
      if (wanted.has(path)) continue
      root.close()
      this.#roots.delete(path)
    }
    for (const path of wanted) {
      if (this.#closed) return
      if (this.#roots.has(path)) continue
      const root = new RootWatch(path, this.listener, this.extensions, options.skip ?? new Set(), options.settleMs ?? WATCH_SETTLE_MS)
      this.#roots.set(path, root)
      await root.watchTree(path)
      if (!root.closed) this.listener.onReady?.(path)
    }
  }

  /** Every folder the system is asked to watch now, across all roots (each costs one watch). */
  watchedFolders(): string[] {
    return [...this.#roots.values()].flatMap((root) => [...root.folders.keys()])
  }

  /** How many folders of this root are watched. */
  folderCount(rootPath: string): number {
    return this.#roots.get(rootPath)?.folders.size ?? 0
  }

  /** Stops every watch at once (a folder still being set up stops mid-way). */
  async close(): Promise<void> {
    this.#closed = true
    for (const root of this.#roots.values()) root.close()
    this.#roots.clear()
    await this.#applying
  }
}
