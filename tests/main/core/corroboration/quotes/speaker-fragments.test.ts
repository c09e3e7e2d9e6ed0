import { describe, expect, it } from 'vitest'
import { extractQuotes } from '../../../../../src/main/core/corroboration/quotes/extract-quotes'

function speakers(text: string): [string, string | null][] {
  return extractQuotes(text).map((quote) => [quote.text, quote.speaker])
}

describe('speaker attribution: fragments quoted inside reported speech', () => {
  it('reads "calls" as a verb only when a quotation follows its object', () => {
    expect(speakers('Lena Marsh calls the treaty “a foundation of our politics.”')).toEqual([['a foundation of our politics.', 'Lena Marsh']])
    expect(speakers('Ivo Brandt, a columnist at the Ledger, calls Kessler “a conviction candidate.”')).toEqual([['a conviction candidate.', 'Ivo Brandt']])
    // A plural noun: nobody speaks in "calls were logged".
    expect(speakers('Two calls from the mayor were logged before the “quiet hours” began.')).toEqual([['quiet hours', null]])
  })

  it('takes the person after a possessive in "according to"', () => {
    expect(speakers('For Kessler, according to Mara Lind’s former chief of staff Piet Okon, the speech is “a test.”')).toEqual([['a test.', 'Piet Okon']])
  })

  it('credits “…,” as Kessler said, but not "as he promised to"', () => {
    expect(speakers('The race “is a dead heat,” as Kessler said on Monday.')).toEqual([['is a dead heat,', 'Kessler']])
    expect(speakers('Voters found the plan “sound” as he promised to defend it.')).toEqual([['sound', null]])
  })

  it('reaches an attribution closing the sentence after a day', () => {
    expect(speakers('Kessler’s “excesses” are sickening, Mara Lind said Tuesday in Paris.')).toEqual([['excesses', 'Mara Lind']])
  })

  it('credits a participle with a subject of its own after "with", a dash, or "and" past a quotation', () => {
    expect(speakers('They met – Ryan Lowe saying he was “very encouraged” and Tim Bard calling it a “great meeting.”')).toEqual([
      ['very encouraged', 'Ryan Lowe'],
      ['great meeting.', 'Tim Bard']
    ])
    expect(speakers('Schools backed her, with the teachers union calling her “the champion we need.”')).toEqual([['the champion we need.', 'the teachers union']])
    // "Ohio and Texas" are places joined by "and", not a new subject.
    expect(speakers('Voters in Ohio and Texas saying “no” surprised him.')).toEqual([['no', null]])
  })
})
