// What the web original draws over its article and where it scrolls: the boxes for
// annotations, search hits, find hits and a ledger quote (offsets in the extracted text,
// turned into DOM ranges by the offset layer), and the annotation under a click.
import type { TextRange } from '../../../../../shared/text/find'
import type { AnnotationMark } from '../highlighter'
import type { HighlightItem, OffsetLayer } from './offset-layer'

export interface Highlights {
  annotations: readonly AnnotationMark[]
  searchHits: readonly TextRange[]
  searchCursor: number
  findHits: readonly TextRange[]
  currentFind: number
  quoteParts: readonly TextRange[]
  /** The annotation being flashed, if any. */
  flashing: string | null
}

/** Every text node under `root`, in document order: what the offset layer lines up with the source text. */
export function textNodesOf(root: Node): Text[] {
  const nodes: Text[] = []
  const walker = root.ownerDocument?.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */)
  if (walker === undefined) return nodes
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node as Text)
  return nodes
}

/**
 * The boxes to paint, bottom first: annotations, then the quote, search hits and find hits
 * on top (the current find last of all, so it is never hidden).
 */
export function highlightItems(layer: OffsetLayer, highlights: Highlights): HighlightItem[] {
  const items: HighlightItem[] = []
  const add = (range: TextRange, className: string, annotationId?: string): void => {
    for (const domRange of layer.rangesFor(range.start, range.end)) items.push(annotationId === undefined ? { range: domRange, className } : { range: domRange, className, annotationId })
  }
  for (const annotation of highlights.annotations) {
    const flash = highlights.flashing === annotation.annotationId ? ' flash' : ''
    add(annotation, `annotation-box color-${annotation.color}${flash}`, annotation.annotationId)
  }
  for (const part of highlights.quoteParts) add(part, 'quote-box')
  highlights.searchHits.forEach((hit, index) => add(hit, index === highlights.searchCursor ? 'search-box search-current' : 'search-box'))
  highlights.findHits.forEach((hit, index) => add(hit, index === highlights.currentFind ? 'find-box find-current' : 'find-box'))
  return items
}

/** Scrolls `scroller` so the start of `range` sits in its middle; nothing where layout is unknown (jsdom). */
export function scrollToRange(scroller: HTMLElement, range: Range | undefined): void {
  if (range === undefined || typeof range.getBoundingClientRect !== 'function') return
  const rect = range.getBoundingClientRect()
  const box = scroller.getBoundingClientRect()
  scroller.scrollTop += rect.top - box.top - box.height / 2 + rect.height / 2
}

/**
 * The annotation whose box holds the point, the smallest when they overlap (so a short highlight
 * inside a long one can still be opened), or null. Boxes lie under the text and take no clicks themselves.
 */
export function annotationAt(overlay: HTMLElement, x: number, y: number): string | null {
  let found: { id: string; area: number } | null = null
  for (const box of overlay.querySelectorAll<HTMLElement>('[data-annotation-id]')) {
    const rect = box.getBoundingClientRect()
    if (rect.width <= 0 || x < rect.left || x > rect.right || y < rect.top || y > rect.bottom) continue
    const id = box.dataset['annotationId']
    const area = rect.width * rect.height
    if (id !== undefined && (found === null || area < found.area)) found = { id, area }
  }
  return found?.id ?? null
}
