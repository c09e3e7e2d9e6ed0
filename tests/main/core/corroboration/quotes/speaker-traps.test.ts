import { describe, expect, it } from 'vitest'
import { extractQuotes } from '../../../../../src/main/core/corroboration/quotes/extract-quotes'

const speakers = (text: string): Array<[string, string | null]> => extractQuotes(text).map((quote) => [quote.text, quote.speaker])

describe('extractQuotes: speakers a careless reading gets wrong', () => {
  it('does not lend an answer’s speaker to the question or the chant before it', () => {
    expect(speakers('John Smith left the court on Monday. "Are you resigning?" "No," he said.')).toEqual([
      ['Are you resigning?', null],
      ['No,', 'John Smith']
    ])
    expect(speakers('The crowd chanted "lock him up". "We hear you," Anna Lind said.')).toEqual([
      ['lock him up', null],
      ['We hear you,', 'Anna Lind']
    ])
    // Two quotations of one speaker, the second attributed, still share it.
    expect(speakers('"We will win." "It is time," Donald Trump said.').map(([, speaker]) => speaker)).toEqual(['Donald Trump', 'Donald Trump'])
  })

  it('does not credit the accuser with the words of the person accused', () => {
    expect(speakers('Anna Kowalski accused John Smith of calling voters "deplorable idiots".')).toEqual([['deplorable idiots', null]])
    expect(speakers('Anna Kowalski criticised John Smith, who said "the vote was rigged".')).toEqual([['the vote was rigged', null]])
    // Her own characterisation stays hers.
    expect(speakers('Anna Kowalski accused John Smith of "undermining the courts".')).toEqual([['undermining the courts', 'Anna Kowalski']])
  })

  it('keeps the speaker who introduces a quotation with a colon over a name in the next sentence', () => {
    expect(speakers('The minister said: "Prices will rise." John Smith disagreed.')).toEqual([['Prices will rise.', 'the minister']])
    expect(speakers('Prosecutors said: "He lied to the court." John Smith objected.')).toEqual([['He lied to the court.', 'Prosecutors']])
  })
})
