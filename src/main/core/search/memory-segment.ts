// The segment that takes new and changed documents, so an upsert costs only its own terms.
// Postings go to a few flat, growable arrays shared by every term (a record per document
// and term, chained back to the term's previous one, and one byte stream of positions):
// a document adds no object or buffer per term, which is what an import's main thread
// spent its time on. A term's list is assembled when a query or seal() reads it; seal()
// turns the segment into an immutable Segment, leaving out the documents replaced or
// removed meanwhile.
import { ByteBuffer } from './byte-buffer'
import { groupedPositions, TokenIds, type DocumentTerms } from './document-terms'
import { grownInt32 } from './grown-array'
import { bufferSlice, type PostingSlice } from './posting-cursor'
import { ArenaWriter } from './sealed-postings'
import { Segment } from './segment'
import { TermTable } from './term-table'
import { termDictionary, type TermDictionary } from './term-walk'

/** A memory segment is sealed once it holds this many documents or bytes (postings and their records; news texts reach ~45 MB at 4,096). */
export const SEAL_DOCUMENTS = 4096
export const SEAL_BYTES = 64 << 20

/** A posting record: document, term frequency, start of its positions in the stream, previous record of the term (-1: none), term id. */
const STRIDE = 5

function varintLength(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5
}

/** The arrays a memory segment grows to hold its postings, passed on from one segment to the next (see MemorySegment's constructor). */
export interface SegmentArrays {
  records: Int32Array<ArrayBuffer>
  positions: ByteBuffer
  byTerm: Int32Array<ArrayBuffer>
}

export class MemorySegment {
  /** The global id of local document 0 (the sealed segments' documents come first). */
  base = 0
  readonly keys: string[] = []
  readonly tags: string[] = []
  readonly docLengths: number[] = []
  /** Keys removed since the last seal: the sealed segment must delete their older versions. */
  readonly removals = new Set<string>()
  /** Term ids, in order of first appearance. */
  private readonly vocabulary = new TermTable()
  /** Ids below this have their per-term entries set (termLast -1, the rest 0). */
  private termsReady = 0
  /** Per term id: how many documents hold it, its newest posting record, and that record's document (kept here: the record itself is far away in memory). */
  private termDocFreq = new Int32Array(1024)
  private termLast = new Int32Array(1024).fill(-1)
  private termLastDoc = new Int32Array(1024)
  /** addText's scratch: the text's tokens numbered by a table of the document's own, and the vocabulary's id of each. */
  private tokens: TokenIds | null = null
  private distinctIds = new Int32Array(0)
  private records: Int32Array<ArrayBuffer>
  private recordCount = 0
  /** Every record's positions, as varint gaps, one record after the other. */
  private readonly positions: ByteBuffer
  /** seal()'s records grouped by term. */
  private byTerm: Int32Array<ArrayBuffer>
  private sorted: TermDictionary | null = null
  /** Bytes the postings take encoded, to seal before they grow large. */
  bytes = 0

  /**
   * `spare`: the large arrays of a sealed segment no longer used (takeArrays), which this one
   * writes over (SegmentBatches seals one segment after another): fresh memory costs a page
   * fault per 4 KB on first touch, which was a fifth of indexing a document on the import threads.
   */
  constructor(spare?: SegmentArrays) {
    this.records = spare?.records ?? new Int32Array(STRIDE * 4096)
    this.positions = spare?.positions ?? new ByteBuffer(1 << 16)
    this.positions.length = 0
    this.byTerm = spare?.byTerm ?? new Int32Array(0)
  }

  /** After seal(): its large arrays, for the next segment (see the constructor); this segment is not to be used again. */
  takeArrays(): SegmentArrays {
    const arrays = { records: this.records, positions: this.positions, byTerm: this.byTerm }
    this.records = new Int32Array(0)
    this.byTerm = new Int32Array(0)
    this.recordCount = 0
    return arrays
  }

  get docCount(): number {
    return this.keys.length
  }

  /**
   * Bytes the segment holds while it grows: the encoded postings plus each document-term
   * record (20 bytes) and what seal() adds per record (16), which outweigh the encoded form
   * for documents with many distinct terms.
   */
  get heldBytes(): number {
    return this.bytes + this.recordCount * (STRIDE * 4 + 16)
  }

  /** Whether it is time to seal it (SEAL_DOCUMENTS, SEAL_BYTES). */
  get isFull(): boolean {
    return this.keys.length >= SEAL_DOCUMENTS || this.heldBytes >= SEAL_BYTES
  }

  get isEmpty(): boolean {
    return this.keys.length === 0 && this.removals.size === 0
  }

