// Finds ‘single-quoted’ words inside a double-quoted passage (“…Russia ‘looks forward to’…”).
// Outside a quotation a single mark is far more often an apostrophe, so only spans of an
// enclosing quote are searched, and marks inside words (Russia's, don't, ’90s) never count.
import type { TextSpan } from '../../../../shared/domain/corroboration'
import { isSpace, trimSpan } from './quote-boundaries'

const SINGLE_MARKS = /[‘’']/g
const BEFORE_OPENING = /[\s([{/\-–—"“„«]/
const AFTER_CLOSING = /[\s.,;:!?)\]}\-–—"”»]/
/** ’90s, 'em: an apostrophe standing for left-out letters, not an opening mark. */
const ELISION = /^(?:\d\ds|em|n|til|cause|tis)(?![\p{L}\p{Nd}])/u

/** Single-quoted spans within [start, end) of `text`. */
export function findSingleQuotes(text: string, start: number, end: number): TextSpan[] {
  const found: TextSpan[] = []
  let pending = -1
  // Search the span only: a search running on to the end of the text would make the whole scan quadratic.
  for (const match of text.slice(start, end).matchAll(SINGLE_MARKS)) {
    const at = start + match.index
    const char = match[0]
    const previous = at === start ? ' ' : text[at - 1]!
    const next = at + 1 >= end ? ' ' : text[at + 1]!
    const opens = char !== '’' && BEFORE_OPENING.test(previous) && !isSpace(next) && !ELISION.test(text.slice(at + 1, at + 6))
    const closes = char !== '‘' && !isSpace(previous) && AFTER_CLOSING.test(next)
    if (pending !== -1 && closes) {
      const span = trimSpan(text, pending + 1, at)
      if (span !== null) found.push(span)
      pending = -1
    } else if (opens) pending = at
  }
  return found
}
