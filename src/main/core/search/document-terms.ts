// One document as the index takes it: its distinct terms with every position of each, in
// flat typed arrays. Made by the index from a text, or in the extraction threads when a
// document's terms go back to the main thread; either way with scanTokens (the tokenizer),
// so every path gives the same terms and positions.
import { scanTokens, type TokenSink } from '../../../shared/search/tokenize'
import { grownInt32 } from './grown-array'
import { TermTable } from './term-table'

export interface DocumentTerms {
  /** The distinct terms, in the order each first occurs. */
  terms: string[]
  /** How often each term occurs. */
  counts: Uint32Array
  /** Every token's position (its index among the tokens), grouped by term in `terms` order, ascending within a term; its length is the document's length. */
  positions: Uint32Array
}

/** Past this a scratch array is dropped after use: one huge document does not keep its memory. */
const KEPT_SCRATCH = 1 << 20

/** A text's tokens as numbers of a TermTable, in order (`ids[0, count)`); the arrays are reused from one text to the next. */
export class TokenIds implements TokenSink {
  ids = new Int32Array(4096)
  count = 0
  #text = ''
  constructor(public table: TermTable) {}

  read(text: string): void {
    this.count = 0
    this.#text = text
    scanTokens(text, this)
    this.#text = ''
  }

  /** After a text is done with: one huge text does not keep its scratch memory. */
  release(): void {
    if (this.ids.length > KEPT_SCRATCH) this.ids = new Int32Array(4096)
  }

  ascii(start: number, end: number, hash: number): void {
    this.#push(this.table.addAscii(this.#text, start, end, hash))
  }

  folded(term: string): void {
    this.#push(this.table.add(term))
  }

  #push(id: number): void {
    if (this.count === this.ids.length) this.ids = grownInt32(this.ids, this.count + 1)
    this.ids[this.count++] = id
  }
}

/**
 * Each term's count and its tokens' positions grouped by term (see DocumentTerms), from the
 * tokens' term numbers `local[0, tokens)`, numbered 0, 1, … in order of first occurrence.
 */
export function groupedPositions(local: Int32Array, tokens: number, distinct: number): { counts: Uint32Array; positions: Uint32Array } {
  const counts = new Uint32Array(distinct)
  for (let token = 0; token < tokens; token++) {
    const id = local[token] as number
    counts[id] = (counts[id] as number) + 1
  }
  // Where each term's positions go next: the counts summed up to it.
  const next = new Uint32Array(distinct)
  for (let id = 1; id < distinct; id++) next[id] = (next[id - 1] as number) + (counts[id - 1] as number)
  const positions = new Uint32Array(tokens)
  for (let token = 0; token < tokens; token++) {
    const id = local[token] as number
    const at = next[id] as number
    positions[at] = token
    next[id] = at + 1
  }
  return { counts, positions }
}

const NO_TABLE = new TermTable()
const documentTokens = new TokenIds(NO_TABLE)

export function documentTerms(text: string): DocumentTerms {
  // A table of this document's own: its numbers are the order of first occurrence.
  const table = new TermTable()
  documentTokens.table = table
  documentTokens.read(text)
  const document = { terms: table.terms, ...groupedPositions(documentTokens.ids, documentTokens.count, table.size) }
  documentTokens.table = NO_TABLE
  documentTokens.release()
  return document
}
