// Describing a selection with selectors, and finding it again. The order is the one
// Hypothesis uses: the position selector, verified against the quote; then the quote
// itself, choosing among repeats by context and closeness to the old position; then an
// approximate match of the quote (up to half its length in edits) scored on the quote,
// its prefix and suffix and the old position. A selection that cannot be placed is an
// orphan: reported, never dropped.
import search from 'approx-string-match'
import type { TextPositionSelector, TextQuoteSelector } from '../domain/annotation'
import { foldText } from './fold'

export const CONTEXT_LENGTH = 32

export function describeRange(
  text: string,
  start: number,
  end: number
): [TextQuoteSelector, TextPositionSelector] {
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH)
    },
    { type: 'TextPositionSelector', start, end }
  ]
}

export type AnchorState = 'exact' | 'relocated' | 'orphan'

export type Anchor =
  | { state: 'exact' | 'relocated'; start: number; end: number }
  | { state: 'orphan' }

function commonSuffixLength(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

export function anchorSelectors(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector
): Anchor {
  if (text.slice(position.start, position.end) === quote.exact) {
    return { state: 'exact', start: position.start, end: position.end }
  }
  const folded = foldText(text)
  const needle = foldText(quote.exact)
  const prefix = foldText(quote.prefix)
  const suffix = foldText(quote.suffix)
  let best: { start: number; score: number } | null = null
  for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
    const contextScore =
      commonSuffixLength(folded.slice(Math.max(0, at - prefix.length), at), prefix) +
      commonPrefixLength(folded.slice(at + needle.length, at + needle.length + suffix.length), suffix)
    const distancePenalty = Math.abs(at - position.start) / Math.max(1, text.length)
    const score = contextScore - distancePenalty
    if (best === null || score > best.score) best = { start: at, score }
  }
  if (best !== null) return { state: 'relocated', start: best.start, end: best.start + needle.length }
  return fuzzyAnchor(folded, needle, prefix, suffix, position.start)
}

/** How well `found` matches `wanted`: 1 for identical, falling with each edit; 0 when either is empty. */
function similarity(wanted: string, found: string): number {
  if (wanted.length === 0 || found.length === 0) return 0
  const matches = search(found, wanted, wanted.length)
  if (matches.length === 0) return 0
  return 1 - Math.min(...matches.map((match) => match.errors)) / wanted.length
}

// Weights as in Hypothesis's match-quote: the quote counts most, context next, position least.
const QUOTE_WEIGHT = 50
const CONTEXT_WEIGHT = 20
const POSITION_WEIGHT = 2
/**
 * A wrongly placed highlight is worse than an orphan: a match must keep most of the quote
 * (at most 40 % of it edited) and score well overall, or the annotation is orphaned.
 */
const MIN_QUOTE_SCORE = 0.6
const MIN_SCORE = 0.7
const WORD_CHAR = /[\p{L}\p{N}]/u
/** An approximate match can start or end inside a word; widen it to whole words (within reason). */
function snapToWords(text: string, start: number, end: number): [number, number] {
  let from = start
  let to = end
  while (from > 0 && start - from < 24 && WORD_CHAR.test(text.charAt(from - 1)) && WORD_CHAR.test(text.charAt(from))) from--
  while (to < text.length && to - end < 24 && WORD_CHAR.test(text.charAt(to)) && WORD_CHAR.test(text.charAt(to - 1))) to++
  return [from, to]
}

function fuzzyAnchor(folded: string, needle: string, prefix: string, suffix: string, oldStart: number): Anchor {
  if (needle.trim().length === 0) return { state: 'orphan' }
  const maxErrors = Math.min(256, Math.floor(needle.length / 2))
  let best: { start: number; end: number; score: number } | null = null
  for (const match of search(folded, needle, maxErrors)) {
    const quoteScore = 1 - match.errors / needle.length
    if (quoteScore < MIN_QUOTE_SCORE) continue
    const prefixScore = prefix.length === 0 ? 1 : similarity(prefix, folded.slice(Math.max(0, match.start - prefix.length), match.start))
    const suffixScore = suffix.length === 0 ? 1 : similarity(suffix, folded.slice(match.end, match.end + suffix.length))
    const positionScore = 1 - Math.abs(match.start - oldStart) / Math.max(1, folded.length)
    const score =
      (QUOTE_WEIGHT * quoteScore + CONTEXT_WEIGHT * prefixScore + CONTEXT_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore) /
      (QUOTE_WEIGHT + 2 * CONTEXT_WEIGHT + POSITION_WEIGHT)
    if (best === null || score > best.score) best = { start: match.start, end: match.end, score }
  }
  if (best === null || best.score < MIN_SCORE) return { state: 'orphan' }
  const [start, end] = snapToWords(folded, best.start, best.end)
  return { state: 'relocated', start, end }
}
