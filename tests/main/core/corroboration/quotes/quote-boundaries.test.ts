import { describe, expect, it } from 'vitest'
import { isParagraphBreak, isSentenceEnd, ParagraphBreaks, sentenceStart } from '../../../../../src/main/core/corroboration/quotes/quote-boundaries'

describe('quote-boundaries', () => {
  it('ends a paragraph at a blank line or a line ending a sentence, not at a hard wrap mid-sentence', () => {
    expect(isParagraphBreak('One.\n\nTwo', 4)).toBe(true)
    expect(isParagraphBreak('One.\nTwo', 4)).toBe(true)
    expect(isParagraphBreak('we hope to\nrestore ties', 10)).toBe(false)
  })

  it('finds the first paragraph break inside a range', () => {
    const text = 'a wrapped\nline. Para one.\n\nPara two.\nPara three.'
    const breaks = new ParagraphBreaks(text)
    expect(breaks.find(0, text.length)).toBe(text.indexOf('\n\n'))
    expect(breaks.find(0, 5)).toBe(-1)
  })

  it('does not end a sentence at an abbreviation, an initial or a date', () => {
    const text = 'Mr. Lee met George W. Bush on Jan. 15. He left.'
    const ends = [...text].flatMap((_, index) => (isSentenceEnd(text, index) ? [index] : []))
    expect(ends).toEqual([text.indexOf('15.') + 2, text.length - 1])
  })

  it('finds where the sentence holding a position starts', () => {
    const text = 'Ties are strained. Putin said that "ties matter."'
    expect(sentenceStart(text, text.indexOf('"'))).toBe(text.indexOf(' Putin'))
  })
})
