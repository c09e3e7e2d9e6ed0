// All postings of the index: the sealed arenas plus, per term, what was added since the
// last seal (appended in growable buffers so an upsert is cheap). Looking a term up, or
// expanding a prefix or fuzzy matcher over the vocabulary, sees both parts as one list.
import { acceptsTerm } from '../../../shared/search/term-matcher'
import type { TermMatcher } from '../../../shared/search/query-types'
import { ByteBuffer } from './byte-buffer'
import { bufferSlice, PostingCursor, type PostingSlice } from './posting-cursor'
import { lowerBound } from './lower-bound'
import { EMPTY_SEALED, findTerm, sealedSlice, type SealedPostings } from './sealed-postings'

interface PendingTerm {
  docs: ByteBuffer
  positions: ByteBuffer
  lastDoc: number
  docFreq: number
}

/** One term's whole posting list. */
export interface TermPostings {
  term: string
  slices: PostingSlice[]
  /** Documents in the list, removed ones included (they are skipped when read). */
  docFreq: number
}

const NO_TERMS: TermPostings[] = []

export class PostingStore {
  private pending = new Map<string, PendingTerm>()
  /** Sorted terms that exist only in `pending`, for prefix and fuzzy expansion; null when stale. */
  private pendingOnly: string[] | null = null
  /** Sealed term ids by term length, for fuzzy expansion; null when stale. */
  private byLength: Map<number, number[]> | null = null

  constructor(public sealed: SealedPostings = EMPTY_SEALED) {}

  /** Appends one document; `doc` must be greater than every id added before. */
  addDocument(doc: number, termPositions: Map<string, number[]>): void {
    for (const [term, positions] of termPositions) {
      let entry = this.pending.get(term)
      if (entry === undefined) {
        const id = findTerm(this.sealed, term)
        entry = { docs: new ByteBuffer(8), positions: new ByteBuffer(8), lastDoc: id >= 0 ? (this.sealed.lastDoc[id] ?? 0) : 0, docFreq: 0 }
        this.pending.set(term, entry)
        if (id < 0) this.pendingOnly = null
      }
      entry.docs.writeVarint(doc - entry.lastDoc)
      entry.docs.writeVarint(positions.length)
      let previous = 0
      for (const position of positions) {
        entry.positions.writeVarint(position - previous)
        previous = position
      }
      entry.lastDoc = doc
      entry.docFreq++
    }
  }

  get pendingTermCount(): number {
    return this.pending.size
  }

  postings(term: string): TermPostings | null {
    return this.postingsOf(term, findTerm(this.sealed, term))
  }

  /** The posting lists of every term the matcher accepts. */
  expand(matcher: TermMatcher): TermPostings[] {
    if (matcher.kind === 'word') {
      const postings = this.postings(matcher.word)
      return postings === null ? NO_TERMS : [postings]
    }
    const found: TermPostings[] = []
    const add = (term: string, id: number): void => {
      const postings = this.postingsOf(term, id)
      if (postings !== null) found.push(postings)
    }
    const pendingOnly = this.sortedPendingOnly()
    if (matcher.kind === 'prefix') {
      const { terms } = this.sealed
      const end = lowerBound(terms, `${matcher.prefix}\uffff`)
      for (let id = lowerBound(terms, matcher.prefix); id < end; id++) add(terms[id] ?? '', id)
      const pendingEnd = lowerBound(pendingOnly, `${matcher.prefix}\uffff`)
      for (let k = lowerBound(pendingOnly, matcher.prefix); k < pendingEnd; k++) add(pendingOnly[k] ?? '', -1)
      return found
    }
    const buckets = this.lengthBuckets()
    for (let length = matcher.word.length - matcher.distance; length <= matcher.word.length + matcher.distance; length++) {
      for (const id of buckets.get(length) ?? []) {
        const term = this.sealed.terms[id] ?? ''
        if (acceptsTerm(matcher, term)) add(term, id)
      }
    }
    for (const term of pendingOnly) if (acceptsTerm(matcher, term)) add(term, -1)
    return found
  }

  /**
   * Rewrites everything into new sealed arenas, keeping only documents with `newIdOf[doc] >= 0`
   * and renumbering them; `newIdOf` must keep the documents' order.
   */
  rebuild(newIdOf: Int32Array): void {
    const old = this.sealed
    let pendingBytes = 0
    for (const entry of this.pending.values()) pendingBytes += entry.docs.length + entry.positions.length
    const docs = new ByteBuffer(old.docs.length + pendingBytes + 16)
    const positions = new ByteBuffer(old.positions.length + pendingBytes + 16)
    const terms: string[] = []
    const docFreq: number[] = []
    const lastDoc: number[] = []
    const docsStart: number[] = [0]
    const positionsStart: number[] = [0]
    const keep = (term: string, id: number): void => {
      const postings = this.postingsOf(term, id)
      if (postings === null) return
      const cursor = new PostingCursor(postings.slices)
      let previous = 0
      let count = 0
      while (cursor.next()) {
        const renumbered = newIdOf[cursor.doc] ?? -1
        if (renumbered < 0) continue
        docs.writeVarint(renumbered - previous)
        docs.writeVarint(cursor.tf)
        cursor.copyPositions(positions)
        previous = renumbered
        count++
      }
      if (count === 0) return
      terms.push(term)
      docFreq.push(count)
      lastDoc.push(previous)
      docsStart.push(docs.length)
      positionsStart.push(positions.length)
    }
    const pendingOnly = this.sortedPendingOnly()
    let k = 0
    for (let id = 0; id < old.terms.length; id++) {
      const term = old.terms[id] ?? ''
      for (; k < pendingOnly.length && (pendingOnly[k] ?? '') < term; k++) keep(pendingOnly[k] ?? '', -1)
      keep(term, id)
    }
    for (; k < pendingOnly.length; k++) keep(pendingOnly[k] ?? '', -1)
    this.sealed = {
      terms,
      docFreq: Uint32Array.from(docFreq),
      lastDoc: Uint32Array.from(lastDoc),
      docsStart: Uint32Array.from(docsStart),
      positionsStart: Uint32Array.from(positionsStart),
      docs: docs.toBytes(),
      positions: positions.toBytes()
    }
    this.pending.clear()
    this.pendingOnly = null
    this.byLength = null
  }

  private postingsOf(term: string, id: number): TermPostings | null {
    const entry = this.pending.get(term)
    if (id < 0 && entry === undefined) return null
    const slices: PostingSlice[] = []
    let docFreq = 0
    if (id >= 0) {
      slices.push(sealedSlice(this.sealed, id))
      docFreq += this.sealed.docFreq[id] ?? 0
    }
    if (entry !== undefined) {
      slices.push(bufferSlice(entry.docs, entry.positions))
      docFreq += entry.docFreq
    }
    return { term, slices, docFreq }
  }

  private sortedPendingOnly(): string[] {
    if (this.pendingOnly === null) {
      this.pendingOnly = [...this.pending.keys()].filter((term) => findTerm(this.sealed, term) < 0).sort()
    }
    return this.pendingOnly
  }

  private lengthBuckets(): Map<number, number[]> {
    if (this.byLength === null) {
      const buckets = new Map<number, number[]>()
      this.sealed.terms.forEach((term, id) => {
        const bucket = buckets.get(term.length)
        if (bucket === undefined) buckets.set(term.length, [id])
        else bucket.push(id)
      })
      this.byLength = buckets
    }
    return this.byLength
  }
}
