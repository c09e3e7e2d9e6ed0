import { describe, expect, it } from 'vitest'
import { extractQuotes } from '../../../../../src/main/core/corroboration/quotes/extract-quotes'

function speakers(text: string): [string, string | null][] {
  return extractQuotes(text).map((quote) => [quote.text, quote.speaker])
}

describe('speakers named around an apposition or a description after a quotation', () => {
  it('credits the name opening an apposition right after the quotation', () => {
    expect(speakers('“It works,” Jeff Wilde, the campaign’s manager, said in a statement.')).toEqual([['It works,', 'Jeff Wilde']])
    expect(speakers('“We need him,” his wife, Gabriela Lazar, wrote in a letter.')).toEqual([['We need him,', 'Gabriela Lazar']])
    expect(speakers('“Is he going to resign?” the presumptive nominee, Donald Trump, tweeted Sunday.')).toEqual([['Is he going to resign?', 'Donald Trump']])
  })

  it('credits a name after "said" and a lower-case description', () => {
    expect(speakers('“I do not know,” said undecided Republican voter Stephanie Hood of Derry, N.H., before the event.')).toEqual([['I do not know,', 'Stephanie Hood']])
    expect(speakers('Tom Ash spoke. “We will win,” said former Rep. George Miller (D-Calif.), a negotiator.')).toEqual([['We will win,', 'George Miller']])
    expect(speakers('Tom Ash spoke. “It is done,” said on Fox News Ann Lee.')[0]![1]).not.toBe('Fox News')
  })

  it('credits a fragment whose sentence ends in an attribution after a clause or with an apposition', () => {
    expect(speakers('It is “unlikely” that Sanders can catch Clinton, said Steve Elm.')).toEqual([['unlikely', 'Steve Elm']])
    expect(speakers('His endorsements carry “weight” and help them win, DFA spokesman Neil Sroka said.')).toEqual([['weight', 'Neil Sroka']])
    expect(speakers('The vote signals “the beginning of the end” for the union, said Geert Wilders, founder of the party.')).toEqual([['the beginning of the end', 'Geert Wilders']])
  })

  it('does not credit a closing attribution across a new clause', () => {
    expect(speakers('It is “unlikely” to pass, and then Steve Elm said no more.')).toEqual([['unlikely', null]])
  })

  it('credits an attribution that is a whole sentence after a quotation ending in a full stop', () => {
    expect(speakers('“I hope you find the missing emails.” Donald Trump said. Others disagreed.')).toEqual([['I hope you find the missing emails.', 'Donald Trump']])
    expect(speakers('“We are done.” Donald Trump said it was over.')).toEqual([['We are done.', null]])
  })

  it('reads "issued a statement saying", "in saying" and "but now said" as the sentence subject speaking', () => {
    expect(speakers('Group head Jessica Mack issued a statement saying his comment "has no place in democracy" at all.')).toEqual([['has no place in democracy', 'Jessica Mack']])
    expect(speakers('Tom Massey used to back Rand Pole, but now said Trump had “the opportunity.”')).toEqual([['the opportunity.', 'Tom Massey']])
  })

  it('carries a ", saying" credit straight into the next quotation, and a job before the name does not stop sharing', () => {
    expect(speakers('Donald Trump shot back, saying he “made money in down markets.” “Frankly, this is the kind of thinking we need.”')).toEqual([
      ['made money in down markets.', 'Donald Trump'],
      ['Frankly, this is the kind of thinking we need.', 'Donald Trump']
    ])
    expect(speakers('“It is binding,” Trump spokesperson Ron Lee told the paper in July, after Bill Blaze said no. “These contracts hold.”')).toEqual([
      ['It is binding,', 'Ron Lee'],
      ['These contracts hold.', 'Ron Lee']
    ])
  })

  it('keeps a three-word name met mid-sentence rather than completing its surname to a relative', () => {
    expect(speakers('Marcel Lehel Lazar was jailed. “We need him,” his wife, Gabriela Violeta Lazar, wrote in a letter.')).toEqual([['We need him,', 'Gabriela Violeta Lazar']])
  })
})
