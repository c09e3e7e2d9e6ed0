import { describe, expect, it } from 'vitest'
import { extractQuotes } from '../../../../../src/main/core/corroboration/quotes/extract-quotes'
import { personGender, pronounGender } from '../../../../../src/main/core/corroboration/quotes/speaker-gender'
import { givenNameGender } from '../../../../../src/main/core/corroboration/names/name-lexicon'

function speakerOf(text: string, quoted: string): string | null | undefined {
  return extractQuotes(text).find((quote) => quote.text === quoted)?.speaker
}

describe('speaker-gender: who a pronoun may mean', () => {
  it('reads a given name’s gender from the lexicon, and none from a name both sexes bear', () => {
    expect(givenNameGender('Mary')).toBe('female')
    expect(givenNameGender('john')).toBe('male')
    expect(givenNameGender('Jesse')).toBe(null)
    expect(givenNameGender('Ostrander')).toBe(null)
  })

  it('goes by a title first, and not by a lone word or a surname-first name', () => {
    expect(personGender('Mrs Brown', 'Brown')).toBe('female')
    expect(personGender('Sir John Brown', 'John Brown')).toBe('male')
    expect(personGender('Senator Brown', 'Brown')).toBe(null)
    expect(personGender('Mary', 'Mary')).toBe(null)
    expect(personGender('Kim Jong-un', 'Kim Jong-un')).toBe(null)
    expect(pronounGender('They')).toBe(null)
  })
})

describe('speaker-resolution: gender agreement for "he" and "she"', () => {
  it('does not credit "she said" to the man named last', () => {
    const text = 'John Brown said the plan would fail. “We will not move a single vote,” she said.'
    expect(speakerOf(text, 'We will not move a single vote,')).toBe(null)
  })

  it('credits "she said" to the woman named before him when she is the only one who fits', () => {
    const text = 'Mary Smith said the plant would close. John Brown said the union would fight it. “We will not give in,” she said.'
    expect(speakerOf(text, 'We will not give in,')).toBe('Mary Smith')
  })

  it('leaves the speaker empty when two earlier speakers could be meant', () => {
    const both = 'Mary Smith said the plant would close. Anna Jones said it would not. John Brown said the union would fight it. “We will not give in,” she said.'
    expect(speakerOf(both, 'We will not give in,')).toBe(null)
    const unknown = 'Mary Smith said the plant would close. Toma Ostrander said it would not. John Brown said the union would fight it. “We will not give in,” she said.'
    expect(speakerOf(unknown, 'We will not give in,')).toBe(null)
    const acting = 'Mary Smith said the plant would close. Anna Jones arrived late. John Brown said the union would fight it. “We will not give in,” she said.'
    expect(speakerOf(acting, 'We will not give in,')).toBe(null)
  })

  it('passes over a sentence-opening man for "she"', () => {
    const text = 'Mary Smith said the plant would close. When John Brown asked about jobs, she said “Nobody will be left behind.”'
    expect(speakerOf(text, 'Nobody will be left behind.')).toBe('Mary Smith')
  })

  it('still credits "he said" to a man, and to a titled one', () => {
    expect(speakerOf('John Brown said the plan would fail. “We will not move a single vote,” he said.', 'We will not move a single vote,')).toBe('John Brown')
    expect(speakerOf('Mr Brown spoke to reporters. “We will not move,” he said.', 'We will not move,')).toBe('Brown')
  })

  it('refuses a woman known by her title', () => {
    expect(speakerOf('Mrs Ostrander spoke to reporters. “We will not move,” he said.', 'We will not move,')).toBe(null)
  })

  it('leaves names of unknown gender, and "they", as before', () => {
    expect(speakerOf('Toma Ostrander said the plan would fail. “We will not move a single vote,” she said.', 'We will not move a single vote,')).toBe('Toma Ostrander')
    expect(speakerOf('Toma Ostrander said the plan would fail. “We will not move a single vote,” he said.', 'We will not move a single vote,')).toBe('Toma Ostrander')
    expect(speakerOf('John Brown said the plan would fail. “We will not move a single vote,” they said.', 'We will not move a single vote,')).toBe('John Brown')
  })
})
