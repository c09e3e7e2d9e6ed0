// What the page viewer asks of a kind of original (a PDF's page, an image): draw page N
// into the slots it is given, say which text offsets its visible text stands for, follow
// a zoom, and let go of everything (canvas memory above all) when the page scrolls away.
import type { OffsetLayer } from './offset-layer'

export interface PageSlots {
  /** Where the picture of the page goes (a canvas, an image). */
  visual: HTMLElement
  /** Where the page's selectable text goes (pdf.js's text layer, or the recognised words). */
  text: HTMLElement
}

export interface PageContent {
  /** The page's text mapped to offsets in the source text; null when the page has no text to map. */
  readonly text: Promise<OffsetLayer | null>
  setScale(scale: number): void
  destroy(): void
}

export type RenderPage = (index: number, slots: PageSlots, scale: number) => PageContent
