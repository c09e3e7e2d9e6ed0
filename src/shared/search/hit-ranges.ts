// Where a query's hits are in one text: the character ranges to mark in the reader, found
// with the same tokenizer and positional matching as the index, so marks and results agree.
import type { TextRange } from '../text/find'
import { nearSpans, phraseStarts, type PositionSpan } from './positional-match'
import { leafMatchers, positiveLeaves } from './query-tree'
import type { Query } from './query-types'
import { acceptsTerm, matcherKey, partGroups } from './term-matcher'
import { tokenize, type Token } from './tokenize'

/** A hit with the index of the query leaf (term, phrase, proximity group) it belongs to. */
export interface LeafHit extends TextRange {
  leaf: number
}

function positionsOf(tokens: Token[], accepts: (term: string) => boolean): number[] {
  const verdicts = new Map<string, boolean>()
  const positions: number[] = []
  tokens.forEach((token, position) => {
    let verdict = verdicts.get(token.term)
    if (verdict === undefined) {
      verdict = accepts(token.term)
      verdicts.set(token.term, verdict)
    }
    if (verdict) positions.push(position)
  })
  return positions
}

/** Every hit of every positive leaf, in text order (they may overlap). */
export function findLeafHits(query: Query, text: string): LeafHit[] {
  if (query.root === null) return []
  const leaves = positiveLeaves(query.root)
  if (leaves.length === 0) return []
  const tokens = tokenize(text)
  const positionCache = new Map<string, number[]>()
  const hits: LeafHit[] = []
  const push = (span: PositionSpan, leaf: number): void => {
    const first = tokens[span.first]
    const last = tokens[span.last]
    if (first !== undefined && last !== undefined) hits.push({ start: first.start, end: last.end, leaf })
  }
  leaves.forEach((leaf, index) => {
    const parts = leafMatchers(leaf).map((matcher) => {
      const key = matcherKey(matcher)
      let positions = positionCache.get(key)
      if (positions === undefined) {
        positions = positionsOf(tokens, (term) => acceptsTerm(matcher, term))
        positionCache.set(key, positions)
      }
      return positions
    })
    if (leaf.kind === 'near') {
      for (const span of nearSpans(parts, partGroups(leaf.parts), leaf.slop)) push(span, index)
    } else {
      for (const start of phraseStarts(parts)) push({ first: start, last: start + parts.length - 1 }, index)
    }
  })
  return hits.sort((a, b) => a.start - b.start || b.end - a.end)
}

/** Sorted, non-overlapping ranges: overlapping hits are merged into one. */
export function mergeRanges(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end)
  const merged: TextRange[] = []
  for (const range of sorted) {
    const last = merged.at(-1)
    if (last !== undefined && range.start < last.end) last.end = Math.max(last.end, range.end)
    else merged.push({ start: range.start, end: range.end })
  }
  return merged
}

/** The character ranges in `text` of every occurrence of every positive term, phrase, prefix or fuzzy match. */
export function hitRanges(query: Query, text: string): TextRange[] {
  return mergeRanges(findLeafHits(query, text))
}
