import { describe, expect, it } from 'vitest'
import { extractQuotes } from '../../../../../src/main/core/corroboration/quotes/extract-quotes'
import { followsPlace, sentenceHead } from '../../../../../src/main/core/corroboration/quotes/speaker-apposition'

function speakers(text: string): [string, string | null][] {
  return extractQuotes(text).map((quote) => [quote.text, quote.speaker])
}

describe('speaker-apposition', () => {
  it('skips an age: "Abraham, 92, said"', () => {
    expect(speakers('“I was there in 1948,” Abraham, 92, said.')).toEqual([['I was there in 1948,', 'Abraham']])
  })

  it('credits the senator, not her state: "Senator Kirsten Gill, Democrat of New York, wrote"', () => {
    expect(speakers('Karl Mott spoke first. Senator Kirsten Gill, Democrat of New York, wrote that the bill was “a disgrace.”')).toEqual([
      ['a disgrace.', 'Kirsten Gill']
    ])
  })

  it('credits the name opening the sentence when the apposition holds a place with a comma', () => {
    expect(speakers('Dean Jonsson, a salesman from Sumter, South Carolina, says Cruz will “leave with momentum.”')).toEqual([
      ['leave with momentum.', 'Dean Jonsson']
    ])
    expect(speakers('Clara Bode, during a town hall in Columbus, Ohio, said she was “going to win.”')).toEqual([['going to win.', 'Clara Bode']])
  })

  it('credits the person, not the body named in a second apposition', () => {
    expect(speakers('Alix Lapp, director of the House Majority PAC, a Democratic super PAC, said the race was “wide open.”')).toEqual([
      ['wide open.', 'Alix Lapp']
    ])
  })

  it('credits the name a ", who …" clause hangs on, not a name inside the clause', () => {
    expect(speakers('Speaking later, Sen. Clare McKay (D-Mo.), who has endorsed Clinton, said Sanders had been “stronger.”')).toEqual([
      ['stronger.', 'Clare McKay']
    ])
  })

  it('credits a bare appositive name: "Trump’s attorney, Alan Garten, said"', () => {
    expect(speakers('Trump’s attorney, Alan Garten, said Nunberg was “looking for publicity.”')).toEqual([['looking for publicity.', 'Alan Garten']])
  })

  it('leaves the speaker empty rather than crediting a place when no name opens the sentence', () => {
    expect(speakers('Kasich spoke after a woman in Worcester, Massachusetts, told him he was “too nice.”')).toEqual([['too nice.', null]])
  })

  it('keeps the subject when a place only opened the sentence: "Speaking in Tampa, Florida, Trump insisted"', () => {
    expect(speakers('Speaking in Tampa, Florida, Trump insisted that he had “expanded the party.”')).toEqual([['expanded the party.', 'Trump']])
  })

  it('finds the opening name and tells a place after a place', () => {
    const masked = 'Dean Jonsson, a salesman from Sumter, South Carolina, says so.'
    expect(sentenceHead(masked, masked.indexOf('says'))).toEqual({ subject: 'Dean Jonsson', start: 0 })
    expect(sentenceHead('In Iowa, Trump said so.', 15)).toBeNull()
    expect(followsPlace(masked, masked.indexOf('South'))).toBe(true)
    expect(followsPlace(masked, masked.indexOf('Dean'))).toBe(false)
  })
})
