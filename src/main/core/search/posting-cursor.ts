// Walks one term's postings, document by document. A posting list is two varint streams:
// documents as (id gap, term frequency) and, apart, each document's positions as gaps, so
// a word query reads only the small first stream and a phrase decodes positions only for
// the documents it checks.
import type { ByteBuffer } from './byte-buffer'

/** A stretch of a term's postings: one segment's list. Its gaps count from `base`, the segment's first document id. */
export interface PostingSlice {
  base: number
  docs: Uint8Array
  docsFrom: number
  docsTo: number
  positions: Uint8Array
  positionsFrom: number
}

export function bufferSlice(base: number, docs: ByteBuffer, positions: ByteBuffer): PostingSlice {
  return { base, docs: docs.bytes, docsFrom: 0, docsTo: docs.length, positions: positions.bytes, positionsFrom: 0 }
}

export class PostingCursor {
  /** The current document id, valid after next() returned true. */
  doc = 0
  /** How often the term occurs in the current document. */
  tf = 0
  private slice = -1
  private docs: Uint8Array = new Uint8Array(0)
  private docsAt = 0
  private docsTo = 0
  private positionBytes: Uint8Array = new Uint8Array(0)
  private positionsAt = 0
  private unread = 0

  /** With `readsPositions` false the cursor skips the position stream entirely (readPositionsInto must not be called). */
  constructor(
    private readonly slices: readonly PostingSlice[],
    private readonly readsPositions = true
  ) {}

  next(): boolean {
    if (this.readsPositions) this.skipPositions()
    while (this.docsAt >= this.docsTo) {
      const slice = this.slices[++this.slice]
      if (slice === undefined) return false
      this.docs = slice.docs
      this.docsAt = slice.docsFrom
      this.docsTo = slice.docsTo
      this.positionBytes = slice.positions
      this.positionsAt = slice.positionsFrom
      this.doc = slice.base
    }
    const docs = this.docs
    let byte = docs[this.docsAt++] ?? 0
    let gap = byte & 0x7f
    for (let scale = 128; byte >= 0x80; scale *= 128) {
      byte = docs[this.docsAt++] ?? 0
      gap += (byte & 0x7f) * scale
    }
    this.doc += gap
    byte = docs[this.docsAt++] ?? 0
    let tf = byte & 0x7f
    for (let scale = 128; byte >= 0x80; scale *= 128) {
      byte = docs[this.docsAt++] ?? 0
      tf += (byte & 0x7f) * scale
    }
    this.tf = tf
    this.unread = tf
    return true
  }

  /** Writes the current document's positions (ascending) into `into` from `at`, which must have room for tf more; returns the new end. At most once per document. */
  readPositionsInto(into: Int32Array, at: number): number {
    const bytes = this.positionBytes
    let end = at
    let position = 0
    for (; this.unread > 0; this.unread--) {
      let byte = bytes[this.positionsAt++] ?? 0
      let gap = byte & 0x7f
      for (let scale = 128; byte >= 0x80; scale *= 128) {
        byte = bytes[this.positionsAt++] ?? 0
        gap += (byte & 0x7f) * scale
      }
      position += gap
      into[end++] = position
    }
    return end
  }

  /** Copies the current document's encoded positions as they are (they do not depend on the document id). */
  copyPositions(into: ByteBuffer): void {
    const from = this.positionsAt
    this.skipPositions()
    into.writeBytes(this.positionBytes, from, this.positionsAt)
  }

  private skipPositions(): void {
    const bytes = this.positionBytes
    let at = this.positionsAt
    for (let left = this.unread; left > 0; at++) if (((bytes[at] ?? 0) & 0x80) === 0) left--
    this.positionsAt = at
    this.unread = 0
  }
}
