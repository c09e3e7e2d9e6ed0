// Selecting text with the keyboard in a reading pane, as caret browsing does: Shift+arrows
// extend the selection by a character or a line, with Ctrl (Alt on a Mac) by a word; a
// selection that does not exist yet starts at the first word in view.

type Direction = 'forward' | 'backward'
type Granularity = 'character' | 'word' | 'line'

/** Selection.modify exists in every engine the app runs in, but not in the DOM typings. */
interface ModifiableSelection extends Selection {
  modify(alter: 'move' | 'extend', direction: Direction, granularity: Granularity): void
}

export interface SelectionKey {
  key: string
  shiftKey: boolean
  ctrlKey: boolean
  altKey: boolean
  metaKey: boolean
}

/** What a key press does to the selection, or null when the pane should not take it. */
export function selectionStep(event: SelectionKey, isMac: boolean): { direction: Direction; granularity: Granularity } | null {
  if (!event.shiftKey || event.metaKey !== false) return null
  const byWord = isMac ? event.altKey : event.ctrlKey
  switch (event.key) {
    case 'ArrowRight':
      return { direction: 'forward', granularity: byWord ? 'word' : 'character' }
    case 'ArrowLeft':
      return { direction: 'backward', granularity: byWord ? 'word' : 'character' }
    case 'ArrowDown':
      return { direction: 'forward', granularity: 'line' }
    case 'ArrowUp':
      return { direction: 'backward', granularity: 'line' }
    default:
      return null
  }
}

/** The first text position visible in the scroll area, where a keyboard selection starts. */
function firstVisiblePosition(container: HTMLElement, viewport: HTMLElement): { node: Node; offset: number } | null {
  const top = viewport.getBoundingClientRect().top
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if ((node.textContent ?? '').trim() === '') continue
    const range = container.ownerDocument.createRange()
    range.selectNodeContents(node)
    if (range.getBoundingClientRect().bottom >= top) return { node, offset: 0 }
  }
  return null
}

/** Extends (or starts) the selection inside the container; says whether it did. */
export function extendSelection(container: HTMLElement, viewport: HTMLElement, step: { direction: Direction; granularity: Granularity }): boolean {
  const selection = container.ownerDocument.getSelection() as ModifiableSelection | null
  if (selection === null || typeof selection.modify !== 'function') return false
  const inside = selection.rangeCount > 0 && container.contains(selection.anchorNode)
  if (!inside) {
    const start = firstVisiblePosition(container, viewport)
    if (start === null) return false
    selection.collapse(start.node, start.offset)
  }
  selection.modify('extend', step.direction, step.granularity)
  // Keep the moving end in view.
  const focus = selection.focusNode
  const element = focus instanceof Element ? focus : focus?.parentElement
  element?.scrollIntoView({ block: 'nearest' })
  return true
}

/** Selects the whole text of the container (Ctrl+A inside a pane, not the whole page). */
export function selectAllText(container: HTMLElement): void {
  const selection = container.ownerDocument.getSelection()
  if (selection === null) return
  const range = container.ownerDocument.createRange()
  range.selectNodeContents(container)
  selection.removeAllRanges()
  selection.addRange(range)
}
