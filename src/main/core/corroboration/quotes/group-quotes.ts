// Groups the quotations of a library that report the same words: equal wording, a short
// quote contained in a longer one, or the same passage with words changed, inserted or
// dropped. Each group gets a reference wording (the one most sources carry), a diff of
// every version against it, and flags a fact-checker acts on.
import type { QuoteGroup, QuoteVersion, TextSpan } from '../../../../shared/domain/corroboration'
import { terms } from '../../../../shared/search/tokenize'
import { contentCount, ledgerWords, wordingKey, type LedgerWord } from './ledger-words'
import { alignLocally } from './local-alignment'
import { diffWording } from './word-diff'

/** Share of the shorter quote's content words that must reappear, in order, in the longer. */
export const MIN_COVERAGE = 0.6
/** Quotes with fewer content words ("squandered") only group by equal wording or containment. */
const MIN_CONTENT_FOR_FUZZY = 3
const MIN_CONTENT_FOR_CONTAINMENT = 2
/** A word in more quotes than this says nothing about which quotes match. */
const MAX_POSTINGS = 400

export interface QuoteInput {
  parts: TextSpan[]
  text: string
  speaker: string | null
  attribution: string | null
}

export interface LedgerQuote extends QuoteInput {
  sourceId: string
  words: LedgerWord[]
  key: string
  content: number
}

export function prepareQuote(sourceId: string, quote: QuoteInput): LedgerQuote {
  const words = ledgerWords(quote.text)
  return { ...quote, sourceId, words, key: wordingKey(words), content: contentCount(words) }
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

/** Whether two quotations report the same words (order of arguments irrelevant). */
export function sameQuotation(a: LedgerQuote, b: LedgerQuote): boolean {
  if (a.key === b.key) return true
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a]
  if (short.content >= MIN_CONTENT_FOR_CONTAINMENT && contains(long.words, short.words)) return true
  if (short.content < MIN_CONTENT_FOR_FUZZY) return false
  const match = alignLocally(short.words, long.words)
  return match !== null && match.matchedContent >= 2 && match.matchedContent / short.content >= MIN_COVERAGE
}

/** Pairs worth aligning: they share enough distinct content stems to pass the coverage test. */
function linkQuotes(quotes: readonly LedgerQuote[], sets: UnionFind): void {
  const byKey = new Map<string, number>()
  const postings = new Map<string, number[]>()
  const stems = quotes.map((quote) => [...new Set(quote.words.filter((word) => word.content).map((word) => word.stem))])
  quotes.forEach((quote, index) => {
    const same = byKey.get(quote.key)
    if (same === undefined) byKey.set(quote.key, index)
    else sets.union(same, index)
    for (const stem of stems[index]!) {
      const list = postings.get(stem)
      if (list === undefined) postings.set(stem, [index])
      else list.push(index)
    }
  })
  const shared = new Map<number, number>()
  quotes.forEach((quote, index) => {
    if (quote.content < MIN_CONTENT_FOR_CONTAINMENT) return
    shared.clear()
    for (const stem of stems[index]!) {
      const list = postings.get(stem)!
      if (list.length > MAX_POSTINGS) continue
      for (const other of list) if (other > index) shared.set(other, (shared.get(other) ?? 0) + 1)
    }
    for (const [other, count] of shared) {
      const smaller = Math.min(stems[index]!.length, stems[other]!.length)
      if (count < Math.min(2, smaller) || count < smaller * MIN_COVERAGE - 1e-9) continue
      if (sets.find(index) === sets.find(other)) continue
      if (sameQuotation(quote, quotes[other]!)) sets.union(index, other)
    }
  })
}

function speakerTerms(speaker: string): string[] {
  return terms(speaker)
}

/** Two attributed speakers who share no name word are different people. */
function speakersDiffer(speakers: readonly string[]): boolean {
  const named = speakers.map((speaker) => new Set(speakerTerms(speaker)))
  for (let i = 0; i < named.length; i++) {
    for (let j = i + 1; j < named.length; j++) {
      if (![...named[i]!].some((term) => named[j]!.has(term))) return true
    }
  }
  return false
}

function distinctSpeakers(members: readonly LedgerQuote[]): string[] {
  const seen = new Map<string, string>()
  for (const quote of members) {
    if (quote.speaker === null) continue
    const key = speakerTerms(quote.speaker).join(' ')
    if (key !== '' && !seen.has(key)) seen.set(key, quote.speaker)
  }
  return [...seen.values()]
}

/** The wording most sources carry; among equals the longer, then the first. */
function referenceOf(members: readonly LedgerQuote[]): LedgerQuote {
  const sourcesByKey = new Map<string, Set<string>>()
  for (const quote of members) {
    const sources = sourcesByKey.get(quote.key) ?? new Set<string>()
    sources.add(quote.sourceId)
    sourcesByKey.set(quote.key, sources)
  }
  let best = members[0]!
  for (const quote of members) {
    const count = sourcesByKey.get(quote.key)!.size
    const bestCount = sourcesByKey.get(best.key)!.size
    if (count > bestCount || (count === bestCount && quote.words.length > best.words.length)) best = quote
  }
  return best
}

function groupId(key: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
  return `q${(hash >>> 0).toString(36)}`
}

function buildGroup(members: LedgerQuote[]): QuoteGroup {
  const reference = referenceOf(members)
  const versions: QuoteVersion[] = members.map((quote) => {
    const diff = diffWording(quote, reference)
    return {
      sourceId: quote.sourceId,
      parts: quote.parts,
      text: quote.text,
      speaker: quote.speaker,
      attribution: quote.attribution,
      diff: diff.parts,
      differs: diff.differs
    }
  })
  const sourceIds = [...new Set(members.map((quote) => quote.sourceId))]
  const speakers = distinctSpeakers(members)
  return {
    id: groupId(reference.key),
    reference: reference.text,
    sourceIds,
    speakers,
    versions,
    flags: {
      singleSource: sourceIds.length === 1,
      wordingDiffers: versions.some((version) => version.differs),
      speakerDiffers: speakersDiffer(speakers)
    },
    words: reference.words.length
  }
}

/** Groups sorted by how many sources they span, then by how many versions, then length. */
export function groupQuotes(quotes: readonly LedgerQuote[]): QuoteGroup[] {
  const usable = quotes.filter((quote) => quote.words.length > 0)
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
