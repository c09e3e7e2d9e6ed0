// The bulk of a segment: every term's postings packed into two byte arenas, with per-term
// offsets in typed arrays. One allocation per array rather than one object per term or
// posting keeps a 100,000-document index small and quick to load.
import { ByteBuffer } from './byte-buffer'
import type { PostingCursor, PostingSlice } from './posting-cursor'

export interface PostingArenas {
  /** Number of documents (live or not) in each term's list. */
  docFreq: Uint32Array
  /** Term t's document stream is docs[docsStart[t] .. docsStart[t + 1]). */
  docsStart: Uint32Array
  positionsStart: Uint32Array
  docs: Uint8Array
  positions: Uint8Array
}

export const EMPTY_ARENAS: PostingArenas = {
  docFreq: new Uint32Array(0),
  docsStart: new Uint32Array(1),
  positionsStart: new Uint32Array(1),
  docs: new Uint8Array(0),
  positions: new Uint8Array(0)
}

export function arenaSlice(arenas: PostingArenas, id: number, base: number): PostingSlice {
  return {
    base,
    docs: arenas.docs,
    docsFrom: arenas.docsStart[id] ?? 0,
    docsTo: arenas.docsStart[id + 1] ?? 0,
    positions: arenas.positions,
    positionsFrom: arenas.positionsStart[id] ?? 0
  }
}

/** Packs posting lists term by term, in sorted term order, into fresh arenas. */
export class ArenaWriter {
  readonly docs: ByteBuffer
  readonly positions: ByteBuffer
  readonly terms: string[] = []
  private readonly docFreq: number[] = []
  private readonly docsStart: number[] = [0]
  private readonly positionsStart: number[] = [0]

  constructor(docsCapacity = 1024, positionsCapacity = docsCapacity) {
    this.docs = new ByteBuffer(docsCapacity)
    this.positions = new ByteBuffer(positionsCapacity)
  }

  /**
   * Copies a cursor's postings under new document ids (`newIds[doc]`, negative: dropped) after
   * `previous`, the last id written for the current term; a sealing or a merge renumbers so.
   * Returns the new last id, the postings written, and the occurrences read.
   */
  copyRenumbered(cursor: PostingCursor, newIds: ArrayLike<number>, previous: number): { previous: number; written: number; read: number } {
    let written = 0
    let read = 0
    let last = previous
    while (cursor.next()) {
      read += cursor.tf
      const renumbered = newIds[cursor.doc] ?? -1
      if (renumbered < 0) continue
      this.docs.writeVarint(renumbered - last)
      this.docs.writeVarint(cursor.tf)
      cursor.copyPositions(this.positions)
      last = renumbered
      written++
    }
    return { previous: last, written, read }
  }

  /**
   * Copies term `id`'s postings from a segment none of whose documents is dropped, each
   * document's id moved up by `shift`, after `previous` (see copyRenumbered): only the
   * first gap changes, so the rest of the document stream and the whole position stream
   * are copied as they are (a merge after an import, where nothing was deleted, is mostly
   * this). Returns the new last id and the postings written.
   */
  copyShifted(arenas: PostingArenas, id: number, shift: number, previous: number): { previous: number; written: number } {
    const docs = arenas.docs
    const to = arenas.docsStart[id + 1] ?? 0
    let at = arenas.docsStart[id] ?? 0
    if (at >= to) return { previous, written: 0 }
    // The first gap counts from the segment's first document, as each document id does.
    let byte = docs[at++] ?? 0
    let first = byte & 0x7f
    for (let scale = 128; byte >= 0x80; scale *= 128) {
      byte = docs[at++] ?? 0
      first += (byte & 0x7f) * scale
    }
    const rest = at
    // The last document's id: the gaps summed, each term frequency skipped.
    let doc = first
    let written = 1
    while ((docs[at++] ?? 0) >= 0x80);
    while (at < to) {
      byte = docs[at++] ?? 0
      let gap = byte & 0x7f
      for (let scale = 128; byte >= 0x80; scale *= 128) {
        byte = docs[at++] ?? 0
        gap += (byte & 0x7f) * scale
      }
      doc += gap
      while ((docs[at++] ?? 0) >= 0x80);
      written++
    }
    this.docs.writeVarint(shift + first - previous)
    this.docs.writeBytes(docs, rest, to)
    this.positions.writeBytes(arenas.positions, arenas.positionsStart[id] ?? 0, arenas.positionsStart[id + 1] ?? 0)
    return { previous: shift + doc, written }
  }

  /** Closes the term whose postings (`count` documents) were just written to docs and positions. */
  endTerm(term: string, count: number): void {
    this.terms.push(term)
    this.docFreq.push(count)
    this.docsStart.push(this.docs.length)
    this.positionsStart.push(this.positions.length)
  }

  finish(): PostingArenas {
    return {
      docFreq: Uint32Array.from(this.docFreq),
      docsStart: Uint32Array.from(this.docsStart),
      positionsStart: Uint32Array.from(this.positionsStart),
      docs: this.docs.trimmed(),
      positions: this.positions.trimmed()
    }
  }
}
