// The engine: the open project and its services, independent of Electron. Hosts (the
// Electron shell, the browser-mode server, tests) build one and call it.
import { availableParallelism } from 'node:os'
import type { ProjectEntry, ProjectInfo } from '../../shared/domain/project'
import type { ImportProgress, ImportReport } from '../../shared/domain/source'
import { UserError } from '../../shared/ipc/result'
import { AnnotationService } from './annotations/annotation-service'
import { ClaimService } from './claims/claim-service'
import { EngineEvents } from './events'
import { renderNotesMarkdown } from './export/notes-markdown'
import { InProcessExtractor, WorkerPoolExtractor, type Extractor, type WorkerScript } from './library/extractor'
import { FolderWatcher } from './library/folder-watcher'
import { DEFAULT_MAX_FILE_BYTES } from './library/import-folder'
import { LibraryService } from './library/library-service'
import { ProjectRegistry } from './projects/project-registry'
import { ProjectStore } from './store/project-store'

export interface WorkbenchOptions {
  /** Where projects live: Electron's userData folder, or browser mode's --data. */
  dataDir: string
  /** The sample articles imported into the first project on first launch. */
  seedsDir: string | null
  now?: () => Date
  /** The built extraction worker; without it extraction runs in this thread. */
  extractWorker?: WorkerScript
  /** How many extraction threads (default: one per core). */
  extractThreads?: number
  maxFileBytes?: number
  /** Follow imported folders on disk (off in most tests). */
  watchFolders?: boolean
}

interface OpenProject {
  entry: ProjectEntry
  store: ProjectStore
  library: LibraryService
  annotations: AnnotationService
  claims: ClaimService
}

const SAMPLE_PROJECT_NAME = 'Sample project: Putin and South Korea'
const PROGRESS_INTERVAL_MS = 50

export class Workbench {
  readonly events = new EngineEvents()
  readonly now: () => Date
  #registry: ProjectRegistry | null = null
  #open: OpenProject | null = null
  /** Every project opened in this run, so reopening one never makes a second store on the same files. */
  readonly #opened = new Map<string, OpenProject>()
  /** Imports and project switches run one after another: an import never outlives its project's turn. */
  #queue: Promise<unknown> = Promise.resolve()
  #extractor: Extractor | null = null
  #running: AbortController | null = null
  readonly #watcher: FolderWatcher | null

  constructor(private readonly options: WorkbenchOptions) {
    this.now = options.now ?? (() => new Date())
    this.#watcher = options.watchFolders === true ? new FolderWatcher((rootPath) => void this.#followDisk(rootPath)) : null
  }

  /** Created on first use, so opening the app starts no threads. */
  #getExtractor(): Extractor {
    if (this.#extractor === null) {
      const extractOptions = { maxInflatedBytes: 4 * (this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES) }
      const script = this.options.extractWorker
      const threads = this.options.extractThreads ?? availableParallelism()
      this.#extractor = script === undefined || threads < 1 ? new InProcessExtractor(extractOptions) : new WorkerPoolExtractor(script, threads, extractOptions)
    }
    return this.#extractor
  }

  async shutdown(): Promise<void> {
    this.#running?.abort()
    await this.#watcher?.close()
    await this.#extractor?.close()
    this.#extractor = null
  }

  async boot(): Promise<void> {
    this.#registry = await ProjectRegistry.open(this.options.dataDir)
    const last = this.#registry.last
    if (last !== undefined) {
      await this.#activate(last)
      return
    }
    await this.#activate(await this.#registry.create(SAMPLE_PROJECT_NAME, this.now()))
    if (this.options.seedsDir !== null) await this.importFolder(this.options.seedsDir)
  }

  get project(): OpenProject {
    if (this.#open === null) throw new Error('workbench: boot() has not finished')
    return this.#open
  }

  get #projects(): ProjectRegistry {
    if (this.#registry === null) throw new Error('workbench: boot() has not finished')
    return this.#registry
  }

  #serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task)
    this.#queue = run.catch(() => undefined)
    return run
  }

  async #activate(entry: ProjectEntry): Promise<void> {
    let open = this.#opened.get(entry.id)
    if (open === undefined) {
      const store = await ProjectStore.open(entry.dir)
      const annotations = new AnnotationService(store, this.now)
      const library = new LibraryService(store, annotations, {
        now: this.now,
        extractor: () => this.#getExtractor(),
        maxFileBytes: this.options.maxFileBytes
      })
      open = { entry, store, library, annotations, claims: new ClaimService(store, this.now) }
      this.#opened.set(entry.id, open)
      await annotations.reanchorStale()
    }
    this.#open = open
    await this.#projects.markOpened(entry.id)
    await this.#watchRoots()
    this.events.emit('libraryChanged', null)
  }

  async #watchRoots(): Promise<void> {
    await this.#watcher?.watchFolders(this.project.store.library.data.roots.map((root) => root.path))
  }

  /** A watched folder changed on disk: bring the library up to date, quietly. */
  #followDisk(rootPath: string): Promise<void> {
    const project = this.project
    return this.#serially(async () => {
      if (this.#open !== project) return
      try {
        await project.library.import(rootPath, () => undefined)
      } catch (error: unknown) {
        if (error instanceof UserError && error.code === 'not-found') await project.library.markRootMissing(rootPath)
        else return
      }
      this.events.emit('libraryChanged', null)
    })
  }

  projectInfo(): ProjectInfo {
    return {
      current: this.project.entry,
      projects: this.#projects.projects,
      warnings: [...this.#projects.warnings, ...this.project.store.warnings]
    }
  }

  createProject(name: string): Promise<ProjectInfo> {
    return this.#serially(async () => {
      await this.#activate(await this.#projects.create(name, this.now()))
      return this.projectInfo()
    })
  }

  openProject(projectId: string): Promise<ProjectInfo> {
    return this.#serially(async () => {
      await this.#activate(this.#projects.get(projectId))
      return this.projectInfo()
    })
  }

  /** Imports into the project open when the import was asked for, one at a time. */
  importFolder(path: string): Promise<ImportReport> {
    const project = this.project
    return this.#serially(async () => {
      const controller = new AbortController()
      this.#running = controller
      try {
        const report = await project.library.import(path, this.#progressForwarder(), controller.signal)
        if (this.#open === project) await this.#watchRoots()
        this.events.emit('libraryChanged', null)
        return report
      } finally {
        if (this.#running === controller) this.#running = null
      }
    })
  }

  /** Stops the running import after the files in hand; what was imported stays. */
  cancelImport(): { cancelled: boolean } {
    if (this.#running === null || this.#running.signal.aborted) return { cancelled: false }
    this.#running.abort()
    return { cancelled: true }
  }

  #progressForwarder(): (progress: ImportProgress) => void {
    let lastSent = 0
    return (progress) => {
      const time = Date.now()
      const final = progress.currentFile === null
      if (!final && time - lastSent < PROGRESS_INTERVAL_MS) return
      lastSent = time
      this.events.emit('importProgress', progress)
    }
  }

  notesMarkdown(): string {
    const { store, entry } = this.project
    return renderNotesMarkdown({
      projectName: entry.name,
      exportedAt: this.now(),
      claims: store.notes.data.claims,
      annotations: store.notes.data.annotations,
      sources: store.library.data.sources,
      roots: store.library.data.roots
    })
  }

  exportFileName(): string {
    const slug = this.project.entry.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'notes'
    return `${slug}-notes-${this.now().toISOString().slice(0, 10)}.md`
  }
}
