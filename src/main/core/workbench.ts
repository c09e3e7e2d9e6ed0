// The engine: the open project and its services, independent of Electron. Hosts (the
// Electron shell, the browser-mode server, tests) build one and call it.
import type { ProjectEntry, ProjectInfo } from '../../shared/domain/project'
import type { ImportReport, SourceText } from '../../shared/domain/source'
import { UserError } from '../../shared/ipc/result'
import { AnnotationService } from './annotations/annotation-service'
import { ClaimService } from './claims/claim-service'
import { EngineEvents } from './events'
import { renderNotesMarkdown } from './export/notes-markdown'
import { importFolder } from './library/import-folder'
import { ProjectRegistry } from './projects/project-registry'
import { ProjectStore } from './store/project-store'

export interface WorkbenchOptions {
  /** Where projects live: Electron's userData folder, or browser mode's --data. */
  dataDir: string
  /** The sample articles imported into the first project on first launch. */
  seedsDir: string | null
  now?: () => Date
}

interface OpenProject {
  entry: ProjectEntry
  store: ProjectStore
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

  constructor(private readonly options: WorkbenchOptions) {
    this.now = options.now ?? (() => new Date())
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
      open = { entry, store, annotations: new AnnotationService(store, this.now), claims: new ClaimService(store, this.now) }
      this.#opened.set(entry.id, open)
      await open.annotations.reanchorStale()
    }
    this.#open = open
    await this.#projects.markOpened(entry.id)
    this.events.emit('libraryChanged', null)
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
    return this.#serially(() => this.#importNow(project, path))
  }

  async #importNow({ store, annotations }: OpenProject, path: string): Promise<ImportReport> {
    let lastSent = 0
    const { report, changedSourceIds } = await importFolder(store, path, {
      now: this.now,
      onProgress: (progress) => {
        const time = Date.now()
        const final = progress.done === progress.total && progress.currentFile === null
        if (!final && progress.done !== 0 && time - lastSent < PROGRESS_INTERVAL_MS) return
        lastSent = time
        this.events.emit('importProgress', progress)
      }
    })
    await annotations.reanchor(changedSourceIds)
    // Also retries annotations left stale by an earlier run that stopped before re-anchoring.
    await annotations.reanchorStale()
    this.events.emit('libraryChanged', null)
    return report
  }

  async sourceText(sourceId: string): Promise<SourceText> {
    const source = this.project.store.library.data.sources.find((candidate) => candidate.id === sourceId)
    if (source === undefined) throw new UserError('not-found', `library: no source ${sourceId}`)
    return { sourceId, contentHash: source.contentHash, text: await this.project.store.readText(source.contentHash) }
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
