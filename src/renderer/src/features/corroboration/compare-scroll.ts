// Keeps aligned columns in step: when one column scrolls, the passage at its top is found
// and every other column brings its matching passage to the same height. Scrolls this
// module causes are told apart from the user's, so columns never chase each other.

const TOP_MARGIN = 24

export interface ColumnElements {
  scroller: HTMLElement
  /** Sentence elements in text order, each with data-link (absent when only this source has it). */
  sentences: readonly HTMLElement[]
}

/** The first linked sentence at or below the top of the visible area. */
function anchorSentence(column: ColumnElements): HTMLElement | null {
  const top = column.scroller.scrollTop + TOP_MARGIN
  let low = 0
  let high = column.sentences.length
  while (low < high) {
    const middle = (low + high) >> 1
    const element = column.sentences[middle]!
    if (element.offsetTop + element.offsetHeight < top) low = middle + 1
    else high = middle
  }
  for (let index = low; index < column.sentences.length; index++) {
    const element = column.sentences[index]!
    if (element.dataset['link'] !== undefined) return element
  }
  return null
}

export class ScrollSync {
  /**
   * Where this module last scrolled each column. A scroll event that finds the column
   * there is the echo of our own scroll; one that finds it elsewhere is the user's, even
   * if our own event never came (the browser coalesces and drops scroll events).
   */
  readonly #placed = new WeakMap<HTMLElement, number>()

  /** Call from a column's scroll event. */
  follow(source: ColumnElements, others: readonly ColumnElements[]): void {
    const placed = this.#placed.get(source.scroller)
    this.#placed.delete(source.scroller)
    if (placed !== undefined && Math.abs(source.scroller.scrollTop - placed) < 2) return
    const anchor = anchorSentence(source)
    if (anchor === null) return
    const offset = anchor.offsetTop - source.scroller.scrollTop
    for (const column of others) {
      const match = column.sentences.find((element) => element.dataset['link'] === anchor.dataset['link'])
      if (match !== undefined) this.scrollTo(column.scroller, match.offsetTop - offset)
    }
  }

  /** Scrolls without the column then making the others follow it. */
  scrollTo(scroller: HTMLElement, top: number): void {
    const target = Math.max(0, Math.min(top, scroller.scrollHeight - scroller.clientHeight))
    if (Math.abs(target - scroller.scrollTop) < 1) return
    scroller.scrollTop = target
    // As the browser placed it (it may round to device pixels).
    this.#placed.set(scroller, scroller.scrollTop)
  }
}
