import { describe, expect, it } from 'vitest'
import { extractNames } from '../../../../../src/main/core/corroboration/names/extract-names'

const people = (text: string): string[] => extractNames(text).filter((mention) => mention.kind === 'person').map((mention) => mention.text)

describe('extractNames on transliterated names', () => {
  it('finds names the lexicon does not know anywhere in a sentence, not only before "said"', () => {
    expect(people('The talks were led by Vadim Sergeyevich Korolenko, according to two officials.')).toEqual(['Vadim Sergeyevich Korolenko'])
    expect(people('According to the ministry, Abd Al Karim Hawatmi arrived late last week.')).toEqual(['Abd Al Karim Hawatmi'])
    expect(people('A spokesman for Nasir Abu Zaydan El Khabir declined to comment.')).toEqual(['Nasir Abu Zaydan El Khabir'])
  })

  it('keeps apostrophes for the ayn and for Korean o\u2019 inside the name', () => {
    expect(people("A spokesman for Jami' 'Ali Hamdan declined to comment.")).toEqual(["Jami' 'Ali Hamdan"])
    expect(people("The talks were led by Ho' Yo'ng-su, according to officials.")).toEqual(["Ho' Yo'ng-su"])
  })

  it('reads Korean three-syllable names whose syllables are also English words', () => {
    expect(people('The talks were led by Kim Il Nam, according to officials.')).toEqual(['Kim Il Nam'])
    expect(people('According to the ministry, O In Chun arrived late last week.')).toEqual(['O In Chun'])
  })

  it('keeps a capitalised "Said" inside a name but not a verb after it', () => {
    expect(people('A spokesman for Hafiz Said Karimi declined to comment.')).toEqual(['Hafiz Said Karimi'])
    expect(people('Kim Il Nam said on Tuesday that the talks would continue.')).toEqual(['Kim Il Nam'])
  })

  it('does not take an institution ending in a common English noun for a person', () => {
    expect(people('Evidence to the Hutton Inquiry was published on Monday.')).toEqual([])
    expect(people('He was held at Belmarsh Prison for two years.')).toEqual([])
    expect(people('The Agricultural Wages Committees will be abolished.')).toEqual([])
    // A name ending in a word English also has is still a name when the word is a known name part.
    expect(people('The talks were led by Osama bin Laden, according to officials.')).toEqual(['Osama bin Laden'])
  })
})
