// Whether two quotations (or two parts of quotations) report the same words: equal wording,
// a shorter one found word for word in a longer one, or the same passage with words changed
// (synonyms included), inserted or dropped. Short shared phrases are told apart from quotes.
import type { LedgerWord } from './ledger-words'
import { alignLocally, type LocalMatch } from './local-alignment'

/** What matching needs of a quotation or of one part of it. */
export interface Matchable {
  words: LedgerWord[]
  key: string
  content: number
}

export interface QuoteMatch {
  /** 1 for the same words or a contained passage, else the share of the shorter's content words matched. */
  score: number
  /**
   * A short phrase found word for word in a longer quote ("went too far", "no one is above
   * the law"): stock phrases read like this too, so it joins only with other evidence.
   */
  weak: boolean
  /**
   * Two quotes of about the same length that share a long passage but each go on beyond it
   * (outlets that cut one speech at different places): one quote, yet not versions of each other.
   */
  partial: boolean
}

/** Share of the shorter quote's content words that must reappear, in order, in the longer. */
export const MIN_COVERAGE = 0.6
/** Quotes with fewer content words ("squandered") only group by equal wording or containment. */
export const MIN_CONTENT_FOR_FUZZY = 3
const MIN_CONTENT_FOR_CONTAINMENT = 2
/** A contained passage this long with two content words is a quote, not a stock phrase ("there is no room for prejudice"). */
const MIN_WORDS_FOR_CONTAINMENT = 5
/** Share of the shorter quote's words the aligned passage must span. */
const MIN_SPAN = 0.55
/** Quotes with this few content words must sit in the longer one without inserted words (see matchQuotations). */
const SHORT_QUOTE_CONTENT = 4
/** Share of both quotes' content words that versions of about the same length must have in common. */
const MIN_PEER_DICE = 0.7
/** Versions whose lengths differ less than this are peers; a shorter one is a fragment of the longer. */
const PEER_RATIO = 0.5
/** A shared passage with this many content words, nearly all the same, is one speech cut differently. */
const MIN_PARTIAL_CONTENT = 6
const MIN_PARTIAL_DENSITY = 0.8

/** Whether `short`'s words appear, in a row and as written, in `long`. */
export function containsWords(long: readonly LedgerWord[], short: readonly LedgerWord[]): boolean {
  outer: for (let start = 0; start + short.length <= long.length; start++) {
    for (let k = 0; k < short.length; k++) if (long[start + k]!.term !== short[k]!.term) continue outer
    return true
  }
  return false
}

/**
 * A phrase as short as a stock phrase or a title ("went too far", "Face the Nation"): the same
 * words in two unrelated stories are not one quotation.
 */
export function isShortPhrase(quote: Matchable): boolean {
  return quote.content < MIN_CONTENT_FOR_FUZZY && quote.words.length < MIN_WORDS_FOR_CONTAINMENT
}

/** Quotations of about the same length that match are versions of one another. */
export function arePeers(a: Matchable, b: Matchable): boolean {
  return Math.min(a.words.length, b.words.length) >= PEER_RATIO * Math.max(a.words.length, b.words.length)
}

/** Whether the short side's words outside the aligned passage are all function words. */
function edgesAreFunctionWords(words: readonly LedgerWord[], start: number, end: number): boolean {
  for (let k = 0; k < start; k++) if (words[k]!.content) return false
  for (let k = end; k < words.length; k++) if (words[k]!.content) return false
  return true
}

/** Share of the short side's content words within the aligned passage that were matched. */
function contentDensity(words: readonly LedgerWord[], match: LocalMatch): number {
  let content = 0
  for (let k = match.shortStart; k < match.shortEnd; k++) if (words[k]!.content) content++
  return content === 0 ? 0 : match.matchedContent / content
}

/** How well the shorter of two quotations is found in the longer; null when they do not report the same words. */
export function matchQuotations(a: Matchable, b: Matchable): QuoteMatch | null {
  if (a.key === b.key) return { score: 1, weak: false, partial: false }
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a]
  if (short.content >= 1 && short.words.length >= 2 && containsWords(long.words, short.words)) {
    // Two content words ("human rights") say little about a long quotation that happens to hold them.
    const strong =
      short.content >= MIN_CONTENT_FOR_FUZZY ||
      (short.content >= MIN_CONTENT_FOR_CONTAINMENT && (long.content <= MIN_CONTENT_FOR_FUZZY || short.words.length >= MIN_WORDS_FOR_CONTAINMENT))
    return { score: 1, weak: !strong, partial: false }
  }
  if (short.content < MIN_CONTENT_FOR_FUZZY) return null
  const match = alignLocally(short.words, long.words)
  if (match === null || match.matchedContent < 2) return null
  // Two matched words at the edge of a longer phrase ("come back [and bite him]") are a coincidence.
  const span = match.shortEnd - match.shortStart
  if (span < MIN_SPAN * short.words.length) return null
  if (short.content <= SHORT_QUOTE_CONTENT) {
    // A short quote's words sit together in the longer one ("I trust the prime minister" is
    // not "lack of trust in Tony Blair as prime minister"), and none of its content words is
    // left over at an edge ("Ground Zero mosque" is not "a mosque near Ground Zero"). Words
    // may be inserted only where the two are one statement end to end ("I went too far [. I
    // made a mistake] and I was wrong"), not inside a phrase of a longer quote ("gross abuse
    // of [the] power [of the presidency]").
    if (!edgesAreFunctionWords(short.words, match.shortStart, match.shortEnd)) return null
    if (match.longEnd - match.longStart > span && !edgesAreFunctionWords(long.words, match.longStart, match.longEnd)) return null
  }
  const coverage = match.matchedContent / short.content
  if (coverage < MIN_COVERAGE) return null
  // Two quotes of about the same length must share most words both ways: "Of course I trust
  // the prime minister" and "fundamental lack of trust in the prime minister" do not.
  if (arePeers(short, long) && (2 * match.matchedContent) / (short.content + long.content) < MIN_PEER_DICE) {
    const shared = match.matchedContent >= MIN_PARTIAL_CONTENT && contentDensity(short.words, match) >= MIN_PARTIAL_DENSITY
    return shared ? { score: coverage, weak: false, partial: true } : null
  }
  return { score: coverage, weak: false, partial: false }
}
