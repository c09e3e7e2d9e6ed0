// The engine: the open project and its services, independent of Electron. Hosts (the
// Electron shell, the browser-mode server, tests) build one and call it.
import { availableParallelism, homedir } from 'node:os'
import type { ProjectEntry, ProjectInfo } from '../../shared/domain/project'
import type { BundleOpenReport, ExportPreview, ExportRequest } from '../../shared/domain/export'
import type { ImportProgress, ImportReport } from '../../shared/domain/source'
import type { OcrLanguages } from '../../shared/domain/original'
import { UserError } from '../../shared/ipc/result'
import { AnnotationService } from './annotations/annotation-service'
import { ClaimService } from './claims/claim-service'
import { CorroborationService } from './corroboration/corroboration-service'
import { EngineEvents } from './events'
import { NotesHistory } from './history/notes-history'
import { unpackBundle } from './export/bundle/open-bundle'
import { TempFile } from './export/bundle/temp-file'
import { absoluteFolder } from './library/import-root'
import { previewExport, renderExport, type ExportDeps, type ExportFile } from './export/export-service'
import { InProcessExtractor, WorkerPoolExtractor, type Extractor, type WorkerScript } from './library/extractor'
import { ocrCacheDir } from './library/ocr/ocr-cache'
import { OcrLanguageSettings, systemTessdataFolders } from './library/ocr/ocr-languages'
import { DEFAULT_MAX_WATCHED_FOLDERS, FolderFollowing, type RescanSummary } from './library/folder-following'
import { DEFAULT_MAX_FILE_BYTES } from './library/import-folder'
import { LibraryService } from './library/library-service'
import { SearchService } from './library-search/search-service'
import { suggestEvidence } from './evidence/suggest-evidence'
import type { EvidenceSuggestion } from '../../shared/domain/suggestions'
import { ProjectRegistry, unlockDataFolder } from './projects/project-registry'
import { ProjectOpening } from './projects/project-opening'
import { ProjectStore, type OpenProgress } from './store/project-store'

export interface WorkbenchOptions {
  /** Where projects live: Electron's userData folder, or browser mode's --data. */
  dataDir: string
  /** The sample articles imported into the first project on first launch. */
  seedsDir: string | null
  now?: () => Date
  /** The built extraction worker; without it extraction runs in this thread. */
  extractWorker?: WorkerScript
  /** The built corroboration worker; without it quotes and names are analysed and grouped in this thread. */
  findingsWorker?: WorkerScript
  /** How many extraction threads (default: one per core). */
  extractThreads?: number
  /** From how many texts to index at once search catches up on the extraction threads (default BACKGROUND_INDEX_AT; tests). */
  backgroundIndexAt?: number
  /** Where to look for OCR languages when the user chose no folder (default: where Tesseract packages put them). */
  ocrLanguageFolders?: string[]
  maxFileBytes?: number
  /** Follow imported folders on disk (off in most tests). */
  watchFolders?: boolean
  /** What "~" and relative folder paths count from (default: the user's home). */
  homeDir?: string
  /** At most this many folders per project are watched live; the rest are re-scanned on request (default 4,000). */
  maxWatchedFolders?: number
  /** Written into exports and bundles (the app's version). */
  appVersion?: string
  /**
   * For scripts (the command line): a project opened is not remembered as the one to open
   * next, and its folders are neither watched nor imported again behind the user's back.
   */
  visitOnly?: boolean
}

export interface OpenProject {
  entry: ProjectEntry
  store: ProjectStore
  library: LibraryService
  annotations: AnnotationService
  claims: ClaimService
  search: SearchService
  corroboration: CorroborationService
  /** Undo and redo of the user's changes in this project, for this session. */
  history: NotesHistory
}

const SAMPLE_PROJECT_NAME = 'Sample project: Putin and South Korea'

/** The report of an import stopped while it was still waiting its turn: nothing was touched. */
function stoppedBeforeStart(path: string): ImportReport {
  return { rootId: '', rootPath: path, added: 0, updated: 0, unchanged: 0, missing: 0, errors: [], warnings: [], cancelled: true, seconds: 0 }
}

export { DEFAULT_MAX_WATCHED_FOLDERS, type RescanSummary } from './library/folder-following'

