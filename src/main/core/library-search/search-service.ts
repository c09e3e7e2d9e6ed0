// Library-wide search for one project: keeps the positional index in step with the
// library (by each source's text hash), saves it as segments beside the project's data
// (search/, see index-store.ts) so a restart loads it and a change writes only what changed,
// and answers queries with ranked, snippeted results. Many texts to index at once (an index
// lost or set aside, sources imported before there was one) go to the extraction threads,
// which read them back from the store and build segments: search catches up in the
// background, and its answers say how far it has got.
import { searchableText } from '../../../shared/domain/ocr-caveat'
import type { Source } from '../../../shared/domain/source'
import { filterTarget, matchesFilters, type FilterTarget } from '../../../shared/search/filters'
import { parseQuery, type Query } from '../../../shared/search/query'
import type { HitRangesResponse, SearchIndexing, SearchResponse } from '../../../shared/domain/search-results'
import type { Extractor } from '../library/extractor'
import { IndexStore } from '../search/index-store'
import type { Segment } from '../search/segment'
import { decodeSegment } from '../search/segment-file'
import type { DocumentTerms, SearchIndex } from '../search/search-index'
import type { ProjectStore } from '../store/project-store'

export const DEFAULT_RESULT_LIMIT = 30
const SNIPPETS_PER_RESULT = 3
/** Snippets need each text read back; the first results of a page are what the user reads first. */
const RESULTS_WITH_SNIPPETS = 30
/** Recently read texts kept for snippets, in characters (about 16 MB), whatever the files' sizes. */
const TEXT_CACHE_CHARS = 8_000_000

export interface SyncReport {
  indexed: number
  removed: number
  /** Texts handed to the extraction threads to index in the background (see BACKGROUND_INDEX_AT). */
  background: number
  seconds: number
}

/** What indexes stored texts on other threads: the extraction pool, as an import uses it. */
export type BackgroundIndexer = Pick<Extractor, 'parallelism' | 'filesAhead'> & Required<Pick<Extractor, 'indexStored' | 'flushIndex'>>

/**
 * From this many texts to index at once, the extraction threads index them in the background
 * (reading each back from the store) and search answers with what is indexed so far; fewer
 * are indexed here before the sync ends.
 */
export const BACKGROUND_INDEX_AT = 5000
/** Documents the background catch-up adopts between saves of the index (so a crash keeps most of them, and memory is let go). */
const BACKGROUND_SAVE_DOCS = 50_000

export class SearchService {
  readonly #files: IndexStore
  readonly #targets = new WeakMap<Source, { key: string; target: FilterTarget }>()
  /** Recently read texts by hash (least recently used first), so typing a query does not re-read the same files. */
  readonly #texts = new Map<string, string>()
  #textChars = 0
  /** Seconds the saved index took to load, for the benchmark and the log. */
  loadSeconds = 0
  /** Texts indexed as they were imported and not saved yet. */
  #unsaved = 0
  /** The library's change revision the last sync caught up with; null until a full pass. */
  #revision: string | null = null
  /** Documents segments brought in (adoptSegment) to check against the library at the next sync. */
  #recheck = new Set<string>()
  /** The background catch-up (see #runBackground): sources waiting for a thread (from #next on), those not done yet, and its counts. */
  #waiting: string[] = []
  #next = 0
  readonly #inBackground = new Set<string>()
  #backgroundTotal = 0
  #backgroundDone = 0
  #adoptedUnsaved = 0
  #background: Promise<void> | null = null
  #stopped = false

  readonly #indexer: () => BackgroundIndexer | null
  readonly #backgroundAt: number

  /** `background`: the extraction threads, for catching up in the background from `at` texts (without them, every text is indexed here). */
  constructor(
    private readonly store: ProjectStore,
    private readonly warn: (message: string) => void,
    background?: { indexer: () => BackgroundIndexer | null; at?: number }
  ) {
    this.#indexer = background?.indexer ?? (() => null)
    this.#backgroundAt = background?.at ?? BACKGROUND_INDEX_AT
    this.#files = new IndexStore(store.dir, (detail) => this.warn(`search: the saved search index could not be read (${detail}); it is being rebuilt`))
  }

