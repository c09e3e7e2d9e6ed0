// A vocabulary that numbers terms in the order they first come and finds a term's number
// from its characters: the tokens of a text are looked up where they lie in the text
// (scanTokens' ascii form), so indexing a document makes a string only for a term the
// vocabulary has not seen. An open-addressing hash table over the numbers, the hashes
// kept per number so growing it reads no string.

import { TERM_HASH_SEED, termHashStep } from '../../../shared/search/tokenize'

const EMPTY = -1
/** clear() keeps a table this large (4,096 terms, 48 KB); past it a new small one is cheaper than filling it again. */
const KEPT_SLOTS = 1 << 13

/** A term's hash as scanTokens gives an ascii term's, folded into the table by its mask. */
function hashOf(term: string): number {
  let hash = TERM_HASH_SEED
  for (let k = 0; k < term.length; k++) hash = termHashStep(hash, term.charCodeAt(k))
  return hash
}

function sameAscii(term: string, text: string, start: number, end: number): boolean {
  if (term.length !== end - start) return false
  for (let k = 0; k < term.length; k++) {
    const code = text.charCodeAt(start + k)
    if (term.charCodeAt(k) !== (code <= 90 && code >= 65 ? code + 32 : code)) return false
  }
  return true
}

export class TermTable {
  /** Each term, by number. */
  readonly terms: string[] = []
  #hashes = new Int32Array(1024)
  /** Slots holding a term's number or EMPTY; a power of two, at most half full. */
  #slots = new Int32Array(2048).fill(EMPTY)
  #mask = 2047

  get size(): number {
    return this.terms.length
  }

  /** The term's number, or undefined when the table does not hold it. */
  idOf(term: string): number | undefined {
    const hash = hashOf(term)
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const id = this.#slots[slot] as number
      if (id === EMPTY) return undefined
      if (this.#hashes[id] === hash && this.terms[id] === term) return id
    }
  }

  /** The term's number, numbering it first if it is new. */
  add(term: string): number {
    return this.addHashed(term, hashOf(term))
  }

  /** The hash of the term numbered `id` (the same in every table: addHashed takes it). */
  hashAt(id: number): number {
    return this.#hashes[id] as number
  }

  /** add(term), with the term's hash given (another table's hashAt). */
  addHashed(term: string, hash: number): number {
    let slot = hash & this.#mask
    for (; ; slot = (slot + 1) & this.#mask) {
      const id = this.#slots[slot] as number
      if (id === EMPTY) break
      if (this.#hashes[id] === hash && this.terms[id] === term) return id
    }
    return this.#insert(slot, hash, term)
  }

  /** The number of text[start, end) lower-cased (ASCII letters and digits only, `hash` as scanTokens gives it), numbering it first if it is new. */
  addAscii(text: string, start: number, end: number, hash: number): number {
    let slot = hash & this.#mask
    for (; ; slot = (slot + 1) & this.#mask) {
      const id = this.#slots[slot] as number
      if (id === EMPTY) break
      if (this.#hashes[id] === hash && sameAscii(this.terms[id] as string, text, start, end)) return id
    }
    return this.#insert(slot, hash, text.slice(start, end).toLowerCase())
  }

  /** Forgets every term (a table reused for one document after another); one a long document grew is made small again. */
  clear(): void {
    this.terms.length = 0
    if (this.#slots.length > KEPT_SLOTS) {
      this.#slots = new Int32Array(2048)
      this.#hashes = new Int32Array(1024)
      this.#mask = 2047
    }
    this.#slots.fill(EMPTY)
  }

  #insert(slot: number, hash: number, term: string): number {
    const id = this.terms.length
    this.terms.push(term)
    if (id === this.#hashes.length) {
      const hashes = new Int32Array(id * 2)
      hashes.set(this.#hashes)
      this.#hashes = hashes
    }
    this.#hashes[id] = hash
    this.#slots[slot] = id
    if (this.terms.length * 2 > this.#slots.length) this.#grow()
    return id
  }

  #grow(): void {
    const slots = new Int32Array(this.#slots.length * 2).fill(EMPTY)
    const mask = slots.length - 1
    for (let id = 0; id < this.terms.length; id++) {
      let slot = (this.#hashes[id] as number) & mask
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask
      slots[slot] = id
    }
    this.#slots = slots
    this.#mask = mask
  }
}
