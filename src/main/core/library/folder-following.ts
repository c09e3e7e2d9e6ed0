// Keeps the open project's library in step with its folders on disk: which folders are
// watched (each subfolder costs one of the system's watches), the paths the watcher
// reports imported in the workbench's queue, one walk that catches up when a folder
// starts being watched, and a rescan of the folders too large to watch.
import type { ImportReport } from '../../../shared/domain/source'
import { UserError } from '../../../shared/ipc/result'
import type { ProjectStore } from '../store/project-store'
import { importableExtensions } from './extract/formats'
import { FolderWatcher } from './folder-watcher'
import { ROOTS_CHANGED } from './import-folder'
import type { LibraryService } from './library-service'

export const DEFAULT_MAX_WATCHED_FOLDERS = 4000

/** What a rescan of the folders too large to watch found. */
export interface RescanSummary {
  folders: number
  added: number
  updated: number
  missing: number
  problems: string[]
}

export interface FollowedProject {
  store: ProjectStore
  library: LibraryService
}

/** What following needs from the workbench. */
export interface FollowingHost {
  /** Runs a task in the workbench's queue, after the imports and switches before it. */
  serially: <T>(task: () => Promise<T>) => Promise<T>
  /** The project open now. */
  project: () => FollowedProject
  /** An import the user's Stop must reach; the function returned forgets it. */
  track: (controller: AbortController) => () => void
  libraryChanged: () => void
  shutDown: () => boolean
}

export interface FollowingOptions {
  /** Off: nothing is watched (scripts, most tests); rescans still work. */
  watch: boolean
  /** At most this many folders per project are watched live. */
  maxWatchedFolders: number
  /** The app's own data, never watched. */
  dataDir: string
}

export class FolderFollowing {
  readonly #watcher: FolderWatcher | null
  /** Watching waits for the window's first look at the library (see Workbench.startWatching). */
  #started = false
  /** Complete folders not watched live because their subfolders would take more watches than a project may hold. */
  #unwatched = new Set<string>()
  /** Folders whose subfolders were never counted (imported by an older version) and are being counted now. */
  readonly #counting = new Set<string>()
  /** Folders with a full re-import (a catch-up or a rescan) already queued: one is enough. */
  readonly #syncing = new Set<string>()
  /** Paths the watcher reported that no queued task has taken yet, whichever folder they are in. */
  readonly #changedPaths = new Set<string>()
  #changesQueued = false

  constructor(
    private readonly host: FollowingHost,
    private readonly options: FollowingOptions
  ) {
    this.#watcher = options.watch
      ? new FolderWatcher(
          {
            onChange: (_rootPath, paths) => this.#importChanges(paths),
            // Whatever changed while the folder was not watched (the app closed) is found by one walk.
            onReady: (rootPath) => void this.syncRoot(rootPath)
          },
          importableExtensions()
        )
      : null
  }

  get started(): boolean {
    return this.#started
  }

