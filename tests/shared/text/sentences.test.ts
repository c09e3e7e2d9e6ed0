import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { splitSentences } from '../../../src/shared/text/sentences'

const seedsDir = join(__dirname, '../../../seeds')

function split(text: string): string[] {
  return splitSentences(text).map((span) => text.slice(span.start, span.end))
}

describe('splitSentences', () => {
  it('splits after . ! and ? followed by a space, and at line breaks', () => {
    expect(split('First one. Second one! Third one? Fourth\nFifth line')).toEqual(['First one.', 'Second one!', 'Third one?', 'Fourth', 'Fifth line'])
  })

  it('keeps closing quotes and brackets with the sentence they close', () => {
    expect(split('He said “we will win.” Then he left. (It rained.) Later, "Go!" They went.')).toEqual([
      'He said “we will win.”',
      'Then he left.',
      '(It rained.)',
      'Later, "Go!"',
      'They went.'
    ])
  })

  it('does not split after titles, months, "No." before a number, or "vs."', () => {
    expect(split('Mr. Lee met Dr. Kim and Mrs. Park in St. Petersburg on Jan. 15. They met at No. 10 for the U.N. vs. NATO talks.')).toEqual([
      'Mr. Lee met Dr. Kim and Mrs. Park in St. Petersburg on Jan. 15.',
      'They met at No. 10 for the U.N. vs. NATO talks.'
    ])
  })

  it('does not split after initials, dotted abbreviations or inside decimals', () => {
    expect(split('J. Smith wrote that the U.S. President grew 3.5 percent happier. Prices rose.')).toEqual([
      'J. Smith wrote that the U.S. President grew 3.5 percent happier.',
      'Prices rose.'
    ])
  })

  it('splits after "no." when no number follows, and keeps "she asked" with its quoted question', () => {
    expect(split('The answer was no. Then "Why?" she asked. Approx. five came.')).toEqual(['The answer was no.', 'Then "Why?" she asked.', 'Approx. five came.'])
  })

  it('trims spaces and skips blank, rule-only and empty lines, with offsets into the original text', () => {
    const text = '  Headline  \r\n\r\n   \n———\n\tBody text here.  Next.\n'
    const spans = splitSentences(text)
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(['Headline', 'Body text here.', 'Next.'])
    expect(spans[0]).toEqual({ start: 2, end: 10 })
  })

  it('finds no sentences in empty or blank text', () => {
    expect(splitSentences('')).toEqual([])
    expect(splitSentences(' \n\n \t')).toEqual([])
  })

  it('gives exact, trimmed, ordered spans on a real article', () => {
    const text = readFileSync(join(seedsDir, '003_0e0382247a50a32b.txt'), 'utf8')
    const spans = splitSentences(text)
    let previousEnd = 0
    for (const span of spans) {
      const sentence = text.slice(span.start, span.end)
      expect(sentence).toBe(sentence.trim())
      expect(sentence).not.toContain('\n')
      expect(span.start).toBeGreaterThanOrEqual(previousEnd)
      previousEnd = span.end
    }
    const sentences = split(text)
    expect(sentences.some((sentence) => sentence.startsWith('South Korea plans to run a pilot') && sentence.endsWith('this September.'))).toBe(true)
    expect(sentences.some((sentence) => sentence.startsWith("From right, Russia's President Vladimir Putin") && sentence.endsWith('on Jan. 15.'))).toBe(true)
  })
})
