import { describe, expect, it } from 'vitest'
import { extractQuotes } from '../../../../../src/main/core/corroboration/quotes/extract-quotes'

function speakers(text: string): [string, string | null][] {
  return extractQuotes(text).map((quote) => [quote.text, quote.speaker])
}

describe('speaker-continuation and fragments inside reported speech', () => {
  it('credits the quotation opening the next paragraph after “…,” X says in an interview. to X', () => {
    expect(speakers('“Cruz is the best,” Vigo tells Newsline in an interview.\n\n“He is what we waited for.”')).toEqual([
      ['Cruz is the best,', 'Vigo'],
      ['He is what we waited for.', 'Vigo']
    ])
    expect(speakers('“Cruz is the best,” Vigo says.\n“He is what we waited for.”')).toEqual([
      ['Cruz is the best,', 'Vigo'],
      ['He is what we waited for.', 'Vigo']
    ])
  })

  it('credits a quotation right before “…,” she added.', () => {
    expect(speakers('Officials met. “We will see.” “It is early,” Mayor Lind added.')).toEqual([
      ['We will see.', 'Lind'],
      ['It is early,', 'Lind']
    ])
  })

  it('does not carry a speaker over narrative that stands between two quotations', () => {
    expect(speakers('“It is early,” Lind said. The council then voted on the budget for the year.\n\n“We lost,” a resident said.')).toEqual([
      ['It is early,', 'Lind'],
      ['We lost,', 'a resident']
    ])
  })

  it('credits a fragment inside reported speech to the sentence’s speaker', () => {
    expect(speakers('Leeds was “trying too hard” and “lost the room,” Gilbert Thorpe said.')).toEqual([
      ['trying too hard', 'Gilbert Thorpe'],
      ['lost the room,', 'Gilbert Thorpe']
    ])
    expect(speakers('Carla Sims praised the plan and said the city can “bring change” to the region.')).toEqual([['bring change', 'Carla Sims']])
  })

  it('credits the subject of a sentence ending in ", saying …" even after a quotation ending in a comma', () => {
    expect(speakers('Donald Trump has delivered a defense of “New York values,” saying the city embodied “bravery.”')).toEqual([
      ['New York values,', null],
      ['bravery.', 'Donald Trump']
    ])
  })

  it('resolves "he" to the person opening the same sentence, not to the last speaker', () => {
    expect(speakers('“Go,” Trump said. Bush went after Trump at the debate, when he called him “unhinged.”')).toEqual([
      ['Go,', 'Trump'],
      ['unhinged.', 'Bush']
    ])
  })

  it('leaves a mid-sentence participle without a speaker when no subject can be found', () => {
    expect(speakers('Amid the uproar over the vote and the delay, saying it was “unfair.”')).toEqual([['unfair.', null]])
  })

  it('credits a fragment with the attribution closing its sentence, but not across a sentence end', () => {
    expect(speakers('“We are horrified” by the shooting in the city that drew attention, Nefzi said. He left.')).toEqual([['We are horrified', 'Nefzi']])
    expect(speakers('Voters called it “a circus.” The mayor left early, Lind said.')).toEqual([['a circus.', null]])
  })

  it('carries the speaker past a scare quote inside the attribution sentence, not past a full stop', () => {
    expect(speakers('“Everything is open,” Carson told the AP after hinting that “changes” could come. “Every single thing.”')).toEqual([
      ['Everything is open,', 'Carson'],
      ['changes', 'Carson'],
      ['Every single thing.', 'Carson']
    ])
  })
})
