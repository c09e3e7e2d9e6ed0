// The library-wide full-text index: a positional inverted index over documents identified
// by string keys, searched with parsed queries (src/shared/search/query.ts), ranked by
// BM25, updated incrementally and saved as one compact binary (index-file.ts).
//
// It keeps no document text: search() needs only the index; hitRanges() and snippets() take
// the text to mark. Removals leave tombstones until more than a quarter of the documents
// are dead, then everything is rewritten; recent additions are sealed into the arenas
// in batches. All methods are synchronous and the class is not meant for concurrent use.
import { hitRanges } from '../../../shared/search/hit-ranges'
import type { Query } from '../../../shared/search/query-types'
import { snippets, type Snippet } from '../../../shared/search/snippets'
import { forEachToken } from '../../../shared/search/tokenize'
import type { TextRange } from '../../../shared/text/find'
import { evaluate, type Corpus } from './evaluate'
import { decodeIndex, encodeIndex } from './index-file'
import { everyDocument } from './matches'
import { PostingStore } from './posting-store'
import { TopResults, type SearchResult } from './top-results'

export type { SearchResult } from './top-results'
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

/** Recent additions are sealed once they reach this many documents or half the sealed ones. */
const SEAL_MIN_DOCUMENTS = 2048
const DEAD_SHARE_BEFORE_COMPACTION = 0.25

function grown<T extends Uint8Array | Uint32Array>(array: T, needed: number, make: (size: number) => T): T {
  if (needed <= array.length) return array
  const bigger = make(Math.max(needed, array.length * 2))
  bigger.set(array)
  return bigger
}

export class SearchIndex {
  private store = new PostingStore()
  private keys: string[] = []
  private docLengths: Uint32Array = new Uint32Array(64)
  private alive: Uint8Array = new Uint8Array(64)
  private readonly byKey = new Map<string, number>()
  private docCount = 0
  private sealedDocCount = 0
  private liveLength = 0

  /** Number of documents in the index. */
  get size(): number {
    return this.byKey.size
  }

  has(key: string): boolean {
    return this.byKey.has(key)
  }

  /** Indexes `text` under `key`, replacing what was indexed under it before. */
  upsert(key: string, text: string): void {
    this.drop(key)
    const doc = this.docCount++
    const termPositions = new Map<string, number[]>()
    let position = 0
    forEachToken(text, (term) => {
      const positions = termPositions.get(term)
      if (positions === undefined) termPositions.set(term, [position++])
      else positions.push(position++)
    })
    this.store.addDocument(doc, termPositions)
    this.docLengths = grown(this.docLengths, doc + 1, (size) => new Uint32Array(size))
    this.alive = grown(this.alive, doc + 1, (size) => new Uint8Array(size))
    this.docLengths[doc] = position
    this.alive[doc] = 1
    this.keys[doc] = key
    this.byKey.set(key, doc)
    this.liveLength += position
    this.maintain()
  }

  remove(key: string): void {
    if (this.drop(key)) this.maintain()
  }

  search(query: Query, options: SearchOptions): SearchResults {
    if (query.root === null && query.filters.length === 0) return { total: 0, results: [] }
    const corpus: Corpus = {
      store: this.store,
      alive: this.alive,
      docLengths: this.docLengths,
      docCount: this.docCount,
      liveCount: this.size,
      averageLength: this.size === 0 ? 1 : Math.max(this.liveLength / this.size, 1)
    }
    // A query of filters only lists every document the filters accept.
    const matches = query.root === null ? everyDocument(this.alive, this.docCount) : evaluate(corpus, query.root)
    const offset = Math.max(0, Math.floor(options.offset ?? 0))
    const top = new TopResults(offset + Math.max(0, Math.floor(options.limit)))
    let total = 0
    for (let i = 0; i < matches.docs.length; i++) {
      const key = this.keys[matches.docs[i] ?? 0] ?? ''
      if (options.accept !== undefined && !options.accept(key)) continue
      total++
      top.offer({ key, score: matches.scores[i] ?? 0, hits: matches.hits[i] ?? 0 })
    }
    return { total, results: offset === 0 ? top.sorted() : top.sorted().slice(offset) }
  }

  /** Sorted, non-overlapping ranges in `text` of every hit of the query's positive clauses. */
  hitRanges(query: Query, text: string): TextRange[] {
    return hitRanges(query, text)
  }

  /** Up to `max` excerpts of `text` around the query's hits, with the hits' ranges in each excerpt. */
  snippets(query: Query, text: string, max = 3, context = 60): Snippet[] {
    return snippets(query, text, max, context)
  }

  /** Drops removed documents and seals recent additions now (normally automatic). */
  compact(): void {
    const newIdOf = new Int32Array(this.docCount).fill(-1)
    const keys: string[] = []
    const docLengths = new Uint32Array(Math.max(this.size, 64))
    for (let doc = 0; doc < this.docCount; doc++) {
      if (this.alive[doc] !== 1) continue
      const renumbered = keys.length
      newIdOf[doc] = renumbered
      keys.push(this.keys[doc] ?? '')
      docLengths[renumbered] = this.docLengths[doc] ?? 0
      this.byKey.set(this.keys[doc] ?? '', renumbered)
    }
    this.store.rebuild(newIdOf)
    this.keys = keys
    this.docLengths = docLengths
    this.alive = new Uint8Array(docLengths.length).fill(1, 0, keys.length)
    this.docCount = keys.length
    this.sealedDocCount = keys.length
  }

  /** The whole index as bytes for disk (recent changes are sealed first). */
  serialize(): Uint8Array {
    if (this.sealedDocCount !== this.docCount || this.size !== this.docCount) this.compact()
    return encodeIndex({ keys: this.keys, docLengths: this.docLengths.subarray(0, this.docCount), sealed: this.store.sealed })
  }

  /** Loads bytes from serialize(); throws an Error saying the index is damaged or of another version. */
  static deserialize(bytes: Uint8Array): SearchIndex {
    const snapshot = decodeIndex(bytes)
    const index = new SearchIndex()
    index.store = new PostingStore(snapshot.sealed)
    index.keys = snapshot.keys
    index.docLengths = snapshot.docLengths
    index.alive = new Uint8Array(snapshot.keys.length).fill(1)
    index.docCount = snapshot.keys.length
    index.sealedDocCount = snapshot.keys.length
    snapshot.keys.forEach((key, doc) => {
      if (index.byKey.has(key)) throw new Error(`search-index: the saved index is damaged (key ${key} appears twice); rebuild it`)
      index.byKey.set(key, doc)
      index.liveLength += snapshot.docLengths[doc] ?? 0
    })
    return index
  }

  private drop(key: string): boolean {
    const doc = this.byKey.get(key)
    if (doc === undefined) return false
    this.byKey.delete(key)
    this.alive[doc] = 0
    this.liveLength -= this.docLengths[doc] ?? 0
    return true
  }

  private maintain(): void {
    const dead = this.docCount - this.size
    const recent = this.docCount - this.sealedDocCount
    if (dead > this.docCount * DEAD_SHARE_BEFORE_COMPACTION || recent >= Math.max(SEAL_MIN_DOCUMENTS, this.sealedDocCount / 2)) this.compact()
  }
}
