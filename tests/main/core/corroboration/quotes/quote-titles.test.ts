import { describe, expect, it } from 'vitest'
import { extractQuotes } from '../../../../../src/main/core/corroboration/quotes/extract-quotes'
import { isTitleOfWork } from '../../../../../src/main/core/corroboration/quotes/quote-titles'

function speakers(text: string): [string, string | null][] {
  return extractQuotes(text).map((quote) => [quote.text, quote.speaker])
}

describe('quote-titles', () => {
  it('credits no one with the title of a show, a book or a programme, and keeps it in the list', () => {
    expect(speakers('The reality show “Cake Lords” made him famous. “I was thrilled,” Valdez said.')).toEqual([
      ['Cake Lords', null],
      ['I was thrilled,', 'Valdez']
    ])
    expect(speakers('Star said the 1969 book titled “The Tragedy of Lyndon” moved him.')).toEqual([['The Tragedy of Lyndon', null]])
  })

  it('takes a title-case phrase after a channel’s possessive for a programme, and lets the speaker carry past it', () => {
    expect(speakers('“We will release them,” Sanders said on CNN’s “State of the Union” Sunday. “I am very healthy.”')).toEqual([
      ['We will release them,', 'Sanders'],
      ['State of the Union', null],
      ['I am very healthy.', 'Sanders']
    ])
  })

  it('does not take a description after "the show" or a sentence after a possessive for a title', () => {
    expect(speakers('Dave Gorab called the show “the conservative news show of record.”')).toEqual([['the conservative news show of record.', 'Dave Gorab']])
    expect(isTitleOfWork('Lind’s “we will win, whatever it takes”', 6, 'we will win, whatever it takes')).toBe(false)
    expect(isTitleOfWork('NBC’s “Meet the Press”', 6, 'Meet the Press')).toBe(true)
  })
})
