// The page column every paged original (a PDF, a scan, an image) is read in: placeholders
// sized from each page so the scrollbar is right from the start, only the pages near the
// viewport rendered, zoom, a page box and page list, the source's highlights and hits
// drawn on the pages, and a selection on a page reported as offsets in the source text.
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { TextRange } from '../../../../../shared/text/find'
import { OffsetLayer, paintHighlights } from './offset-layer'
import type { OriginalViewProps } from './original-view-props'
import { annotationAt, boundsOf, highlightItems } from './pdf-highlights'
import type { RenderPage } from './pdf-page-content'
import { PageManager } from './pdf-page-manager'
import {
  anchorAt,
  currentPage,
  layoutPages,
  PAGE_GAP,
  pageOfOffset,
  pagesNear,
  pageSpan,
  scrollTopFor,
  type PageSize,
  type ScrollAnchor
} from './pdf-page-layout'
import { scaleFor, typicalSize, zoomIn, zoomOut, type Viewport, type Zoom } from './pdf-zoom'
import { PdfPageColumn } from './PdfPageColumn'
import { PdfPageList } from './PdfPageList'
import { PdfToolbar } from './PdfToolbar'
import './original.css'

export interface PdfPageViewerProps extends OriginalViewProps {
  /** Each page's size at 100 %. */
  sizes: readonly PageSize[]
  /** Where each page's text starts in `text`, to find the page an offset is on. */
  pageStarts: readonly number[]
  renderPage: RenderPage
  /** What the column shows, for screen readers ("Pages of Annual report"). */
  label: string
}

const FLASH_MS = 1600
/** Wheel travel (pixels) per zoom step under Ctrl: one mouse-wheel notch. */
const WHEEL_STEP = 50

