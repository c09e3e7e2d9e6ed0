import { describe, expect, it } from 'vitest'
import { markRole, scanQuoteMarks, type ScannedQuote } from '../../../../../src/main/core/corroboration/quotes/quote-marks'
import { ParagraphBreaks } from '../../../../../src/main/core/corroboration/quotes/quote-paragraphs'

function scan(text: string): ScannedQuote[] {
  return scanQuoteMarks(text, new ParagraphBreaks(text))
}

function words(text: string): string[][] {
  return scan(text).map((quote) => quote.parts.map((part) => text.slice(part.start, part.end)))
}

describe('quote-marks', () => {
  it('opens a straight mark after a space, bracket or dash and closes it after a word', () => {
    expect(markRole('"', ' ', 'W', null)).toBe('open')
    expect(markRole('"', '(', 'W', null)).toBe('open')
    expect(markRole('"', '—', 'W', null)).toBe('open')
    expect(markRole('"', ',', ' ', '"')).toBe('close')
    expect(markRole('"', '.', ' ', '“')).toBe('close')
  })

  it('ignores a straight mark that can neither open nor close, like inches', () => {
    expect(markRole('"', '2', ' ', null)).toBe('skip')
  })

  it('takes ” with a space before and a word after as an opener, as sloppy copy writes it', () => {
    expect(markRole('”', ' ', 'W', null)).toBe('open')
    expect(markRole('”', '.', ' ', '“')).toBe('close')
  })

  it('closes German „…“ and reversed »…« quotes', () => {
    expect(words('Er sagte „Guten Tag“ und ging. Sie schrieb »Danke« dann.')).toEqual([['Guten Tag'], ['Danke']])
  })

  it('keeps a quote continued after a full stop inside it as one quote of several parts', () => {
    const text = 'She said: "One. "Two." Then she left.'
    expect(words(text)).toEqual([['One.', 'Two.']])
  })

  it('keeps a paragraph-ending quote when the next paragraph opens another, and drops it otherwise', () => {
    const continued = scan('He said: "First part.\n\n"Second part." End.')
    expect(continued.map((quote) => quote.closed)).toEqual([false, true])
    expect(words('He said "never closed.\n\nA plain paragraph with "a quote" in it.')).toEqual([['a quote']])
  })

  it('records double-quoted words inside a quote as nested', () => {
    const text = '"It was called "a mistake" by all," she said.'
    const [quote] = scan(text)
    expect(quote?.nested.map((span) => text.slice(span.start, span.end))).toEqual(['a mistake'])
  })
})