  /** Appends a document split into terms (documentTerms); returns its local id. */
  add(key: string, tag: string, document: DocumentTerms): number {
    const { terms, counts, positions } = document
    const ids = new Int32Array(terms.length)
    for (let i = 0; i < terms.length; i++) ids[i] = this.vocabulary.add(terms[i] as string)
    this.readyTerms()
    return this.append(key, tag, ids, terms.length, counts, positions)
  }

  /**
   * Appends a document from its text; returns its local id. The same as add(key, tag,
   * documentTerms(text)), without a string per token or a map per document: tokens are
   * looked up in the segment's vocabulary where they lie in the text.
   */
  addText(key: string, tag: string, text: string): number {
    // The document's own table first (small, so its lookups stay in cache; its numbers are
    // the order of first occurrence), then one lookup in the vocabulary per distinct term.
    this.tokens ??= new TokenIds(new TermTable())
    const scan = this.tokens
    const own = scan.table
    own.clear()
    scan.read(text)
    const distinct = own.size
    if (this.distinctIds.length < distinct) this.distinctIds = new Int32Array(Math.max(distinct, this.distinctIds.length * 2))
    const ids = this.distinctIds
    for (let local = 0; local < distinct; local++) ids[local] = this.vocabulary.addHashed(own.terms[local] as string, own.hashAt(local))
    this.readyTerms()
    const { counts, positions } = groupedPositions(scan.ids, scan.count, distinct)
    scan.release()
    return this.append(key, tag, ids, distinct, counts, positions)
  }

  /** Sets up the per-term entries of the ids the vocabulary gave since the last call. */
  private readyTerms(): void {
    const size = this.vocabulary.size
    if (size === this.termsReady) return
    if (size > this.termLast.length) {
      const length = Math.max(size, this.termLast.length * 2)
      this.termDocFreq = grownInt32(this.termDocFreq, length)
      this.termLastDoc = grownInt32(this.termLastDoc, length)
      const last = grownInt32(this.termLast, length)
      last.fill(-1, this.termLast.length)
      this.termLast = last
    }
    this.termsReady = size
    this.sorted = null
  }

  /** Writes a document's posting records: its distinct terms' ids `ids[0, termCount)`, their counts and grouped positions (see DocumentTerms). */
  private append(key: string, tag: string, ids: Int32Array, termCount: number, counts: Uint32Array, positions: Uint32Array): number {
    const doc = this.keys.length
    // Room for the whole document at once: the loops below write straight into the arrays.
    const stream = this.positions
    stream.reserve(positions.length * 5)
    const out = stream.bytes
    let at = stream.length
    let record = this.recordCount
    if (this.records.length < (record + termCount) * STRIDE) this.records = grownInt32(this.records, (record + termCount) * STRIDE)
    const records = this.records
    let from = 0
    let bytes = 0
    for (let i = 0; i < termCount; i++) {
      const id = ids[i] as number
      const tf = counts[i] as number
      const previous = this.termLast[id] as number
      const o = record * STRIDE
      records[o] = doc
      records[o + 1] = tf
      records[o + 2] = at
      records[o + 3] = previous
      records[o + 4] = id
      const gapFrom = previous < 0 ? 0 : (this.termLastDoc[id] as number)
      this.termLast[id] = record
      this.termLastDoc[id] = doc
      this.termDocFreq[id] = (this.termDocFreq[id] as number) + 1
      record++
      const before = at
      let last = 0
      for (const end = from + tf; from < end; from++) {
        const position = positions[from] as number
        // Varint of the gap (positions are below 2^31).
        let gap = position - last
        last = position
        while (gap >= 0x80) {
          out[at++] = (gap & 0x7f) | 0x80
          gap >>>= 7
        }
        out[at++] = gap
      }
      bytes += varintLength(doc - gapFrom) + varintLength(tf) + at - before
    }
    stream.length = at
    this.recordCount = record
    this.bytes += bytes
    this.keys.push(key)
    this.tags.push(tag)
    this.docLengths.push(positions.length)
    return doc
  }

  /** The vocabulary of the documents added so far, sorted. */
  get terms(): readonly string[] {
    return this.dictionary.terms
  }

  get dictionary(): TermDictionary {
    this.sorted ??= termDictionary(this.vocabulary.terms.slice().sort())
    return this.sorted
  }

  /** A term's posting records, oldest (lowest document) first. */
  private chain(id: number): Int32Array {
    const chain = new Int32Array(this.termDocFreq[id] as number)
    let record = this.termLast[id] as number
    for (let k = chain.length - 1; k >= 0; k--) {
      chain[k] = record
      record = this.records[record * STRIDE + 3] as number
    }
    return chain
  }

  /** Where a record's positions end in the stream: where the next record's start. */
  private positionsEnd(record: number): number {
    return record + 1 < this.recordCount ? (this.records[(record + 1) * STRIDE + 2] as number) : this.positions.length
  }

