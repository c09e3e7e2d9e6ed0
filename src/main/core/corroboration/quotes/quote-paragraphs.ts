// Where paragraphs end, in web copy (one paragraph a line) and in wire copy hard-wrapped at
// about seventy characters. A quotation never runs past its paragraph, so one stray mark
// cannot swallow a document, and line breaks inside a paragraph are read as spaces.
import { isInlineSpace, isSpace } from './quote-boundaries'

const ENDS_LINE = /[.!?:;…"”’»)\]]/
const DOUBLE_OPENERS = new Set(['"', '“', '„', '‟', '«', '»', '”'])
/**
 * Wrapped copy: nearly every line of some length stops short of a hundred characters. In
 * Reuters-21578 all do; in BBC and web copy, where a line is a paragraph, at most 85% do.
 */
const WRAPPED_LINE = { min: 40, max: 100, share: 0.9, lines: 3 }
/** In wrapped copy a line shorter than this that ends a sentence ends its paragraph. */
const SHORT_LINE = 45

function lastVisible(text: string, index: number): string {
  let previous = index - 1
  while (isInlineSpace(text[previous])) previous--
  return previous >= 0 ? text[previous]! : ''
}

/** Whether the text is hard-wrapped: its lines of some length all stop short of a hundred characters. */
function looksWrapped(text: string, newlines: readonly number[]): boolean {
  let lines = 0
  let wrapped = 0
  let start = 0
  for (const end of [...newlines, text.length]) {
    const length = end - start
    if (length >= WRAPPED_LINE.min) {
      lines++
      if (length <= WRAPPED_LINE.max) wrapped++
    }
    start = end + 1
  }
  return lines >= WRAPPED_LINE.lines && wrapped / lines >= WRAPPED_LINE.share
}

/**
 * Whether the newline at `index` ends a paragraph. A blank line always does. In web copy a
 * single break does unless the line stops mid-sentence and the next goes on in lower case;
 * in wrapped copy only an indented next line or a short line ending a sentence does.
 */
export function isParagraphBreak(text: string, index: number, wrapped = false): boolean {
  let next = index + 1
  while (isInlineSpace(text[next])) next++
  if (next >= text.length || text[next] === '\n') return true
  const before = lastVisible(text, index)
  if (wrapped) {
    if (isInlineSpace(text[index + 1])) return true
    const lineStart = text.lastIndexOf('\n', index - 1) + 1
    return index - lineStart < SHORT_LINE && ENDS_LINE.test(before)
  }
  if (before !== '' && ENDS_LINE.test(before)) return true
  return !/\p{Ll}/u.test(text[next]!)
}

/** The paragraph breaks of one text, found once, so that each look-up is a binary search. */
export class ParagraphBreaks {
  readonly #breaks: number[] = []
  readonly #set = new Set<number>()

  constructor(text: string) {
    const newlines: number[] = []
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) newlines.push(index)
    const wrapped = looksWrapped(text, newlines)
    for (const index of newlines) {
      if (!isParagraphBreak(text, index, wrapped)) continue
      this.#breaks.push(index)
      this.#set.add(index)
    }
  }

  /** The first break in [from, to), or -1. */
  find(from: number, to: number): number {
    let low = 0
    let high = this.#breaks.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.#breaks[middle]! < from) low = middle + 1
      else high = middle
    }
    const found = this.#breaks[low]
    return found !== undefined && found < to ? found : -1
  }

  /** `text` (of the same length) with every line break inside a paragraph turned into a space. */
  flatten(text: string): string {
    return text.replace(/[\r\n]/g, (char, offset: number) => (char === '\n' && this.#set.has(offset) ? '\n' : ' '))
  }
}

/** Whether the paragraph after the break at `index` opens with a double quote mark. */
export function nextParagraphOpensQuote(text: string, index: number): boolean {
  let next = index
  while (isSpace(text[next])) next++
  const char = text[next]
  return char !== undefined && DOUBLE_OPENERS.has(char) && next + 1 < text.length && !isSpace(text[next + 1])
}
