// Where each page of the original sits in its scrolling column at a given zoom, which
// pages are near the viewport (only those are rendered), which page the reader is on,
// and which page holds a text offset. Pure maths, so the lazy viewer is testable.

/** A page's size at zoom 1, in CSS pixels (a PDF point is one CSS pixel at 100 %). */
export interface PageSize {
  width: number
  height: number
}

export interface PageBox {
  top: number
  width: number
  height: number
}

export interface PageColumn {
  boxes: PageBox[]
  /** The column's full height, gaps and margins included: what the scrollbar spans. */
  height: number
  /** The widest page: what the column needs across. */
  width: number
}

/** Space between two pages and around the column, in CSS pixels. */
export const PAGE_GAP = 10

export function layoutPages(sizes: readonly PageSize[], scale: number, gap = PAGE_GAP): PageColumn {
  const boxes: PageBox[] = []
  let top = gap
  let width = 0
  for (const size of sizes) {
    const box = { top, width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) }
    boxes.push(box)
    top += box.height + gap
    width = Math.max(width, box.width)
  }
  return { boxes, height: top, width }
}

/** The first page whose bottom is below `y` (binary search: a 500-page column is searched on every scroll). */
function firstEndingBelow(boxes: readonly PageBox[], y: number): number {
  let low = 0
  let high = boxes.length
  while (low < high) {
    const middle = (low + high) >> 1
    const box = boxes[middle] as PageBox
    if (box.top + box.height <= y) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * The pages (0-based, inclusive) that overlap the viewport widened by `margin` pixels
 * above and below, or null when there are none.
 */
export function pagesNear(column: PageColumn, scrollTop: number, viewportHeight: number, margin: number): { first: number; last: number } | null {
  const { boxes } = column
  if (boxes.length === 0) return null
  const top = scrollTop - margin
  const bottom = scrollTop + viewportHeight + margin
  const first = Math.min(firstEndingBelow(boxes, top), boxes.length - 1)
  let last = first
  while (last + 1 < boxes.length && (boxes[last + 1] as PageBox).top < bottom) last += 1
  return { first, last }
}

/**
 * The page the reader is on: the one under a line a third of the way down the viewport
 * (so the page number changes when the next page fills most of the view, not its first
 * pixel), or the nearest when that line falls in a gap.
 */
export function currentPage(column: PageColumn, scrollTop: number, viewportHeight: number): number {
  const { boxes } = column
  if (boxes.length === 0) return 0
  const line = scrollTop + viewportHeight / 3
  return Math.min(firstEndingBelow(boxes, line), boxes.length - 1)
}

/**
 * Where the reader is, in terms that survive a zoom: a page and how far down it the
 * viewport starts, as a share of its height (below 0 in the gap above it).
 */
export interface ScrollAnchor {
  page: number
  fraction: number
}

export function anchorAt(column: PageColumn, scrollTop: number): ScrollAnchor {
  const { boxes } = column
  if (boxes.length === 0) return { page: 0, fraction: 0 }
  const page = Math.min(firstEndingBelow(boxes, scrollTop), boxes.length - 1)
  const box = boxes[page] as PageBox
  return { page, fraction: Math.min(1, (scrollTop - box.top) / box.height) }
}

export function scrollTopFor(column: PageColumn, anchor: ScrollAnchor): number {
  const box = column.boxes[anchor.page]
  if (box === undefined) return 0
  return box.top + anchor.fraction * box.height
}

/** The page (0-based) whose text holds `offset`: the last one starting at or before it; 0 when unknown. */
export function pageOfOffset(pageStarts: readonly number[], offset: number): number {
  let low = 0
  let high = pageStarts.length - 1
  let found = 0
  while (low <= high) {
    const middle = (low + high) >> 1
    if ((pageStarts[middle] as number) <= offset) {
      found = middle
      low = middle + 1
    } else high = middle - 1
  }
  return found
}

/** The offsets [start, end) of page `page`'s text, given where each page starts and the text's length. */
export function pageSpan(pageStarts: readonly number[], page: number, textLength: number): { start: number; end: number } {
  const start = pageStarts[page] ?? textLength
  const end = pageStarts[page + 1] ?? textLength
  return { start, end: Math.max(start, end) }
}

/** A page number typed into the page box ("12"), 1-based and within the document, or null. */
export function parsePageNumber(typed: string, pageCount: number): number | null {
  const trimmed = typed.trim()
  if (!/^\d+$/.test(trimmed)) return null
  const page = Number(trimmed)
  return page >= 1 && page <= pageCount ? page : null
}
