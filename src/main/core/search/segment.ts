// One immutable segment of the index: the documents it added (key, tag, length), the keys
// it removed from older segments, and its postings. Segments are written once, searched
// together and merged in the background (search-index.ts, segment-merge.ts).
import { lowerBound } from './lower-bound'
import type { PostingSlice } from './posting-cursor'
import { arenaSlice, type PostingArenas } from './sealed-postings'
import { termDictionary, type TermDictionary } from './term-walk'

export interface SegmentContent {
  /** Local document id → key; keys are unique within a segment. */
  keys: string[]
  /** Local document id → the caller's tag for that version (the search service keeps the text's hash). */
  tags: string[]
  docLengths: Uint32Array
  /** Keys deleted from older segments (an added key replaces its older versions by itself). */
  removals: string[]
  /** The vocabulary, sorted by code unit (a term's id is its index), or how to decode it when first needed. */
  terms: readonly string[] | (() => readonly string[])
  arenas: PostingArenas
}

export class Segment {
  /** The global id of local document 0; set by the index that holds the segment. */
  base = 0
  /** The file holding this segment once it is saved (search/ folder), null before; and its size. */
  file: string | null = null
  fileBytes = 0
  /** Its file's bytes when it came encoded (a thread built it) and is not saved yet: the save writes them as they are. */
  encoded: Uint8Array | null = null
  readonly keys: string[]
  readonly tags: string[]
  readonly docLengths: Uint32Array
  readonly removals: string[]
  readonly arenas: PostingArenas
  #terms: readonly string[] | (() => readonly string[])
  #dictionary: TermDictionary | null = null

  constructor(content: SegmentContent) {
    this.keys = content.keys
    this.tags = content.tags
    this.docLengths = content.docLengths
    this.removals = content.removals
    this.arenas = content.arenas
    this.#terms = content.terms
  }

  get docCount(): number {
    return this.keys.length
  }

  /** Encoded size of the postings, the measure the merge policy uses. */
  get bytes(): number {
    return this.arenas.docs.length + this.arenas.positions.length + 64 * this.keys.length
  }

  get terms(): readonly string[] {
    if (typeof this.#terms === 'function') this.#terms = this.#terms()
    return this.#terms
  }

  /** The vocabulary with the beginnings neighbours share, for fuzzy terms (built on first use). */
  get dictionary(): TermDictionary {
    this.#dictionary ??= termDictionary(this.terms)
    return this.#dictionary
  }

  findTerm(term: string): number {
    const terms = this.terms
    const index = lowerBound(terms, term)
    return terms[index] === term ? index : -1
  }

  slice(id: number): PostingSlice {
    return arenaSlice(this.arenas, id, this.base)
  }

  docFreq(id: number): number {
    return this.arenas.docFreq[id] ?? 0
  }
}
