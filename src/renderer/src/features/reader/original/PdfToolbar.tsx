// The original view's compact toolbar: the page list toggle, previous/next page, the page
// number box ("3 / 40": type a number and Enter to go there), and zoom (−, fit width,
// fit page or a percentage, +). Fits a pane about 420 px wide.
import { useState } from 'react'
import { parsePageNumber } from './pdf-page-layout'
import { percent, ZOOM_STEPS, type Zoom } from './pdf-zoom'

interface PdfToolbarProps {
  /** The page the reader is on, 0-based. */
  page: number
  pageCount: number
  onGoTo(page: number): void
  zoom: Zoom
  scale: number
  onZoom(zoom: Zoom): void
  onZoomIn(): void
  onZoomOut(): void
  listOpen: boolean
  listId: string
  onToggleList(): void
}

function zoomValue(zoom: Zoom): string {
  return zoom.kind === 'scale' ? String(zoom.scale) : zoom.kind
}

export function PdfToolbar({ page, pageCount, onGoTo, zoom, scale, onZoom, onZoomIn, onZoomOut, listOpen, listId, onToggleList }: PdfToolbarProps) {
  // What the reader is typing in the page box; null shows the current page.
  const [typed, setTyped] = useState<string | null>(null)
  const many = pageCount > 1
  const steps = zoom.kind === 'scale' && !ZOOM_STEPS.includes(zoom.scale) ? [...ZOOM_STEPS, zoom.scale].sort((a, b) => a - b) : ZOOM_STEPS

  function go(): void {
    const wanted = typed === null ? null : parsePageNumber(typed, pageCount)
    if (wanted !== null) onGoTo(wanted - 1)
    setTyped(null)
  }

  return (
    <div className="original-toolbar" role="toolbar" aria-label="Page view">
      {many && (
        <>
          <button type="button" className="icon-button" aria-label="Page list" aria-expanded={listOpen} aria-controls={listId} title="Page list" onClick={onToggleList}>
            ☰
          </button>
          <button type="button" className="icon-button" aria-label="Previous page" title="Previous page" disabled={page <= 0} onClick={() => onGoTo(page - 1)}>
            ‹
          </button>
          <span className="page-box">
            <input
              type="text"
              inputMode="numeric"
              aria-label="Page number"
              title={`Page ${page + 1} of ${pageCount}: type a number and press Enter to go there`}
              size={Math.max(2, String(pageCount).length)}
              value={typed ?? String(page + 1)}
              onChange={(event) => setTyped(event.target.value)}
              onFocus={(event) => event.target.select()}
              onBlur={() => setTyped(null)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault()
                  go()
                } else if (event.key === 'Escape') setTyped(null)
              }}
            />
            <span className="page-count" aria-hidden="true">
              / {pageCount}
            </span>
          </span>
          <button type="button" className="icon-button" aria-label="Next page" title="Next page" disabled={page >= pageCount - 1} onClick={() => onGoTo(page + 1)}>
            ›
          </button>
        </>
      )}
      <span className="zoom-controls">
        <button type="button" className="icon-button" aria-label="Zoom out" aria-keyshortcuts="-" title="Zoom out (−)" onClick={onZoomOut}>
          −
        </button>
        <select
          aria-label="Zoom"
          value={zoomValue(zoom)}
          onChange={(event) => {
            const value = event.target.value
            onZoom(value === 'fit-width' || value === 'fit-page' ? { kind: value } : { kind: 'scale', scale: Number(value) })
          }}
        >
          <option value="fit-width">Fit width{zoom.kind === 'fit-width' ? ` (${percent(scale)})` : ''}</option>
          <option value="fit-page">Fit page{zoom.kind === 'fit-page' ? ` (${percent(scale)})` : ''}</option>
          {steps.map((step) => (
            <option key={step} value={String(step)}>
              {percent(step)}
            </option>
          ))}
        </select>
        <button type="button" className="icon-button" aria-label="Zoom in" aria-keyshortcuts="+" title="Zoom in (+)" onClick={onZoomIn}>
          +
        </button>
      </span>
    </div>
  )
}
