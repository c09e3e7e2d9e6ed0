import { describe, expect, it } from 'vitest'
import { documentTerms } from '../../../../src/main/core/search/document-terms'
import { SearchIndex } from '../../../../src/main/core/search/search-index'
import { parseQuery, type Query } from '../../../../src/shared/search/query'
import { terms } from '../../../../src/shared/search/tokenize'

function query(input: string): Query {
  const parsed = parseQuery(input)
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.query
}

describe('documentTerms', () => {
  it('lists each term once, in the order it first occurs, with every position it occurs at', () => {
    const text = 'The minister met the Minister of Korea\u2019s navy; the navy met her.'
    const document = documentTerms(text)
    const tokens = terms(text)
    expect(document.terms).toEqual([...new Set(tokens)])
    expect(document.positions.length).toBe(tokens.length)
    let at = 0
    document.terms.forEach((term, id) => {
      const expected = tokens.flatMap((token, position) => (token === term ? [position] : []))
      expect(document.counts[id]).toBe(expected.length)
      expect([...document.positions.subarray(at, at + expected.length)]).toEqual(expected)
      at += expected.length
    })
  })

  it('gives nothing for a text without words', () => {
    const document = documentTerms(' — … ')
    expect(document.terms).toEqual([])
    expect(document.positions.length).toBe(0)
  })

  it('keeps one long document apart from the next (the scratch space it reuses grows and shrinks)', () => {
    const long = `${'alpha beta '.repeat(700_000)}omega`
    expect(documentTerms(long).positions.length).toBe(1_400_001)
    expect(documentTerms('beta gamma beta').counts).toEqual(Uint32Array.from([2, 1]))
  })
})

describe('SearchIndex given terms', () => {
  it('answers exactly as when given the texts: same results, scores, phrases and fuzzy matches', () => {
    const texts = [
      'Seoul and Moscow resume talks on the railway link',
      'The railway talks stalled in Moscow; Seoul waits',
      'Fishing quotas: Moscow and Tokyo resume their talks',
      'Korea\u2019s railway, the Trans-Siberian link, and the talks'
    ]
    const fromText = new SearchIndex()
    const fromTerms = new SearchIndex()
    texts.forEach((text, k) => {
      fromText.upsert(`doc-${k}`, text, `h${k}`)
      fromTerms.upsert(`doc-${k}`, documentTerms(text), `h${k}`)
    })
    const found = (index: SearchIndex, input: string): Array<[string, number]> => index.search(query(input), { limit: 10 }).results.map((result) => [result.key, result.score])
    expect(found(fromText, 'railway').map(([key]) => key).sort()).toEqual(['doc-0', 'doc-1', 'doc-3'])
    for (const input of ['railway', '"resume talks"', 'moskow~1', 'rail*', 'talks -tokyo']) {
      expect(found(fromTerms, input)).toEqual(found(fromText, input))
    }
    expect(fromTerms.seal()).toEqual(fromText.seal())
  })
})
