// Zoom of the original view: fit the page's width, fit the whole page, or a fixed scale
// stepped with + and −. A fit is kept as a mode, so it follows the pane when it is resized.
import type { PageSize } from './pdf-page-layout'

export type Zoom = { kind: 'fit-width' } | { kind: 'fit-page' } | { kind: 'scale'; scale: number }

export const MIN_SCALE = 0.25
export const MAX_SCALE = 5
/** The scales + and − step through, as Acrobat and pdf.js's viewer offer. */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5]
/** Room left around a fitted page, so its edge and shadow show, in CSS pixels. */
const FIT_MARGIN = 20

export interface Viewport {
  width: number
  height: number
}

function clamp(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale))
}

/** The size most pages have: fitting it suits the document even when one page is landscape. */
export function typicalSize(sizes: readonly PageSize[]): PageSize {
  const counts = new Map<string, { size: PageSize; count: number }>()
  let best: { size: PageSize; count: number } | null = null
  for (const size of sizes) {
    const key = `${Math.round(size.width)}x${Math.round(size.height)}`
    const entry = counts.get(key) ?? { size, count: 0 }
    entry.count += 1
    counts.set(key, entry)
    if (best === null || entry.count > best.count) best = entry
  }
  return best?.size ?? { width: 612, height: 792 }
}

export function scaleFor(zoom: Zoom, page: PageSize, viewport: Viewport): number {
  if (zoom.kind === 'scale') return clamp(zoom.scale)
  // Before the pane is laid out there is nothing to fit: show the page at its own size.
  if (viewport.width <= 0 || viewport.height <= 0) return 1
  const byWidth = (viewport.width - FIT_MARGIN) / page.width
  if (zoom.kind === 'fit-width') return clamp(byWidth)
  return clamp(Math.min(byWidth, (viewport.height - FIT_MARGIN) / page.height))
}

/** The next step above `scale` (a fitted scale of 1.13 zooms in to 1.25, not 1.1). */
export function zoomIn(scale: number): number {
  return ZOOM_STEPS.find((step) => step > scale + 0.001) ?? MAX_SCALE
}

export function zoomOut(scale: number): number {
  return [...ZOOM_STEPS].reverse().find((step) => step < scale - 0.001) ?? MIN_SCALE
}

export function percent(scale: number): string {
  return `${Math.round(scale * 100)}%`
}
