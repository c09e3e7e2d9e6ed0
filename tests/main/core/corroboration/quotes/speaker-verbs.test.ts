import { describe, expect, it } from 'vitest'
import { extractQuotes } from '../../../../../src/main/core/corroboration/quotes/extract-quotes'
import { findAttributions } from '../../../../../src/main/core/corroboration/quotes/speaker-attribution'

function found(masked: string): [string, string][] {
  return findAttributions(masked).map((match) => [masked.slice(match.start, match.end), match.kind])
}

function speakers(text: string): [string, string | null][] {
  return extractQuotes(text).map((quote) => [quote.text, quote.speaker])
}

describe('speaker-attribution: the wider set of reporting verbs', () => {
  it('credits unusual verbs the copy uses for speech', () => {
    expect(speakers('“Nobody asked me,” Mr. Halloran fumed. “Not that again,” Greta Olsen quipped. Ortiz railed against the “rigged process.”')).toEqual([
      ['Nobody asked me,', 'Halloran'],
      ['Not that again,', 'Greta Olsen'],
      ['rigged process.', 'Ortiz']
    ])
  })

  it('reads a progressive "is telling" as speech and a passive "was asked" as none', () => {
    expect(found('Mayor Lind is telling voters that the plan is “dead.”')).toEqual([['Mayor Lind is telling', 'name']])
    // The one asked is spoken to; who asked is not said here, so nobody is credited.
    expect(speakers('Lind was asked whether the plan was “dead.”')).toEqual([['dead.', null]])
  })

  it('takes "notes" or "claims" for a verb only right after a quotation and its speaker, or before "that"', () => {
    expect(found('“####,” Okafor notes. Okafor claims that “####.”')).toEqual([
      ['Okafor notes', 'name'],
      ['Okafor claims', 'name']
    ])
    expect(found('The council read the notes. Larger states claims were filed.')).toEqual([])
  })

  it('keeps a possessive from being a speaker ("Norway’s repeated calls")', () => {
    expect(found('Norway’s repeated calls for “restraint” went unheard.')).toEqual([])
  })

  it('hears speech in "went on to say" and "pledged to …", not in "was said to be"', () => {
    expect(speakers('Pell went on to say he was “confident.” Ms. Varga pledged to fight “today, tomorrow, forever.”')).toEqual([
      ['confident.', 'Pell'],
      ['today, tomorrow, forever.', 'Varga']
    ])
    expect(speakers('The deal was said to be “final.”')).toEqual([['final.', null]])
  })

  it('credits "said X" to the name after a job ("said party boss Reince Moreau"), not to the word before it', () => {
    expect(speakers('“It distracts us,” said Republican party boss Dale Moreau. “Wait and see,” said Clinton ally Jo Carver.')).toEqual([
      ['It distracts us,', 'Dale Moreau'],
      ['Wait and see,', 'Jo Carver']
    ])
  })

  it('does not take "said he would" for an inverted "said he"', () => {
    expect(speakers('Cory Vance, 22, of Flint, said he could never back the “establishment.”')).toEqual([['establishment.', 'Cory Vance']])
  })

  it('reads a sentence opening with the verb: "Said Dora Pynes, …, “…”" and "Continued Stone: “…”"', () => {
    expect(speakers('Said Dora Pynes, who grew up nearby, “We were so proud.” Continued Stone: “It is real.”')).toEqual([
      ['We were so proud.', 'Dora Pynes'],
      ['It is real.', 'Stone']
    ])
  })

  it('credits a full name and a colon right before the marks, but no single word such as "Transcript:"', () => {
    expect(speakers('Polls did not surprise pollster Daron Shales: “History says so.” Transcript: “Hello all.”')).toEqual([
      ['History says so.', 'Daron Shales'],
      ['Hello all.', null]
    ])
  })

  it('credits a name with a bracketed party between it and the verb', () => {
    expect(speakers('Later, Rep. Earl Blume (D-Ore.) said, “There is energy.”')).toEqual([['There is energy.', 'Earl Blume']])
  })

  it('never takes a weekday for a speaker ("said Friday")', () => {
    expect(speakers('Trump, who had questioned the judge, said Friday that he was “biased.”')).toEqual([['biased.', 'Trump']])
  })

  it('reads "a photo and Clinton said" as a new clause, but keeps "Sittingbourne and Sheppey said" a place', () => {
    expect(speakers('A woman asked for a photo and Clinton said, “as long as it is legal.”')).toEqual([['as long as it is legal.', 'Clinton']])
    expect(speakers('The MP for Sittingbourne and Sheppey said it was “fine.”')).toEqual([['fine.', null]])
  })

  it('reads adverbs and auxiliaries between a speaker and the verb', () => {
    expect(speakers('Carter however said he would welcome a “security network.” Trump has even claimed he will “create a boom.”')).toEqual([
      ['security network.', 'Carter'],
      ['create a boom.', 'Trump']
    ])
  })

  it('credits "said former congressman Barney Frank" to the name, job words dropped', () => {
    expect(speakers('“He is acting badly,” said former Massachusetts congressman Bart Frane.')).toEqual([['He is acting badly,', 'Bart Frane']])
  })
})

