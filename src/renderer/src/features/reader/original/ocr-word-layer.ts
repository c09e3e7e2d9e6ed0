// The invisible, selectable text laid over a scanned page: one span per word that OCR
// recognised, placed on the word's box, so the reader can select on the scan and stored
// highlights can be drawn over the right words. Sized in container units, so a zoom
// needs no rebuild. Also which pages of a PDF get it (those OCR read) rather than pdf.js's text layer.
import type { OcrLayout, OcrPage } from '../../../../../shared/domain/original'
import { pageSpan } from './pdf-page-layout'
import type { PageTextSource } from './pdf-page-view'

export interface WordLayer {
  element: HTMLElement
  /** The layer's text nodes in reading order: each word, then the space after it. */
  nodes: Text[]
  /** Where each node's text starts in the source text; null for a space that stands for nothing there. */
  starts: Array<number | null>
}

/** How wide `word` is when set at `fontPx` pixels in the layer's font, or null when it cannot be measured. */
export type MeasureText = (word: string, fontPx: number) => number | null

/** The page height words are measured at: only the ratio of widths matters, so any size will do. */
const REFERENCE_HEIGHT = 1000
const LAYER_FONT = 'sans-serif'

let canvasContext: CanvasRenderingContext2D | null | undefined

/** Measures with a canvas that is never attached; null where there is no canvas (jsdom). */
export const measureWithCanvas: MeasureText = (word, fontPx) => {
  if (canvasContext === undefined) {
    try {
      canvasContext = typeof OffscreenCanvas === 'undefined' ? null : (new OffscreenCanvas(1, 1).getContext('2d') as CanvasRenderingContext2D | null)
    } catch {
      canvasContext = null
    }
  }
  if (canvasContext === null) return null
  canvasContext.font = `${fontPx}px ${LAYER_FONT}`
  return canvasContext.measureText(word).width
}

/** A share of the page as a CSS number: 0.15 → "15", never "15.000000000000002". */
function hundredths(fraction: number): string {
  return String(Number((fraction * 100).toFixed(3)))
}

function clampFraction(value: number): number {
  return Math.min(1, Math.max(0, value))
}

export function buildWordLayer(document: Document, text: string, page: OcrPage, measure: MeasureText = measureWithCanvas): WordLayer {
  const element = document.createElement('div')
  element.className = 'ocr-word-layer'
  const nodes: Text[] = []
  const starts: Array<number | null> = []
  const aspect = page.height > 0 ? page.width / page.height : 1
  let previousEnd = -1
  for (const [start, end, left, top, right, bottom] of page.words) {
    // A word must name text that exists and come after the previous one, or offsets would go backwards.
    if (end <= start || start < previousEnd || end > text.length) continue
    previousEnd = end
    const word = text.slice(start, end)
    const x = clampFraction(left)
    const y = clampFraction(top)
    const width = clampFraction(right) - x
    const height = clampFraction(bottom) - y
    if (width <= 0 || height <= 0) continue
    const span = document.createElement('span')
    span.style.left = `${hundredths(x)}%`
    span.style.top = `${hundredths(y)}%`
    // cqh: a share of the layer's height, which is the page's, so the words follow the zoom.
    span.style.fontSize = `${hundredths(height)}cqh`
    const measured = measure(word, height * REFERENCE_HEIGHT)
    if (measured !== null && measured > 0) span.style.setProperty('--scale-x', String((width * REFERENCE_HEIGHT * aspect) / measured))
    const wordNode = document.createTextNode(word)
    // The space keeps words apart when the selection is copied. It stands for the blank after
    // the word in the text, so a highlight over several words is drawn across the gaps too.
    const spaceNode = document.createTextNode(' ')
    span.append(wordNode, spaceNode)
    element.append(span)
    nodes.push(wordNode, spaceNode)
    starts.push(start, /\s/.test(text.charAt(end)) ? end : null)
  }
  // pdf.js's trick for smooth selection, as on its text layer: while selecting, this block covers the gaps between words.
  const end = document.createElement('div')
  end.className = 'endOfContent'
  element.append(end)
  return { element, nodes, starts }
}

/**
 * Where each page's text starts, from the words OCR placed on it. A page without words
 * starts where the next one does, so an offset always falls on the page that shows it.
 */
export function ocrPageStarts(layout: OcrLayout, textLength: number): number[] {
  const starts = new Array<number>(layout.pages.length)
  let next = textLength
  for (let index = layout.pages.length - 1; index >= 0; index -= 1) {
    const first = layout.pages[index]?.words[0]
    if (first !== undefined) next = first[0]
    starts[index] = next
  }
  return starts
}

/**
 * What PDF page `index` shows as its text: the words OCR placed on it when it was read by
 * OCR, else its slice of the source text over pdf.js's text layer (a typed PDF, or a typed
 * page of a partly scanned one). Null for a page of a scan past the OCR page cap.
 */
export function pdfPageText(layout: OcrLayout | null, pageStarts: readonly number[], text: string, index: number): PageTextSource {
  const page = layout?.pages[index]
  if (page !== undefined && page.textLayer !== true) return { kind: 'words', text, page }
  if (layout !== null && page === undefined && !layout.pages.some((other) => other.textLayer === true)) return null
  const span = pageSpan(pageStarts, index, text.length)
  return { kind: 'text-layer', text: text.slice(span.start, span.end), base: span.start }
}
