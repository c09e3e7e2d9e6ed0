// Library-wide search for one project: keeps the positional index in step with the
// library (by each source's text hash), saves it beside the project's data so a restart
// loads it instead of rebuilding, and answers queries with ranked, snippeted results.
import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { searchableText } from '../../../shared/domain/ocr-caveat'
import type { Source } from '../../../shared/domain/source'
import { filterTarget, matchesFilters, type FilterTarget } from '../../../shared/search/filters'
import { parseQuery, type Query } from '../../../shared/search/query'
import type { HitRangesResponse, SearchResponse } from '../../../shared/domain/search-results'
import { SearchIndex } from '../search/search-index'
import { writeFileAtomic } from '../store/atomic-write'
import type { ProjectStore } from '../store/project-store'

const INDEX_FILE = 'search-index.bin'
const STATE_FILE = 'search-index.json'
const stateSchema = z.object({ version: z.literal(1), hashes: z.record(z.string(), z.string()) })
export const DEFAULT_RESULT_LIMIT = 30
const SNIPPETS_PER_RESULT = 3
/** Snippets need each text read back; the first results of a page are what the user reads first. */
const RESULTS_WITH_SNIPPETS = 30
/** Recently read texts kept for snippets, in characters (about 16 MB), whatever the files' sizes. */
const TEXT_CACHE_CHARS = 8_000_000

export interface SyncReport {
  indexed: number
  removed: number
  seconds: number
}

export class SearchService {
  #index = new SearchIndex()
  /** The text hash each source had when it was indexed. */
  #hashes = new Map<string, string>()
  readonly #targets = new WeakMap<Source, { key: string; target: FilterTarget }>()
  /** Recently read texts by hash (least recently used first), so typing a query does not re-read the same files. */
  readonly #texts = new Map<string, string>()
  #textChars = 0
  /** Seconds the saved index took to load, for the benchmark and the log. */
  loadSeconds = 0
  /** Texts indexed as they were imported and not saved yet. */
  #unsaved = 0

  constructor(
    private readonly store: ProjectStore,
    private readonly warn: (message: string) => void
  ) {}

  /** Loads the saved index; a missing one is simply empty, a damaged one is set aside and rebuilt by the next sync. */
  async load(): Promise<void> {
    const started = performance.now()
    const indexPath = join(this.store.dir, INDEX_FILE)
    try {
      const [bytes, state] = await Promise.all([readFile(indexPath), readFile(join(this.store.dir, STATE_FILE), 'utf-8')])
      const hashes = stateSchema.parse(JSON.parse(state)).hashes
      this.#index = SearchIndex.deserialize(bytes)
      this.#hashes = new Map(Object.entries(hashes))
    } catch (error: unknown) {
      this.#index = new SearchIndex()
      this.#hashes = new Map()
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        await rename(indexPath, `${indexPath}.damaged-${Date.now()}`).catch(() => undefined)
        this.warn(`search: the saved search index could not be read (${error instanceof Error ? error.message : String(error)}); it is being rebuilt`)
      }
    }
    this.loadSeconds = (performance.now() - started) / 1000
  }

  /** Indexes a text as the importer stores it, so the import need not read it back. */
  indexText(sourceId: string, contentHash: string, text: string): void {
    if (this.#hashes.get(sourceId) === contentHash) return
    this.#index.upsert(sourceId, text)
    this.#hashes.set(sourceId, contentHash)
    this.#unsaved++
  }

  #syncing: Promise<SyncReport> | null = null

  /** Indexes every source whose text is new or changed since it was indexed, then saves. Concurrent calls share one pass. */
  sync(): Promise<SyncReport> {
    this.#syncing ??= this.#syncNow().finally(() => {
      this.#syncing = null
    })
    return this.#syncing
  }

  async #syncNow(): Promise<SyncReport> {
    const started = performance.now()
    const sources = this.store.library.data.sources
    let indexed = 0
    let removed = 0
    for (const source of sources) {
      if (this.#hashes.get(source.id) === source.contentHash) continue
      const text = await this.store.readText(source.contentHash).catch(() => null)
      if (text === null) {
        // A damaged text (reported when the source is opened) must not keep matching its old words.
        if (this.#hashes.delete(source.id)) {
          this.#index.remove(source.id)
          removed++
        }
        continue
      }
      this.#index.upsert(source.id, searchableText(source.ocr, text))
      this.#hashes.set(source.id, source.contentHash)
      indexed++
    }
    const known = new Set(sources.map((source) => source.id))
    for (const key of [...this.#hashes.keys()]) {
      if (known.has(key)) continue
      this.#index.remove(key)
      this.#hashes.delete(key)
      removed++
    }
    if (indexed + removed + this.#unsaved > 0) await this.#save()
    indexed += this.#unsaved
    this.#unsaved = 0
    return { indexed, removed, seconds: (performance.now() - started) / 1000 }
  }

  async #save(): Promise<void> {
    const state = { version: 1 as const, hashes: Object.fromEntries(this.#hashes) }
    // The state is written last: after a crash between the two, the next sync re-indexes what it cannot vouch for.
    await writeFileAtomic(join(this.store.dir, INDEX_FILE), this.#index.serialize())
    await writeFileAtomic(join(this.store.dir, STATE_FILE), JSON.stringify(state))
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
    return { results, total: found.total, rankMs, tookMs: performance.now() - started, warnings: parsed.warnings, problem: null }
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
