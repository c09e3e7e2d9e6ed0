import { describe, expect, it } from 'vitest'
import {
  anchorAt,
  currentPage,
  layoutPages,
  PAGE_GAP,
  pageOfOffset,
  pageSpan,
  pagesNear,
  parsePageNumber,
  scrollTopFor
} from '../../../../../src/renderer/src/features/reader/original/pdf-page-layout'

const letter = { width: 612, height: 792 }

describe('pdf-page-layout', () => {
  it('stacks pages with a gap, so the scrollbar spans the whole document before any page is drawn', () => {
    const column = layoutPages([letter, { width: 792, height: 612 }, letter], 0.5)
    expect(column.boxes.map((box) => box.top)).toEqual([PAGE_GAP, PAGE_GAP + 396 + PAGE_GAP, PAGE_GAP + 396 + PAGE_GAP + 306 + PAGE_GAP])
    expect(column.height).toBe(PAGE_GAP + 396 + PAGE_GAP + 306 + PAGE_GAP + 396 + PAGE_GAP)
    expect(column.width).toBe(396)
  })

  it('finds only the pages near the viewport in a 500-page document', () => {
    const column = layoutPages(Array.from({ length: 500 }, () => letter), 1)
    const stride = 792 + PAGE_GAP
    // Viewport over pages 100 and 101 (0-based), with one screen of margin either side.
    const near = pagesNear(column, PAGE_GAP + 100 * stride + 100, 800, 800)
    expect(near).toEqual({ first: 99, last: 102 })
    expect(pagesNear(column, 0, 800, 0)).toEqual({ first: 0, last: 0 })
    expect(pagesNear(column, 0, 820, 0)).toEqual({ first: 0, last: 1 })
    expect(pagesNear(column, column.height - 800, 800, 0)).toEqual({ first: 499, last: 499 })
    expect(pagesNear(layoutPages([], 1), 0, 800, 800)).toBeNull()
  })

  it('says the reader is on the page that fills the upper part of the view', () => {
    const column = layoutPages([letter, letter, letter], 1)
    expect(currentPage(column, 0, 900)).toBe(0)
    // Page 2 starts 150 px down the view: the line a third of the way down (300 px) is on it.
    expect(currentPage(column, column.boxes[1]!.top - 150, 900)).toBe(1)
    expect(currentPage(column, column.height, 900)).toBe(2)
  })

  it('keeps the same spot of the same page in view through a zoom', () => {
    const sizes = Array.from({ length: 20 }, () => letter)
    const before = layoutPages(sizes, 1)
    const anchor = anchorAt(before, before.boxes[7]!.top + 792 / 4)
    expect(anchor).toEqual({ page: 7, fraction: 0.25 })
    const after = layoutPages(sizes, 2)
    expect(scrollTopFor(after, anchor)).toBe(after.boxes[7]!.top + (792 * 2) / 4)
  })

  it('finds the page holding an offset from where each page text starts', () => {
    const starts = [0, 120, 120, 300]
    expect(pageOfOffset(starts, 0)).toBe(0)
    expect(pageOfOffset(starts, 119)).toBe(0)
    // Page 2 (0-based 1) has no text: its start is page 3's, and the text there is page 3's.
    expect(pageOfOffset(starts, 120)).toBe(2)
    expect(pageOfOffset(starts, 5000)).toBe(3)
    expect(pageOfOffset([], 40)).toBe(0)
    expect(pageSpan(starts, 2, 400)).toEqual({ start: 120, end: 300 })
    expect(pageSpan(starts, 3, 400)).toEqual({ start: 300, end: 400 })
  })

  it('accepts a typed page number only when the document has that page', () => {
    expect(parsePageNumber(' 12 ', 40)).toBe(12)
    expect(parsePageNumber('41', 40)).toBeNull()
    expect(parsePageNumber('0', 40)).toBeNull()
    expect(parsePageNumber('3a', 40)).toBeNull()
    expect(parsePageNumber('', 40)).toBeNull()
  })
})
