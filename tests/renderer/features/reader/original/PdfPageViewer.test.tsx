import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { AnnotationMark } from '../../../../../src/renderer/src/features/reader/highlighter'
import { OffsetLayer } from '../../../../../src/renderer/src/features/reader/original/offset-layer'
import type { OriginalSelection, OriginalViewProps } from '../../../../../src/renderer/src/features/reader/original/original-view-props'
import type { RenderPage } from '../../../../../src/renderer/src/features/reader/original/pdf-page-content'
import { PAGE_GAP } from '../../../../../src/renderer/src/features/reader/original/pdf-page-layout'
import { PdfPageViewer } from '../../../../../src/renderer/src/features/reader/original/PdfPageViewer'
import { makeSource } from '../../../../helpers/factories'

const PAGES = 60
const PAGE_TEXT = (page: number) => `Page ${page + 1} says hello to the envoy.`
const TEXT = Array.from({ length: PAGES }, (_, page) => PAGE_TEXT(page)).join('\n\n')
const STARTS = Array.from({ length: PAGES }, (_, page) => TEXT.indexOf(PAGE_TEXT(page)))
const SIZES = Array.from({ length: PAGES }, () => ({ width: 600, height: 800 }))
const VIEW = { width: 640, height: 700 }

/** A page drawn as one span of its text, at once; records which pages were drawn. */
function fakePages(): { renderPage: RenderPage; drawn: number[]; live: Set<number> } {
  const drawn: number[] = []
  const live = new Set<number>()
  const renderPage: RenderPage = (index, slots) => {
    drawn.push(index)
    live.add(index)
    const span = document.createElement('span')
    span.textContent = PAGE_TEXT(index)
    slots.text.append(span)
    return {
      text: Promise.resolve(OffsetLayer.align(PAGE_TEXT(index), [span.firstChild as Text], STARTS[index] ?? 0)),
      setScale: () => undefined,
      destroy: () => {
        live.delete(index)
        slots.text.replaceChildren()
      }
    }
  }
  return { renderPage, drawn, live }
}

const restore: Array<() => void> = []
beforeAll(() => {
  // jsdom lays nothing out: give the scroller a size and ranges a box, as Chromium would.
  for (const [name, value] of [['clientWidth', VIEW.width], ['clientHeight', VIEW.height]] as const) {
    const before = Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value })
    restore.push(() => before && Object.defineProperty(HTMLElement.prototype, name, before))
  }
  const scrollIntoView = Element.prototype.scrollIntoView
  Element.prototype.scrollIntoView = () => undefined
  restore.push(() => (Element.prototype.scrollIntoView = scrollIntoView))
  const rects = Range.prototype.getClientRects
  const bounds = Range.prototype.getBoundingClientRect
  Range.prototype.getClientRects = function () {
    return [new DOMRect(10, 10, 100, 12)] as unknown as DOMRectList
  }
  Range.prototype.getBoundingClientRect = () => new DOMRect(10, 10, 100, 12)
  restore.push(() => {
    Range.prototype.getClientRects = rects
    Range.prototype.getBoundingClientRect = bounds
  })
})
afterAll(() => restore.forEach((undo) => undo()))
afterEach(cleanup)

function show(overrides: Partial<OriginalViewProps> = {}) {
  const pages = fakePages()
  const onSelect = vi.fn<(selection: OriginalSelection | null) => void>()
  const onAnnotationClick = vi.fn<(id: string) => void>()
  const props: OriginalViewProps = {
    source: makeSource({ id: 's1', title: 'Report', relativePath: 'report.pdf', format: 'pdf' }),
    text: TEXT,
    annotations: [],
    searchHits: [],
    searchCursor: 0,
    findHits: [],
    currentFind: -1,
    quoteParts: [],
    flash: null,
    onSelect,
    onAnnotationClick,
    ...overrides
  }
  const view = render(<PdfPageViewer {...props} sizes={SIZES} pageStarts={STARTS} renderPage={pages.renderPage} label="Pages of Report" />)
  const scroller = screen.getByRole('document', { name: /Pages of Report/ })
  return { ...pages, onSelect, onAnnotationClick, view, scroller, props }
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 30))
  })
}

function pageElement(number: number): HTMLElement {
  return document.querySelector(`[data-testid="pdf-page"][data-page-number="${number}"]`) as HTMLElement
}

