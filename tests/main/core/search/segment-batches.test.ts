import { describe, expect, it } from 'vitest'
import { SEAL_DOCUMENTS } from '../../../../src/main/core/search/memory-segment'
import { SearchIndex } from '../../../../src/main/core/search/search-index'
import { SegmentBatches } from '../../../../src/main/core/search/segment-batches'
import { decodeSegment } from '../../../../src/main/core/search/segment-file'
import { parseQuery } from '../../../../src/shared/search/query'

function query(input: string) {
  const parsed = parseQuery(input)
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.query
}

const keys = (index: SearchIndex, input: string): string[] =>
  index
    .search(query(input), { limit: 100 })
    .results.map((result) => result.key)
    .sort()

describe('SegmentBatches', () => {
  it('hands over a batch as one segment an index takes in, searched as if each text had been added to it', async () => {
    const texts = { a: 'Talks resumed in Seoul on Monday.', b: 'The talks in Kyiv stalled.', c: 'Nothing about them here.' }
    const batches = new SegmentBatches()
    for (const [key, text] of Object.entries(texts)) expect(batches.add('one', key, `hash-${key}`, text)).toBeNull()
    const encoded = batches.flush('one')
    if (encoded === null) throw new Error('no segment')
    const adopted = new SearchIndex()
    adopted.addSegment(decodeSegment(encoded))
    const added = new SearchIndex()
    for (const [key, text] of Object.entries(texts)) added.upsert(key, text, `hash-${key}`)
    for (const input of ['talks', '"talks in"', 'seoul OR kyiv', 'talk~1']) {
      expect(keys(adopted, input)).toEqual(keys(added, input))
      expect(adopted.search(query(input), { limit: 5 }).results.map((result) => result.score)).toEqual(added.search(query(input), { limit: 5 }).results.map((result) => result.score))
    }
    expect(adopted.tagOf('b')).toBe('hash-b')
    expect(batches.flush('one')).toBeNull()
  })

  it('keeps the last version of a key added twice, and batches apart', () => {
    const batches = new SegmentBatches()
    batches.add('one', 'a', 'v1', 'first version')
    batches.add('two', 'b', 'v1', 'another batch')
    batches.add('one', 'a', 'v2', 'second version')
    const one = decodeSegment(batches.flush('one') ?? new Uint8Array())
    expect(one.keys).toEqual(['a'])
    expect(one.tags).toEqual(['v2'])
    expect(decodeSegment(batches.flush('two') ?? new Uint8Array()).keys).toEqual(['b'])
  })

  it('hands over a full segment as the document that fills it is added, and starts the next', () => {
    const batches = new SegmentBatches()
    let full: Uint8Array | null = null
    for (let doc = 0; doc < SEAL_DOCUMENTS; doc++) {
      full = batches.add('big', `k${doc}`, '', `word${doc % 50} common`)
      if (doc < SEAL_DOCUMENTS - 1) expect(full).toBeNull()
    }
    expect(decodeSegment(full ?? new Uint8Array()).docCount).toBe(SEAL_DOCUMENTS)
    batches.add('big', 'after', '', 'one more')
    expect(decodeSegment(batches.flush('big') ?? new Uint8Array()).keys).toEqual(['after'])
  })

  it('gives a segment built in the arrays of the one sealed before it the same bytes as a fresh one', () => {
    const texts = (from: number, count: number): string[] => Array.from({ length: count }, (_, k) => `story ${from + k} on talks${(from + k) % 37} in Seoul, Kyiv and Gaza ${'again '.repeat(k % 5)}`)
    const reused = new SegmentBatches()
    // The first batch leaves long arrays behind; the second, shorter one is written over them.
    texts(0, SEAL_DOCUMENTS).forEach((text, k) => reused.add('one', `a${k}`, 't', text))
    texts(5000, 700).forEach((text, k) => reused.add('one', `b${k}`, 't', text))
    const fresh = new SegmentBatches()
    texts(5000, 700).forEach((text, k) => fresh.add('two', `b${k}`, 't', text))
    expect(reused.flush('one')).toEqual(fresh.flush('two'))
  })
})
