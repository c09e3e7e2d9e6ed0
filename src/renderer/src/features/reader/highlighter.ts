// The adapter between the reader and mark.js. It owns the text container outright: React
// renders the empty element, this module fills it with the source text and marks. Marks
// are laid over the text by character offsets, so the text content never changes and
// every offset stays valid however many marks are drawn. Each paragraph is a block of its
// own with dir="auto", and each of its lines an isolate, so Arabic or Hebrew paragraphs
// run right to left and mixed lines keep their order; Korean paragraphs never break
// inside a word.
import Mark from 'mark.js'
import type { TextRange } from '../../../../shared/text/find'

export interface AnnotationMark extends TextRange {
  annotationId: string
  color: string
}

const ANNOTATION_CLASS = 'annotation-mark'
const FIND_CLASS = 'find-hit'
const SEARCH_CLASS = 'search-hit'
const QUOTE_CLASS = 'quote-hit'

export class Highlighter {
  readonly #container: HTMLElement
  readonly #mark: Mark
  #text: string | null = null

  constructor(container: HTMLElement) {
    this.#container = container
    this.#mark = new Mark(container)
  }

  /** Shows the text with one mark per annotation. Overlapping annotations nest. */
  render(text: string, annotations: readonly AnnotationMark[]): void {
    this.#container.replaceChildren(layoutText(this.#container.ownerDocument, text))
    this.#text = text
    // mark.js drops ranges that overlap an earlier one in the same call, so each
    // annotation gets a call of its own and overlaps become nested marks.
    for (const annotation of annotations) {
      this.#mark.markRanges([{ start: annotation.start, length: annotation.end - annotation.start }], {
        className: `${ANNOTATION_CLASS} color-${annotation.color}`,
        each: (element) => {
          element.setAttribute('data-annotation-id', annotation.annotationId)
        }
      })
    }
  }

  /** Replaces the find marks; `current` is the index of the hit to emphasise, or -1. */
  markFindHits(hits: readonly TextRange[], current: number): void {
    this.#markHits(FIND_CLASS, 'find-current', hits, current)
  }

  /** Replaces the marks of a library search's hits (kept apart from find, so both can show). */
  markSearchHits(hits: readonly TextRange[], current: number): void {
    this.#markHits(SEARCH_CLASS, 'search-current', hits, current)
  }

  /** Replaces the marks of a quotation opened from the quote ledger (one mark per part). */
  markQuote(parts: readonly TextRange[]): void {
    this.#markHits(QUOTE_CLASS, 'quote-current', parts, -1)
  }

  firstQuoteMark(): HTMLElement | null {
    return this.#container.querySelector<HTMLElement>(`mark.${QUOTE_CLASS}`)
  }

  #markHits(className: string, currentClass: string, hits: readonly TextRange[], current: number): void {
    this.#mark.unmark({ className })
    if (this.#text === null || hits.length === 0) return
    this.#mark.markRanges(
      hits.map((hit, index) => ({ start: hit.start, length: hit.end - hit.start, index })),
      {
        className,
        each: (element, range) => {
          const index = (range as unknown as { index: number }).index
          element.setAttribute('data-hit', String(index))
          if (index === current) element.classList.add(currentClass)
        }
      }
    )
  }

  elementsForAnnotation(annotationId: string): HTMLElement[] {
    return [...this.#container.querySelectorAll<HTMLElement>('mark[data-annotation-id]')].filter(
      (element) => element.getAttribute('data-annotation-id') === annotationId
    )
  }

  currentFindHit(): HTMLElement | null {
    return this.#container.querySelector<HTMLElement>('mark.find-current')
  }

  currentSearchHit(): HTMLElement | null {
    return this.#container.querySelector<HTMLElement>('mark.search-current')
  }
}

const HANGUL = /\p{Script=Hangul}/u

/**
 * The text as paragraph blocks. Every character of the text is in a text node, in order
 * (the blank lines between paragraphs too, where the stylesheet collapses them), so the
 * container's text is exactly the source text and offsets count the same.
 */
export function layoutText(document: Document, text: string): DocumentFragment {
  const fragment = document.createDocumentFragment()
  for (const part of text.split(/(\n{2,})/)) {
    if (part === '') continue
    if (/^\n+$/.test(part)) {
      fragment.append(document.createTextNode(part))
      continue
    }
    const paragraph = document.createElement('p')
    paragraph.className = HANGUL.test(part) ? 'para hangul' : 'para'
    paragraph.dir = 'auto'
    part.split('\n').forEach((line, index) => {
      if (index > 0) paragraph.append(document.createTextNode('\n'))
      if (line === '') return
      const span = document.createElement('span')
      span.dir = 'auto'
      span.textContent = line
      paragraph.append(span)
    })
    fragment.append(paragraph)
  }
  return fragment
}

/** Character offsets of a DOM selection inside the container, or null if it is outside or empty. */
export function selectionOffsets(container: HTMLElement, selection: Selection | null): TextRange | null {
  if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null
  const measure = document.createRange()
  measure.selectNodeContents(container)
  measure.setEnd(range.startContainer, range.startOffset)
  const start = measure.toString().length
  const end = start + range.toString().length
  return end > start ? { start, end } : null
}
