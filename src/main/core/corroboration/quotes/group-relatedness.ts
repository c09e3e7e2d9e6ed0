// Which sources of a library report the same story, as far as quotes tell: two sources are
// related when they carry another quotation in common. Short phrases ("went too far") join
// across sources only when the sources are related.
import type { UnionFind } from './group-links'
import type { LedgerQuote } from './group-quotes'
import { isShortPhrase } from './quote-match'

export class Relatedness {
  readonly #groupsOf = new Map<string, Set<number>>()

  /** From the groups joined so far; short phrases say nothing about it. */
  constructor(quotes: readonly LedgerQuote[], sets: UnionFind) {
    quotes.forEach((quote, index) => {
      if (!isShortPhrase(quote)) this.#add(quote.sourceId, sets.find(index))
    })
  }

  #add(sourceId: string, token: number): void {
    const set = this.#groupsOf.get(sourceId)
    if (set === undefined) this.#groupsOf.set(sourceId, new Set([token]))
    else set.add(token)
  }

  /** Whether two sources carry another quotation in common (likely report the same event). */
  related(a: string, b: string): boolean {
    if (a === b) return true
    const setA = this.#groupsOf.get(a)
    const setB = this.#groupsOf.get(b)
    if (setA === undefined || setB === undefined) return false
    const [small, large] = setA.size <= setB.size ? [setA, setB] : [setB, setA]
    for (const token of small) if (large.has(token)) return true
    return false
  }
}