export function PdfPageViewer(props: PdfPageViewerProps) {
  const { sizes, pageStarts, renderPage, label, annotations, searchHits, searchCursor, findHits, currentFind, quoteParts, flash } = props
  const listId = useId()
  const scrollRef = useRef<HTMLDivElement>(null)
  const hosts = useRef(new Map<number, HTMLElement>())
  const [viewport, setViewport] = useState<Viewport>({ width: 0, height: 0 })
  const [zoom, setZoom] = useState<Zoom>({ kind: 'fit-width' })
  const [scrollTop, setScrollTop] = useState(0)
  const [listOpen, setListOpen] = useState(false)
  const typical = useMemo(() => typicalSize(sizes), [sizes])
  const scale = scaleFor(zoom, typical, viewport)
  const column = useMemo(() => layoutPages(sizes, scale), [sizes, scale])
  const page = currentPage(column, scrollTop, viewport.height)

  // Imperative work (painting, revealing) reads the latest render's values through this.
  const latest = useRef({ props, column })
  latest.current = { props, column }
  // Null until the reader (or a link) moves: the column then stays at its very top through the first fit.
  const anchor = useRef<ScrollAnchor | null>(null)
  const laidOut = useRef(column)
  const frame = useRef(0)
  const flashing = useRef<string | null>(null)
  const pending = useRef<TextRange | null>(null)
  const onTextRef = useRef<(index: number) => void>(() => undefined)
  const manager = useMemo(() => new PageManager(renderPage, (index) => onTextRef.current(index)), [renderPage])
  useEffect(() => () => manager.destroy(), [manager])

  const paint = useCallback(
    (index: number): void => {
      const live = manager.text(index)
      if (live === null) return
      const current = latest.current.props
      const span = pageSpan(current.pageStarts, index, current.text.length)
      const items = highlightItems(live.layer, span, { ...current, flashing: flashing.current })
      // Painting measures the page (a forced layout): skip it for the many pages with nothing on them.
      if (items.length === 0 && live.overlay.childElementCount === 0) return
      paintHighlights(live.overlay, items)
    },
    [manager]
  )

  const paintAll = useCallback((): void => {
    for (const live of manager.texts()) paint(live.index)
  }, [manager, paint])

  /** Scrolls the column, and remembers the place so a zoom that follows (a fit on first layout) keeps it. */
  const scrollColumnTo = useCallback((top: number, left?: number): void => {
    const scroller = scrollRef.current
    if (scroller === null) return
    scroller.scrollTop = top
    if (left !== undefined) scroller.scrollLeft = left
    anchor.current = anchorAt(latest.current.column, scroller.scrollTop)
  }, [])

  /** Scrolls a passage to the middle of the view; when its page is not drawn yet, goes to the page and finishes once it is. */
  const reveal = useCallback(
    (range: TextRange): void => {
      const scroller = scrollRef.current
      if (scroller === null) return
      const index = pageOfOffset(latest.current.props.pageStarts, range.start)
      const live = manager.text(index)
      const target = live?.layer.rangesFor(range.start, range.end)[0]
      if (target !== undefined) {
        pending.current = null
        const rect = target.getBoundingClientRect()
        const view = scroller.getBoundingClientRect()
        const outside = rect.left < view.left || rect.right > view.right
        scrollColumnTo(
          scroller.scrollTop + rect.top + rect.height / 2 - (view.top + view.height / 2),
          outside ? scroller.scrollLeft + rect.left - view.left - PAGE_GAP * 2 : undefined
        )
        return
      }
      const box = latest.current.column.boxes[index]
      if (box !== undefined) scrollColumnTo(box.top - PAGE_GAP)
      // A drawn page whose text does not hold the passage will not do better later.
      pending.current = live === null ? range : null
    },
    [manager, scrollColumnTo]
  )

  onTextRef.current = (index: number): void => {
    paint(index)
    const waiting = pending.current
    if (waiting !== null && pageOfOffset(latest.current.props.pageStarts, waiting.start) === index) reveal(waiting)
  }

  useLayoutEffect(() => {
    const scroller = scrollRef.current
    if (scroller === null) return undefined
    const measure = (): void => setViewport({ width: scroller.clientWidth, height: scroller.clientHeight })
    measure()
    if (typeof ResizeObserver === 'undefined') return undefined
    const observer = new ResizeObserver(measure)
    observer.observe(scroller)
    return () => observer.disconnect()
  }, [])

  // After every layout: keep the reader's place through a zoom (or pages found to be another
  // size), then render the pages near the view.
  useLayoutEffect(() => {
    const scroller = scrollRef.current
    if (scroller === null || viewport.height === 0) return
    const moved = laidOut.current !== column
    if (moved) {
      laidOut.current = column
      if (anchor.current !== null) scroller.scrollTop = scrollTopFor(column, anchor.current)
    }
    // One screen above and below is drawn ahead, so scrolling rarely meets a blank page.
    const near = pagesNear(column, scroller.scrollTop, viewport.height, viewport.height)
    if (near !== null) manager.sync(near.first, near.last, scale, (index) => hosts.current.get(index) ?? null)
    if (moved) paintAll()
  }, [manager, column, scale, scrollTop, viewport.height, paintAll])

  useEffect(() => () => cancelAnimationFrame(frame.current), [])

  // Ctrl + wheel (a trackpad pinch) zooms the pages, not the whole window. React's wheel
  // listener is passive and cannot stop the browser's own zoom, hence a listener of our own.
  const zoomBy = useRef<(steps: number) => void>(() => undefined)
  zoomBy.current = (steps: number) => changeZoom({ kind: 'scale', scale: steps > 0 ? zoomIn(scale) : zoomOut(scale) })
  useEffect(() => {
    const scroller = scrollRef.current
    if (scroller === null) return undefined
    let travelled = 0
    const onWheel = (event: WheelEvent): void => {
      if (!event.ctrlKey && !event.metaKey) return
      event.preventDefault()
      travelled += event.deltaY
      // A pinch sends many small deltas: one zoom step per notch's worth of them.
      if (Math.abs(travelled) < WHEEL_STEP) return
      zoomBy.current(travelled < 0 ? 1 : -1)
      travelled = 0
    }
    scroller.addEventListener('wheel', onWheel, { passive: false })
    return () => scroller.removeEventListener('wheel', onWheel)
  }, [])

  useEffect(() => {
    paintAll()
  }, [annotations, paintAll])

  useEffect(() => {
    paintAll()
    const hit = quoteParts[0]
    if (hit !== undefined) reveal(hit)
  }, [quoteParts, paintAll, reveal])

  useEffect(() => {
    paintAll()
    const hit = searchHits[searchCursor]
    if (hit !== undefined) reveal(hit)
  }, [searchHits, searchCursor, paintAll, reveal])

  useEffect(() => {
    paintAll()
    const hit = findHits[currentFind]
    if (hit !== undefined) reveal(hit)
  }, [findHits, currentFind, paintAll, reveal])

  // Last of the reveals, so a linked passage wins over a search hit when a pane opens with both.
  const flashTarget = flash === null ? undefined : annotations.find((annotation) => annotation.annotationId === flash.annotationId)
  useEffect(() => {
    if (flash === null || flashTarget === undefined) return undefined
    flashing.current = flash.annotationId
    paintAll()
    reveal(flashTarget)
    const timer = setTimeout(() => {
      flashing.current = null
      paintAll()
    }, FLASH_MS)
    return () => clearTimeout(timer)
    // The nonce changes with every request; the annotation's offsets are what to reveal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [flash?.nonce, flash?.annotationId, flashTarget?.start, flashTarget?.end, paintAll, reveal])

  const highlightedPages = useMemo(
    () => new Set(annotations.map((annotation) => pageOfOffset(pageStarts, annotation.start))),
    [annotations, pageStarts]
  )

  function onScroll(): void {
    const scroller = scrollRef.current
    if (scroller === null) return
    anchor.current = anchorAt(latest.current.column, scroller.scrollTop)
    if (frame.current !== 0) return
    frame.current = requestAnimationFrame(() => {
      frame.current = 0
      setScrollTop(scroller.scrollTop)
    })
  }

  function goTo(index: number): void {
    const box = column.boxes[index]
    if (box !== undefined) scrollColumnTo(box.top - PAGE_GAP)
  }

  function changeZoom(next: Zoom): void {
    const scroller = scrollRef.current
    if (scroller !== null) anchor.current = anchorAt(column, scroller.scrollTop)
    setZoom(next)
  }

  /** Reports the selection on the pages as offsets in the source text, or that there is none. */
  function reportSelection(): boolean {
    const scroller = scrollRef.current
    const selection = window.getSelection()
    if (scroller === null || selection === null || selection.isCollapsed || selection.rangeCount === 0) return false
    if (!scroller.contains(selection.getRangeAt(0).commonAncestorContainer)) return false
    const texts = manager.texts()
    const range = OffsetLayer.concat(texts.map((live) => live.layer)).selectionRange(selection)
    if (range === null) return false
    const rect = boundsOf(texts.flatMap((live) => live.layer.rangesFor(range.start, range.end))) ?? selection.getRangeAt(0).getBoundingClientRect()
    props.onSelect({ ...range, rect })
    return true
  }

  function onMouseUp(event: React.MouseEvent): void {
    for (const layer of scrollRef.current?.querySelectorAll('.selecting') ?? []) layer.classList.remove('selecting')
    if (reportSelection()) return
    props.onSelect(null)
    const scroller = scrollRef.current
    const id = scroller === null ? null : annotationAt(scroller, event.clientX, event.clientY)
    if (id !== null) props.onAnnotationClick(id)
  }

  function onKeyDown(event: React.KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey || event.target !== event.currentTarget) return
    if (event.key === '+' || event.key === '=') {
      event.preventDefault()
      changeZoom({ kind: 'scale', scale: zoomIn(scale) })
    } else if (event.key === '-' || event.key === '_') {
      event.preventDefault()
      changeZoom({ kind: 'scale', scale: zoomOut(scale) })
    }
  }

  const innerWidth = Math.max(viewport.width, column.width + PAGE_GAP * 2)
  return (
    <div className="pdf-viewer">
      <PdfToolbar
        page={page}
        pageCount={sizes.length}
        onGoTo={goTo}
        zoom={zoom}
        scale={scale}
        onZoom={changeZoom}
        onZoomIn={() => changeZoom({ kind: 'scale', scale: zoomIn(scale) })}
        onZoomOut={() => changeZoom({ kind: 'scale', scale: zoomOut(scale) })}
        listOpen={listOpen}
        listId={listId}
        onToggleList={() => setListOpen(!listOpen)}
      />
      <div className="pdf-viewer-body">
        {listOpen && sizes.length > 1 && <PdfPageList id={listId} label={`Page list: ${props.source.title}`} pageCount={sizes.length} current={page} highlighted={highlightedPages} onGoTo={goTo} />}
        <div
          ref={scrollRef}
          className="pdf-scroll"
          tabIndex={0}
          role="document"
          aria-label={`${label}. Select text on a page to highlight it; + and − zoom.`}
          onScroll={onScroll}
          onMouseDown={(event) => (event.target as HTMLElement).closest('.textLayer, .ocr-word-layer')?.classList.add('selecting')}
          onMouseUp={onMouseUp}
          onKeyUp={(event) => {
            if (event.shiftKey) reportSelection()
          }}
          onKeyDown={onKeyDown}
        >
          {/* Memoised: scrolling re-renders the toolbar, not 500 placeholders. */}
          <PdfPageColumn column={column} width={innerWidth} scale={scale} hosts={hosts.current} />
        </div>
      </div>
    </div>
  )
}
