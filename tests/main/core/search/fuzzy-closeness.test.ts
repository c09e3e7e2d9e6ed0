import { describe, expect, it } from 'vitest'
import { closenessRank, closenessWeight } from '../../../../src/main/core/search/fuzzy-closeness'
import { SearchIndex } from '../../../../src/main/core/search/search-index'
import { parseQuery, type Query } from '../../../../src/shared/search/query'

function parsed(input: string): Query {
  const outcome = parseQuery(input)
  if (!outcome.ok) throw new Error(`${input}: ${outcome.message}`)
  return outcome.query
}

function ranked(index: SearchIndex, input: string): string[] {
  return index.search(parsed(input), { limit: 100 }).results.map((result) => result.key)
}

const filler = 'The committee met on Tuesday and heard evidence from officials about the plans for next year.'

/** "blanket" far more often than "Blunkett", in shorter documents: frequency alone would rank them first. */
const newsroom = {
  'blanket-ban': 'A blanket ban. The blanket ban, a blanket ban on blanket searches: blanket, blanket, blanket.',
  'blanket-cover': 'Blanket coverage, blanket statements, a blanket for the blanket box.',
  blunkett: `${filler} ${filler} Home Secretary David Blunkett defended the bill. ${filler} ${filler}`,
  blunt: 'Blunt words, blunt knives, a blunt reply and blunt force, bluntly blunt.',
  plunket: `${filler} Plunket, the ship, sailed. ${filler}`
}

describe('closenessRank', () => {
  it('ranks the typed word first, then one edit before two, whatever the shared beginning', () => {
    expect(closenessRank('blunket', 'blunket', 0)).toBe(0)
    const oneEdit = [closenessRank('blunket', 'blunkett', 1), closenessRank('blunket', 'blanket', 1), closenessRank('blunket', 'plunket', 1)]
    const twoEdits = [closenessRank('blunket', 'blunt', 2), closenessRank('blunket', 'bucket', 2)]
    expect(Math.max(...oneEdit)).toBeLessThan(Math.min(...twoEdits))
  })

  it('prefers, among equal edits, the word sharing more of the typed beginning (up to four letters)', () => {
    // blunkett keeps "blun", blanket "bl", plunket nothing.
    expect(closenessRank('blunket', 'blunkett', 1)).toBeLessThan(closenessRank('blunket', 'blanket', 1))
    expect(closenessRank('blunket', 'blanket', 1)).toBeLessThan(closenessRank('blunket', 'plunket', 1))
    expect(closenessRank('medvedev', 'medvedew', 1)).toBe(closenessRank('medvedev', 'medveddev', 1))
  })
})

describe('closenessWeight', () => {
  it('gives the typed word full weight and halves with every rank', () => {
    expect(closenessWeight(0)).toBe(1)
    expect(closenessWeight(1)).toBe(0.5)
    expect(closenessWeight(3)).toBe(0.125)
  })
})

describe('SearchIndex fuzzy ranking', () => {
  it('ranks Blunkett, mentioned once, above documents full of "blanket" when Blunket~ is searched', () => {
    const index = new SearchIndex()
    for (const [key, text] of Object.entries(newsroom)) index.upsert(key, text)
    expect(ranked(index, 'Blunket~')[0]).toBe('blunkett')
    expect(ranked(index, 'Blunket~2')[0]).toBe('blunkett')
    expect(ranked(index, 'Blunket~1')).toEqual(['blunkett', 'blanket-ban', 'blanket-cover', 'plunket'])
  })

  it('ranks every one-edit spelling above every two-edit one, however frequent', () => {
    const index = new SearchIndex()
    for (const [key, text] of Object.entries(newsroom)) index.upsert(key, text)
    // blunt (two edits) fills its short document; plunket (one edit) appears once in a long one.
    expect(ranked(index, 'Blunket~2')).toEqual(['blunkett', 'blanket-ban', 'blanket-cover', 'plunket', 'blunt'])
  })

  it('ranks the word exactly as typed above its near spellings, and frequency only breaks ties within a spelling', () => {
    const index = new SearchIndex()
    index.upsert('typo-once', `${filler} ${filler} Mr Blunket, as the paper misspelt him, spoke. ${filler} ${filler}`)
    index.upsert('blunkett-often', 'Blunkett, Blunkett, Blunkett: Blunkett again.')
    index.upsert('blunkett-once', `${filler} Blunkett. ${filler}`)
    expect(ranked(index, 'Blunket~')).toEqual(['typo-once', 'blunkett-often', 'blunkett-once'])
    expect(ranked(index, 'Blunkett~')).toEqual(['blunkett-often', 'blunkett-once', 'typo-once'])
  })

  it('ranks a document by its closest spelling when it holds several', () => {
    const index = new SearchIndex()
    index.upsert('both', `${filler} Blunkett once, and a blanket, a blanket, a blanket. ${filler}`)
    index.upsert('blankets', 'blanket blanket blanket blanket blanket blanket')
    expect(ranked(index, 'Blunket~')).toEqual(['both', 'blankets'])
  })

  it('ranks a fuzzy part of a phrase by its closeness too', () => {
    const index = new SearchIndex()
    // The shorter document has the "blanket" spelling three times.
    index.upsert('home-secretary', `${filler} said David Blunkett on Monday, firmly. ${filler}`)
    index.upsert('textile', `${filler} said David Blanket, blanket, blanket. ${filler}`)
    expect(ranked(index, 'David-Blunket~')).toEqual(['home-secretary', 'textile'])
  })
})
