import { describe, expect, it } from 'vitest'
import { isParagraphBreak, nextParagraphOpensQuote, ParagraphBreaks } from '../../../../../src/main/core/corroboration/quotes/quote-paragraphs'

const WIRE = [
  'TOKYO, March 3 - Japan will keep its rate steady, the central',
  'bank governor told reporters after a meeting of the policy',
  'board on Tuesday, adding that "We see no reason for a change',
  'at this point," in remarks broadcast on national television.',
  '    Dealers said the yen was little changed after the remarks',
  'and trading was thin ahead of the holiday in Japan tomorrow.'
].join('\n')

describe('quote-paragraphs', () => {
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

  it('reads wire copy hard-wrapped at seventy characters as paragraphs broken only by indentation', () => {
    const breaks = new ParagraphBreaks(WIRE)
    expect(breaks.find(0, WIRE.length)).toBe(WIRE.indexOf('\n    Dealers'))
    const flat = breaks.flatten(WIRE)
    expect(flat).toHaveLength(WIRE.length)
    expect(flat.split('\n')).toHaveLength(2)
  })

  it('says whether the next paragraph opens a quotation', () => {
    const text = 'He said: "First.\n\n"Second." And\n\nthen.'
    expect(nextParagraphOpensQuote(text, text.indexOf('\n'))).toBe(true)
    expect(nextParagraphOpensQuote(text, text.lastIndexOf('\n'))).toBe(false)
  })
})
