import { describe, expect, it } from 'vitest'
import { extractQuotes } from '../../../../../src/main/core/corroboration/quotes/extract-quotes'

function speakers(text: string): [string, string | null][] {
  return extractQuotes(text).map((quote) => [quote.text, quote.speaker])
}

describe('speaker-clause-subject: the person a sentence is about, for a quotation no speech verb credits', () => {
  it('credits a fragment to the person opening the sentence', () => {
    expect(speakers('Ann Hoover estimated that there are “somewhere between 23 and 28 members” opposed.')).toEqual([['somewhere between 23 and 28 members', 'Ann Hoover']])
    expect(speakers('Campaign chair Paul Mansard dismissed the whole affair as “absurd.”')).toEqual([['absurd.', 'Paul Mansard']])
  })

  it('credits a quotation introduced by a colon', () => {
    expect(speakers('In a later interview, Senator Ann Hoover went even further: “If he goes ahead, it is the end.”')).toEqual([['If he goes ahead, it is the end.', 'Ann Hoover']])
  })

  it('reads past an opening adverbial and an apposition', () => {
    expect(speakers('On Tuesday, Carla Sims went further and backed eight candidates “who embody the spirit.”')).toEqual([['who embody the spirit.', 'Carla Sims']])
    expect(speakers('Corey Lane, the fired campaign manager, ripped the director for acting as “the judge and the jury.”')).toEqual([['the judge and the jury.', 'Corey Lane']])
  })

  it('credits the subject of a "with X doing" clause, and the one who "puts it"', () => {
    expect(speakers('The plan drew fire, with Sen. John Marsh calling it a “Chinese menu.”')).toEqual([['Chinese menu.', 'John Marsh']])
    expect(speakers('As the Post’s Ruth Mallon puts it, the mayor is making rivals “an offer they cannot refuse.”')).toEqual([['an offer they cannot refuse.', 'Ruth Mallon']])
  })

  it('does not take a subordinate clause, an object or another clause’s subject for the speaker', () => {
    expect(speakers('When Wallace Grant died in 1998, flags flew at “half mast” for a week.')).toEqual([['half mast', null]])
    expect(speakers('Clinton Rowe proposed a debate, but the Sanders campaign rejected the idea as “ludicrous.”')).toEqual([['ludicrous.', null]])
    expect(speakers('Mark Rubin is taking heat from Ted Cruz over the “Gang of Eight” bill.')).toEqual([['Gang of Eight', null]])
    expect(speakers('The Archie Bunker stereotype of workers ignored “the union placards” entirely.')).toEqual([['the union placards', null]])
  })

  it('does not take a lone capitalised word or a phrase named after "of" for a speaker', () => {
    expect(speakers('Audiences can expect him to bring “a little more recklessness” this year.')).toEqual([['a little more recklessness', null]])
    expect(speakers('Tom Reyes mounted a defense of “family values” last year.')).toEqual([['family values', null]])
  })

  it('credits a surname before a colon once the text has introduced the full name', () => {
    expect(speakers('Hillary Rowe and Jeb Bock reject containment. Rowe: "Our goal is to defeat them." Bock: "The mission is to destroy them."')).toEqual([
      ['Our goal is to defeat them.', 'Hillary Rowe'],
      ['The mission is to destroy them.', 'Jeb Bock']
    ])
    expect(speakers('Fears grew. Rowe: "Our goal is to defeat them."')).toEqual([['Our goal is to defeat them.', null]])
  })

  it('credits the subject of "called for", which is no speech verb', () => {
    expect(speakers('Ohio Gov. John Kasko has also broadly called for "boots on the ground."')).toEqual([['boots on the ground.', 'John Kasko']])
  })

  it('reads past a time between subject and verb and an apposition between dashes', () => {
    expect(speakers('Judge Carl W. Reeve late Thursday night blocked a bill that “would harm people.”')).toEqual([['would harm people.', 'Carl W. Reeve']])
    expect(speakers('On Friday, Newt Ginger — named by Newsmax as a choice — hinted he was “intrigued.”')).toEqual([['intrigued.', 'Newt Ginger']])
  })

  it('does not credit a subject who is asked or quoted rather than speaking', () => {
    expect(speakers('Mayor Ann Lind was asked whether the plan was “dead.”')).toEqual([['dead.', null]])
    expect(speakers('Mayor Ann Lind was quick to add that the plan was “dead.”')).toEqual([['dead.', 'Ann Lind']])
  })

  it('credits a quotation in the clause opening a sentence to the main clause’s subject after it', () => {
    expect(speakers('After a week bickering over whether the other is “qualified” to lead, Hillary Rowe on Monday ripped into her rival.')).toEqual([['qualified', 'Hillary Rowe']])
    expect(speakers('Acknowledging that Dan Trope “says a lot of stupid stuff,” though, Tim Allan did suggest he was right.')).toEqual([['says a lot of stupid stuff,', 'Tim Allan']])
  })

  it('does not reach past the sentence, a passive or an asker for the main clause’s subject', () => {
    expect(speakers('After the vote on the “reform” bill. Hillary Rowe left early.')).toEqual([['reform', null]])
    expect(speakers('Asked by Glen Thrush if the party “gets” race, Al Sharp avoided an answer.')).toEqual([['gets', null]])
    expect(speakers('While the plan was “bold,” Hillary Rowe was criticized for it.')).toEqual([['bold,', null]])
  })
})
