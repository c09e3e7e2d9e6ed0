// Index segments built where the documents are read. During a bulk import each extraction
// thread adds the documents it extracted to a memory segment of its own, and hands the
// sealed segment over encoded (as its file will hold it): the main thread then takes in
// a few thousand documents at once (SearchIndex takes any segment) instead of adding each
// document's terms, which was the largest part of its import work. A batch is one import;
// its last, partly filled segment is handed over when the import asks (flush).
import { MemorySegment, type SegmentArrays } from './memory-segment'
import { encodeSegment } from './segment-file'

interface Batch {
  memory: MemorySegment
  /** Local document of each key: a key added again replaces its earlier document (keys are unique in a segment). */
  docOf: Map<string, number>
  replaced: Set<number>
}

export class SegmentBatches {
  readonly #batches = new Map<string, Batch>()
  /** The arrays of the segment sealed when a batch filled, which the batch's next segment reuses (tens of MB: dropped when an import's batch ends). */
  #spare: SegmentArrays | undefined

  /** Adds a document (the text search indexes, see searchableText) to the batch; returns the batch's segment, encoded, when this one filled it. */
  add(batch: string, key: string, tag: string, text: string): Uint8Array | null {
    let open = this.#batches.get(batch)
    if (open === undefined) {
      open = { memory: new MemorySegment(this.#spare), docOf: new Map(), replaced: new Set() }
      this.#spare = undefined
      this.#batches.set(batch, open)
    }
    const earlier = open.docOf.get(key)
    if (earlier !== undefined) open.replaced.add(earlier)
    open.docOf.set(key, open.memory.addText(key, tag, text))
    if (!open.memory.isFull) return null
    const full = this.#seal(batch)
    this.#spare = open.memory.takeArrays()
    return full
  }

  /** The batch's documents not handed over yet, as an encoded segment (null: none); the batch is then forgotten. */
  flush(batch: string): Uint8Array | null {
    this.#spare = undefined
    return this.#seal(batch)
  }

  #seal(batch: string): Uint8Array | null {
    const open = this.#batches.get(batch)
    this.#batches.delete(batch)
    if (open === undefined || open.memory.docCount === 0) return null
    return encodeSegment(open.memory.seal((doc) => !open.replaced.has(doc)))
  }
}
