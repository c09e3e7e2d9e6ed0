import { describe, expect, it } from 'vitest'
import { ledgerWords } from '../../../../../src/main/core/corroboration/quotes/ledger-words'
import { alignLocally } from '../../../../../src/main/core/corroboration/quotes/local-alignment'

describe('alignLocally', () => {
  it('finds a truncated quote with a word changed inside the longer one', () => {
    const match = alignLocally(ledgerWords('truly good results in trade'), ledgerWords('our countries achieved truly positive results in trade and business'))
    expect(match).not.toBeNull()
    expect(match!.matchedContent).toBeGreaterThanOrEqual(3)
    expect([match!.longStart, match!.longEnd]).toEqual([3, 8])
  })

  it('gives up on two speeches quoted whole instead of filling millions of cells', () => {
    const speech = Array.from({ length: 3000 }, (_, index) => `policy${index % 500}`).join(' ')
    expect(alignLocally(ledgerWords(speech), ledgerWords(`${speech} and more`))).toBeNull()
  })
})