const PROGRESS_INTERVAL_MS = 50

/** What taking a folder out of a project did. */
export type FolderRemoval = Awaited<ReturnType<LibraryService['removeRoot']>>

/**
 * Wraps a host's library listing so its first answer starts watching the folders: by then
 * the window is drawn and has the library, so the watches and the catch-up walk never slow
 * the cold start. Deterministic: watching starts right after that answer is handed back.
 */
export function startWatchingAfter<Args extends unknown[], Result>(workbench: Workbench, list: (...args: Args) => Promise<Result>): (...args: Args) => Promise<Result> {
  return async (...args) => {
    try {
      return await list(...args)
    } finally {
      // A first page answered while the project opens: watching starts once it is open.
      setImmediate(() => void workbench.opened().then(() => workbench.startWatching(), () => undefined))
    }
  }
}

export class Workbench {
  readonly events = new EngineEvents()
  readonly now: () => Date
  #registry: ProjectRegistry | null = null
  #open: OpenProject | null = null
  #booting: Promise<void> | null = null
  #opening: ProjectOpening | null = null
  /** Every project opened in this run, so reopening one never makes a second store on the same files. */
  readonly #opened = new Map<string, OpenProject>()
  /** Imports and project switches run one after another: an import never outlives its project's turn. */
  #queue: Promise<unknown> = Promise.resolve()
  #extractor: Extractor | null = null
  /** One per import asked for and not yet finished (running or queued, user's or the watcher's): Stop aborts them all. */
  readonly #imports = new Set<AbortController>()
  #shutDown = false
  readonly #following: FolderFollowing
  /** The OCR languages chosen for the whole app (not per project). */
  readonly #ocrLanguages: OcrLanguageSettings

