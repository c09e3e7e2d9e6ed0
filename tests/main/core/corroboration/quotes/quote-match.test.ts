import { describe, expect, it } from 'vitest'
import { contentCount, ledgerWords, wordingKey } from '../../../../../src/main/core/corroboration/quotes/ledger-words'
import { isShortPhrase, matchQuotations, type Matchable } from '../../../../../src/main/core/corroboration/quotes/quote-match'

function words(text: string): Matchable {
  const found = ledgerWords(text)
  return { words: found, key: wordingKey(found), content: contentCount(found) }
}

describe('matchQuotations', () => {
  it('reads letters written with full stops as one word', () => {
    expect(matchQuotations(words('She lied to the F.B.I. twice'), words('she lied to the FBI twice'))).toMatchObject({ score: 1, weak: false })
  })

  it('marks a stock phrase found inside a longer quote as weak evidence', () => {
    const match = matchQuotations(words('went too far'), words('I know that I went too far last night and I apologise to the family,'))
    expect(match).toMatchObject({ weak: true })
    expect(isShortPhrase(words('went too far'))).toBe(true)
    expect(isShortPhrase(words('there is no place for hatred'))).toBe(false)
  })

  it('takes a long contained passage with two content words as a quote, not a stock phrase', () => {
    expect(matchQuotations(words('there is no place for hatred'), words('When we open our doors, there is no place for hatred in this town,'))).toMatchObject({ weak: false })
  })

  it('matches two versions that share a long passage but were cut at different places', () => {
    const match = matchQuotations(
      words('Voters paid into the fund for decades. Now when they need it, the council has taken forty million from the fund to pay for the stadium.'),
      words('Now when they need it, the council has taken forty million from the fund to pay for the stadium. So the money you saved is going to a project that is not for you.')
    )
    expect(match).toMatchObject({ partial: true, weak: false })
  })

  it('rejects a short quote whose words sit apart in a longer one', () => {
    expect(matchQuotations(words('blatant misuse of office'), words('a blatant misuse of the office of the mayor'))).toBeNull()
    expect(matchQuotations(words('Harbour Street depot'), words('a depot near Harbour Street'))).toBeNull()
  })
})