  /** The index, as loaded or as rebuilt: each document is tagged with the hash of the text it was indexed from. */
  get #index(): SearchIndex {
    return this.#files.index
  }

  /**
   * Opens the saved index: resolves once its manifest is checked (damage found there is
   * reported now), while the segments load in the background; queries and sync wait for
   * them. A missing index is simply empty, a damaged part is set aside and rebuilt by sync.
   */
  async load(): Promise<void> {
    const started = performance.now()
    await this.#files.load()
    this.#revision = null
    void this.#files.ready().then(() => {
      this.loadSeconds = (performance.now() - started) / 1000
    })
  }

  /** Resolves once the saved index is loaded (load() returns before). */
  ready(): Promise<void> {
    return this.#files.ready()
  }

  /** Indexes a text as the importer stores it (with its terms when a thread split them), so the import need not read it back. */
  indexText(sourceId: string, contentHash: string, text: string, terms?: DocumentTerms): void {
    // Until the saved index is in, the next sync (which waits for it) reads the text back instead.
    if (!this.#files.loaded || this.#index.tagOf(sourceId) === contentHash) return
    // Terms an extraction thread already split: the main thread only adds them.
    this.#index.upsert(sourceId, terms ?? text, contentHash)
    this.#unsaved++
  }

  /**
   * Takes in a segment an import's extraction threads built from the texts they stored. Its
   * documents are checked against the library at the next sync, which the import runs: one
   * whose file then failed, or was changed again meanwhile, is removed or indexed afresh.
   */
  adoptSegment(encoded: Uint8Array): void {
    // Until the saved index is in (or when the segment cannot be read), the next sync reads the texts back instead.
    if (!this.#files.loaded) return
    let segment: Segment
    try {
      segment = decodeSegment(encoded)
    } catch {
      return
    }
    this.#files.adopt(segment, encoded)
    for (const key of segment.keys) this.#recheck.add(key)
    this.#unsaved += segment.docCount
    this.#adoptedUnsaved += segment.docCount
  }

  /** How far the background catch-up has got; null when search is not catching up. */
  get indexing(): SearchIndexing | null {
    return this.#background === null ? null : { done: this.#backgroundDone, total: this.#backgroundTotal }
  }

  /** Ends the background catch-up after the texts being read (the app is closing): the next open's sync takes up the rest. */
  stop(): void {
    this.#stopped = true
    this.#waiting = []
    this.#next = 0
    this.#inBackground.clear()
  }

  #syncing: Promise<SyncReport> | null = null
  /** The pass after the one running, shared by every call made meanwhile. */
  #nextSync: Promise<SyncReport> | null = null

  /**
   * Indexes every source whose text is new or changed since it was indexed, then saves. A call
   * while a pass runs gets the next pass (the running one took its list of changes before the
   * caller's), shared with the other calls made meanwhile.
   */
  sync(): Promise<SyncReport> {
    if (this.#syncing === null) {
      this.#syncing = this.#syncNow().finally(() => {
        this.#syncing = null
      })
      return this.#syncing
    }
    this.#nextSync ??= this.#syncing
      .catch(() => undefined)
      .then(() => {
        this.#nextSync = null
        return this.sync()
      })
    return this.#nextSync
  }

  /** Waits for the background catch-up, if it runs, and a save it started (after stop(): until it has let go of the threads). */
  async settled(): Promise<void> {
    while (this.#background !== null) await this.#background
    await this.#saving
  }

  /** Waits for the background catch-up and merges of the saved index (tests, tools). */
  async idle(): Promise<void> {
    await this.settled()
    await this.#files.idle()
  }

  async #syncNow(): Promise<SyncReport> {
    await this.#files.ready()
    const recheck = this.#recheck
    this.#recheck = new Set()
    try {
      return await this.#catchUp(recheck)
    } catch (error: unknown) {
      // Checked again by the next sync.
      for (const key of recheck) this.#recheck.add(key)
      throw error
    }
  }

  async #catchUp(recheck: ReadonlySet<string>): Promise<SyncReport> {
    const started = performance.now()
    const changes = this.store.sourceChanges
    const revision = changes.revision
    // After the first full pass only the sources the library says changed are looked at.
    const since = this.#revision === null ? null : changes.since(this.#revision)
    const changed = since === null ? null : recheck.size === 0 ? since : [...new Set([...since, ...recheck])]
    const sources = changed === null ? this.store.library.data.sources : changed.map((id) => this.store.findSource(id))
    let indexed = 0
    let removed = 0
    // Those the background catch-up has yet to do are its own.
    const stale: Source[] = []
    for (const source of sources) {
      if (source !== undefined && !this.#inBackground.has(source.id) && this.#index.tagOf(source.id) !== source.contentHash) stale.push(source)
    }
    const indexer = stale.length >= this.#backgroundAt && !this.#stopped ? this.#indexer() : null
    if (indexer !== null) this.#catchUpInBackground(indexer, stale)
    else if (this.#stopped) {
      // Closing (an import cut short syncs as it ends): the next start's full pass indexes them.
    } else {
      for (const source of stale) {
        const outcome = await this.#indexHere(source)
        if (outcome === 'indexed') indexed++
        else if (outcome === 'removed') removed++
      }
    }
    const gone = changed === null ? [...this.#index.indexedKeys()] : changed
    for (const key of gone) {
      if (this.store.findSource(key) !== undefined || !this.#index.has(key)) continue
      this.#index.remove(key)
      removed++
    }
    this.#revision = revision
    if (this.#files.hasUnsaved) await this.#files.save()
    indexed += this.#unsaved
    this.#unsaved = 0
    this.#adoptedUnsaved = 0
    return { indexed, removed, background: indexer === null ? 0 : stale.length, seconds: (performance.now() - started) / 1000 }
  }

  /** Indexes one source's text here, read back from the store; a text that cannot be read stops matching. */
  async #indexHere(source: Source): Promise<'indexed' | 'removed' | null> {
    const text = await this.store.readText(source.contentHash).catch(() => null)
    if (text === null) {
      // A damaged text (reported when the source is opened) must not keep matching its old words.
      if (!this.#index.has(source.id)) return null
      this.#index.remove(source.id)
      return 'removed'
    }
    this.#index.upsert(source.id, searchableText(source.ocr, text), source.contentHash)
    return 'indexed'
  }

  /** Hands the sources to the background catch-up, which starts unless it runs. */
  #catchUpInBackground(indexer: BackgroundIndexer, sources: readonly Source[]): void {
    for (const source of sources) {
      this.#inBackground.add(source.id)
      this.#waiting.push(source.id)
    }
    this.#backgroundTotal += sources.length
    if (this.#background !== null) return
    let failed = false
    this.#background = this.#runBackground(indexer)
      .catch((error: unknown) => {
        failed = true
        this.warn(`search: indexing in the background stopped (${error instanceof Error ? error.message : String(error)}); some sources cannot be found by search until the next sync`)
      })
      .finally(() => {
        this.#background = null
        this.#backgroundTotal = 0
        this.#backgroundDone = 0
        if (this.#stopped) return
        // Not done (after a failure, or handed over as the run ended): the next sync looks at them again; at once unless it failed.
        const left = [...this.#inBackground]
        this.#inBackground.clear()
        this.#waiting = []
        this.#next = 0
        for (const id of left) this.#recheck.add(id)
        if (left.length > 0 && !failed) void this.sync().catch(() => undefined)
      })
  }

  /**
   * The threads index the waiting sources' texts into segments of one batch, as many in flight
   * as an import keeps; then their last segments are taken in, and a sync checks every document
   * they brought against the library (a source changed or removed meanwhile) and saves. Sources
   * handed over meanwhile are done in another round.
   */
  async #runBackground(indexer: BackgroundIndexer): Promise<void> {
    // Texts an import just stored are known once the store has listed them.
    await this.store.textsListed()
    while (this.#next < this.#waiting.length && !this.#stopped) {
      const batch = `search-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
      const lanes = Math.max(1, indexer.parallelism * ((indexer.filesAhead ?? 1) + 1))
      /** Sources a thread took into the batch: only in its segment until that comes (a thread ended meanwhile takes them with it). */
      const taken: string[] = []
      await Promise.all(Array.from({ length: lanes }, () => this.#backgroundLane(indexer, batch, taken)))
      // Also after a stop: the threads let go of the batch's documents.
      for (const segment of await indexer.flushIndex(batch).catch(() => [])) this.adoptSegment(segment)
      if (this.#stopped) return
      // One a thread took in and lost with its segment (the thread was ended meanwhile: a stopped
      // import, a crash) is indexed here; the sync below checks what the segments brought.
      for (const id of taken) {
        this.#inBackground.delete(id)
        const source = this.store.findSource(id)
        if (source !== undefined && !this.#recheck.has(id) && this.#index.tagOf(id) !== source.contentHash) await this.#indexHere(source)
      }
      // Taken up to here: those handed over meanwhile start a new list.
      this.#waiting = this.#waiting.slice(this.#next)
      this.#next = 0
      // A sync already under way may have taken its list of documents to check before the last segments came: another then.
      do await this.sync()
      while (this.#recheck.size > 0 && !this.#stopped)
    }
  }

  /** A save the catch-up started (every BACKGROUND_SAVE_DOCS documents), for settled() to wait for. */
  #saving: Promise<void> = Promise.resolve()

  async #backgroundLane(indexer: BackgroundIndexer, batch: string, taken: string[]): Promise<void> {
    // Taken by index (shifting a list of a million ids costs a copy of it each time), never past its end: ids handed over meanwhile come after.
    while (this.#next < this.#waiting.length) {
      const id = this.#waiting[this.#next++] as string
      let inBatch = false
      try {
        inBatch = await this.#indexInBackground(indexer, batch, id)
      } catch {
        // Not read here either: the next sync looks at it again.
        this.#recheck.add(id)
      } finally {
        // One in the batch stays the catch-up's until the batch's segments have come.
        if (inBatch) taken.push(id)
        else this.#inBackground.delete(id)
        this.#backgroundDone++
      }
      if (this.#adoptedUnsaved >= BACKGROUND_SAVE_DOCS) {
        this.#adoptedUnsaved = 0
        this.#saving = this.#files.save().catch(() => undefined)
      }
    }
  }

  /** True when a thread took the text into the batch (searchable once its segment comes). */
  async #indexInBackground(indexer: BackgroundIndexer, batch: string, id: string): Promise<boolean> {
    const source = this.store.findSource(id)
    if (source === undefined || this.#index.tagOf(id) === source.contentHash) return false
    let segment: Uint8Array | null
    try {
      const text = { textsDir: this.store.textsFolder, contentHash: source.contentHash, place: this.store.textPlace(source.contentHash), ocr: source.ocr }
      segment = await indexer.indexStored(text, { batch, key: id })
    } catch {
      if (this.#stopped) return false
      // The thread could not read it: read here, as a sync does (the store sets a damaged text aside and says so).
      const now = this.store.findSource(id)
      if (now !== undefined && this.#index.tagOf(id) !== now.contentHash) await this.#indexHere(now)
      return false
    }
    if (segment !== null) this.adoptSegment(segment)
    return true
  }

  get indexedCount(): number {
    return this.#index.size
  }

  #targetOf(source: Source): FilterTarget {
    const cached = this.#targets.get(source)
    // folder: matches the folder as the library shows it, the imported folder's name included.
    const rootName = this.store.library.data.roots.find((root) => root.id === source.rootId)?.name ?? ''
    const path = `${rootName}/${source.relativePath}`
    const key = `${source.title}\u0000${path}\u0000${source.format}\u0000${source.meta.outlet ?? ''}\u0000${source.meta.date ?? ''}`
    if (cached !== undefined && cached.key === key) return cached.target
    const target = filterTarget({ ...source, relativePath: path })
    this.#targets.set(source, { key, target })
    return target
  }

  #acceptFor(query: Query): ((key: string) => boolean) | undefined {
    if (query.filters.length === 0) return undefined
    return (key) => {
      const source = this.store.findSource(key)
      return source !== undefined && matchesFilters(query.filters, this.#targetOf(source))
    }
  }

  async #text(contentHash: string): Promise<string | null> {
    const cached = this.#texts.get(contentHash)
    if (cached !== undefined) {
      this.#texts.delete(contentHash)
      this.#texts.set(contentHash, cached)
      return cached
    }
    const text = await this.store.readText(contentHash).catch(() => null)
    if (text === null || text.length > TEXT_CACHE_CHARS) return text
    this.#texts.set(contentHash, text)
    this.#textChars += text.length
    for (const [oldest, old] of this.#texts) {
      if (this.#textChars <= TEXT_CACHE_CHARS) break
      this.#texts.delete(oldest)
      this.#textChars -= old.length
    }
    return text
  }

  /** One page of results: the `limit` best after the first `offset`; `total` counts every match. */
  async search(input: string, limit = DEFAULT_RESULT_LIMIT, offset = 0): Promise<SearchResponse> {
    if (!this.#files.loaded) await this.#files.ready()
    const started = performance.now()
    const parsed = parseQuery(input)
    if (!parsed.ok) return { results: [], total: 0, rankMs: 0, tookMs: 0, warnings: [], problem: { message: parsed.message, position: parsed.position } }
    const accept = this.#acceptFor(parsed.query)
    const found = this.#index.search(parsed.query, accept === undefined ? { limit, offset } : { limit, offset, accept })
    const rankMs = performance.now() - started
    const results: SearchResponse['results'] = []
    for (const result of found.results) {
      const source = this.store.findSource(result.key)
      if (source === undefined) continue
      const wantSnippets = parsed.query.root !== null && results.length < RESULTS_WITH_SNIPPETS
      const text = wantSnippets ? await this.#text(source.contentHash) : null
      results.push({
        sourceId: source.id,
        score: result.score,
        hits: result.hits,
        snippets: text === null ? [] : this.#index.snippets(parsed.query, text, SNIPPETS_PER_RESULT)
      })
    }
    const indexing = this.indexing
    return { results, total: found.total, rankMs, tookMs: performance.now() - started, warnings: parsed.warnings, problem: null, ...(indexing === null ? {} : { indexing }) }
  }

  /** Sources containing any of these (already normalised) words, best first: candidates for suggested evidence. */
  sourcesMatching(words: string[], limit: number): Array<{ sourceId: string; score: number }> {
    const query: Query = { root: { kind: 'or', children: words.map((word) => ({ kind: 'word' as const, word })) }, filters: [] }
    return this.#index.search(query, { limit }).results.map((result) => ({ sourceId: result.key, score: result.score }))
  }

  /** A source's text for snippets and suggestions, through the small cache. */
  cachedText(contentHash: string): Promise<string | null> {
    return this.#text(contentHash)
  }

  /** Where a query's hits are in one source's current text, for marking them in a pane. */
  async hitRanges(input: string, source: Source): Promise<HitRangesResponse> {
    const parsed = parseQuery(input)
    if (!parsed.ok || parsed.query.root === null) return { sourceId: source.id, contentHash: source.contentHash, ranges: [] }
    const text = await this.store.readText(source.contentHash)
    return { sourceId: source.id, contentHash: source.contentHash, ranges: this.#index.hitRanges(parsed.query, text) }
  }
}
