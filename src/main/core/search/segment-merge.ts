// Merges a run of consecutive segments into one: the documents still alive when the merge
// began, renumbered in order, and every term's postings concatenated. Work is done in
// steps bounded by a deadline, so a large merge can run between queries on the event loop.
import { ArenaWriter } from './sealed-postings'
import { PostingCursor } from './posting-cursor'
import { Segment } from './segment'

/** Postings merged between two looks at the clock (a term's list is merged whole). */
const POSTINGS_PER_CHECK = 4096

function varintLength(value: number): number {
  let length = 1
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 128)) length++
  return length
}

export class SegmentMerge {
  /** For each part, local document id → id in the merged segment, or -1 when left out (dead when the merge began). */
  readonly newIds: Int32Array[]
  readonly #keys: string[] = []
  readonly #tags: string[] = []
  readonly #lengths: number[] = []
  readonly #removals: string[]
  readonly #writer: ArenaWriter
  /** Per part, the index of its next term to merge. */
  readonly #next: number[]
  /** Per part whose every document is kept, its first document's id in the merged segment (each id moves up by it); else -1. */
  readonly #shifts: number[]
  #result: Segment | null = null

  /**
   * `alive(part, doc)` says which documents to keep; `keepRemovals` is false only when the
   * run starts at the oldest segment, where removals have nothing left to delete.
   */
  constructor(
    readonly parts: readonly Segment[],
    alive: (part: number, doc: number) => boolean,
    keepRemovals: boolean
  ) {
    this.#shifts = []
    this.newIds = parts.map((segment, part) => {
      const ids = new Int32Array(segment.docCount).fill(-1)
      const first = this.#keys.length
      for (let doc = 0; doc < segment.docCount; doc++) {
        if (!alive(part, doc)) continue
        ids[doc] = this.#keys.length
        this.#keys.push(segment.keys[doc] ?? '')
        this.#tags.push(segment.tags[doc] ?? '')
        this.#lengths.push(segment.docLengths[doc] ?? 0)
      }
      this.#shifts.push(this.#keys.length - first === segment.docCount ? first : -1)
      return ids
    })
    this.#removals = keepRemovals ? [...new Set(parts.flatMap((segment) => segment.removals))].sort() : []
    const sum = (size: (segment: Segment) => number): number => parts.reduce((total, segment) => total + size(segment), 16)
    // Positions are copied byte for byte, and a document gap never grows but for the first of
    // each part's list, which can take up to (varint length of the merged segment's documents
    // - 1) bytes more: room for that, so the arena is never grown (a copy and twice the memory).
    const firstGapGrowth = varintLength(this.#keys.length) - 1
    this.#writer = new ArenaWriter(
      sum((segment) => segment.arenas.docs.length + firstGapGrowth * segment.arenas.docFreq.length),
      sum((segment) => segment.arenas.positions.length)
    )
    this.#next = parts.map(() => 0)
  }

  /** Merges until done or past `deadline` (a performance.now() value); true once done. */
  step(deadline: number): boolean {
    if (this.#result !== null) return true
    const parts = this.parts
    for (let work = 0; ; ) {
      let term: string | null = null
      for (let part = 0; part < parts.length; part++) {
        const candidate = parts[part]?.terms[this.#next[part] ?? 0]
        if (candidate !== undefined && (term === null || candidate < term)) term = candidate
      }
      if (term === null) break
      work += 16 + this.#mergeTerm(term)
      if (work < POSTINGS_PER_CHECK) continue
      work = 0
      if (performance.now() > deadline) return false
    }
    this.#result = new Segment({
      keys: this.#keys,
      tags: this.#tags,
      docLengths: Uint32Array.from(this.#lengths),
      removals: this.#removals,
      terms: this.#writer.terms,
      arenas: this.#writer.finish()
    })
    return true
  }

  /** The merged segment; only after step() returned true. */
  get result(): Segment {
    if (this.#result === null) throw new Error('search-index: the merge has not finished')
    return this.#result
  }

  /** Runs the whole merge now. */
  run(): Segment {
    this.step(Number.POSITIVE_INFINITY)
    return this.result
  }

  /** Merges one term's lists; returns how many postings it read. */
  #mergeTerm(term: string): number {
    const writer = this.#writer
    let previous = 0
    let count = 0
    let read = 0
    for (let part = 0; part < this.parts.length; part++) {
      const segment = this.parts[part]!
      const id = this.#next[part] ?? 0
      if (segment.terms[id] !== term) continue
      this.#next[part] = id + 1
      const shift = this.#shifts[part] ?? -1
      if (shift >= 0) {
        const copied = writer.copyShifted(segment.arenas, id, shift, previous)
        previous = copied.previous
        count += copied.written
        read += copied.written
        continue
      }
      const newIds = this.newIds[part] ?? new Int32Array(0)
      const copied = writer.copyRenumbered(new PostingCursor([{ ...segment.slice(id), base: 0 }]), newIds, previous)
      previous = copied.previous
      count += copied.written
      read += copied.read
    }
    if (count > 0) writer.endTerm(term, count)
    return read
  }
}
