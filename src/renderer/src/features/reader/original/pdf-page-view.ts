// Draws one PDF page: pdf.js paints it on a canvas (redrawn off screen on zoom, then
// swapped, so the page never blanks), and lays its text over it as pdf.js's text layer
// (or, for a scan, as the words OCR recognised) lined up with the source's offsets.
import type { PDFDocumentProxy, PDFPageProxy, RenderTask, TextLayer } from 'pdfjs-dist'
import type { OcrPage } from '../../../../../shared/domain/original'
import { buildWordLayer } from './ocr-word-layer'
import { OffsetLayer } from './offset-layer'
import type { PageContent, PageSlots, RenderPage } from './pdf-page-content'
import type { PdfJs } from './pdf-runtime'

/** The text a page's visible text stands for: its slice of the source text, or the words OCR placed on it. */
export type PageTextSource = { kind: 'text-layer'; text: string; base: number } | { kind: 'words'; text: string; page: OcrPage } | null

/** Canvas pixels per page at most (16 M, 64 MB): a zoomed-in page on a dense screen stays within memory. */
const MAX_CANVAS_PIXELS = 2 ** 24

function pixelRatio(width: number, height: number): number {
  const wanted = window.devicePixelRatio || 1
  return Math.min(wanted, Math.sqrt(MAX_CANVAS_PIXELS / Math.max(1, width * height)))
}

function textNodes(root: HTMLElement): Text[] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  const nodes: Text[] = []
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node as Text)
  return nodes
}

/** pdf.js's trick for smooth selection: a block after the text that, while selecting, covers the gaps between runs. */
function endOfContent(container: HTMLElement): void {
  const end = container.ownerDocument.createElement('div')
  end.className = 'endOfContent'
  container.append(end)
}

/**
 * Draws one canvas at a time: pdf.js paints on the main thread, so a fast scroll that brings
 * ten pages near must not start ten paintings at once. Pages that left meanwhile are skipped.
 */
export class DrawQueue {
  #tail: Promise<void> = Promise.resolve()

  run(task: () => Promise<void>): Promise<void> {
    const next = this.#tail.then(task)
    this.#tail = next.catch(() => undefined)
    return next
  }
}

class PdfPageView implements PageContent {
  readonly text: Promise<OffsetLayer | null>
  readonly #pdfjs: PdfJs
  readonly #slots: PageSlots
  readonly #queue: DrawQueue
  #scale: number
  /** Bumped by every zoom, so a queued drawing at an older scale is dropped. */
  #generation = 0
  #page: PDFPageProxy | null = null
  #canvas: HTMLCanvasElement | null = null
  #renderTask: RenderTask | null = null
  #textLayer: TextLayer | null = null
  #destroyed = false

  constructor(pdfjs: PdfJs, document: PDFDocumentProxy, index: number, slots: PageSlots, scale: number, source: PageTextSource, queue: DrawQueue) {
    this.#pdfjs = pdfjs
    this.#slots = slots
    this.#queue = queue
    this.#scale = scale
    this.text = document.getPage(index + 1).then(
      (page) => {
        if (this.#destroyed) return null
        this.#page = page
        this.#draw()
        return this.#layText(page, source)
      },
      () => null
    )
  }

  setScale(scale: number): void {
    if (scale === this.#scale) return
    this.#scale = scale
    if (this.#page === null) return
    // Positions and font sizes follow --total-scale-factor; only the runs' widths are measured again.
    this.#textLayer?.update({ viewport: this.#page.getViewport({ scale }) })
    this.#draw()
  }

  destroy(): void {
    this.#destroyed = true
    this.#renderTask?.cancel()
    this.#textLayer?.cancel()
    this.#slots.visual.replaceChildren()
    this.#slots.text.replaceChildren()
    // Frees the page's parsed resources (fonts, images) in the worker.
    this.#page?.cleanup()
  }

  #draw(): void {
    this.#renderTask?.cancel()
    const generation = ++this.#generation
    void this.#queue.run(async () => {
      const page = this.#page
      if (page === null || this.#destroyed || generation !== this.#generation) return
      const viewport = page.getViewport({ scale: this.#scale })
      const ratio = pixelRatio(viewport.width, viewport.height)
      const canvas = this.#slots.visual.ownerDocument.createElement('canvas')
      canvas.className = 'pdf-canvas'
      canvas.width = Math.max(1, Math.floor(viewport.width * ratio))
      canvas.height = Math.max(1, Math.floor(viewport.height * ratio))
      const task = page.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
        // Annotations' appearances (stamps, highlights drawn in the PDF) are painted; nothing is interactive.
        annotationMode: this.#pdfjs.AnnotationMode.ENABLE
      })
      this.#renderTask = task
      try {
        await task.promise
      } catch {
        // Cancelled by a newer zoom or by scrolling away; a broken page stays blank rather than failing the view.
        return
      }
      if (this.#destroyed || generation !== this.#generation) return
      this.#renderTask = null
      if (this.#canvas === null) this.#slots.visual.append(canvas)
      else this.#canvas.replaceWith(canvas)
      this.#canvas = canvas
    })
  }

  async #layText(page: PDFPageProxy, source: PageTextSource): Promise<OffsetLayer | null> {
    if (source === null) return null
    if (source.kind === 'words') {
      const words = buildWordLayer(this.#slots.text.ownerDocument, source.text, source.page)
      this.#slots.text.append(words.element)
      return OffsetLayer.fromWords(words.nodes, words.starts)
    }
    const container = this.#slots.text.ownerDocument.createElement('div')
    container.className = 'textLayer'
    this.#slots.text.append(container)
    const textLayer = new this.#pdfjs.TextLayer({
      textContentSource: page.streamTextContent({ includeMarkedContent: true }),
      container,
      viewport: page.getViewport({ scale: this.#scale })
    })
    this.#textLayer = textLayer
    try {
      await textLayer.render()
    } catch {
      return null
    }
    if (this.#destroyed) return null
    endOfContent(container)
    return OffsetLayer.align(source.text, textNodes(container), source.base)
  }
}

export function pdfPageRenderer(pdfjs: PdfJs, document: PDFDocumentProxy, textOf: (index: number) => PageTextSource): RenderPage {
  const queue = new DrawQueue()
  return (index, slots, scale) => new PdfPageView(pdfjs, document, index, slots, scale, textOf(index), queue)
}
