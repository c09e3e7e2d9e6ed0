// Which quotations of a library go in one group. Versions of about the same length join
// when most of each group's wordings match (so two quotes never chain through a third);
// a shorter quote hangs from the one longer quote it matches best; a short stock phrase
// ("went too far") joins a longer quote, or its own copies, only from a related source.
import type { LedgerQuote } from './group-quotes'
import { candidatePairs } from './group-candidates'
import { Relatedness } from './group-relatedness'
import { arePeers, isShortPhrase, matchQuotations, type QuoteMatch } from './quote-match'

export class UnionFind {
  readonly #parent: Int32Array
  constructor(size: number) {
    this.#parent = new Int32Array(size).map((_, index) => index)
  }
  find(item: number): number {
    let root = item
    while (this.#parent[root] !== root) root = this.#parent[root]!
    while (this.#parent[item] !== root) {
      const next = this.#parent[item]!
      this.#parent[item] = root
      item = next
    }
    return root
  }
  /** Joins the two sets; returns the root of the joined set. */
  union(a: number, b: number): number {
    const rootA = this.find(a)
    const rootB = this.find(b)
    const root = Math.min(rootA, rootB)
    if (rootA !== rootB) this.#parent[Math.max(rootA, rootB)] = root
    return root
  }
}

/** A group's wordings compared when another group would join it (the longest first). */
const LINKAGE_SAMPLE = 6
/** A short phrase's copies are compared with this many clusters at most (a phrase in every story of a big library). */
const MAX_CLUSTERS = 50
/** A fragment from a source that shares another quote with its parent's source is the likelier parent. */
const RELATED_BONUS = 0.1

export interface Edge extends QuoteMatch {
  a: number
  b: number
  /** Matched as versions of each other rather than as a fragment of a longer quote. */
  peers: boolean
}

/** The best match between the units (whole quotation, parts) of two quotes the blocking index paired. */
function bestMatch(a: LedgerQuote, b: LedgerQuote, units: readonly [number, number][]): { match: QuoteMatch; peers: boolean } | null {
  let best: { match: QuoteMatch; peers: boolean } | null = null
  for (const [positionA, positionB] of units) {
    const unitA = a.units[positionA]!
    const unitB = b.units[positionB]!
    const match = matchQuotations(unitA, unitB)
    if (match === null) continue
    const peers = !match.weak && !match.partial && arePeers(unitA, unitB) && arePeers(a, b)
    const better = best === null || (best.match.weak && !match.weak) || (best.match.weak === match.weak && ((peers && !best.peers) || match.score > best.match.score))
    if (better) best = { match, peers }
  }
  return best
}

function pairKey(a: number, b: number): number {
  return a < b ? a * 0x100000 + b : b * 0x100000 + a
}

function edgesOf(quotes: readonly LedgerQuote[], representatives: readonly number[]): Edge[] {
  const edges: Edge[] = []
  for (const { a, b, units } of candidatePairs(quotes, representatives)) {
    const found = bestMatch(quotes[a]!, quotes[b]!, units)
    if (found !== null) edges.push({ a, b, ...found.match, peers: found.peers })
  }
  return edges
}

/** Joins versions of about the same length, best matches first, while most of the two groups' wordings match. */
function joinPeers(quotes: readonly LedgerQuote[], sets: UnionFind, edges: readonly Edge[], representatives: readonly number[]): void {
  const matched = new Set(edges.filter((edge) => !edge.weak).map((edge) => pairKey(edge.a, edge.b)))
  const wordings = new Map<number, number[]>(representatives.map((index) => [sets.find(index), [index]]))
  const sample = (root: number) => (wordings.get(root) ?? []).slice(0, LINKAGE_SAMPLE)
  for (const edge of [...edges].filter((candidate) => candidate.peers).sort((x, y) => y.score - x.score)) {
    const rootA = sets.find(edge.a)
    const rootB = sets.find(edge.b)
    if (rootA === rootB) continue
    const left = sample(rootA)
    const right = sample(rootB)
    let agree = 0
    for (const x of left) for (const y of right) if (matched.has(pairKey(x, y))) agree++
    if (2 * agree <= left.length * right.length && left.length * right.length > 1) continue
    const root = sets.union(rootA, rootB)
    const merged = [...left, ...right, ...(wordings.get(rootA) ?? []).slice(LINKAGE_SAMPLE), ...(wordings.get(rootB) ?? []).slice(LINKAGE_SAMPLE)]
    merged.sort((x, y) => quotes[y]!.words.length - quotes[x]!.words.length)
    wordings.delete(rootA)
    wordings.delete(rootB)
    wordings.set(root, merged)
  }
}

/** Quotations with the same words: one representative each; short phrases kept per copy (see linkQuotes). */
function sameWordings(quotes: readonly LedgerQuote[], sets: UnionFind): { representatives: number[]; shortCopies: Map<string, number[]> } {
  const byKey = new Map<string, number>()
  const representatives: number[] = []
  const shortCopies = new Map<string, number[]>()
  quotes.forEach((quote, index) => {
    const short = isShortPhrase(quote)
    const same = byKey.get(quote.key)
    if (short) {
      const copies = shortCopies.get(quote.key)
      if (copies === undefined) shortCopies.set(quote.key, [index])
      else copies.push(index)
    }
    if (same !== undefined) {
      if (!short) sets.union(same, index)
    } else {
      byKey.set(quote.key, index)
      if (quote.content >= 1 && quote.words.length >= 2) representatives.push(index)
    }
  })
  return { representatives, shortCopies }
}

/**
 * The copies of a short phrase join one another only between related sources: "Face the
 * Nation" in two stories of one event is one quote, in two unrelated stories two. Returns,
 * per phrase, the first copy of each cluster (the ones that may hang from a longer quote).
 */
function joinShortCopies(quotes: readonly LedgerQuote[], sets: UnionFind, shortCopies: Map<string, number[]>, relatedness: Relatedness): Map<string, number[]> {
  const heads = new Map<string, number[]>()
  for (const [key, copies] of shortCopies) {
    const clusters: number[] = []
    for (const copy of copies) {
      const source = quotes[copy]!.sourceId
      const home = clusters.slice(0, MAX_CLUSTERS).find((head) => relatedness.related(quotes[head]!.sourceId, source))
      if (home !== undefined) sets.union(home, copy)
      else clusters.push(copy)
    }
    heads.set(key, clusters)
  }
  return heads
}

type Parents = Map<number, { index: number; score: number }>

/**
 * Each fragment offers itself to the longer quote it matches best (a quote of a related source
 * first); a short phrase's every cluster of copies offers itself, and a weak match only to a
 * quote of a related source.
 */
function offerParents(quotes: readonly LedgerQuote[], fragments: readonly Edge[], relatedness: Relatedness, heads: Map<string, number[]> | null): Parents {
  const parents: Parents = new Map()
  for (const edge of fragments) {
    const [child, parent] = quotes[edge.a]!.words.length < quotes[edge.b]!.words.length ? [edge.a, edge.b] : [edge.b, edge.a]
    const parentQuote = quotes[parent]!
    const children = heads !== null && isShortPhrase(quotes[child]!) ? (heads.get(quotes[child]!.key) ?? [child]) : [child]
    for (const copy of children) {
      const related = relatedness.related(quotes[copy]!.sourceId, parentQuote.sourceId)
      if (edge.weak && !related) continue
      const score = edge.score + (related ? RELATED_BONUS : 0)
      const best = parents.get(copy)
      if (best === undefined || score > best.score || (score === best.score && parentQuote.words.length > quotes[best.index]!.words.length)) {
        parents.set(copy, { index: parent, score })
      }
    }
  }
  return parents
}

/**
 * Each group of versions hangs from the best parent of its longest member only: a phrase
 * two unrelated long quotes share never bridges them.
 */
function attachToParents(quotes: readonly LedgerQuote[], sets: UnionFind, parents: Parents): void {
  const longest = new Map<number, number>()
  quotes.forEach((quote, index) => {
    const root = sets.find(index)
    const kept = longest.get(root)
    if (kept === undefined || quote.words.length > quotes[kept]!.words.length) longest.set(root, index)
  })
  const attachments: [number, number][] = []
  for (const member of longest.values()) {
    const parent = parents.get(member)
    if (parent !== undefined) attachments.push([member, parent.index])
  }
  for (const [member, parent] of attachments) sets.union(member, parent)
}

/**
 * Links the quotations that report the same words: versions first, then fragments that
 * match strongly, then — once the groups tell which sources report one story — the copies of
 * short phrases and the fragments that only a related source makes believable.
 */
export function linkQuotes(quotes: readonly LedgerQuote[], sets: UnionFind): void {
  const { representatives, shortCopies } = sameWordings(quotes, sets)
  const edges = edgesOf(quotes, representatives)
  joinPeers(quotes, sets, edges, representatives)
  const strong = edges.filter((edge) => !edge.peers && !edge.weak)
  attachToParents(quotes, sets, offerParents(quotes, strong, new Relatedness(quotes, sets), null))
  const relatedness = new Relatedness(quotes, sets)
  const heads = joinShortCopies(quotes, sets, shortCopies, relatedness)
  const weak = edges.filter((edge) => edge.weak)
  attachToParents(quotes, sets, offerParents(quotes, weak, relatedness, heads))
}
