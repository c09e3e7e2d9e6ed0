import { describe, expect, it } from 'vitest'
import { SearchIndex, type SearchResults } from '../../../../src/main/core/search/search-index'
import { parseQuery, type Query } from '../../../../src/shared/search/query'
import { buildUnion } from '../../../../src/main/core/search/term-union'
import { reopened } from './index-round-trip'
import { seededRandom } from './reference-search'

function parsed(input: string): Query {
  const outcome = parseQuery(input)
  if (!outcome.ok) throw new Error(`${input}: ${outcome.message}`)
  return outcome.query
}

// Near spellings of each other, so prefix and fuzzy terms reach several words, plus filler.
const WORDS = [
  'korea', 'korean', 'corea', 'kore', 'moscow', 'moskow', 'mosco', 'sanctions', 'sanction', 'sanctons', 'trade', 'traded', 'trader',
  'envoy', 'envoys', 'the', 'of', 'and', 'talks', 'talk', 'reset', 'ties', 'tie', 'putin', 'seoul', 'soul', 'caf\u00e9', 'cafe'
]
const QUERIES = [
  'korea', 'trade', 'the', 'sanctons', '"the talks"', '"korea trade envoy"', '"of the"', 'kor*', 'trad*', 'sa*', 'korea~', 'moskow~2',
  'sanctons~1', 'cafe~1', 'korea moscow', 'putin OR seoul', 'trade -korea', '-the', '"reset ties"~2', '"korea talks"~3 envoy', 'zzz', 'zzz~2'
]

function text(random: () => number): string {
  return Array.from({ length: 3 + Math.floor(random() * 40) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ')
}

/** The full ranking of every query, scores and hit counts included, and a few pages of 7. */
function answers(index: SearchIndex): Array<{ input: string; all: SearchResults; pages: SearchResults[] }> {
  return QUERIES.map((input) => ({
    input,
    all: index.search(parsed(input), { limit: 10_000 }),
    pages: [0, 7, 14].map((offset) => index.search(parsed(input), { limit: 7, offset, accept: (key) => !key.endsWith('3') }))
  }))
}

/** One segment holding exactly the surviving texts. */
function single(texts: ReadonlyMap<string, string>): SearchIndex {
  const index = new SearchIndex()
  for (const [key, value] of texts) index.upsert(key, value)
  index.compact()
  expect(index.sealedSegments).toHaveLength(1)
  return index
}

/** Several sealed segments and an unsealed tail, with documents replaced and removed in older segments. */
function segmented(seed: number): { index: SearchIndex; texts: Map<string, string> } {
  const random = seededRandom(seed)
  const index = new SearchIndex()
  const texts = new Map<string, string>()
  for (let batch = 0; batch < 6; batch++) {
    for (let k = 0; k < 40; k++) {
      const roll = random()
      const existing = [...texts.keys()]
      if (roll < 0.15 && existing.length > 0) {
        const key = existing[Math.floor(random() * existing.length)] ?? ''
        index.remove(key)
        texts.delete(key)
      } else {
        // Replacements of older documents as well as new ones.
        const key = roll < 0.4 && existing.length > 0 ? (existing[Math.floor(random() * existing.length)] ?? '') : `doc-${batch}-${k}`
        const value = text(random)
        index.upsert(key, value)
        texts.set(key, value)
      }
    }
    if (batch < 5) index.seal()
  }
  return { index, texts }
}

describe('SearchIndex across segments', () => {
  it('ranks exactly as one index of the surviving documents does, for words, phrases, prefixes and fuzzy terms', () => {
    for (const seed of [1, 2, 3]) {
      const { index, texts } = segmented(seed)
      expect(index.sealedSegments.length).toBeGreaterThan(4)
      expect(index.size).toBe(texts.size)
      const expected = answers(single(texts))
      expect(answers(index)).toEqual(expected)
      // And after saving and loading every segment, with the tombstones replayed from the files.
      expect(answers(reopened(index))).toEqual(expected)
    }
  })

  it('keeps every answer identical through merges, also when documents change while a merge runs', () => {
    const { index, texts } = segmented(4)
    const merge = index.beginMerge(1, 3)
    // Changes to documents of the segments being merged, between merge steps.
    merge.step(Number.NEGATIVE_INFINITY)
    const random = seededRandom(40)
    for (const key of [...texts.keys()].filter((key) => /^doc-[123]-/.test(key)).slice(0, 12)) {
      if (random() < 0.5) {
        index.remove(key)
        texts.delete(key)
      } else {
        const value = text(random)
        index.upsert(key, value)
        texts.set(key, value)
      }
    }
    // A query during the merge answers from the old segments.
    expect(answers(index)).toEqual(answers(single(texts)))
    merge.run()
    const segments = index.sealedSegments.length
    expect(index.applyMerge(merge)).toBe(true)
    expect(index.sealedSegments).toHaveLength(segments - 2)
    expect(answers(index)).toEqual(answers(single(texts)))
    expect(answers(reopened(index))).toEqual(answers(single(texts)))
    index.compact()
    expect(index.sealedSegments).toHaveLength(1)
    expect(answers(index)).toEqual(answers(single(texts)))
  })

  it('finds the same fuzzy and other matches through a vocabulary union, also once segments it covers are merged', () => {
    const { index, texts } = segmented(6)
    const expected = answers(single(texts))
    // The union covers the older segments only; the newer ones and the unsealed tail are walked apart.
    index.setUnion(buildUnion(index.sealedSegments.slice(0, 3)))
    expect(answers(index)).toEqual(expected)
    const merge = index.beginMerge(1, 3)
    merge.run()
    expect(index.applyMerge(merge)).toBe(true)
    expect(answers(index)).toEqual(expected)
    index.compact()
    expect(answers(index)).toEqual(expected)
  })

  it('seals the in-memory segment early when its documents hold many distinct words, so it never grows past its budget', () => {
    const index = new SearchIndex()
    // 20,000 distinct words a document: each document-word record costs memory the encoded postings do not show.
    for (let doc = 0; doc < 120; doc++) index.upsert(`d${doc}`, Array.from({ length: 20_000 }, (_, word) => `w${doc}x${word}`).join(' '))
    expect(index.sealedSegments.length).toBeGreaterThan(0)
    expect(index.search(parsed('w7x19999'), { limit: 5 }).results.map((result) => result.key)).toEqual(['d7'])
    expect(index.search(parsed('w119x3'), { limit: 5 }).results.map((result) => result.key)).toEqual(['d119'])
  }, 60_000)

  it('refuses to apply a merge whose segments were merged away meanwhile', () => {
    const { index, texts } = segmented(5)
    const merge = index.beginMerge(0, 1)
    merge.run()
    index.compact()
    expect(index.applyMerge(merge)).toBe(false)
    expect(answers(index)).toEqual(answers(single(texts)))
  })

  it('keeps a removal saved in a newer segment from bringing back the older version after a reload', () => {
    const index = new SearchIndex()
    index.upsert('a', 'korea trade', 'hash-1')
    index.upsert('b', 'korea talks', 'hash-2')
    index.seal()
    index.remove('a')
    index.upsert('b', 'moscow talks', 'hash-3')
    const loaded = reopened(index)
    expect(loaded.has('a')).toBe(false)
    expect(loaded.tagOf('b')).toBe('hash-3')
    expect(loaded.search(parsed('korea'), { limit: 10 })).toEqual({ total: 0, results: [] })
    expect(loaded.search(parsed('moscow'), { limit: 10 }).results.map((result) => result.key)).toEqual(['b'])
  })
})
