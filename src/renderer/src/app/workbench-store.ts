// The renderer's state: what the engine holds (sources, annotations, claims), what the
// user is looking at (panes, find, selection), and the actions that change either.
// Every engine call goes through lib/api.ts; failures become notices, never crashes.
import { create } from 'zustand'
import type { Annotation, HighlightColor } from '../../../shared/domain/annotation'
import type { Claim } from '../../../shared/domain/claim'
import type { ClaimSupport } from '../../../shared/domain/support'
import type { ProjectInfo } from '../../../shared/domain/project'
import type { ImportProgress, ImportReport, ImportRoot, Source, SourceText } from '../../../shared/domain/source'
import type { Api, AppInfo } from '../../../shared/ipc/contract'
import { unwrap } from '../lib/api'
import { createExportSlice, type ExportSlice } from './export-slice'
import { createHistorySlice, type HistorySlice } from './history-slice'
import { describeImport } from './import-summary'
import { createNoticesSlice, type NoticesSlice } from './notices-slice'
import { loadPanes, savePanes, type Pane } from './pane-layout'
import { hasOriginalView, hasPageView, opensAsOriginal } from '../features/reader/original/original-kinds'
import { SourceSync, type LibraryLoad } from '../features/library/source-sync'
import { sourcesById } from './sources-by-id'

export interface FindHit {
  paneId: string
  index: number
}

export type SidebarTab = 'library' | 'search' | 'quotes' | 'names'

export interface WorkbenchState extends NoticesSlice, HistorySlice, ExportSlice {
  api: Api | null
  appInfo: AppInfo | null
  project: ProjectInfo | null
  roots: ImportRoot[]
  /** Folders with too many subfolders to watch live: changes there are looked for on focus and on request. */
  unwatchedRootIds: string[]
  sources: Source[]
  /**
   * While the library loads page by page (a large one, at start or after a bulk change): how
   * far it has come. Counts, facets and sorting then cover the sources loaded so far.
   */
  libraryLoad: LibraryLoad | null
  /** The first page is shown and the sources of the panes and highlights are still on their way: a source not here is not gone. */
  sourcesArriving: boolean
  /** The loaded text of each open source, with the hash it was loaded at. */
  texts: Record<string, SourceText>
  /** Sources whose text is being asked for (a pane says so: while a large library opens, that takes seconds). */
  textsAsked: ReadonlySet<string>
  annotations: Annotation[]
  claims: Claim[]
  /** Each claim's support status, recomputed by the engine whenever links change. */
  support: Record<string, ClaimSupport>
  panes: Pane[]
  focusedPaneId: string
  findQuery: string
  findCursor: number
  flash: { annotationId: string; nonce: number } | null
  selectedAnnotationId: string | null
  justCreatedClaimId: string | null
  /** The orphaned annotation waiting for the user to select its new passage. */
  reattachingId: string | null
  importing: ImportProgress | null
  lastImport: ImportReport | null
  /** A folder the engine will import only once the user confirms its size. */
  largeImport: { path: string; files: number; bytes: number } | null
  /** Which tab the left sidebar shows. */
  sidebarTab: SidebarTab
  setSidebarTab(tab: SidebarTab): void
  /** Whether the library and the notes columns are shown (not collapsed). */
  panelsShown: { library: boolean; notes: boolean }
  setPanelsShown(shown: { library: boolean; notes: boolean }): void
  shortcutsOpen: boolean
  setShortcutsOpen(open: boolean): void

  boot(api: Api): Promise<void>
  refresh(): Promise<void>
  run<T>(pending: Promise<T>): Promise<T | undefined>

