// Renders a DOM subtree as reader text: block elements become paragraphs separated by a
// blank line, <br> a line break, list items ("• ", "1. ") and table rows their own lines
// (cells tab-separated), runs of whitespace one space. Scripts and other non-text are skipped.
import { type DomNode, isElement, TEXT_NODE } from './dom'
import { TextSink } from './text-sink'

/** Elements whose content is never reader text (the original view leaves them out too, images aside). */
export const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'IFRAME', 'OBJECT', 'EMBED',
  'CANVAS', 'SVG', 'MATH', 'SELECT', 'BUTTON', 'INPUT', 'TEXTAREA', 'AUDIO', 'VIDEO', 'SOURCE', 'PICTURE', 'IMG'
])
const PARAGRAPH_BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'NAV', 'H1', 'H2', 'H3', 'H4', 'H5',
  'H6', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'DL', 'TABLE', 'FIGURE', 'FIGCAPTION', 'HR', 'ADDRESS', 'DETAILS',
  'FORM', 'FIELDSET', 'CENTER', 'HGROUP', 'BODY', 'HTML'
])
const LINE_BLOCKS = new Set(['LI', 'DT', 'DD', 'TR', 'SUMMARY', 'CAPTION', 'LEGEND', 'OPTION'])
const CELLS = new Set(['TD', 'TH'])

interface Context {
  inPre: boolean
  inCell: boolean
  inListItem: boolean
  /** The innermost list: whether it is numbered, and the next item's number. */
  list: { ordered: boolean; next: number } | null
}

function listItemMarker(context: Context): string {
  if (context.list?.ordered !== true) return '• '
  const marker = `${context.list.next}. `
  context.list.next += 1
  return marker
}

function walk(node: DomNode, sink: TextSink, context: Context): void {
  if (node.nodeType === TEXT_NODE) {
    const value = node.textContent ?? ''
    if (context.inPre && !context.inCell) sink.preformatted(value)
    else sink.inline(value)
    return
  }
  if (!isElement(node)) return
  const tag = node.tagName.toUpperCase()
  if (SKIPPED.has(tag) || node.getAttribute('hidden') !== null) return
  if (tag === 'BR') {
    if (context.inCell) sink.space()
    else sink.lineBreak()
    return
  }
  // Inside a table cell everything stays on the row's line.
  // Paragraphs inside a list item stay on their own lines, not blank-line separated.
  const breaks = context.inCell ? 0 : PARAGRAPH_BLOCKS.has(tag) ? (context.inListItem ? 1 : 2) : LINE_BLOCKS.has(tag) ? 1 : 0
  if (breaks > 0) sink.requestBreak(breaks === 2 ? 2 : 1)
  else if (context.inCell && (PARAGRAPH_BLOCKS.has(tag) || LINE_BLOCKS.has(tag))) sink.space()
  if (CELLS.has(tag)) sink.cellSeparator()
  if (tag === 'LI' && !context.inCell) sink.marker(listItemMarker(context))
  const start = Number.parseInt(node.getAttribute('start') ?? '1', 10)
  const inner: Context = {
    inPre: context.inPre || tag === 'PRE',
    inCell: context.inCell || CELLS.has(tag),
    inListItem: (context.inListItem || tag === 'LI') && tag !== 'UL' && tag !== 'OL',
    list: tag === 'OL' ? { ordered: true, next: Number.isFinite(start) ? start : 1 } : tag === 'UL' ? { ordered: false, next: 1 } : context.list
  }
  for (const child of Array.from(node.childNodes)) walk(child, sink, inner)
  if (tag === 'LI') sink.marker(null)
  if (breaks > 0) sink.requestBreak(breaks === 2 ? 2 : 1)
  else if (context.inCell) sink.space()
}

export function htmlToText(root: DomNode): string {
  const sink = new TextSink()
  walk(root, sink, { inPre: false, inCell: false, inListItem: false, list: null })
  return sink.text()
}
