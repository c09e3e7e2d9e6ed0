// The web original's article as text to line up and a place to scroll to: its text nodes in
// order, and the scroll that centres a passage. What it draws comes from pdf-highlights.ts.

/** Every text node under `root`, in document order: what the offset layer lines up with the source text. */
export function textNodesOf(root: Node): Text[] {
  const nodes: Text[] = []
  const walker = root.ownerDocument?.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */)
  if (walker === undefined) return nodes
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node as Text)
  return nodes
}

/** Scrolls `scroller` so the start of `range` sits in its middle; nothing where layout is unknown (jsdom). */
export function scrollToRange(scroller: HTMLElement, range: Range | undefined): void {
  if (range === undefined || typeof range.getBoundingClientRect !== 'function') return
  const rect = range.getBoundingClientRect()
  const box = scroller.getBoundingClientRect()
  scroller.scrollTop += rect.top - box.top - box.height / 2 + rect.height / 2
}
