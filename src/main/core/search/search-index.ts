// The library-wide full-text index: a positional inverted index over documents identified
// by string keys, searched with parsed queries (src/shared/search/query.ts), ranked by
// BM25 over global statistics, and made of segments so that a change costs what it changes.
//
// New and changed documents go to a small in-memory segment; seal() makes it immutable and
// it is saved once (index-store.ts). A replaced or removed document stays in its segment as
// a tombstone (dead in `alive`) until a merge (segment-merge.ts) rewrites that segment.
// Document ids are global: each segment's documents follow the previous segment's. The
// index keeps no text: hitRanges() and snippets() take the text to mark. It is synchronous
// and not meant for concurrent use; merges are prepared aside and swapped in at once.
import { hitRanges } from '../../../shared/search/hit-ranges'
import type { Query } from '../../../shared/search/query-types'
import { snippets, type Snippet } from '../../../shared/search/snippets'
import type { TextRange } from '../../../shared/text/find'
import type { DocumentTerms } from './document-terms'
import { evaluate, type Corpus } from './evaluate'
import { grown } from './grown-array'
import { everyDocument } from './matches'
import { MemorySegment } from './memory-segment'
import type { SegmentStats } from './merge-policy'
import type { Segment } from './segment'
import { SegmentMerge } from './segment-merge'
import { SegmentPostings } from './segment-postings'
import type { TermUnion } from './term-union'
import { TopResults, type SearchResult } from './top-results'
import { topWordResults } from './top-word'

export type { SearchResult } from './top-results'
export type { DocumentTerms } from './document-terms'
export type { Snippet } from '../../../shared/search/snippets'

export interface SearchOptions {
  /** Results to return at most (one page). */
  limit: number
  /** Results to skip first, for the pages after the first; 0 when absent. */
  offset?: number
  /** Metadata filters, applied by the caller (see shared/search/filters.ts). */
  accept?: (key: string) => boolean
}

export interface SearchResults {
  /** Matching documents the caller accepts, before `offset` and `limit`. */
  total: number
  /** Best first: score descending, then key ascending, so consecutive pages never overlap or skip. */
  results: SearchResult[]
}

/** Below this many documents, walking each segment's vocabulary for a fuzzy term is quick enough. */
const UNION_MIN_DOCUMENTS = 20_000
/** A new union is worth building once the segments it does not cover hold this share of those it does. */
const UNION_STALE_SHARE = 0.25

export class SearchIndex {
  private segments: Segment[] = []
  private memory = new MemorySegment()
  /** The large segments' vocabularies in one, for fuzzy terms; built in the background (index-store.ts). */
  private union: TermUnion | null = null
  /** Global document id → key, tag, length and liveness; sealed segments first, then the memory segment. */
  private keys: string[] = []
  private tags: string[] = []
  private docLengths: Uint32Array = new Uint32Array(64)
  private alive: Uint8Array = new Uint8Array(64)
  private docCount = 0
  /** Live documents by key. */
  private readonly byKey = new Map<string, number>()
  private liveLength = 0

  /** Number of documents in the index. */
  get size(): number {
    return this.byKey.size
  }

  has(key: string): boolean {
    return this.byKey.has(key)
  }

  /** The tag given with the indexed version of `key` (upsert's third argument). */
  tagOf(key: string): string | undefined {
    const doc = this.byKey.get(key)
    return doc === undefined ? undefined : this.tags[doc]
  }

  /** Every indexed key. */
  indexedKeys(): IterableIterator<string> {
    return this.byKey.keys()
  }

  /**
   * Indexes `text` under `key`, replacing what was indexed under it before; `tag` is kept with
   * it (e.g. the text's hash). The text may come already split into terms (documentTerms, as
   * the extraction threads do during an import).
   */
  upsert(key: string, text: string | DocumentTerms, tag = ''): void {
    this.drop(key)
    const local = typeof text === 'string' ? this.memory.addText(key, tag, text) : this.memory.add(key, tag, text)
    const doc = this.memory.base + local
    this.append(doc, key, tag, this.memory.docLengths[local] as number)
    if (this.memory.isFull) this.seal()
  }

  remove(key: string): void {
    // The sealed segment must say so: the key's older versions live on in other segments' files.
    if (this.drop(key)) this.memory.removals.add(key)
  }

