// Finds double-quoted passages in article text by pairing quote marks, whatever their style
// (" “ ” „ ‟ « ») and even when an outlet mixes them (“…," Putin said). One pass over the
// marks; a mark that never closes within its paragraph is set aside and the scan resumes
// after it, so it cannot swallow the rest of the document.
import type { TextSpan } from '../../../../shared/domain/corroboration'
import { endsSentenceBefore, trimSpan } from './quote-boundaries'
import { nextParagraphOpensQuote, type ParagraphBreaks } from './quote-paragraphs'

export interface ScannedQuote {
  /** Offsets of the quoted words; more than one when an opening mark after a full stop continues it (“…. “…”). */
  parts: TextSpan[]
  /** Offset of the first opening mark. */
  open: number
  /** Just past the closing mark, or the end of the last part when the paragraph ended it. */
  end: number
  /** False when the quote ran to the end of its paragraph (a quotation going on in the next). */
  closed: boolean
  /** Double-quoted passages inside this one. */
  nested: TextSpan[]
}

const MARKS = /["“”„‟«»]/g
/** A part longer than this, or crossing more marks, came from a stray mark. */
const MAX_PART = 1500
const MAX_MARKS = 32

type MarkRole = 'open' | 'close' | 'skip'

function opensAfter(previous: string): boolean {
  return previous === '' || /[\s([{</\-–—‒―“„‟«‘]/.test(previous)
}

function wordFollows(next: string): boolean {
  return next !== '' && !/[\s,.;:!?)\]}”»’]/.test(next)
}

/**
 * Whether the mark opens or closes a quote. Curly openers open, closers close; a straight
 * mark opens after a space, bracket or dash and closes otherwise. `inside` is the opening
 * mark of the innermost open quote, so German „…“ and reversed »…« close correctly.
 */
export function markRole(char: string, previous: string, next: string, inside: string | null): MarkRole {
  const startsWord = opensAfter(previous) && wordFollows(next)
  switch (char) {
    case '"':
      if (inside !== null) return startsWord ? 'open' : 'close'
      return (opensAfter(previous) || previous === ':' || previous === ',') && wordFollows(next) ? 'open' : 'skip'
    case '“':
      if (inside === '„' || (inside !== null && !opensAfter(previous) && !wordFollows(next))) return 'close'
      return 'open'
    case '”':
      // Sloppy copy uses ” as an opener: a space before it and a word after.
      if (startsWord) return 'open'
      return inside !== null ? 'close' : 'skip'
    case '«':
      return inside === '»' ? 'close' : 'open'
    case '»':
      if (inside !== null) return 'close'
      return startsWord ? 'open' : 'skip'
    default:
      return 'open'
  }
}

interface OpenQuote {
  markIndex: number
  open: number
  char: string
  partStart: number
  parts: TextSpan[]
  nested: TextSpan[]
  marks: number
}

class MarkScanner {
  readonly #text: string
  readonly #marks: number[] = []
  readonly #breaks: ParagraphBreaks
  readonly quotes: ScannedQuote[] = []
  #index = 0
  #outer: OpenQuote | null = null
  #inner: { start: number; char: string } | null = null

  constructor(text: string, breaks: ParagraphBreaks) {
    this.#text = text
    this.#breaks = breaks
    for (const match of text.matchAll(MARKS)) this.#marks.push(match.index)
  }

  run(): ScannedQuote[] {
    for (;;) {
      while (this.#index < this.#marks.length) this.#step(this.#marks[this.#index]!)
      const outer = this.#outer
      if (outer === null) return this.quotes
      const limit = Math.min(this.#text.length, outer.partStart + MAX_PART + 1)
      this.#endAtParagraph(outer, this.#breaks.find(outer.partStart, limit))
    }
  }

  #step(at: number): void {
    const outer = this.#outer
    if (outer !== null) {
      const end = this.#breaks.find(outer.partStart, at)
      if (end !== -1) return this.#endAtParagraph(outer, end)
      if (at - outer.partStart > MAX_PART || ++outer.marks > MAX_MARKS) return this.#abandon(outer)
    }
    const text = this.#text
    const inside = this.#inner?.char ?? outer?.char ?? null
    const role = markRole(text[at]!, text[at - 1] ?? '', text[at + 1] ?? '', inside)
    this.#index++
    if (role === 'open') this.#open(at, outer)
    else if (role === 'close' && outer !== null) this.#close(at, outer)
  }

  #open(at: number, outer: OpenQuote | null): void {
    const char = this.#text[at]!
    if (outer === null) {
      this.#outer = { markIndex: this.#index - 1, open: at, char, partStart: at + 1, parts: [], nested: [], marks: 0 }
      return
    }
    // A new opening mark right after a full stop goes on with the same speaker
    // (“…26 weeks. “We are going…”, a paragraph convention some outlets use inline).
    if (endsSentenceBefore(this.#text, at, outer.partStart)) {
      this.#inner = null
      this.#addPart(outer, at)
      outer.partStart = at + 1
      outer.char = char
    } else if (this.#inner === null) this.#inner = { start: at + 1, char }
  }

  #close(at: number, outer: OpenQuote): void {
    if (this.#inner !== null) {
      const span = trimSpan(this.#text, this.#inner.start, at)
      if (span !== null) outer.nested.push(span)
      this.#inner = null
      return
    }
    this.#addPart(outer, at)
    this.#commit(outer, at + 1, true)
  }

  #addPart(outer: OpenQuote, end: number): void {
    const span = trimSpan(this.#text, outer.partStart, end)
    if (span !== null) outer.parts.push(span)
  }

  #commit(outer: OpenQuote, end: number, closed: boolean): void {
    if (outer.parts.length > 0) this.quotes.push({ parts: outer.parts, open: outer.open, end, closed, nested: outer.nested })
    this.#outer = null
    this.#inner = null
  }

  /** The paragraph ended inside a quote: a quotation going on in the next paragraph, or a stray mark. */
  #endAtParagraph(outer: OpenQuote, end: number): void {
    if (end !== -1 && end - outer.partStart <= MAX_PART && nextParagraphOpensQuote(this.#text, end)) {
      this.#addPart(outer, end)
      this.#commit(outer, outer.parts.at(-1)?.end ?? end, false)
    } else this.#abandon(outer)
  }

  #abandon(outer: OpenQuote): void {
    this.#index = outer.markIndex + 1
    this.#outer = null
    this.#inner = null
  }
}

/** Double-quoted passages in text order, with those nested inside them. */
export function scanQuoteMarks(text: string, breaks: ParagraphBreaks): ScannedQuote[] {
  return new MarkScanner(text, breaks).run()
}
