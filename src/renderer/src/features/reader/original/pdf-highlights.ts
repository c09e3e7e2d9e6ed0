// What to draw on an original (a PDF page, a scan, a web article): the source's highlights,
// the library search's hits, the pane's find hits and a quotation from the ledger, each as
// the DOM ranges of the view's text that stand for its offsets; and which highlight a click landed on.
import type { TextRange } from '../../../../../shared/text/find'
import type { HighlightItem, OffsetLayer } from './offset-layer'
import type { OriginalViewProps } from './original-view-props'

/** What a view is asked to mark, and the annotation being flashed, if any. */
export type PageMarks = Pick<OriginalViewProps, 'annotations' | 'searchHits' | 'searchCursor' | 'findHits' | 'currentFind' | 'quoteParts'> & { flashing: string | null }

function overlaps(range: TextRange, span: TextRange): boolean {
  return range.end > span.start && range.start < span.end
}

/** The boxes to paint on a page whose text spans `span`, in painting order (later ones on top). */
export function highlightItems(layer: OffsetLayer, span: TextRange, marks: PageMarks): HighlightItem[] {
  const items: HighlightItem[] = []
  const add = (range: TextRange, className: string, annotationId?: string): void => {
    if (!overlaps(range, span)) return
    for (const domRange of layer.rangesFor(range.start, range.end)) {
      items.push(annotationId === undefined ? { range: domRange, className } : { range: domRange, className, annotationId })
    }
  }
  for (const annotation of marks.annotations) {
    const flash = annotation.annotationId === marks.flashing ? ' flash' : ''
    add(annotation, `annotation-box color-${annotation.color}${flash}`, annotation.annotationId)
  }
  for (const part of marks.quoteParts) add(part, 'quote-box')
  marks.searchHits.forEach((hit, index) => add(hit, index === marks.searchCursor ? 'search-box search-current' : 'search-box'))
  marks.findHits.forEach((hit, index) => add(hit, index === marks.currentFind ? 'find-box find-current' : 'find-box'))
  return items
}

/**
 * The highlight drawn under a point on screen (the smallest when highlights overlap, so a short
 * one inside a long one can still be opened), or null. `boxes` picks the boxes under `root`.
 */
export function annotationAt(root: HTMLElement, x: number, y: number, boxes = '.original-overlay [data-annotation-id]'): string | null {
  let found: { id: string; area: number } | null = null
  for (const box of root.querySelectorAll<HTMLElement>(boxes)) {
    const rect = box.getBoundingClientRect()
    if (rect.width <= 0 || x < rect.left || x > rect.right || y < rect.top || y > rect.bottom) continue
    const area = rect.width * rect.height
    const id = box.dataset['annotationId']
    if (id !== undefined && (found === null || area < found.area)) found = { id, area }
  }
  return found?.id ?? null
}

/** The smallest rectangle around a set of ranges (where a selection sits, for the colour toolbar). */
export function boundsOf(ranges: readonly Range[]): DOMRect | null {
  let left = Infinity
  let top = Infinity
  let right = -Infinity
  let bottom = -Infinity
  for (const range of ranges) {
    for (const rect of range.getClientRects()) {
      if (rect.width === 0 && rect.height === 0) continue
      left = Math.min(left, rect.left)
      top = Math.min(top, rect.top)
      right = Math.max(right, rect.right)
      bottom = Math.max(bottom, rect.bottom)
    }
  }
  return left === Infinity ? null : new DOMRect(left, top, right - left, bottom - top)
}