  search(query: Query, options: SearchOptions): SearchResults {
    if (query.root === null && query.filters.length === 0) return { total: 0, results: [] }
    const corpus: Corpus = {
      store: new SegmentPostings(this.segments, this.memory, this.union),
      alive: this.alive,
      docLengths: this.docLengths,
      docCount: this.docCount,
      liveCount: this.size,
      averageLength: this.size === 0 ? 1 : Math.max(this.liveLength / this.size, 1)
    }
    const offset = Math.max(0, Math.floor(options.offset ?? 0))
    const top = new TopResults(offset + Math.max(0, Math.floor(options.limit)))
    const page = (total: number): SearchResults => ({ total, results: offset === 0 ? top.sorted() : top.sorted().slice(offset) })
    if (query.root?.kind === 'word') {
      const [postings] = corpus.store.expand(query.root)
      return page(postings === undefined ? 0 : topWordResults(corpus, postings, (doc) => this.keys[doc] ?? '', top, options.accept))
    }
    // A query of filters only lists every document the filters accept.
    const matches = query.root === null ? everyDocument(this.alive, this.docCount) : evaluate(corpus, query.root)
    let total = 0
    for (let i = 0; i < matches.docs.length; i++) {
      const doc = matches.docs[i] ?? 0
      const score = matches.scores[i] ?? 0
      if (options.accept === undefined) {
        if (top.admits(score)) top.offer({ key: this.keys[doc] ?? '', score, hits: matches.hits[i] ?? 0 })
        continue
      }
      const key = this.keys[doc] ?? ''
      if (!options.accept(key)) continue
      total++
      if (top.admits(score)) top.offer({ key, score, hits: matches.hits[i] ?? 0 })
    }
    return page(options.accept === undefined ? matches.docs.length : total)
  }

  /** Sorted, non-overlapping ranges in `text` of every hit of the query's positive clauses. */
  hitRanges(query: Query, text: string): TextRange[] {
    return hitRanges(query, text)
  }

  /** Up to `max` excerpts of `text` around the query's hits, with the hits' ranges in each excerpt. */
  snippets(query: Query, text: string, max = 3, context = 60): Snippet[] {
    return snippets(query, text, max, context)
  }

  /** The sealed segments, oldest first (read only: the index owns them). */
  get sealedSegments(): readonly Segment[] {
    return this.segments
  }

  /** Whether the in-memory segment holds changes not sealed yet. */
  get hasUnsealed(): boolean {
    return !this.memory.isEmpty
  }

  /** Makes the in-memory segment's changes an immutable segment (appended last); null when there were none. */
  seal(): Segment | null {
    if (this.memory.isEmpty) return null
    const memory = this.memory
    const segment = memory.seal((doc) => this.alive[memory.base + doc] === 1)
    // Replaced documents are left out, so the memory segment's live documents move down.
    segment.base = memory.base
    this.docCount = memory.base
    this.alive.fill(0, memory.base, memory.base + memory.docCount)
    for (let doc = 0; doc < segment.docCount; doc++) this.append(segment.base + doc, segment.keys[doc] ?? '', segment.tags[doc] ?? '', segment.docLengths[doc] ?? 0, false)
    this.keys.length = this.docCount
    this.tags.length = this.docCount
    this.segments.push(segment)
    this.memory = new MemorySegment()
    this.memory.base = this.docCount
    return segment
  }

  /** Adds a saved segment after the others, applying its removals and replacements to them. Only while nothing is unsealed. */
  addSegment(segment: Segment): void {
    if (!this.memory.isEmpty) throw new Error('search-index: segments are added only while nothing is unsealed')
    for (const key of segment.removals) this.drop(key)
    segment.base = this.docCount
    this.reserve(this.docCount + segment.docCount)
    for (let doc = 0; doc < segment.docCount; doc++) {
      const key = segment.keys[doc] ?? ''
      this.drop(key)
      this.append(segment.base + doc, key, segment.tags[doc] ?? '', segment.docLengths[doc] ?? 0)
    }
    this.segments.push(segment)
    this.memory.base = this.docCount
  }

  /** Whether enough documents sit in segments no vocabulary union covers that building one pays. */
  get wantsUnion(): boolean {
    let covered = 0
    let uncovered = 0
    for (const segment of this.segments) {
      if (this.union?.covers.has(segment) === true) covered += segment.docCount
      else uncovered += segment.docCount
    }
    return covered + uncovered >= UNION_MIN_DOCUMENTS && uncovered > covered * UNION_STALE_SHARE
  }

  /** Installs a vocabulary union built from (some of) the sealed segments; those merged away meanwhile are no longer covered. */
  setUnion(union: TermUnion): void {
    for (const segment of union.covers) if (!this.segments.includes(segment)) union.covers.delete(segment)
    this.union = union
  }

