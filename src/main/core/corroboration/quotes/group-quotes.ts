// Groups the quotations of a library that report the same words: equal wording, a short
// quote contained in a longer one, the same passage with words changed (synonyms too),
// inserted or dropped, or a part of a quote broken by "he said". Each group gets a
// reference wording (the one most sources carry), a diff of every version against it,
// and flags a fact-checker acts on. Matching: quote-match.ts; linking: group-links.ts.
import type { QuoteGroup, TextSpan } from '../../../../shared/domain/corroboration'
import type { AnnotationTarget } from '../../../../shared/domain/annotation'
import { describeRange } from '../../../../shared/text/anchor'
import { contentCount, ledgerWords, wordingKey, type LedgerWord } from './ledger-words'
import { buildGroup } from './group-summary'
import { linkQuotes, UnionFind } from './group-links'
import { matchQuotations, type Matchable } from './quote-match'

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
  /** Each part's words as written, when attribution interrupts the quote (“…,” he said, “…”). */
  partTexts?: string[]
}

/** A quotation while grouping: its words folded and stemmed (made anew each grouping, not kept). */
export interface LedgerQuote extends StoredQuote, Matchable {
  words: LedgerWord[]
  key: string
  content: number
  /**
   * What is matched against other quotes: the whole quotation, then each part of one joined
   * across "he said" (outlets that cut the quote elsewhere still share a part).
   */
  units: Matchable[]
}

/** A quotation of a source ready to keep, anchored in the text it was found in. */
export function prepareQuote(source: { id: string; contentHash: string }, text: string, quote: QuoteInput): StoredQuote {
  const start = quote.parts[0]?.start ?? 0
  const end = quote.parts.at(-1)?.end ?? start
  const target: AnnotationTarget = { sourceId: source.id, contentHash: source.contentHash, selectors: describeRange(text, start, end) }
  const stored: StoredQuote = { ...quote, sourceId: source.id, target }
  if (quote.parts.length > 1) stored.partTexts = quote.parts.map((part) => text.slice(part.start, part.end).replace(/\s+/g, ' ').trim())
  return stored
}

/** Parts with fewer content words than this are matched only as part of the whole. */
const MIN_PART_CONTENT = 2

function matchable(text: string): Matchable {
  const words = ledgerWords(text)
  return { words, key: wordingKey(words), content: contentCount(words) }
}

export function withWords(quote: StoredQuote): LedgerQuote {
  const whole = matchable(quote.text)
  const parts = (quote.partTexts ?? []).map(matchable).filter((part) => part.content >= MIN_PART_CONTENT)
  return { ...quote, ...whole, units: [whole, ...parts] }
}

/**
 * How well the shorter of two quotations is found in the longer: 1 for the same words or
 * a contained passage, else the share of its content words the local alignment matched;
 * null when they do not report the same words (or only share a short phrase).
 */
export function quotationMatch(a: LedgerQuote, b: LedgerQuote): number | null {
  const match = matchQuotations(a, b)
  return match === null || match.weak ? null : match.score
}

/** Whether two quotations report the same words (order of arguments irrelevant). */
export function sameQuotation(a: LedgerQuote, b: LedgerQuote): boolean {
  return quotationMatch(a, b) !== null
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
