// A saved web page as its article looked: headings, lists, tables and the images saved with
// it, cleaned of anything that could run, load or navigate, with the same highlights as the
// text view drawn under its words. The page's own address opens in the system browser only
// from an explicit button that shows the address first.
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useWorkbench } from '../../../app/workbench-store'
import { ModalDialog } from '../../../components/ModalDialog'
import { unwrap } from '../../../lib/api'
import { OffsetLayer, paintHighlights } from './offset-layer'
import type { OriginalViewProps } from './original-view-props'
import { annotationAt, highlightItems } from './pdf-highlights'
import { scrollToRange, textNodesOf } from './web-highlights'
import { sanitizeArticle } from './web-sanitize'
import { openableUrl } from './web-url'
import './web-original.css'

export interface WebOriginalProps extends OriginalViewProps {
  /** The article as the engine read it, not yet sanitised. */
  html: string
  /** The page's own address, if it stated one. */
  url: string | null
}

const FLASH_MS = 1600
/** The article is the whole text: every mark may land on it. */
const WHOLE_TEXT = { start: 0, end: Number.MAX_SAFE_INTEGER }

export function WebOriginal({ html, url, text, source, annotations, searchHits, searchCursor, findHits, currentFind, quoteParts, flash, onSelect, onAnnotationClick }: WebOriginalProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const overlayRef = useRef<HTMLDivElement>(null)
  const contentRef = useRef<HTMLDivElement>(null)
  const layerRef = useRef<OffsetLayer | null>(null)
  /** Changes whenever the article's layout may have moved (filled, resized, an image decoded): the boxes are painted again. */
  const [layout, setLayout] = useState(0)
  const [flashing, setFlashing] = useState<string | null>(null)

  // The content element is this component's alone: React renders nothing inside it.
  useLayoutEffect(() => {
    const content = contentRef.current
    if (content === null) return undefined
    content.replaceChildren(sanitizeArticle(html, content.ownerDocument))
    layerRef.current = OffsetLayer.align(text, textNodesOf(content))
    const moved = (): void => setLayout((count) => count + 1)
    const images = Array.from(content.querySelectorAll('img'))
    for (const image of images) image.addEventListener('load', moved)
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(moved)
    observer?.observe(content)
    moved()
    return () => {
      for (const image of images) image.removeEventListener('load', moved)
      observer?.disconnect()
      layerRef.current = null
    }
  }, [html, text])

  useLayoutEffect(() => {
    const layer = layerRef.current
    const overlay = overlayRef.current
    if (layer === null || overlay === null) return
    paintHighlights(overlay, highlightItems(layer, WHOLE_TEXT, { annotations, searchHits, searchCursor, findHits, currentFind, quoteParts, flashing }))
  }, [layout, annotations, searchHits, searchCursor, findHits, currentFind, quoteParts, flashing])

  const ready = layout > 0
  const scrollTo = (range: { start: number; end: number } | undefined): void => {
    const layer = layerRef.current
    const scroller = scrollRef.current
    if (range === undefined || layer === null || scroller === null) return
    scrollToRange(scroller, layer.rangesFor(range.start, range.end)[0])
  }

  useEffect(() => {
    if (ready && currentFind >= 0) scrollTo(findHits[currentFind])
  }, [ready, findHits, currentFind])
  useEffect(() => {
    if (ready) scrollTo(searchHits[searchCursor])
  }, [ready, searchHits, searchCursor])
  useEffect(() => {
    if (ready) scrollTo(quoteParts[0])
  }, [ready, quoteParts])

  useEffect(() => {
    if (!ready || flash === null) return undefined
    const annotation = annotations.find((candidate) => candidate.annotationId === flash.annotationId)
    if (annotation === undefined) return undefined
    scrollTo(annotation)
    setFlashing(annotation.annotationId)
    const timer = setTimeout(() => setFlashing(null), FLASH_MS)
    return () => clearTimeout(timer)
    // Each request (a new nonce) flashes once; a change of annotations meanwhile does not flash again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, flash])

  /** Tells the pane what the selection on the article stands for in the text; false when there is none. */
  function reportSelection(): boolean {
    const content = contentRef.current
    const layer = layerRef.current
    if (content === null || layer === null) return false
    const selection = content.ownerDocument.getSelection()
    const anchor = selection?.anchorNode ?? null
    const offsets = anchor !== null && content.contains(anchor) ? layer.selectionRange(selection ?? null) : null
    if (offsets === null || selection === null) {
      onSelect(null)
      return false
    }
    const range = selection.getRangeAt(0)
    const rect = typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : content.getBoundingClientRect()
    onSelect({ ...offsets, rect })
    return true
  }

  /** A selection on the article becomes offsets in the text; a click without one may be on a highlight. */
  function onMouseUp(event: React.MouseEvent): void {
    if (reportSelection()) return
    const overlay = overlayRef.current
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-annotation-id]') : null
    const clicked = target?.dataset['annotationId'] ?? (overlay === null ? null : annotationAt(overlay, event.clientX, event.clientY, '[data-annotation-id]'))
    if (clicked !== null && clicked !== undefined) onAnnotationClick(clicked)
  }

  /** Links in the article are words, not ways out: no click, middle-click or drag follows one. */
  function stayHere(event: React.SyntheticEvent): void {
    if (event.target instanceof Element && event.target.closest('a') !== null) event.preventDefault()
  }

  return (
    <div className="web-original" data-testid="web-original">
      {url !== null && <OpenUrlBar url={url} />}
      <div className="web-original-scroll" ref={scrollRef} onMouseUp={onMouseUp}>
        <div className="web-original-page">
          <div className="web-original-overlay" ref={overlayRef} aria-hidden="true" />
          <div
            ref={contentRef}
            className="web-original-article"
            data-testid="web-original-article"
            role="document"
            tabIndex={0}
            aria-label={`Saved page of ${source.title}`}
            dir={source.meta.direction ?? 'auto'}
            lang={source.meta.language ?? undefined}
            // A selection made from the keyboard (Ctrl+A, caret browsing) is offered for highlighting too.
            onKeyUp={() => void reportSelection()}
            onClick={stayHere}
            onAuxClick={stayHere}
            onDragStart={stayHere}
          />
        </div>
      </div>
    </div>
  )
}

/** The page's address, and the one way to it: the system browser, after the user has seen where it goes. */
function OpenUrlBar({ url }: { url: string }) {
  const [asking, setAsking] = useState(false)
  const openable = openableUrl(url)
  const cancelRef = useRef<HTMLButtonElement>(null)

  async function open(address: string): Promise<void> {
    setAsking(false)
    const { api, run } = useWorkbench.getState()
    if (api === null) return
    const result = await run(unwrap(api.openExternalUrl({ url: address })))
    // Browser mode: the engine cannot open a browser, the page opens a tab of its own, cut off from this one.
    if (result?.opened === false) window.open(address, '_blank', 'noopener,noreferrer')
  }

  return (
    <div className="web-original-bar">
      <span className="web-original-address" title={url}>
        Saved from {url}
      </span>
      <button
        type="button"
        className="button"
        disabled={openable === null}
        title={openable === null ? 'Only http and https addresses open in the browser' : undefined}
        onClick={() => setAsking(true)}
      >
        Open original URL in browser…
      </button>
      {asking && openable !== null && (
        <ModalDialog
          titleId="open-url-title"
          describedBy="open-url-text"
          role="alertdialog"
          className="open-url-dialog"
          onClose={() => setAsking(false)}
          initialFocus={cancelRef}
        >
          <h2 id="open-url-title">Open this address in your browser?</h2>
          <div id="open-url-text">
            <p>Your web browser will load the page from the web:</p>
            <p>
              <code data-testid="open-url-address">{openable}</code>
            </p>
          </div>
          <div className="details-actions">
            <button type="button" className="button primary" onClick={() => void open(openable)}>
              Open
            </button>
            <button ref={cancelRef} type="button" className="button" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </ModalDialog>
      )}
    </div>
  )
}
