// Sets of variant keys that automatic grouping joins, kept from joining two keys the reporter
// said are different people: each 'distinct' decision gives its keys different places, and two
// sets holding different places of one decision are never joined.
import type { NameDecision } from '../../../../shared/domain/corroboration'

export class NameSets {
  readonly #parent = new Map<string, string>()
  /** Per root: decision index → the place in it its keys hold. */
  readonly #apart = new Map<string, Map<number, number>>()

  constructor(decisions: readonly NameDecision[] = []) {
    decisions.forEach((decision, index) => {
      if (decision.kind !== 'distinct' || !Array.isArray(decision.variants)) return
      decision.variants.forEach((key, place) => {
        const places = this.#apart.get(key) ?? new Map<number, number>()
        // A key named twice in one decision keeps its first place.
        if (!places.has(index)) places.set(index, place)
        this.#apart.set(key, places)
      })
    })
  }

  find(key: string): string {
    let root = key
    while (this.#parent.has(root) && this.#parent.get(root) !== root) root = this.#parent.get(root)!
    // Path compression: every key on the way now points at the root.
    let at = key
    while (at !== root) {
      const next = this.#parent.get(at)!
      this.#parent.set(at, root)
      at = next
    }
    this.#parent.set(key, root)
    return root
  }

  /** May these two keys' sets be joined (no 'distinct' decision keeps them apart)? */
  canJoin(a: string, b: string): boolean {
    const placesA = this.#apart.get(this.find(a))
    const placesB = this.#apart.get(this.find(b))
    if (placesA === undefined || placesB === undefined) return true
    for (const [decision, place] of placesA) {
      const other = placesB.get(decision)
      if (other !== undefined && other !== place) return false
    }
    return true
  }

  /** Joins the two sets unless a 'distinct' decision keeps them apart; says whether they are one set now. */
  union(a: string, b: string): boolean {
    const rootA = this.find(a)
    const rootB = this.find(b)
    if (rootA === rootB) return true
    if (!this.canJoin(rootA, rootB)) return false
    const [root, child] = rootB < rootA ? [rootB, rootA] : [rootA, rootB]
    this.#parent.set(child, root)
    const places = new Map([...(this.#apart.get(child) ?? []), ...(this.#apart.get(root) ?? [])])
    if (places.size > 0) this.#apart.set(root, places)
    return true
  }
}
