import { describe, expect, it } from 'vitest'
import type { QuoteGroup } from '../../../../../src/shared/domain/corroboration'
import { groupQuotes, prepareQuote, type StoredQuote } from '../../../../../src/main/core/corroboration/quotes/group-quotes'

function quote(sourceId: string, text: string, speaker: string | null = null): StoredQuote {
  return prepareQuote({ id: sourceId, contentHash: '0'.repeat(64) }, text, { parts: [{ start: 0, end: text.length }], text, speaker, attribution: null })
}

/** A quotation broken by its attribution: “first,” she said. “second” */
function joined(sourceId: string, first: string, second: string): StoredQuote {
  const text = `“${first}” she said. “${second}”`
  const parts = [
    { start: 1, end: 1 + first.length },
    { start: text.length - 1 - second.length, end: text.length - 1 }
  ]
  return prepareQuote({ id: sourceId, contentHash: '0'.repeat(64) }, text, { parts, text: `${first} ${second}`, speaker: 'Mayor Lind', attribution: 'she said' })
}

function groupOf(groups: QuoteGroup[], words: string): QuoteGroup {
  const group = groups.find((candidate) => candidate.versions.some((version) => version.text.includes(words)))
  if (group === undefined) throw new Error(`no group holds "${words}"`)
  return group
}

/** A long quote two outlets of one story share, so their sources read as related. */
const SHARED = 'The harbour authority ignored three warnings about the crane before the accident, and nobody has answered for it,'

describe('groupQuotes: fragments and parts', () => {
  it('joins a fragment to the longer version another outlet printed', () => {
    const groups = groupQuotes([
      quote('daily', 'When we open our doors to our neighbours, there is no place for hatred,'),
      quote('wire', 'There is no place for hatred.')
    ])
    expect(groupOf(groups, 'no place for hatred.').sourceIds.sort()).toEqual(['daily', 'wire'])
  })

  it('matches a quote joined across "she said" part by part when outlets continue it differently', () => {
    const groups = groupQuotes([
      joined('daily', 'The old bridge will reopen to traffic in early spring,', 'Nobody should expect the tolls to fall this year.'),
      quote('wire', 'The old bridge will reopen to traffic in early spring, once the inspectors have signed off on every new cable and the final coat of paint is dry.')
    ])
    expect(groupOf(groups, 'signed off').sourceIds.sort()).toEqual(['daily', 'wire'])
  })

  it('joins a short phrase to the longer quote of a related source, and not to an unrelated story', () => {
    const groups = groupQuotes([
      quote('daily', SHARED),
      quote('wire', SHARED),
      quote('daily', 'I pushed too hard and I regret it deeply,'),
      quote('wire', 'pushed too hard'),
      quote('sports', 'pushed too hard')
    ])
    const regret = groupOf(groups, 'regret it deeply')
    expect(regret.versions.map((version) => version.sourceId).sort()).toEqual(['daily', 'wire'])
    const sports = groups.filter((group) => group.sourceIds.includes('sports'))
    expect(sports).toHaveLength(1)
    expect(sports[0]!.flags.singleSource).toBe(true)
  })

  it('keeps the same short title in two unrelated stories apart, and joins it within one story', () => {
    const groups = groupQuotes([
      quote('a', 'Evening Report'),
      quote('b', 'Evening Report'),
      quote('c', SHARED),
      quote('d', SHARED),
      quote('c', 'Evening Report.'),
      quote('d', 'Evening Report,')
    ])
    const titles = groups.filter((group) => group.reference.startsWith('Evening Report'))
    expect(titles.map((group) => group.sourceIds.sort().join('+')).sort()).toEqual(['a', 'b', 'c+d'])
  })
})

describe('groupQuotes: rewordings', () => {
  it('groups a quote with a clause inserted by another outlet', () => {
    const groups = groupQuotes([quote('a', 'I spoke too soon and I was wrong,'), quote('b', 'I spoke too soon. I made an error and I was wrong.')])
    expect(groupOf(groups, 'spoke too soon and').sourceIds).toHaveLength(2)
  })

  it('groups a quote whose verb another outlet changed for a synonym', () => {
    const groups = groupQuotes([quote('a', 'They ruined his whole life.'), quote('b', 'they destroyed his whole life,')])
    expect(groupOf(groups, 'ruined').sourceIds).toHaveLength(2)
    expect(groupOf(groups, 'ruined').flags.wordingDiffers).toBe(true)
  })

  it('matches across an ellipsis where one outlet dropped words', () => {
    const groups = groupQuotes([
      quote('a', 'We will rebuild the harbour … and we will do it together.'),
      quote('b', 'We will rebuild the harbour, whatever the winter storms bring and however many months the repairs take, and we will do it together,')
    ])
    expect(groupOf(groups, 'together').sourceIds).toHaveLength(2)
  })
})

describe('groupQuotes: false joins', () => {
  it('keeps apart a phrase and a longer quote that only shares its first words', () => {
    const groups = groupQuotes([quote('a', 'blatant misuse of office'), quote('b', 'a blatant misuse of the office of the mayor')])
    expect(groupOf(groups, 'blatant misuse of office').sourceIds).toEqual(['a'])
  })

  it('never bridges two unrelated long quotes through a stock phrase both contain', () => {
    const groups = groupQuotes([
      quote('a', 'The governor wants to end the pension system as we know it and hand the savings to his donors,'),
      quote('b', 'Critics say we would end the pension system as we know it, but the fund will be solvent for forty years,'),
      quote('c', 'end the pension system as we know it')
    ])
    expect(groupOf(groups, 'his donors').sourceIds).not.toContain('b')
    expect(groupOf(groups, 'forty years').sourceIds).not.toContain('a')
  })

  it('keeps a short quote apart from a longer one holding its words out of order', () => {
    const groups = groupQuotes([quote('a', 'Harbour Street depot'), quote('b', 'They will build a depot near Harbour Street with money the city does not have,')])
    expect(groupOf(groups, 'Harbour Street depot').sourceIds).toEqual(['a'])
  })

  it('does not chain two different quotes through a third that resembles each', () => {
    const groups = groupQuotes([
      quote('a', 'Our farmers need fair prices, stable markets and cheaper diesel this winter.'),
      quote('b', 'Our farmers need fair prices, stable markets and cheaper credit from the banks.'),
      quote('c', 'farmers need stable markets, cheaper credit from the banks and faster broadband.')
    ])
    expect(groupOf(groups, 'diesel').sourceIds).not.toContain('c')
  })
})
