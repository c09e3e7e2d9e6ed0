// Groups the quotations of a library that report the same words: equal wording, a short
// quote contained in a longer one, or the same passage with words changed, inserted or
// dropped. Each group gets a reference wording (the one most sources carry), a diff of
// every version against it, and flags a fact-checker acts on.
import type { QuoteGroup, TextSpan } from '../../../../shared/domain/corroboration'
import type { AnnotationTarget } from '../../../../shared/domain/annotation'
import { describeRange } from '../../../../shared/text/anchor'
import { contentCount, ledgerWords, wordingKey, type LedgerWord } from './ledger-words'
import { alignLocally } from './local-alignment'
import { buildGroup } from './group-summary'

/** Share of the shorter quote's content words that must reappear, in order, in the longer. */
export const MIN_COVERAGE = 0.6
/** Quotes with fewer content words ("squandered") only group by equal wording or containment. */
const MIN_CONTENT_FOR_FUZZY = 3
const MIN_CONTENT_FOR_CONTAINMENT = 2
/** Share of the shorter quote's words the aligned passage must span. */
const MIN_SPAN = 0.55
/** Quotes with this few content words may only match a passage at most MAX_SHORT_INSERTION words longer. */
const SHORT_QUOTE_CONTENT = 4
const MAX_SHORT_INSERTION = 2
/** Share of both quotes' content words that versions of about the same length must have in common. */
const MIN_PEER_DICE = 0.7
/** Versions whose lengths differ less than this are peers; a shorter one is a fragment of the longer. */
const PEER_RATIO = 0.5
/** A word in more quotes than this says nothing about which quotes match. */
const MAX_POSTINGS = 400

export interface QuoteInput {
  parts: TextSpan[]
  text: string
  speaker: string | null
  attribution: string | null
}

/** A quotation as kept between groupings: small, and holding no slice of its source's text. */
export interface StoredQuote extends QuoteInput {
  sourceId: string
  target: AnnotationTarget
}

/** A quotation while grouping: its words folded and stemmed (made anew each grouping, not kept). */
export interface LedgerQuote extends StoredQuote {
  words: LedgerWord[]
  key: string
  content: number
}

/** A quotation of a source ready to keep, anchored in the text it was found in. */
export function prepareQuote(source: { id: string; contentHash: string }, text: string, quote: QuoteInput): StoredQuote {
  const start = quote.parts[0]?.start ?? 0
  const end = quote.parts.at(-1)?.end ?? start
  const target: AnnotationTarget = { sourceId: source.id, contentHash: source.contentHash, selectors: describeRange(text, start, end) }
  return { ...quote, sourceId: source.id, target }
}

export function withWords(quote: StoredQuote): LedgerQuote {
  const words = ledgerWords(quote.text)
  return { ...quote, words, key: wordingKey(words), content: contentCount(words) }
}

class UnionFind {
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
  union(a: number, b: number): void {
    const rootA = this.find(a)
    const rootB = this.find(b)
    if (rootA !== rootB) this.#parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB)
  }
}

function contains(long: readonly LedgerWord[], short: readonly LedgerWord[]): boolean {
  outer: for (let start = 0; start + short.length <= long.length; start++) {
    for (let k = 0; k < short.length; k++) if (long[start + k]!.term !== short[k]!.term) continue outer
    return true
  }
  return false
}

/**
 * How well the shorter of two quotations is found in the longer: 1 for the same words or
 * a contained passage, else the share of its content words the local alignment matched;
 * null when they do not report the same words.
 */
export function quotationMatch(a: LedgerQuote, b: LedgerQuote): number | null {
  if (a.key === b.key) return 1
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a]
  // Two content words ("human rights") say nothing about a long quotation that happens to hold them.
  const containable = short.content >= MIN_CONTENT_FOR_FUZZY || (short.content >= MIN_CONTENT_FOR_CONTAINMENT && long.content <= MIN_CONTENT_FOR_FUZZY)
  if (containable && contains(long.words, short.words)) return 1
  if (short.content < MIN_CONTENT_FOR_FUZZY) return null
  const match = alignLocally(short.words, long.words)
  if (match === null || match.matchedContent < 2) return null
  // Two matched words at the edge of a longer phrase ("come back [and bite him]") are a coincidence.
  const span = match.shortEnd - match.shortStart
  if (span < MIN_SPAN * short.words.length) return null
  // A short quote's few words must sit close together in the longer one: "I trust the prime
  // minister" is not "lack of trust in Tony Blair as prime minister".
  if (short.content <= SHORT_QUOTE_CONTENT && match.longEnd - match.longStart > span + MAX_SHORT_INSERTION) return null
  const coverage = match.matchedContent / short.content
  if (coverage < MIN_COVERAGE) return null
  // Two quotes of about the same length must share most words both ways: "Of course I trust
  // the prime minister" and "fundamental lack of trust in the prime minister" do not.
  if (arePeers(short, long) && (2 * match.matchedContent) / (short.content + long.content) < MIN_PEER_DICE) return null
  return coverage
}