  /** Documents and tombstones per sealed segment, for the merge policy. */
  segmentStats(): SegmentStats[] {
    return this.segments.map((segment) => {
      let live = 0
      for (let doc = segment.base; doc < segment.base + segment.docCount; doc++) live += this.alive[doc] ?? 0
      return { docs: segment.docCount, dead: segment.docCount - live, bytes: segment.bytes }
    })
  }

  /** Prepares merging sealed segments first..last (inclusive); the index answers from them until applyMerge. */
  beginMerge(first: number, last: number): SegmentMerge {
    const parts = this.segments.slice(first, last + 1)
    const alive = parts.map((segment) => this.alive.slice(segment.base, segment.base + segment.docCount))
    return new SegmentMerge(parts, (part, doc) => alive[part]?.[doc] === 1, first > 0)
  }

  /**
   * Swaps a finished merge in for its parts; documents that died meanwhile stay dead. False
   * (and nothing changed) when the parts are no longer consecutive sealed segments here.
   */
  applyMerge(merge: SegmentMerge): boolean {
    const parts = merge.parts
    const first = this.segments.indexOf(parts[0] as Segment)
    if (first < 0 || parts.some((part, k) => this.segments[first + k] !== part)) return false
    const merged = merge.result
    const start = parts[0]?.base ?? 0
    const end = start + parts.reduce((sum, part) => sum + part.docCount, 0)
    const mergedAlive = new Uint8Array(merged.docCount).fill(1)
    parts.forEach((part, k) => {
      const newIds = merge.newIds[k] ?? new Int32Array(0)
      for (let doc = 0; doc < part.docCount; doc++) {
        const id = newIds[doc] ?? -1
        if (id >= 0 && this.alive[part.base + doc] !== 1) mergedAlive[id] = 0
      }
    })
    const shift = end - start - merged.docCount
    const tailAlive = this.alive.slice(end, this.docCount)
    const tailLengths = this.docLengths.slice(end, this.docCount)
    this.keys = this.keys.slice(0, start).concat(merged.keys, this.keys.slice(end, this.docCount))
    this.tags = this.tags.slice(0, start).concat(merged.tags, this.tags.slice(end, this.docCount))
    this.alive.set(mergedAlive, start)
    this.alive.set(tailAlive, start + merged.docCount)
    this.docLengths.set(merged.docLengths, start)
    this.docLengths.set(tailLengths, start + merged.docCount)
    this.docCount -= shift
    this.alive.fill(0, this.docCount)
    // Live documents from the merged one on have new ids.
    for (let doc = start; doc < this.docCount; doc++) if (this.alive[doc] === 1) this.byKey.set(this.keys[doc] ?? '', doc)
    const keep = merged.docCount > 0 || merged.removals.length > 0
    // A merge keeps a subset of its parts' terms: covered parts make a covered result.
    const covers = this.union?.covers
    if (covers !== undefined) {
      const covered = parts.every((part) => covers.has(part))
      for (const part of parts) covers.delete(part)
      if (covered && keep) covers.add(merged)
    }
    this.segments.splice(first, parts.length, ...(keep ? [merged] : []))
    merged.base = start
    for (const segment of this.segments.slice(first + (keep ? 1 : 0))) segment.base -= shift
    this.memory.base -= shift
    return true
  }

  /** Seals and merges everything into one segment now (tests and tools; the app merges in the background). */
  compact(): void {
    this.seal()
    if (this.segments.length === 0) return
    const merge = this.beginMerge(0, this.segments.length - 1)
    merge.run()
    this.applyMerge(merge)
  }

  private reserve(needed: number): void {
    this.docLengths = grown(this.docLengths, needed, (size) => new Uint32Array(size))
    this.alive = grown(this.alive, needed, (size) => new Uint8Array(size))
  }

  private append(doc: number, key: string, tag: string, length: number, counted = true): void {
    this.reserve(doc + 1)
    this.docLengths[doc] = length
    this.alive[doc] = 1
    this.keys[doc] = key
    this.tags[doc] = tag
    this.byKey.set(key, doc)
    this.docCount = doc + 1
    if (counted) this.liveLength += length
  }

  private drop(key: string): boolean {
    const doc = this.byKey.get(key)
    if (doc === undefined) return false
    this.byKey.delete(key)
    this.alive[doc] = 0
    this.liveLength -= this.docLengths[doc] ?? 0
    return true
  }
}
