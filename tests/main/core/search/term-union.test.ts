import { describe, expect, it } from 'vitest'
import { SearchIndex } from '../../../../src/main/core/search/search-index'
import { buildUnion } from '../../../../src/main/core/search/term-union'

describe('term-union', () => {
  it('lists every term of every segment once, in order, with the beginnings neighbours share', () => {
    const index = new SearchIndex()
    index.upsert('a', 'korea moscow trade')
    index.seal()
    index.upsert('b', 'korean moscow envoy')
    index.seal()
    index.upsert('c', 'cafe trade zinc')
    index.seal()
    const union = buildUnion(index.sealedSegments)
    expect(union.dictionary.terms).toEqual(['cafe', 'envoy', 'korea', 'korean', 'moscow', 'trade', 'zinc'])
    expect([...union.dictionary.shared]).toEqual([0, 0, 0, 5, 0, 0, 0])
    expect(union.covers).toEqual(new Set(index.sealedSegments))
  })
})
