// The segment that takes new and changed documents: postings appended to growable buffers,
// so an upsert costs only its own terms. seal() turns it into an immutable Segment, leaving
// out the documents replaced or removed meanwhile.
import { ByteBuffer } from './byte-buffer'
import { bufferSlice, PostingCursor, type PostingSlice } from './posting-cursor'
import { ArenaWriter } from './sealed-postings'
import { Segment } from './segment'
import { termDictionary, type TermDictionary } from './term-walk'

interface PendingTerm {
  docs: ByteBuffer
  positions: ByteBuffer
  lastDoc: number
  docFreq: number
}

export class MemorySegment {
  /** The global id of local document 0 (the sealed segments' documents come first). */
  base = 0
  readonly keys: string[] = []
  readonly tags: string[] = []
  readonly docLengths: number[] = []
  /** Keys removed since the last seal: the sealed segment must delete their older versions. */
  readonly removals = new Set<string>()
  private readonly pending = new Map<string, PendingTerm>()
  private sorted: TermDictionary | null = null
  /** Bytes of postings held, to seal before the buffers grow large. */
  bytes = 0

  get docCount(): number {
    return this.keys.length
  }

  get isEmpty(): boolean {
    return this.keys.length === 0 && this.removals.size === 0
  }

  /** Appends a document; returns its local id. */
  add(key: string, tag: string, termPositions: Map<string, number[]>, length: number): number {
    const doc = this.keys.length
    for (const [term, positions] of termPositions) {
      let entry = this.pending.get(term)
      if (entry === undefined) {
        entry = { docs: new ByteBuffer(8), positions: new ByteBuffer(8), lastDoc: 0, docFreq: 0 }
        this.pending.set(term, entry)
        this.sorted = null
      }
      const before = entry.docs.length + entry.positions.length
      entry.docs.writeVarint(doc - entry.lastDoc)
      entry.docs.writeVarint(positions.length)
      let previous = 0
      for (const position of positions) {
        entry.positions.writeVarint(position - previous)
        previous = position
      }
      entry.lastDoc = doc
      entry.docFreq++
      this.bytes += entry.docs.length + entry.positions.length - before
    }
    this.keys.push(key)
    this.tags.push(tag)
    this.docLengths.push(length)
    return doc
  }

  /** The vocabulary of the documents added so far, sorted. */
  get terms(): readonly string[] {
    return this.dictionary.terms
  }

  get dictionary(): TermDictionary {
    this.sorted ??= termDictionary([...this.pending.keys()].sort())
    return this.sorted
  }

  slice(term: string): { slice: PostingSlice; docFreq: number } | null {
    const entry = this.pending.get(term)
    if (entry === undefined) return null
    return { slice: bufferSlice(this.base, entry.docs, entry.positions), docFreq: entry.docFreq }
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
    const writer = new ArenaWriter(this.bytes + 16)
    for (const term of this.terms) {
      const entry = this.pending.get(term)
      if (entry === undefined) continue
      const { written } = writer.copyRenumbered(new PostingCursor([bufferSlice(0, entry.docs, entry.positions)]), newId, 0)
      if (written > 0) writer.endTerm(term, written)
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