  openSource(sourceId: string, paneId?: string, query?: string, nameVariants?: boolean): Promise<void>
  /** Loads a source's text into `texts` if it is not there yet. */
  ensureText(sourceId: string): Promise<void>
  /** Opens quotations, one per pane (as many panes as needed, up to four), each marked and scrolled to. */
  openQuotes(quotes: readonly { sourceId: string; contentHash: string; parts: { start: number; end: number }[] }[]): Promise<void>
  /** Sources shown aligned sentence by sentence instead of the reading panes; null = panes. */
  compare: string[] | null
  openCompare(sourceIds: string[]): void
  closeCompare(): void
  closePane(paneId: string): void
  addPane(): void
  focusPane(paneId: string): void
  setFindQuery(query: string): void
  moveFindCursor(step: 1 | -1, total: number): void
  /** Opens the passage in a pane, scrolled and flashed; `original`: on the page it is on, for a PDF or an image. */
  showAnnotation(annotationId: string, options?: { original?: boolean }): Promise<void>
  /** Shows a pane's source as extracted text or as the original (PDF pages, image, saved web page). */
  setPaneView(paneId: string, view: 'text' | 'original'): void
  /** Switches the focused pane between text and original; false when its source has no original. */
  toggleFocusedPaneView(): boolean
  selectAnnotation(annotationId: string | null): void

  importFolder(path: string, confirmLarge?: boolean): Promise<void>
  dismissLargeImport(): void
  /**
   * Looks for changes in the folders too large to watch live: quietly, at most once a
   * minute, when the window gets the focus back; at once and with a report when asked.
   */
  rescanFolders(asked?: boolean): Promise<void>
  /** True while such a look is running. */
  rescanning: boolean
  cancelImport(): Promise<void>
  updateSource(edits: { sourceId: string; title?: string; outlet?: string | null; author?: string | null; date?: string | null; url?: string | null }): Promise<boolean>
  /** Shows a source as the engine answered an edit of it (details, tags, star). */
  showSource(source: Source): void
  setImportProgress(progress: ImportProgress): void
  createAnnotation(input: { sourceId: string; contentHash: string; start: number; end: number; color: HighlightColor; comment: string; tags: string[] }): Promise<Annotation | undefined>
  updateAnnotation(input: { id: string; color?: HighlightColor; comment?: string; tags?: string[] }): Promise<void>
  /** Resolves true once deleted (the engine keeps it for undo). */
  deleteAnnotation(id: string): Promise<boolean>
  setReattaching(id: string | null): void
  reattachAnnotation(input: { id: string; sourceId: string; contentHash: string; start: number; end: number }): Promise<boolean>
  createClaim(text: string): Promise<Claim | undefined>
  updateClaim(id: string, text: string): Promise<void>
  moveClaim(id: string, toIndex: number): Promise<void>
  deleteClaim(id: string): Promise<boolean>
  linkAnnotation(claimId: string, annotationId: string): Promise<void>
  unlinkAnnotation(claimId: string, annotationId: string): Promise<void>
  setLinkStance(claimId: string, annotationId: string, contradicts: boolean): Promise<void>
  refreshSupport(): Promise<void>
  switchProject(projectId: string): Promise<void>
  createProject(name: string): Promise<void>
  /** The engine now has another project open (switched, created, opened from a bundle): drops this one's view and loads that one. */
  enterOpenedProject(): Promise<void>
}

export const MAX_PANES = 4
let flashNonce = 0
/**
 * How long a request to show a passage stays open: long enough for a big PDF to open on its
 * page; past it, a pane switched to its original later does not scroll back to the passage.
 */
const FLASH_CLEAR_MS = 10_000
let quoteNonce = 0
let lastRescan = 0
const RESCAN_INTERVAL_MS = 60_000

function needApi(api: Api | null): Api {
  if (api === null) throw new Error('renderer: not connected to the engine')
  return api
}

/** The source ids loadPanes keeps, told by a test rather than listed (the library may still be loading). */
class SourceIdTest extends Set<string> {
  constructor(readonly test: (id: string) => boolean) {
    super()
  }

  override has(id: string): boolean {
    return this.test(id)
  }
}

