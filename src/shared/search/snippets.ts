// Short excerpts around a query's hits for the results list: the passages with the most
// different query terms first, cut at word boundaries, whitespace collapsed, with the hit
// ranges given relative to the excerpt so the list can mark them.
import type { TextRange } from '../text/find'
import { findLeafHits, mergeRanges, type LeafHit } from './hit-ranges'
import type { Query } from './query-types'

export interface Snippet {
  text: string
  ranges: TextRange[]
}

const ELLIPSIS = '\u2026'

interface Window {
  start: number
  end: number
  leaves: number
  hits: number
}

/** The window anchored at hit `first`: following hits as long as they fit in 2 × context. */
function windowAt(hits: LeafHit[], first: number, context: number): Window {
  const anchor = hits[first]
  if (anchor === undefined) return { start: 0, end: 0, leaves: 0, hits: 0 }
  const leaves = new Set<number>()
  let end = anchor.end
  let count = 0
  for (let i = first; i < hits.length; i++) {
    const hit = hits[i]
    if (hit === undefined || hit.end - anchor.start > 2 * context) break
    leaves.add(hit.leaf)
    end = Math.max(end, hit.end)
    count++
  }
  return { start: anchor.start, end, leaves: leaves.size, hits: count }
}

function isSpace(char: string): boolean {
  return /\s/.test(char)
}

/** Widens [start, end) by `context` and pulls both ends back to word boundaries. */
function excerptBounds(text: string, window: Window, context: number): TextRange {
  let start = Math.max(0, window.start - context)
  let end = Math.min(text.length, window.end + context)
  if (start > 0 && !isSpace(text.charAt(start - 1))) {
    while (start < window.start && !isSpace(text.charAt(start))) start++
  }
  if (end < text.length && !isSpace(text.charAt(end))) {
    while (end > window.end && !isSpace(text.charAt(end - 1))) end--
  }
  return { start, end }
}

function render(text: string, bounds: TextRange, hits: TextRange[]): Snippet {
  let out = bounds.start > 0 ? ELLIPSIS : ''
  // offsets[i - bounds.start] is where original character i lands in the excerpt.
  const offsets = new Int32Array(bounds.end - bounds.start + 1)
  let pendingSpace = false
  for (let i = bounds.start; i < bounds.end; i++) {
    const char = text.charAt(i)
    if (isSpace(char)) {
      pendingSpace = out.length > (bounds.start > 0 ? ELLIPSIS.length : 0)
      offsets[i - bounds.start] = out.length
      continue
    }
    if (pendingSpace) out += ' '
    pendingSpace = false
    offsets[i - bounds.start] = out.length
    out += char
  }
  offsets[bounds.end - bounds.start] = out.length
  const ranges = mergeRanges(hits)
    .filter((hit) => hit.start >= bounds.start && hit.end <= bounds.end)
    .map((hit) => ({ start: offsets[hit.start - bounds.start] ?? 0, end: (offsets[hit.end - 1 - bounds.start] ?? 0) + 1 }))
  if (bounds.end < text.length) out += ELLIPSIS
  return { text: out, ranges }
}

/** Up to `max` excerpts of about `context` characters either side of the best groups of hits, in text order. */
export function snippets(query: Query, text: string, max = 3, context = 60): Snippet[] {
  const hits = findLeafHits(query, text)
  const windows = hits.map((_, index) => windowAt(hits, index, context))
  const ranked = [...windows].sort((a, b) => b.leaves - a.leaves || b.hits - a.hits || a.start - b.start)
  const chosen: TextRange[] = []
  for (const window of ranked) {
    if (chosen.length >= max) break
    const bounds = excerptBounds(text, window, context)
    if (chosen.some((taken) => bounds.start < taken.end && taken.start < bounds.end)) continue
    chosen.push(bounds)
  }
  return chosen.sort((a, b) => a.start - b.start).map((bounds) => render(text, bounds, hits))
}
