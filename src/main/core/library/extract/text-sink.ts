// Accumulates reader text from a walk over a document (HTML, Word): paragraphs a blank
// line apart, list items and table rows on their own lines, cells tab-separated, runs of
// whitespace one space. The HTML and Word readers share it, so both give the same text.
import { tidyText } from './tidy-text'

/** Accumulates text and the line breaks asked for between pieces, so nested blocks never stack blank lines. */
export class TextSink {
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
