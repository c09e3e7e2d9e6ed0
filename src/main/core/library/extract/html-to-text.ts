// Renders a DOM subtree as reader text: block elements become paragraphs separated by a
// blank line, <br> a line break, list items ("• ", "1. ") and table rows their own lines
// (cells tab-separated), runs of whitespace one space. Scripts and other non-text are skipped.
import { type DomNode, isElement, TEXT_NODE } from './dom'
import { tidyText } from './tidy-text'

const SKIPPED = new Set([
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

/** Accumulates text and the line breaks asked for between pieces, so nested blocks never stack blank lines. */
class TextSink {
  private readonly parts: string[] = []
  private pendingBreaks = 0
  private lineHasText = false
  private pendingSpace = false
  private pendingMarker: string | null = null

  requestBreak(newlines: 1 | 2): void {
    if (this.parts.length > 0) this.pendingBreaks = Math.max(this.pendingBreaks, newlines)
    this.pendingSpace = false
  }

  lineBreak(): void {
    this.flushBreaks()
    this.parts.push('\n')
    this.lineHasText = false
    this.pendingSpace = false
  }

  /** A list marker ("• ", "1. ") written just before the item's first text, if it has any. */
  marker(value: string | null): void {
    this.pendingMarker = value
  }

  space(): void {
    if (this.lineHasText) this.pendingSpace = true
  }

  cellSeparator(): void {
    if (this.lineHasText && this.pendingBreaks === 0) {
      this.parts.push('\t')
      this.pendingSpace = false
    }
  }

  inline(raw: string): void {
    if (raw.length === 0) return
    const leadingSpace = /^\s/.test(raw)
    const trailingSpace = /\s$/.test(raw)
    const words = raw.replace(/\s+/g, ' ').trim()
    if (words.length === 0) {
      if (this.lineHasText) this.pendingSpace = true
      return
    }
    this.flushBreaks()
    const afterCellSeparator = this.parts.at(-1) === '\t'
    if (this.lineHasText && (this.pendingSpace || leadingSpace) && !afterCellSeparator) this.parts.push(' ')
    if (this.pendingMarker !== null) {
      this.parts.push(this.pendingMarker)
      this.pendingMarker = null
    }
    this.parts.push(words)
    this.lineHasText = true
    this.pendingSpace = trailingSpace
  }

  preformatted(raw: string): void {
    if (raw.length === 0) return
    this.flushBreaks()
    this.parts.push(raw)
    this.lineHasText = !raw.endsWith('\n')
    this.pendingSpace = false
  }

  text(): string {
    return tidyText(this.parts.join(''))
  }

  private flushBreaks(): void {
    if (this.pendingBreaks > 0 && this.parts.length > 0) {
      this.parts.push('\n'.repeat(this.pendingBreaks))
      this.lineHasText = false
    }
    this.pendingBreaks = 0
  }
}

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
