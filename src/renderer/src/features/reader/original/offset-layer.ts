// The bridge between an original view's DOM text (pdf.js text-layer runs, recognised
// words, a web article) and offsets in the source's extracted text: which DOM ranges a
// stored highlight covers, and which offsets a selection on the view stands for.
import type { TextRange } from '../../../../../shared/text/find'
import { alignShownText } from '../../../../../shared/text/shown-text'

interface Run {
  node: Text
  /** For each character of the node, its offset in the extracted text, or -1. */
  offsets: Int32Array
  /** The smallest and largest offset in `offsets` (ignoring -1), or -1 for none. */
  low: number
  high: number
}

function run(node: Text, offsets: Int32Array): Run {
  let low = -1
  let high = -1
  for (const offset of offsets) {
    if (offset === -1) continue
    if (low === -1 || offset < low) low = offset
    if (offset > high) high = offset
  }
  return { node, offsets, low, high }
}

export class OffsetLayer {
  readonly #runs: Run[]

  private constructor(runs: Run[]) {
    this.#runs = runs
  }

  /** Lines up the nodes' text with `text`; every offset is shifted by `base` (a page's start in the whole text). */
  static align(text: string, nodes: readonly Text[], base = 0): OffsetLayer {
    const map = alignShownText(text, nodes.map((node) => node.data).join(''))
    const runs: Run[] = []
    let at = 0
    for (const node of nodes) {
      const offsets = map.slice(at, at + node.data.length).map((offset) => (offset === -1 ? -1 : offset + base))
      runs.push(run(node, offsets))
      at += node.data.length
    }
    return new OffsetLayer(runs)
  }

  /** Nodes whose characters are known to be the text from `starts[i]` on (recognised words); `null` marks a spacer node. */
  static fromWords(nodes: readonly Text[], starts: ReadonlyArray<number | null>): OffsetLayer {
    return new OffsetLayer(
      nodes.map((node, index) => {
        const start = starts[index] ?? null
        return run(node, Int32Array.from({ length: node.data.length }, (_, k) => (start === null ? -1 : start + k)))
      })
    )
  }

  /** One layer over several (the pages of a document), in order. */
  static concat(layers: readonly OffsetLayer[]): OffsetLayer {
    return new OffsetLayer(layers.flatMap((layer) => layer.#runs))
  }

  get isEmpty(): boolean {
    return this.#runs.every((entry) => entry.low === -1)
  }

  /** The DOM ranges, one per node at most, over the characters that stand for [start, end). */
  rangesFor(start: number, end: number): Range[] {
    const ranges: Range[] = []
    for (const { node, offsets, low, high } of this.#runs) {
      if (low === -1 || high < start || low >= end) continue
      let first = -1
      let last = -1
      for (let k = 0; k < offsets.length; k += 1) {
        const offset = offsets[k] as number
        if (offset < start || offset >= end) continue
        if (first === -1) first = k
        last = k
      }
      if (first === -1) continue
      const range = node.ownerDocument.createRange()
      range.setStart(node, first)
      range.setEnd(node, last + 1)
      ranges.push(range)
    }
    return ranges
  }

  /** The first node holding a character of [start, end): what to scroll to. */
  firstNodeFor(start: number, end: number): Text | null {
    return this.rangesFor(start, end)[0]?.startContainer as Text | undefined ?? null
  }

  /** The extracted-text offsets a selection on the view stands for, or null when it holds none of this layer's text. */
  selectionRange(selection: Selection | null): TextRange | null {
    if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return null
    const range = selection.getRangeAt(0)
    let start = -1
    let end = -1
    for (const { node, offsets, low } of this.#runs) {
      if (low === -1 || !range.intersectsNode(node)) continue
      const from = node === range.startContainer ? range.startOffset : 0
      const to = node === range.endContainer ? range.endOffset : node.data.length
      for (let k = from; k < to; k += 1) {
        const offset = offsets[k] as number
        if (offset === -1) continue
        if (start === -1 || offset < start) start = offset
        if (offset + 1 > end) end = offset + 1
      }
    }
    return start === -1 ? null : { start, end }
  }

  /** The offset a point in the view stands for (a click on the page), or null. */
  offsetAt(node: Node, offset: number): number | null {
    const found = this.#runs.find((entry) => entry.node === node)
    if (found === undefined) return null
    for (let k = Math.min(offset, found.offsets.length - 1); k >= 0; k -= 1) if (found.offsets[k] !== -1) return found.offsets[k] as number
    return null
  }
}

export interface HighlightItem {
  range: Range
  className: string
  annotationId?: string
}

/**
 * Draws a box over every line of every item's range, inside `overlay` (absolutely
 * positioned over the content it shares an offset parent with). Boxes are placed in the
 * overlay's own coordinates, so a zoom applied with a CSS transform scales them with it.
 * Replaces whatever the overlay showed before.
 */
export function paintHighlights(overlay: HTMLElement, items: readonly HighlightItem[]): void {
  const frame = overlay.getBoundingClientRect()
  const scale = overlay.offsetWidth > 0 ? frame.width / overlay.offsetWidth : 1
  const boxes: HTMLElement[] = []
  for (const item of items) {
    for (const rect of item.range.getClientRects()) {
      if (rect.width < 0.5 || rect.height < 0.5) continue
      const box = overlay.ownerDocument.createElement('div')
      box.className = item.className
      box.dataset['testid'] = 'original-highlight'
      if (item.annotationId !== undefined) box.dataset['annotationId'] = item.annotationId
      box.style.left = `${(rect.left - frame.left) / scale}px`
      box.style.top = `${(rect.top - frame.top) / scale}px`
      box.style.width = `${rect.width / scale}px`
      box.style.height = `${rect.height / scale}px`
      boxes.push(box)
    }
  }
  overlay.replaceChildren(...boxes)
}
