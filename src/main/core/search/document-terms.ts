// One document as the index takes it: its distinct terms with every position of each, in
// flat typed arrays. Made in the extraction threads during an import (so the main thread
// only merges postings) or by the index itself from a text; either way with forEachToken,
// so both give the same terms and positions.
import { forEachToken } from '../../../shared/search/tokenize'

export interface DocumentTerms {
  /** The distinct terms, in the order each first occurs. */
  terms: string[]
  /** How often each term occurs. */
  counts: Uint32Array
  /** Every token's position (its index among the tokens), grouped by term in `terms` order, ascending within a term; its length is the document's length. */
  positions: Uint32Array
}

/** The index among the document's distinct terms of each token, reused from one document to the next. */
let tokenTerms = new Int32Array(4096)
/** Past this the scratch array is dropped after use: one huge document does not keep its memory. */
const KEPT_SCRATCH = 1 << 20

export function documentTerms(text: string): DocumentTerms {
  const ids = new Map<string, number>()
  const terms: string[] = []
  let tokens = 0
  let scratch = tokenTerms
  forEachToken(text, (term) => {
    let id = ids.get(term)
    if (id === undefined) {
      id = terms.length
      ids.set(term, id)
      terms.push(term)
    }
    if (tokens === scratch.length) {
      const bigger = new Int32Array(scratch.length * 2)
      bigger.set(scratch)
      scratch = bigger
    }
    scratch[tokens++] = id
  })
  const counts = new Uint32Array(terms.length)
  for (let token = 0; token < tokens; token++) {
    const id = scratch[token] as number
    counts[id] = (counts[id] as number) + 1
  }
  // Where each term's positions go next: the counts summed up to it.
  const next = new Uint32Array(terms.length)
  for (let id = 1; id < terms.length; id++) next[id] = (next[id - 1] as number) + (counts[id - 1] as number)
  const positions = new Uint32Array(tokens)
  for (let token = 0; token < tokens; token++) {
    const id = scratch[token] as number
    const at = next[id] as number
    positions[at] = token
    next[id] = at + 1
  }
  tokenTerms = scratch.length > KEPT_SCRATCH ? new Int32Array(4096) : scratch
  return { terms, counts, positions }
}
