// Watches the open project's imported folders and asks for a re-import of a folder a
// moment after files in it were added, changed or removed, so the library follows the
// disk without the user doing anything. Bursts (a sync client, an unzip) become one pass.
import type { Stats } from 'node:fs'
import { watch, type FSWatcher } from 'chokidar'
import { typeExtension } from './extract/formats'

export const WATCH_SETTLE_MS = 600

export class FolderWatcher {
  readonly #watchers = new Map<string, FSWatcher>()
  readonly #timers = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly onChange: (rootPath: string) => void,
    /** Only changes to these files matter (e.g. '.pdf'); a growing log file triggers nothing. */
    private readonly extensions: ReadonlySet<string>
  ) {}

  /** Watches exactly these folders, starting and stopping watchers as needed. */
  async watchFolders(paths: readonly string[]): Promise<void> {
    const wanted = new Set(paths)
    for (const [path, watcher] of this.#watchers) {
      if (!wanted.has(path)) {
        this.#watchers.delete(path)
        clearTimeout(this.#timers.get(path))
        this.#timers.delete(path)
        await watcher.close()
      }
    }
    for (const path of wanted) {
      if (this.#watchers.has(path)) continue
      const watcher = watch(path, {
        ignoreInitial: true,
        ignored: (candidate: string, stats?: Stats) =>
          /(^|[\\/])\./.test(candidate.slice(path.length)) || (stats?.isFile() === true && !this.extensions.has(typeExtension(candidate))),
        ignorePermissionErrors: true,
        // A link leading out of the folder is never imported, so it is never watched either
        // (one link to / would otherwise watch the whole disk); targets inside are watched anyway.
        followSymlinks: false,
        awaitWriteFinish: { stabilityThreshold: 250, pollInterval: 100 }
      })
      watcher.on('all', () => this.#schedule(path))
      watcher.on('error', () => undefined) // an unreadable subfolder is reported by the next import
      // Scanning a big folder takes a while (about 2 s for 21,000 files); whatever changed
      // before the watcher was ready is caught by one pass right after.
      watcher.once('ready', () => this.#schedule(path))
      this.#watchers.set(path, watcher)
    }
  }

  /** Every folder the system is asked to watch now, across all roots (each costs one watch). */
  watchedFolders(): string[] {
    return [...this.#watchers.values()].flatMap((watcher) => Object.keys(watcher.getWatched()))
  }

  #schedule(rootPath: string): void {
    clearTimeout(this.#timers.get(rootPath))
    this.#timers.set(
      rootPath,
      setTimeout(() => {
        this.#timers.delete(rootPath)
        this.onChange(rootPath)
      }, WATCH_SETTLE_MS)
    )
  }

  async close(): Promise<void> {
    for (const timer of this.#timers.values()) clearTimeout(timer)
    this.#timers.clear()
    const watchers = [...this.#watchers.values()]
    this.#watchers.clear()
    await Promise.all(watchers.map((watcher) => watcher.close()))
  }
}