  /**
   * Copies records (doc, tf, start and end of positions) into `into` from `at` on, 4 numbers
   * each, so that writing them out reads memory in order.
   */
  private copyRecord(record: number, into: Int32Array, at: number): void {
    const o = record * STRIDE
    into[at] = this.records[o] as number
    into[at + 1] = this.records[o + 1] as number
    into[at + 2] = this.records[o + 2] as number
    into[at + 3] = this.positionsEnd(record)
  }

  /**
   * Writes postings (4 numbers each, see copyRecord; one term's, oldest first) as a sealed
   * list does: document gaps and frequencies, positions as they are; documents renumbered
   * by `newId` (negative: left out). Returns how many were written.
   */
  private writePostings(postings: Int32Array, from: number, to: number, docs: ByteBuffer, positions: ByteBuffer, newId?: Int32Array): number {
    const stream = this.positions.bytes
    // Room for the lot first (at most two 5-byte varints each), then plain writes: this is most of a seal.
    docs.reserve((to - from) * 10)
    const out = docs.bytes
    let at = docs.length
    let last = 0
    let written = 0
    for (let o = from * 4; o < to * 4; o += 4) {
      const doc = newId === undefined ? (postings[o] as number) : (newId[postings[o] as number] as number)
      if (doc < 0) continue
      let gap = doc - last
      while (gap >= 0x80) {
        out[at++] = (gap & 0x7f) | 0x80
        gap >>>= 7
      }
      out[at++] = gap
      let tf = postings[o + 1] as number
      while (tf >= 0x80) {
        out[at++] = (tf & 0x7f) | 0x80
        tf >>>= 7
      }
      out[at++] = tf
      positions.writeBytes(stream, postings[o + 2] as number, postings[o + 3] as number)
      last = doc
      written++
    }
    docs.length = at
    return written
  }

  slice(term: string): { slice: PostingSlice; docFreq: number } | null {
    const id = this.vocabulary.idOf(term)
    if (id === undefined) return null
    const docFreq = this.termDocFreq[id] as number
    const docs = new ByteBuffer(docFreq * 2 + 8)
    const positions = new ByteBuffer(64)
    const chain = this.chain(id)
    const postings = new Int32Array(chain.length * 4)
    for (let k = 0; k < chain.length; k++) this.copyRecord(chain[k] as number, postings, k * 4)
    this.writePostings(postings, 0, chain.length, docs, positions)
    return { slice: bufferSlice(this.base, docs, positions), docFreq }
  }

  /** An immutable segment of the documents `alive` keeps (renumbered in order) and the removals. */
  seal(alive: (doc: number) => boolean): Segment {
    const newId = new Int32Array(this.keys.length).fill(-1)
    const keys: string[] = []
    const tags: string[] = []
    const lengths: number[] = []
    for (let doc = 0; doc < this.keys.length; doc++) {
      if (!alive(doc)) continue
      newId[doc] = keys.length
      keys.push(this.keys[doc] ?? '')
      tags.push(this.tags[doc] ?? '')
      lengths.push(this.docLengths[doc] ?? 0)
    }
    // Every record grouped by term, terms in sorted order, each term's records in document
    // order (the order they were added): one counting sort, read in order then written out in order.
    const terms = this.terms
    const termCount = terms.length
    const start = new Int32Array(termCount + 1)
    const rankOf = new Int32Array(termCount)
    for (let rank = 0; rank < termCount; rank++) {
      const id = this.vocabulary.idOf(terms[rank] as string) as number
      rankOf[id] = rank
      start[rank + 1] = (start[rank] as number) + (this.termDocFreq[id] as number)
    }
    const next = start.slice(0, termCount)
    if (this.byTerm.length < this.recordCount * 4) this.byTerm = new Int32Array(this.recordCount * 4)
    const byTerm = this.byTerm
    const records = this.records
    for (let record = 0; record < this.recordCount; record++) {
      const rank = rankOf[records[record * STRIDE + 4] as number] as number
      const slot = next[rank] as number
      next[rank] = slot + 1
      this.copyRecord(record, byTerm, 4 * slot)
    }
    const writer = new ArenaWriter(this.bytes + 16)
    for (let rank = 0; rank < termCount; rank++) {
      const written = this.writePostings(byTerm, start[rank] as number, start[rank + 1] as number, writer.docs, writer.positions, newId)
      if (written > 0) writer.endTerm(terms[rank] as string, written)
    }
    return new Segment({
      keys,
      tags,
      docLengths: Uint32Array.from(lengths),
      removals: [...this.removals].sort(),
      terms: writer.terms,
      arenas: writer.finish()
    })
  }
}
