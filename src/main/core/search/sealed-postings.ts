// The bulk of the index: every term's postings packed into two byte arenas, with the sorted
// vocabulary and per-term offsets in typed arrays. One allocation per array rather than one
// object per term or posting keeps a 20,000-document index small and quick to load.
import type { PostingSlice } from './posting-cursor'
import { lowerBound } from './lower-bound'

export interface SealedPostings {
  /** The vocabulary, sorted by code unit; a term's id is its index here. */
  terms: string[]
  /** Number of documents (live or not) in each term's list. */
  docFreq: Uint32Array
  /** The last document id in each term's list, where later additions continue the gaps from. */
  lastDoc: Uint32Array
  /** Term t's document stream is docs[docsStart[t] .. docsStart[t + 1]). */
  docsStart: Uint32Array
  positionsStart: Uint32Array
  docs: Uint8Array
  positions: Uint8Array
}

export const EMPTY_SEALED: SealedPostings = {
  terms: [],
  docFreq: new Uint32Array(0),
  lastDoc: new Uint32Array(0),
  docsStart: new Uint32Array(1),
  positionsStart: new Uint32Array(1),
  docs: new Uint8Array(0),
  positions: new Uint8Array(0)
}

export function findTerm(sealed: SealedPostings, term: string): number {
  const index = lowerBound(sealed.terms, term)
  return sealed.terms[index] === term ? index : -1
}

export function sealedSlice(sealed: SealedPostings, id: number): PostingSlice {
  return {
    docs: sealed.docs,
    docsFrom: sealed.docsStart[id] ?? 0,
    docsTo: sealed.docsStart[id + 1] ?? 0,
    positions: sealed.positions,
    positionsFrom: sealed.positionsStart[id] ?? 0
  }
}
