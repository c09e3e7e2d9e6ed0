import { describe, expect, it } from 'vitest'
import { extractQuotes } from '../../../../../src/main/core/corroboration/quotes/extract-quotes'

function speakers(text: string): [string, string | null][] {
  return extractQuotes(text).map((quote) => [quote.text, quote.speaker])
}

describe('speaker-carry-over: a quotation right after an indirect sentence', () => {
  it('gives a sentence-opening quotation the speaker of the paraphrase before it', () => {
    expect(speakers('Lena Greene added that the bank wants out before the vote. “They don’t like to talk about it.”')).toEqual([['They don’t like to talk about it.', 'Lena Greene']])
    expect(speakers('Lena Greene said the bank wants out before the vote.\n\n“They don’t like to talk about it.”')).toEqual([['They don’t like to talk about it.', 'Lena Greene']])
  })

  it('does not carry over from an outlet, from two speakers, or across narrative', () => {
    expect(speakers('The Hill reported that Marco Ruiz spoke on Sunday. “He is always calling me names.”')).toEqual([['He is always calling me names.', null]])
    expect(speakers('Lena Greene said the vote was close and Paul Ward said it was not. “We will see.”')).toEqual([['We will see.', null]])
    expect(speakers('Lena Greene said the bank wants out. The vote is in May. “We will see.”')).toEqual([['We will see.', null]])
  })

  it('does not carry over to a quotation ending in a comma, which has an attribution of its own', () => {
    expect(speakers('Dan Trope said he would build the wall. “Is that negotiable,” Sean Hale started.')[0]![1]).toBe(null)
  })
})
