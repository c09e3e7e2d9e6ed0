// Describing a selection with selectors, and finding it again. The order is the one
// Hypothesis uses: the position selector, verified against the quote; then the quote
// itself, choosing among repeats by context and closeness to the old position. A
// selection that cannot be placed is an orphan: reported, never dropped.
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
  if (best === null) return { state: 'orphan' }
  return { state: 'relocated', start: best.start, end: best.start + needle.length }
}