  constructor(private readonly options: WorkbenchOptions) {
    this.now = options.now ?? (() => new Date())
    const languageFolders = options.ocrLanguageFolders
    this.#ocrLanguages = new OcrLanguageSettings(options.dataDir, languageFolders === undefined ? systemTessdataFolders : async () => languageFolders)
    this.#following = new FolderFollowing(
      {
        serially: (task) => this.#serially(task),
        project: () => this.project,
        track: (controller) => {
          this.#imports.add(controller)
          return () => void this.#imports.delete(controller)
        },
        libraryChanged: () => this.events.emit('libraryChanged', null),
        shutDown: () => this.#shutDown
      },
      { watch: options.watchFolders === true, maxWatchedFolders: options.maxWatchedFolders ?? DEFAULT_MAX_WATCHED_FOLDERS, dataDir: options.dataDir }
    )
  }

  /** Created on first use, so opening the app starts no threads. */
  #getExtractor(): Extractor {
    if (this.#shutDown) throw new Error('workbench: shut down')
    if (this.#extractor === null) {
      const extractOptions = { maxInflatedBytes: 4 * (this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES) }
      const script = this.options.extractWorker
      const threads = this.options.extractThreads ?? availableParallelism()
      this.#extractor = script === undefined || threads < 1 ? new InProcessExtractor(extractOptions) : new WorkerPoolExtractor(script, threads, extractOptions)
    }
    return this.#extractor
  }

  /**
   * The shared extractor as one project's imports use it: scans are recognised in the
   * languages chosen now, and their results kept in that project's folder.
   */
  #projectExtractor(projectDir: string): Extractor {
    const base = this.#getExtractor()
    return {
      parallelism: base.parallelism,
      ...(base.filesAhead === undefined ? {} : { filesAhead: base.filesAhead }),
      extract: async (path, fileName, folder, call = {}) => {
        // Language settings that cannot be read never stop an import: English is always there.
        const prepared = await this.#ocrLanguages.prepare().catch((error: unknown) => ({
          languages: ['eng'],
          langPath: null,
          warnings: [`OCR languages other than English were skipped (${error instanceof Error ? error.message : String(error)})`]
        }))
        return base.extract(path, fileName, folder, { ...call, ocr: { ...prepared, cacheDir: ocrCacheDir(projectDir) } })
      },
      ...(base.segments === true && base.flushIndex !== undefined ? { segments: true, flushIndex: base.flushIndex.bind(base) } : {}),
      ...(base.indexStored === undefined ? {} : { indexStored: base.indexStored.bind(base) }),
      close: () => base.close()
    }
  }

  getOcrLanguages(): Promise<OcrLanguages> {
    return this.#ocrLanguages.get()
  }

  /** `folder` as the user typed or picked it (null: use one found on this system); applies to files imported from now on. */
  setOcrLanguages(folder: string | null, chosen: string[]): Promise<OcrLanguages> {
    return this.#ocrLanguages.set(folder === null ? null : this.userPath(folder), chosen)
  }

  /** Resolves when the imports, switches and index updates queued so far are done. */
  async idle(): Promise<void> {
    let seen: Promise<unknown>
    do {
      seen = this.#queue
      await seen
    } while (seen !== this.#queue)
  }

  /**
   * Stops watching and importing (keeping what the imports did), ends the extraction
   * threads at once (a file being extracted is given up, not waited for), then waits for
   * the queued work to write what it has.
   */
  async shutdown(): Promise<void> {
    this.#shutDown = true
    for (const controller of this.#imports) controller.abort()
    // A window closed while the project still opens: the open finishes its writes before the folder is released.
    if (this.#opening !== null) await this.#booting?.catch(() => undefined)
    // Search catching up in the background takes no new text; the next start takes up the rest.
    for (const open of this.#opened.values()) open.search.stop()
    await this.#following.close()
    await this.#extractor?.close()
    this.#extractor = null
    await this.#queue
    for (const open of this.#opened.values()) {
      await open.search.settled()
      await open.corroboration.close()
      await open.store.close()
    }
    if (this.#registry !== null) await unlockDataFolder(this.options.dataDir)
  }

  /**
   * Opens the last project (or makes the sample one). A host may show its window at once:
   * handlers wrapped by gateUntilOpen answer its first requests from what has been read.
   */
  boot(): Promise<void> {
    if (this.#booting === null) {
      // There from the start: a request made while the projects are being listed waits in it, not for the whole open.
      const opening = new ProjectOpening()
      this.#opening = opening
      this.#booting = this.#boot(opening).finally(() => {
        this.#opening = null
        opening.end()
      })
    }
    return this.#booting
  }

  /** Resolves once boot() has opened its project; at once if boot was never asked for. */
  async opened(): Promise<void> {
    await this.#booting
  }

  /** The project start-up is opening, until it is open. */
  get opening(): ProjectOpening | null {
    return this.#opening
  }

  async #boot(opening: ProjectOpening): Promise<void> {
    this.#registry = await ProjectRegistry.open(this.options.dataDir)
    // A bundle a crash or a quit left half taken (its save dialog still open) is removed a day later.
    void TempFile.sweepStale().catch(() => undefined)
    const last = this.#registry.last
    if (last !== undefined) {
      opening.project({ current: last, projects: this.#registry.projects, warnings: [...this.#registry.warnings] })
      await this.#activate(last, opening)
      return
    }
    // A first launch makes the sample project and imports the seeds: nothing to show before that.
    opening.end()
    await this.#activate(await this.#registry.create(SAMPLE_PROJECT_NAME, this.now()))
    if (this.options.seedsDir !== null) await this.#importFolder(this.options.seedsDir, false)
  }

  /**
   * Starts following the open project's folders on disk (and every project opened later).
   * Not at boot: setting up the watches and the walk that catches up with what changed
   * while the app was closed would compete with the first window's cold start. Hosts call
   * it once the window has the library listed (see startWatchingAfter); the user's first
   * import starts it too. Setting up reads folder names only; the catch-up runs in the
   * queue, in the background, and writes only what changed.
   */
  startWatching(): Promise<void> {
    if (this.#shutDown || this.options.visitOnly === true || this.#open === null) return Promise.resolve()
    // Resolves once the folders are watched; the catch-up walks are then in the queue (see idle()).
    return this.#following.start().catch(() => undefined)
  }

  /** Whether startWatching has run (the folders may still be being set up). */
  get watching(): boolean {
    return this.#following.started
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
    const guarded = (): Promise<T> => (this.#shutDown ? Promise.reject(new UserError('unavailable', 'workbench: shutting down')) : task())
    const run = this.#queue.then(guarded, guarded)
    this.#queue = run.catch(() => undefined)
    return run
  }

  async #activate(entry: ProjectEntry, progress?: OpenProgress): Promise<void> {
    let open = this.#opened.get(entry.id)
    if (open === undefined) {
      const store = await ProjectStore.open(entry.dir, undefined, progress)
      const annotations = new AnnotationService(store, this.now)
      const search = new SearchService(
        store,
        (message) => {
          store.warnings.push(message)
          // Found while the segments load behind the window: it refreshes, and says so.
          if (this.#open?.store === store) this.events.emit('libraryChanged', null)
        },
        {
          indexer: () => {
            if (this.#shutDown) return null
            const extractor = this.#getExtractor()
            return extractor.segments === true && extractor.flushIndex !== undefined && extractor.indexStored !== undefined
              ? { parallelism: extractor.parallelism, filesAhead: extractor.filesAhead ?? 1, flushIndex: extractor.flushIndex.bind(extractor), indexStored: extractor.indexStored.bind(extractor) }
              : null
          },
          ...(this.options.backgroundIndexAt === undefined ? {} : { at: this.options.backgroundIndexAt })
        }
      )
      await search.load()
      const library = new LibraryService(store, annotations, {
        now: this.now,
        extractor: () => this.#projectExtractor(entry.dir),
        ocrLanguages: async () => (await this.#ocrLanguages.prepare().catch(() => ({ languages: ['eng'] }))).languages,
        maxFileBytes: this.options.maxFileBytes,
        search,
        policy: { home: this.options.homeDir ?? homedir(), dataDir: this.options.dataDir }
      })
      const corroboration = new CorroborationService(
        store,
        (hash) => store.readText(hash),
        this.now,
        (progress) => this.events.emit('corroborationProgress', progress),
        this.options.findingsWorker
      )
      // Only the open project's history is announced: a window shows one project.
      const history = new NotesHistory(store, (state) => this.#open?.store === store && this.events.emit('historyChanged', state))
      open = { entry, store, library, annotations, claims: new ClaimService(store, this.now), search, corroboration, history }
      this.#opened.set(entry.id, open)
      await annotations.reanchorStale()
      // Sources imported before the index existed, or whose index was damaged, are indexed in the background.
      void this.#serially(() => search.sync()).catch(() => undefined)
    }
    this.#open = open
    this.events.emit('historyChanged', open.history.state())
    if (this.options.visitOnly === true) return
    await this.#projects.markOpened(entry.id)
    // Which folders are watched is known at once (the window shows it); watching itself is set up in the background.
    void this.#following.follow().catch(() => undefined)
    this.events.emit('libraryChanged', null)
  }

  /** Every folder the system watches for the open project now (a removed folder is never among them). */
  watchedFolders(): string[] {
    return this.#following.watchedFolders()
  }

  /** Ids of the open project's folders that are checked for changes only when asked (see rescan). */
  unwatchedRootIds(): string[] {
    return this.#following.unwatchedRootIds()
  }

  /**
   * Brings the folders too large to watch up to date with the disk (on window focus, or
   * the user's "Check for changes now"), and says what it found.
   */
  rescan(): Promise<RescanSummary> {
    return this.#following.rescan()
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

  /** A path the user typed or picked: `~` and relative paths start in the home folder, as for folders to import. */
  userPath(path: string): string {
    return absoluteFolder(path, this.options.homeDir ?? homedir())
  }

  /**
   * Opens a project bundle as a new project and switches to it: never merged into a project
   * already here, even one opened from the same bundle.
   */
  openBundle(path: string): Promise<{ project: ProjectInfo; report: BundleOpenReport }> {
    return this.#serially(async () => {
      const { entry, report } = await unpackBundle(this.userPath(path), this.#projects, this.now())
      await this.#activate(entry)
      return { project: this.projectInfo(), report }
    })
  }

  openProject(projectId: string): Promise<ProjectInfo> {
    return this.#serially(async () => {
      await this.#activate(this.#projects.get(projectId))
      return this.projectInfo()
    })
  }

  /** Imports into the project open when the import was asked for, one at a time; the folders are followed from then on. */
  importFolder(path: string, confirmLarge = false): Promise<ImportReport> {
    void this.startWatching()
    return this.#importFolder(path, confirmLarge)
  }

  #importFolder(path: string, confirmLarge: boolean): Promise<ImportReport> {
    const project = this.project
    const controller = new AbortController()
    this.#imports.add(controller)
    return this.#serially(async () => {
      if (controller.signal.aborted) return stoppedBeforeStart(path)
      const report = await project.library.import(path, { onProgress: this.#progressForwarder(), signal: controller.signal, confirmLarge })
      if (this.#open === project) await this.#following.follow()
      this.events.emit('libraryChanged', null)
      return report
    }).finally(() => this.#imports.delete(controller))
  }

  /**
   * Takes a folder out of the open project, after the imports queued before it: its sources
   * leave the library and the search index, and it is no longer watched. `record` wraps the
   * change in the history, so it can be undone.
   */
  removeFolder(rootId: string, record: (change: () => Promise<FolderRemoval>) => Promise<FolderRemoval>): Promise<FolderRemoval> {
    const project = this.project
    return this.#serially(async () => {
      const outcome = await record(() => project.library.removeRoot(rootId))
      await this.#followFolders(project)
      return outcome
    })
  }

  /**
   * Undo or redo, in the queue with imports (an import holding the library's lists must
   * not see a folder come back under it); then highlights whose source changed meanwhile
   * are placed again, and a folder put back or taken out is indexed and watched, or not.
   */
  historyStep<T>(step: (history: NotesHistory) => Promise<T>): Promise<T> {
    const project = this.project
    const rootIds = (): string => project.store.library.data.roots.map((root) => root.id).join('\n')
    return this.#serially(async () => {
      const roots = rootIds()
      const result = await step(project.history)
      await project.annotations.reanchorStale()
      if (rootIds() !== roots) await this.#followFolders(project)
      return result
    })
  }

  async #followFolders(project: OpenProject): Promise<void> {
    await project.search.sync()
    if (this.#open === project) await this.#following.follow()
    this.events.emit('libraryChanged', null)
  }

  /** Stops every import running or waiting after the files in hand; what was imported stays. */
  cancelImport(): { cancelled: boolean } {
    const live = [...this.#imports].filter((controller) => !controller.signal.aborted)
    for (const controller of live) controller.abort()
    return { cancelled: live.length > 0 }
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

  /** Passages that may back a claim (or more of one source's); passages already linked are left out. */
  async suggestEvidence(claimId: string, sourceId?: string): Promise<EvidenceSuggestion[]> {
    const { store, search, claims } = this.project
    const claim = claims.list().find((candidate) => candidate.id === claimId)
    if (claim === undefined) throw new UserError('not-found', `claims: no claim ${claimId}`)
    if (sourceId !== undefined && store.findSource(sourceId) === undefined) throw new UserError('not-found', `library: no source ${sourceId}`)
    const linked = claim.annotationIds
      .map((annotationId) => store.notes.data.annotations.find((annotation) => annotation.id === annotationId))
      .filter((annotation) => annotation !== undefined)
      .map((annotation) => ({ sourceId: annotation.target.sourceId, start: annotation.target.selectors[1].start, end: annotation.target.selectors[1].end }))
    return suggestEvidence(
      claim.text,
      { sourcesMatching: (words, limit) => search.sourcesMatching(words, limit), source: (id) => store.findSource(id), text: (hash) => search.cachedText(hash) },
      sourceId === undefined ? { linked } : { linked, sourceId }
    )
  }

  /**
   * What an export of the open project reads: its notes, library and texts, and each claim's
   * support status as the cards show it (the quote ledger's single-source flags are not
   * exported, so a first export never waits for the ledger's first look at the library).
   */
  exportDeps(): ExportDeps {
    const { store, entry, claims } = this.project
    return { entry, store, now: this.now(), appVersion: this.options.appVersion ?? '0.0.0', support: () => claims.support() }
  }

  exportFile(request: ExportRequest): Promise<ExportFile> {
    return renderExport(request, this.exportDeps())
  }

  /** What the Export dialog shows; a bundle is described, not packed. */
  previewExport(request: ExportRequest): Promise<ExportPreview> {
    return previewExport(request, this.exportDeps())
  }
}