export const useWorkbench = create<WorkbenchState>()((set, get, store) => {
  /** The project warnings already shown, by project. */
  const warned = new Set<string>()
  /** Refreshes that started the list over and still wait for the sources of panes and highlights. */
  let arrivingRefreshes = 0
  const call = (): Api => needApi(get().api)
  const replaceClaim = (claim: Claim): void => {
    set({ claims: get().claims.map((candidate) => (candidate.id === claim.id ? claim : candidate)) })
    void get().refreshSupport()
  }
  const persistPanes = (panes: Pane[]): void => {
    const project = get().project
    if (project !== null) savePanes(window.localStorage, project.current.id, panes)
  }
  /** Loaded texts stay while their source has the text's hash (or may still come, while the library loads). */
  const currentTexts = (): Record<string, SourceText> => {
    const texts = get().texts
    const kept = Object.entries(texts).filter(([id, text]) => {
      const source = library.replica.find(id)
      return source === undefined ? library.load !== null : source.contentHash === text.contentHash
    })
    return kept.length === Object.keys(texts).length ? texts : Object.fromEntries(kept)
  }
  const library: SourceSync = new SourceSync({
    list: (input) => unwrap(call().listSources(input)),
    shown: () => get().sources,
    show: ({ sources }) => {
      if (!sources) return set({ libraryLoad: library.load })
      const { roots, unwatchedRootIds } = library.replica
      set({ sources: library.sources(), roots, unwatchedRootIds, libraryLoad: library.load, texts: currentTexts() })
    },
    failed: (error) => get().notify('error', `The rest of the library could not be loaded: ${error instanceof Error ? error.message : String(error)}`)
  })

  return {
    ...createNoticesSlice(set, get, store),
    ...createHistorySlice(set, get, store),
    ...createExportSlice(set, get, store),
    api: null,
    appInfo: null,
    project: null,
    roots: [],
    unwatchedRootIds: [],
    sources: [],
    libraryLoad: null,
    sourcesArriving: false,
    textsAsked: new Set(),
    texts: {},
    annotations: [],
    claims: [],
    support: {},
    panes: [],
    compare: null,
    focusedPaneId: '',
    findQuery: '',
    findCursor: 0,
    flash: null,
    selectedAnnotationId: null,
    justCreatedClaimId: null,
    reattachingId: null,
    importing: null,
    lastImport: null,
    largeImport: null,
    rescanning: false,
    sidebarTab: 'library',
    panelsShown: { library: true, notes: true },
    shortcutsOpen: false,

    setSidebarTab(tab) {
      set({ sidebarTab: tab })
    },

    setPanelsShown(shown) {
      const current = get().panelsShown
      if (current.library !== shown.library || current.notes !== shown.notes) set({ panelsShown: shown })
    },

    setShortcutsOpen(open) {
      set({ shortcutsOpen: open })
    },

    async boot(api) {
      set({ api })
      const [appInfo, history] = await Promise.all([get().run(unwrap(api.getAppInfo())), get().run(unwrap(api.historyState()))])
      set({ appInfo: appInfo ?? null, ...(history === undefined ? {} : { history }) })
      await get().refresh()
    },

    async refresh() {
      const api = call()
      const projectInfo = unwrap(api.getProject())
      const notes = unwrap(api.listAnnotations())
      // After a (re)start of the list, the sources the panes and highlights show come before the other pages.
      const pulled = library.pull(async () => {
        const [{ current }, annotations] = await Promise.all([projectInfo, notes])
        const remembered = loadPanes(window.localStorage, current.id, new SourceIdTest(() => true))
        return [...get().panes, ...remembered].flatMap((pane) => (pane.sourceId === null ? [] : [pane.sourceId])).concat(annotations.map((annotation) => annotation.target.sourceId))
      })
      const loaded = await get().run(Promise.all([projectInfo, pulled, notes, unwrap(api.listClaims())]))
      if (loaded === undefined) return
      const [project, { restarted, wanted }, annotations, claims] = loaded
      const projectChanged = get().project?.current.id !== project.current.id
      // The panes' sources may not have arrived yet: their panes stay, and are emptied below if the sources are gone.
      let arriving = true
      const known = (id: string): boolean => library.replica.find(id) !== undefined
      const panes = projectChanged ? loadPanes(window.localStorage, project.current.id, new SourceIdTest((id) => known(id) || arriving)) : get().panes
      // What belonged to the previous project (an import report, a folder awaiting confirmation) goes with it.
      if (projectChanged) {
        set({ largeImport: null, lastImport: null })
        // An Undo offered in the previous project would act on this one's history.
        for (const notice of get().notices) if (notice.action !== undefined) get().dismissNotice(notice.id)
      }
      const { roots, unwatchedRootIds } = library.replica
      if (restarted) arrivingRefreshes++
      set({
        project,
        roots,
        unwatchedRootIds,
        sources: library.sources(),
        libraryLoad: library.load,
        sourcesArriving: arrivingRefreshes > 0,
        annotations,
        claims,
        panes,
        texts: currentTexts(),
        focusedPaneId: projectChanged ? (panes[0]?.id ?? '') : get().focusedPaneId
      })
      // Each once per project and run: a dismissed warning does not come back with every refresh.
      for (const warning of project.warnings) {
        const key = `${project.current.id}\n${warning}`
        if (warned.has(key)) continue
        warned.add(key)
        get().notify('error', warning)
      }
      void get().refreshSupport()
      const textsOf = (shown: readonly Pane[]): Promise<unknown> => Promise.all(shown.map((pane) => (pane.sourceId === null || !known(pane.sourceId) ? undefined : get().ensureText(pane.sourceId))))
      // Texts only: the panes stay as they are (their search, their quote, an open comparison).
      await textsOf(panes)
      const shownBefore = new Set(panes.flatMap((pane) => (pane.sourceId === null || !known(pane.sourceId) ? [] : [pane.sourceId])))
      const arrived = await wanted.then(
        () => true,
        (error: unknown) => {
          get().notify('error', error instanceof Error ? error.message : String(error))
          return false
        }
      )
      arriving = false
      // Refreshes overlap (a library change during a start): the sources are arriving until every restarted one has them.
      if (restarted) arrivingRefreshes--
      // A pane whose source is gone is emptied, as loadPanes does (not when the sources could not be asked for); the sources that arrived are shown with their texts.
      const gone = (pane: Pane): boolean => arrived && pane.sourceId !== null && !known(pane.sourceId)
      const emptied = get().panes.some(gone)
      const sources = library.sources()
      if (emptied || sources !== get().sources || get().sourcesArriving !== arrivingRefreshes > 0) {
        set({ sources, libraryLoad: library.load, sourcesArriving: arrivingRefreshes > 0, ...(emptied ? { panes: get().panes.map((pane) => (gone(pane) ? { id: pane.id, sourceId: null } : pane)) } : {}) })
      }
      await textsOf(get().panes.filter((pane) => pane.sourceId !== null && !shownBefore.has(pane.sourceId)))
    },

    async run(pending) {
      try {
        return await pending
      } catch (error: unknown) {
        get().notify('error', error instanceof Error ? error.message : String(error))
        return undefined
      }
    },

    async openSource(sourceId, paneId, query, nameVariants) {
      const { panes, focusedPaneId } = get()
      const target =
        paneId ?? panes.find((pane) => pane.sourceId === sourceId)?.id ?? panes.find((pane) => pane.sourceId === null)?.id ?? focusedPaneId
      // A source opened from a search keeps that search's hits marked (also when the pane is
      // refreshed); the same pane given another source without a search shows none.
      const keep = (pane: Pane): string | undefined => query ?? (pane.sourceId === sourceId ? pane.query : undefined)
      const nextPanes = panes.map((pane) => {
        if (pane.id !== target) return pane
        const kept = keep(pane)
        const variants = query !== undefined ? nameVariants === true : pane.sourceId === sourceId && pane.nameVariants === true
        return {
          id: pane.id,
          sourceId,
          ...(kept === undefined ? {} : { query: kept, ...(variants ? { nameVariants: true } : {}) }),
          ...(pane.view === undefined ? {} : { view: pane.view })
        }
      })
      set({ panes: nextPanes, focusedPaneId: target, compare: null })
      persistPanes(nextPanes)
      await get().ensureText(sourceId)
    },

    async ensureText(sourceId) {
      if (get().texts[sourceId] !== undefined) return
      set({ textsAsked: new Set(get().textsAsked).add(sourceId) })
      const loaded = await get().run(unwrap(call().getSourceText({ sourceId })))
      const asked = new Set(get().textsAsked)
      asked.delete(sourceId)
      set({ textsAsked: asked, ...(loaded === undefined ? {} : { texts: { ...get().texts, [sourceId]: loaded } }) })
    },

    async openQuotes(quotes) {
      const wanted = quotes.slice(0, MAX_PANES)
      if (wanted.length === 0) return
      set({ compare: null })
      // One quote goes to the pane already showing its source, or the focused pane; several fill the panes from the left.
      let panes = get().panes
      while (panes.length < wanted.length) panes = [...panes, { id: `pane-${Date.now().toString(36)}-${panes.length}`, sourceId: null }]
      const single = wanted.length === 1 ? (panes.find((pane) => pane.sourceId === wanted[0]!.sourceId)?.id ?? get().focusedPaneId) : null
      const targets = single !== null && panes.some((pane) => pane.id === single) ? [single] : panes.slice(0, wanted.length).map((pane) => pane.id)
      set({ panes })
      await Promise.all(wanted.map((quote) => get().ensureText(quote.sourceId)))
      const sources = sourcesById(get().sources)
      const next = get().panes.map((pane) => {
        const index = targets.indexOf(pane.id)
        const quote = wanted[index]
        const source = quote === undefined ? undefined : sources.get(quote.sourceId)
        if (quote === undefined || source === undefined) return pane
        const kept =
          pane.sourceId === quote.sourceId && pane.query !== undefined ? { query: pane.query, ...(pane.nameVariants === true ? { nameVariants: true } : {}) } : {}
        // The offsets belong to the text the quote was found in; a pane showing a newer text draws no marks.
        return {
          id: pane.id,
          sourceId: quote.sourceId,
          ...kept,
          ...(pane.view === undefined ? {} : { view: pane.view }),
          quote: { contentHash: quote.contentHash, parts: quote.parts, nonce: ++quoteNonce }
        }
      })
      set({ panes: next, focusedPaneId: targets[0] ?? get().focusedPaneId })
      persistPanes(next)
    },

    openCompare(sourceIds) {
      const distinct = [...new Set(sourceIds)].slice(0, MAX_PANES)
      if (distinct.length < 2) {
        get().notify('error', 'Pick at least two different sources to compare.')
        return
      }
      set({ compare: distinct })
    },

    closeCompare() {
      set({ compare: null })
    },

    closePane(paneId) {
      const panes = get().panes
      const next = panes.length > 2 ? panes.filter((pane) => pane.id !== paneId) : panes.map((pane) => (pane.id === paneId ? { ...pane, sourceId: null } : pane))
      set({ panes: next, focusedPaneId: next.some((pane) => pane.id === get().focusedPaneId) ? get().focusedPaneId : (next[0]?.id ?? '') })
      persistPanes(next)
    },

    addPane() {
      const panes = get().panes
      if (panes.length >= MAX_PANES) return
      const pane = { id: `pane-${Date.now().toString(36)}`, sourceId: null }
      set({ panes: [...panes, pane], focusedPaneId: pane.id })
      persistPanes([...panes, pane])
    },

    focusPane(paneId) {
      if (get().focusedPaneId !== paneId) set({ focusedPaneId: paneId })
    },

    setFindQuery(query) {
      set({ findQuery: query, findCursor: 0 })
    },

    moveFindCursor(step, total) {
      if (total === 0) return
      set({ findCursor: ((get().findCursor % total) + step + total) % total })
    },

    setPaneView(paneId, view) {
      const next = get().panes.map((pane) => {
        if (pane.id !== paneId) return pane
        return { ...pane, view }
      })
      set({ panes: next })
      persistPanes(next)
    },

    toggleFocusedPaneView() {
      const { panes, focusedPaneId, sources } = get()
      const pane = panes.find((candidate) => candidate.id === focusedPaneId)
      const source = pane?.sourceId == null ? undefined : sourcesById(sources).get(pane.sourceId)
      if (pane === undefined || source === undefined || !hasOriginalView(source)) return false
      const showing = pane.view ?? (opensAsOriginal(source) ? 'original' : 'text')
      get().setPaneView(pane.id, showing === 'original' ? 'text' : 'original')
      return true
    },

    async showAnnotation(annotationId, options) {
      const annotation = get().annotations.find((candidate) => candidate.id === annotationId)
      if (annotation === undefined) return
      const source = sourcesById(get().sources).get(annotation.target.sourceId)
      if (source === undefined) {
        get().notify('error', 'The source of this passage is no longer in the library.')
        return
      }
      await get().openSource(source.id)
      if (options?.original === true && hasPageView(source)) {
        const pane = get().panes.find((candidate) => candidate.sourceId === source.id)
        if (pane !== undefined) get().setPaneView(pane.id, 'original')
      }
      if (source.contentHash !== annotation.target.contentHash) {
        get().notify('error', `“${source.title}” has changed since this passage was highlighted, and the passage was not found in its current text.`)
      }
      const flash = { annotationId, nonce: ++flashNonce }
      set({ flash, selectedAnnotationId: annotationId })
      setTimeout(() => {
        if (get().flash === flash) set({ flash: null })
      }, FLASH_CLEAR_MS)
    },

    selectAnnotation(annotationId) {
      set({ selectedAnnotationId: annotationId })
    },

    async importFolder(path, confirmLarge = false) {
      if (get().importing !== null) {
        get().notify('error', 'An import is already running; wait for it or stop it first.')
        return
      }
      set({ importing: { rootPath: path, phase: 'listing', done: 0, total: 0, currentFile: null, errors: 0 }, lastImport: null, largeImport: null })
      const report = await get().run(unwrap(call().importFolder({ path, confirmLarge })))
      if (report?.needsConfirmation !== undefined) {
        set({ importing: null, largeImport: { path: report.rootPath, ...report.needsConfirmation } })
        return
      }
      // The progress bar stays until the library shows the new sources.
      await get().refresh()
      set({ importing: null, lastImport: report ?? null })
      if (report !== undefined) {
        const { kind, text } = describeImport(report)
        get().notify(kind, text)
      }
    },

    dismissLargeImport() {
      set({ largeImport: null })
    },

    async rescanFolders(asked = false) {
      if (get().unwatchedRootIds.length === 0 || get().importing !== null || get().rescanning) return
      if (!asked && Date.now() - lastRescan < RESCAN_INTERVAL_MS) return
      set({ rescanning: true })
      const summary = await get().run(unwrap(call().rescanFolders()))
      // The interval counts from the end of a look, so large folders are not walked back to back.
      lastRescan = Date.now()
      set({ rescanning: false })
      if (summary === undefined) return
      for (const problem of summary.problems) get().notify('warning', problem)
      const changes = summary.added + summary.updated + summary.missing
      if (asked || changes > 0) {
        const found = changes === 0 ? 'no changes' : `${summary.added} new, ${summary.updated} changed, ${summary.missing} gone from disk`
        get().notify('success', `Checked ${summary.folders === 1 ? 'the folder' : `${summary.folders} folders`} for changes: ${found}.`)
      }
    },

    async cancelImport() {
      await get().run(unwrap(call().cancelImport()))
    },

    async updateSource(edits) {
      const source = await get().run(unwrap(call().updateSource(edits)))
      if (source === undefined) return false
      get().showSource(source)
      return true
    },

    showSource(source) {
      set({ sources: library.replace(source) ?? get().sources.map((candidate) => (candidate.id === source.id ? source : candidate)) })
    },

    setImportProgress(progress) {
      if (get().importing !== null) set({ importing: progress })
    },

    async createAnnotation(input) {
      const annotation = await get().run(unwrap(call().createAnnotation(input)))
      if (annotation !== undefined) set({ annotations: [...get().annotations, annotation], selectedAnnotationId: annotation.id })
      return annotation
    },

    async updateAnnotation(input) {
      const annotation = await get().run(unwrap(call().updateAnnotation(input)))
      if (annotation !== undefined) set({ annotations: get().annotations.map((candidate) => (candidate.id === annotation.id ? annotation : candidate)) })
    },

    async deleteAnnotation(id) {
      const outcome = await get().run(unwrap(call().deleteAnnotation({ id })))
      if (outcome === undefined) return false
      set({
        annotations: get().annotations.filter((annotation) => annotation.id !== id),
        claims: get().claims.map((claim) => ({ ...claim, annotationIds: claim.annotationIds.filter((linked) => linked !== id) })),
        selectedAnnotationId: get().selectedAnnotationId === id ? null : get().selectedAnnotationId
      })
      void get().refreshSupport()
      return true
    },

    setReattaching(id) {
      set({ reattachingId: id })
    },

    async reattachAnnotation(input) {
      const annotation = await get().run(unwrap(call().reattachAnnotation(input)))
      if (annotation === undefined) return false
      set({
        annotations: get().annotations.map((candidate) => (candidate.id === annotation.id ? annotation : candidate)),
        reattachingId: null,
        selectedAnnotationId: annotation.id
      })
      return true
    },

    async createClaim(text) {
      const claim = await get().run(unwrap(call().createClaim({ text })))
      if (claim !== undefined) set({ claims: [...get().claims, claim], justCreatedClaimId: claim.id })
      return claim
    },

    async updateClaim(id, text) {
      const claim = await get().run(unwrap(call().updateClaim({ id, text })))
      if (claim !== undefined) replaceClaim(claim)
    },

    async moveClaim(id, toIndex) {
      const claims = await get().run(unwrap(call().moveClaim({ id, toIndex })))
      if (claims !== undefined) set({ claims })
    },

    async deleteClaim(id) {
      const done = await get().run(unwrap(call().deleteClaim({ id })))
      if (done === undefined) return false
      set({ claims: get().claims.filter((claim) => claim.id !== id) })
      void get().refreshSupport()
      return true
    },

    async linkAnnotation(claimId, annotationId) {
      const claim = await get().run(unwrap(call().linkAnnotation({ claimId, annotationId })))
      if (claim !== undefined) replaceClaim(claim)
    },

    async setLinkStance(claimId, annotationId, contradicts) {
      const claim = await get().run(unwrap(call().setLinkStance({ claimId, annotationId, contradicts })))
      if (claim !== undefined) replaceClaim(claim)
    },

    async refreshSupport() {
      const support = await get().run(unwrap(call().claimSupport()))
      if (support !== undefined) set({ support })
    },

    async unlinkAnnotation(claimId, annotationId) {
      const claim = await get().run(unwrap(call().unlinkAnnotation({ claimId, annotationId })))
      if (claim !== undefined) replaceClaim(claim)
    },

    async switchProject(projectId) {
      const project = await get().run(unwrap(call().openProject({ projectId })))
      if (project !== undefined) await get().enterOpenedProject()
    },

    async createProject(name) {
      const project = await get().run(unwrap(call().createProject({ name })))
      if (project !== undefined) await get().enterOpenedProject()
    },

    async enterOpenedProject() {
      set({ texts: {}, selectedAnnotationId: null, findQuery: '', compare: null })
      await get().refresh()
    }
  }
})