  /** Starts watching; resolves once the folders are watched (their catch-up walks are then in the queue). */
  start(): Promise<void> {
    if (this.#watcher === null || this.#started) return Promise.resolve()
    this.#started = true
    return this.follow()
  }

  /**
   * Decides at once which of the open project's folders are watched: those whose import
   * ran to the end (a stopped import is not finished behind the user's back), as many as
   * fit in the watch budget, a budget shared with every app of the user. A folder whose
   * subfolders were never counted is not watched until a quiet pass has counted them.
   * Once started, then watches them.
   */
  async follow(): Promise<void> {
    if (this.host.shutDown()) return
    let budget = this.options.maxWatchedFolders
    const watched: string[] = []
    const unwatched = new Set<string>()
    const roots = this.host.project().store.library.data.roots
    // A folder detached by a bundle (not on this computer, or a copy inside the project) is read from its stored texts only.
    for (const root of roots.filter((candidate) => candidate.complete && candidate.detached === undefined)) {
      if (root.folders === undefined) {
        unwatched.add(root.id)
        if (this.#started && !this.#counting.has(root.path)) {
          this.#counting.add(root.path)
          void this.syncRoot(root.path)
        }
      } else if (root.folders <= budget) {
        watched.push(root.path)
        budget -= root.folders
      } else unwatched.add(root.id)
    }
    this.#unwatched = unwatched
    if (!this.#started || this.#watcher === null) return
    // A folder nested in another is walked (and watched) as its own; the app's data is never watched.
    const skip = new Set([...roots.map((root) => root.path), this.options.dataDir])
    await this.#watcher.watchFolders(watched, { skip })
  }

  /** Every folder the system watches for the open project now (a removed folder is never among them). */
  watchedFolders(): string[] {
    return this.#watcher?.watchedFolders() ?? []
  }

  /** Ids of the open project's folders that are checked for changes only when asked (see rescan). */
  unwatchedRootIds(): string[] {
    return this.#watcher === null ? [] : [...this.#unwatched]
  }

  /** Brings the folders too large to watch up to date with the disk, and says what it found. */
  async rescan(): Promise<RescanSummary> {
    const roots = this.host.project().store.library.data.roots.filter((root) => this.#unwatched.has(root.id))
    const outcomes = await Promise.all(roots.map((root) => this.syncRoot(root.path)))
    const summary: RescanSummary = { folders: roots.length, added: 0, updated: 0, missing: 0, problems: [] }
    for (const outcome of outcomes) {
      if (outcome.problem !== undefined) summary.problems.push(outcome.problem)
      summary.added += outcome.report?.added ?? 0
      summary.updated += outcome.report?.updated ?? 0
      summary.missing += outcome.report?.missing ?? 0
    }
    return summary
  }

  /**
   * Files or folders changed in watched folders: the paths are imported, quietly, by one
   * task in the queue; paths reported while it waits its turn join it.
   */
  #importChanges(paths: readonly string[]): void {
    for (const path of paths) this.#changedPaths.add(path)
    if (this.#changesQueued || this.host.shutDown()) return
    this.#changesQueued = true
    void this.host
      .serially(async () => {
        this.#changesQueued = false
        const changed = [...this.#changedPaths]
        this.#changedPaths.clear()
        // Only into the project open now: a path outside its folders is left alone.
        const project = this.host.project()
        const controller = new AbortController()
        const untrack = this.host.track(controller)
        const revision = project.store.sourceChanges.revision
        try {
          const outcome = await project.library.importChanges(changed, { onProgress: () => undefined, signal: controller.signal })
          if (outcome.foldersChanged && this.host.project() === project) await this.#recountFolders(project)
          if (controller.signal.aborted) this.#keepForLater(changed)
        } catch (error: unknown) {
          // Stopped or failed: the paths are kept, read with the next change seen or the next rescan.
          this.#keepForLater(changed)
          throw error
        } finally {
          untrack()
          // Any source touched (a file back with the same bytes is no longer missing, too) refreshes the windows.
          if (project.store.sourceChanges.revision !== revision) this.host.libraryChanged()
        }
      })
      .catch(() => undefined)
  }

  /** Paths a stopped or failed pass did not finish: not lost, but not retried at once either (Stop means stop). */
  #keepForLater(paths: readonly string[]): void {
    for (const path of paths) this.#changedPaths.add(path)
  }

  /** Folders appeared or vanished in watched folders: their counts (what watching costs) follow, and the budget is applied again. */
  async #recountFolders(project: FollowedProject): Promise<void> {
    let recounted = false
    for (const root of project.store.library.data.roots) {
      const count = this.#watcher?.folderCount(root.path) ?? 0
      if (count === 0 || root.folders === undefined || root.folders === count) continue
      root.folders = count
      recounted = true
    }
    if (!recounted) return
    project.store.markLibraryChanged(ROOTS_CHANGED)
    await project.store.saveLibrary()
    await this.follow()
  }

  /** Re-imports one of the open project's folders whole, in the queue; what went wrong is returned, never thrown. */
  syncRoot(rootPath: string): Promise<{ report?: ImportReport; problem?: string }> {
    if (this.host.shutDown() || this.#syncing.has(rootPath)) return Promise.resolve({})
    this.#syncing.add(rootPath)
    return this.host
      .serially(async () => {
        this.#syncing.delete(rootPath)
        // Only a folder of the project open now: a change seen just before a project switch is not imported into the new one.
        const project = this.host.project()
        // Nor a detached one: re-scanning a folder not on this computer would mark all its sources missing.
        if (!project.store.library.data.roots.some((root) => root.path === rootPath && root.complete && root.detached === undefined)) return {}
        const controller = new AbortController()
        const untrack = this.host.track(controller)
        try {
          const report = await project.library.import(rootPath, { onProgress: () => undefined, signal: controller.signal })
          if (report.added + report.updated + report.missing > 0) this.host.libraryChanged()
          // The folder count may have changed: a folder that outgrew the budget stops being watched.
          if (this.host.project() === project) await this.follow()
          return { report }
        } catch (error: unknown) {
          const problem = error instanceof Error ? error.message : String(error)
          if (error instanceof UserError && error.code === 'not-found' && (await project.library.markRootMissing(rootPath)) > 0) {
            this.host.libraryChanged()
          } else if (error instanceof UserError && error.code === 'forbidden' && !project.store.warnings.includes(problem)) {
            // A folder imported before today's rules refuse it: say so once, and stop following it.
            project.store.warnings.push(problem)
            this.host.libraryChanged()
          }
          return { problem }
        } finally {
          untrack()
        }
      })
      .catch((error: unknown) => ({ problem: error instanceof Error ? error.message : String(error) }))
  }

  async close(): Promise<void> {
    await this.#watcher?.close()
  }
}
