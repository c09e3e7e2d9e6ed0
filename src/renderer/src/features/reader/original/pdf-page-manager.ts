// Keeps only the pages near the viewport rendered: creates a page's content when it comes
// near, destroys it (and its canvas memory) when it goes far, so a 500-page document costs
// what a handful of pages cost. Each live page has an overlay for highlight boxes.
import type { OffsetLayer } from './offset-layer'
import type { PageContent, RenderPage } from './pdf-page-content'

interface LivePage {
  content: PageContent
  overlay: HTMLElement
  layer: OffsetLayer | null
}

export interface LivePageText {
  index: number
  layer: OffsetLayer
  overlay: HTMLElement
}

export class PageManager {
  readonly #renderPage: RenderPage
  readonly #onText: (index: number) => void
  readonly #live = new Map<number, LivePage>()
  #scale = 1

  /** `onText` is called when a page's text is in place (highlights can be drawn on it). */
  constructor(renderPage: RenderPage, onText: (index: number) => void) {
    this.#renderPage = renderPage
    this.#onText = onText
  }

  /** Renders the pages first..last (inclusive) into their hosts at `scale`, and drops every other page. */
  sync(first: number, last: number, scale: number, hostOf: (index: number) => HTMLElement | null): void {
    for (const [index, page] of this.#live) {
      if (index >= first && index <= last) continue
      this.#drop(index, page)
    }
    if (scale !== this.#scale) {
      this.#scale = scale
      for (const page of this.#live.values()) page.content.setScale(scale)
    }
    // Nearest the middle of the range (the view) first: those are drawn first.
    const middle = (first + last) / 2
    const wanted = Array.from({ length: last - first + 1 }, (_, k) => first + k).sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))
    for (const index of wanted) {
      if (this.#live.has(index)) continue
      const host = hostOf(index)
      if (host === null) continue
      this.#start(index, host)
    }
  }

  /** Every live page whose text is mapped, in page order. */
  texts(): LivePageText[] {
    return [...this.#live.entries()]
      .filter((entry): entry is [number, LivePage & { layer: OffsetLayer }] => entry[1].layer !== null)
      .sort(([a], [b]) => a - b)
      .map(([index, page]) => ({ index, layer: page.layer, overlay: page.overlay }))
  }

  text(index: number): LivePageText | null {
    const page = this.#live.get(index)
    return page === undefined || page.layer === null ? null : { index, layer: page.layer, overlay: page.overlay }
  }

  isLive(index: number): boolean {
    return this.#live.has(index)
  }

  destroy(): void {
    for (const [index, page] of this.#live) this.#drop(index, page)
  }

  #start(index: number, host: HTMLElement): void {
    const document = host.ownerDocument
    const visual = document.createElement('div')
    visual.className = 'page-visual'
    const text = document.createElement('div')
    text.className = 'page-text'
    const overlay = document.createElement('div')
    overlay.className = 'original-overlay'
    overlay.setAttribute('aria-hidden', 'true')
    host.replaceChildren(visual, text, overlay)
    const content = this.#renderPage(index, { visual, text }, this.#scale)
    const page: LivePage = { content, overlay, layer: null }
    this.#live.set(index, page)
    void content.text.then((layer) => {
      // The page may have scrolled away (and come back as a new page) while its text was laid out.
      if (this.#live.get(index) !== page || layer === null) return
      page.layer = layer
      this.#onText(index)
    })
  }

  #drop(index: number, page: LivePage): void {
    page.content.destroy()
    page.overlay.parentElement?.replaceChildren()
    this.#live.delete(index)
  }
}
