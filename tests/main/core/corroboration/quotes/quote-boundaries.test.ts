import { describe, expect, it } from 'vitest'
import { isSentenceEnd, sentenceStart, trimSpan } from '../../../../../src/main/core/corroboration/quotes/quote-boundaries'

describe('quote-boundaries', () => {
  it('does not end a sentence at an abbreviation, an initial or a date', () => {
    const text = 'Mr. Lee met George W. Bush on Jan. 15. He left.'
    const ends = [...text].flatMap((_, index) => (isSentenceEnd(text, index) ? [index] : []))
    expect(ends).toEqual([text.indexOf('15.') + 2, text.length - 1])
  })

  it('ends a sentence at a full stop inside closing marks when a new sentence follows', () => {
    const text = 'He said "no." Then he left.'
    expect(isSentenceEnd(text, text.indexOf('.'))).toBe(true)
  })

  it('finds where the sentence holding a position starts, stopping at a line break', () => {
    const text = 'Ties are strained. Putin said that "ties matter."'
    expect(sentenceStart(text, text.indexOf('"'))).toBe(text.indexOf(' Putin'))
    expect(sentenceStart('Headline\nPutin said "x"', 19)).toBe(9)
  })

  it('trims space off a span and gives null when nothing is left', () => {
    expect(trimSpan('  words  ', 0, 9)).toEqual({ start: 2, end: 7 })
    expect(trimSpan(' \n ', 0, 3)).toBeNull()
  })
})