describe('PdfPageViewer', () => {
  it('lays out every page at once but draws only those near the view', async () => {
    const { drawn } = show()
    await settle()
    expect(screen.getAllByTestId('pdf-page')).toHaveLength(PAGES)
    expect(drawn.length).toBeGreaterThan(0)
    expect(drawn.length).toBeLessThan(6)
    expect(Math.max(...drawn)).toBeLessThan(5)
    expect((screen.getByLabelText('Page number') as HTMLInputElement).value).toBe('1')
  })

  it('goes to a typed page number, draws it, and lets go of the first pages', async () => {
    const { scroller, live } = show()
    await settle()
    const box = screen.getByLabelText('Page number')
    fireEvent.change(box, { target: { value: '40' } })
    fireEvent.keyDown(box, { key: 'Enter' })
    fireEvent.scroll(scroller)
    await settle()
    expect((screen.getByLabelText('Page number') as HTMLInputElement).value).toBe('40')
    expect(scroller.scrollTop).toBe(Number.parseFloat(pageElement(40).style.top) - PAGE_GAP)
    expect(live.has(39)).toBe(true)
    expect(live.has(0)).toBe(false)
  })

  it('zooms in and out from the toolbar and the keyboard, keeping the page in view', async () => {
    const { scroller } = show()
    await settle()
    const fitted = Number.parseFloat(pageElement(1).style.width)
    expect(fitted).toBeLessThanOrEqual(VIEW.width)
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }))
    await settle()
    const zoomed = Number.parseFloat(pageElement(1).style.width)
    expect(zoomed).toBeGreaterThan(fitted)
    fireEvent.keyDown(scroller, { key: '-' })
    fireEvent.keyDown(scroller, { key: '-' })
    await settle()
    expect(Number.parseFloat(pageElement(1).style.width)).toBeLessThan(zoomed)
    fireEvent.change(screen.getByRole('combobox', { name: 'Zoom' }), { target: { value: 'fit-width' } })
    await settle()
    expect(Number.parseFloat(pageElement(1).style.width)).toBe(fitted)
    // A pinch (Ctrl + wheel) zooms the pages and is kept from zooming the whole window.
    const pinch = new WheelEvent('wheel', { ctrlKey: true, deltaY: -120, bubbles: true, cancelable: true })
    act(() => {
      scroller.dispatchEvent(pinch)
    })
    await settle()
    expect(pinch.defaultPrevented).toBe(true)
    expect(Number.parseFloat(pageElement(1).style.width)).toBeGreaterThan(fitted)
  })

  it('lists the pages, marks those with highlights, and goes to one when clicked', async () => {
    const annotations: AnnotationMark[] = [{ start: STARTS[12]!, end: STARTS[12]! + 4, annotationId: 'a1', color: 'yellow' }]
    show({ annotations })
    await settle()
    fireEvent.click(screen.getByRole('button', { name: 'Page list' }))
    const list = screen.getByRole('navigation', { name: 'Page list: Report' })
    expect(list.querySelectorAll('button')).toHaveLength(PAGES)
    fireEvent.click(screen.getByRole('button', { name: 'Page 13, has highlights' }))
    fireEvent.scroll(screen.getByRole('document', { name: /Pages of Report/ }))
    await settle()
    expect(screen.getByRole('button', { name: 'Page 13, has highlights' }).getAttribute('aria-current')).toBe('page')
  })

  it('draws highlights on the page in their colour, and a click on one opens it', async () => {
    const start = STARTS[0]! + PAGE_TEXT(0).indexOf('hello')
    const { onAnnotationClick, scroller } = show({ annotations: [{ start, end: start + 5, annotationId: 'a1', color: 'green' }] })
    await settle()
    const box = pageElement(1).querySelector('[data-testid="original-highlight"]') as HTMLElement
    expect(box.className).toBe('annotation-box color-green')
    expect(box.dataset['annotationId']).toBe('a1')
    box.getBoundingClientRect = () => new DOMRect(10, 10, 100, 12)
    fireEvent.mouseUp(scroller, { clientX: 20, clientY: 15 })
    expect(onAnnotationClick).toHaveBeenCalledWith('a1')
  })

  it('reports a selection on a page as offsets in the source text, and its end', async () => {
    const { onSelect, scroller } = show()
    await settle()
    const node = pageElement(2).querySelector('.page-text span')?.firstChild as Text
    const range = document.createRange()
    range.setStart(node, node.data.indexOf('hello'))
    range.setEnd(node, node.data.indexOf('hello') + 'hello to the'.length)
    window.getSelection()?.removeAllRanges()
    window.getSelection()?.addRange(range)
    fireEvent.mouseUp(scroller)
    const reported = onSelect.mock.calls.at(-1)?.[0]
    expect(reported === null || reported === undefined ? null : TEXT.slice(reported.start, reported.end)).toBe('hello to the')
    expect(reported?.start).toBe(STARTS[1]! + PAGE_TEXT(1).indexOf('hello'))
    window.getSelection()?.removeAllRanges()
    fireEvent.mouseUp(scroller)
    expect(onSelect.mock.calls.at(-1)?.[0]).toBeNull()
  })

  it('opens a linked passage on its page and flashes it', async () => {
    const start = STARTS[30]! + PAGE_TEXT(30).indexOf('envoy')
    const annotations: AnnotationMark[] = [{ start, end: start + 5, annotationId: 'a9', color: 'pink' }]
    const { scroller, live } = show({ annotations, flash: { annotationId: 'a9', nonce: 1 } })
    fireEvent.scroll(scroller)
    await settle()
    expect(live.has(30)).toBe(true)
    expect((screen.getByLabelText('Page number') as HTMLInputElement).value).toBe('31')
    expect(pageElement(31).querySelector('[data-annotation-id="a9"]')?.className).toBe('annotation-box color-pink flash')
  })
})