/** Whether two quotations report the same words (order of arguments irrelevant). */
export function sameQuotation(a: LedgerQuote, b: LedgerQuote): boolean {
  return quotationMatch(a, b) !== null
}

/** Quotations of about the same length that match are versions of one another. */
function arePeers(a: LedgerQuote, b: LedgerQuote): boolean {
  return Math.min(a.words.length, b.words.length) >= PEER_RATIO * Math.max(a.words.length, b.words.length)
}

interface Parent {
  index: number
  score: number
}

/**
 * Links the quotations that report the same words. Versions of about the same length are
 * joined outright; a fragment ("truly good results") joins only the one quotation it
 * matches best, so two unrelated long quotes are never bridged by a phrase both contain.
 */
function linkQuotes(quotes: readonly LedgerQuote[], sets: UnionFind): void {
  // Equal wordings are one version: only the first of each is compared with the others
  // (a widely reprinted quote is compared once, not once per copy).
  const byKey = new Map<string, number>()
  const representatives: number[] = []
  quotes.forEach((quote, index) => {
    const same = byKey.get(quote.key)
    if (same !== undefined) sets.union(same, index)
    else {
      byKey.set(quote.key, index)
      if (quote.content >= MIN_CONTENT_FOR_CONTAINMENT) representatives.push(index)
    }
  })
  const stems = new Map<number, string[]>()
  const postings = new Map<string, number[]>()
  for (const index of representatives) {
    const own = [...new Set(quotes[index]!.words.filter((word) => word.content).map((word) => word.stem))]
    stems.set(index, own)
    for (const stem of own) {
      const list = postings.get(stem)
      if (list === undefined) postings.set(stem, [index])
      else list.push(index)
    }
  }
  // Words too common to find candidates by are left out of the count the candidates must reach.
  const usable = new Map<number, number>()
  for (const [index, own] of stems) usable.set(index, own.filter((stem) => postings.get(stem)!.length <= MAX_POSTINGS).length)
  const parents = new Map<number, Parent>()
  const offerParent = (child: number, parent: number, score: number): void => {
    const best = parents.get(child)
    if (best === undefined || score > best.score || (score === best.score && quotes[parent]!.words.length > quotes[best.index]!.words.length)) {
      parents.set(child, { index: parent, score })
    }
  }
  const shared = new Map<number, number>()
  for (const index of representatives) {
    const quote = quotes[index]!
    shared.clear()
    for (const stem of stems.get(index)!) {
      const list = postings.get(stem)!
      if (list.length > MAX_POSTINGS) continue
      for (const other of list) if (other > index) shared.set(other, (shared.get(other) ?? 0) + 1)
    }
    for (const [other, count] of shared) {
      const smaller = Math.min(usable.get(index)!, usable.get(other)!)
      if (count < Math.min(2, smaller) || count < smaller * MIN_COVERAGE - 1e-9) continue
      const otherQuote = quotes[other]!
      const score = quotationMatch(quote, otherQuote)
      if (score === null) continue
      if (arePeers(quote, otherQuote)) sets.union(index, other)
      else if (quote.words.length < otherQuote.words.length) offerParent(index, other, score)
      else offerParent(other, index, score)
    }
  }
  // Each group of versions hangs from the best parent of its longest member only.
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

/** Groups sorted by how many sources they span, then by how many versions, then length. */
export function groupQuotes(quotes: readonly StoredQuote[]): QuoteGroup[] {
  const usable = quotes.map(withWords).filter((quote) => quote.words.length > 0)
  const sets = new UnionFind(usable.length)
  linkQuotes(usable, sets)
  const members = new Map<number, LedgerQuote[]>()
  usable.forEach((quote, index) => {
    const root = sets.find(index)
    const list = members.get(root)
    if (list === undefined) members.set(root, [quote])
    else list.push(quote)
  })
  return [...members.values()]
    .map(buildGroup)
    .sort(
      (a, b) =>
        b.sourceIds.length - a.sourceIds.length || b.versions.length - a.versions.length || b.words - a.words || a.id.localeCompare(b.id)
    )
}
