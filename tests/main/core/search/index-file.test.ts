import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SearchIndex } from '../../../../src/main/core/search/search-index'
import { parseQuery, type Query } from '../../../../src/shared/search/query'
import { useTempDirs } from '../../../helpers/temp-dir'
import { seededRandom } from './reference-search'

function parsed(input: string): Query {
  const outcome = parseQuery(input)
  if (!outcome.ok) throw new Error(`${input}: ${outcome.message}`)
  return outcome.query
}

const WORDS = ['korea', 'seoul', 'moscow', 'putin', 'sanctions', 'trade', 'envoy', 'Sok\u2011bae', 'Lee', 'caf\u00e9', 'ties', 'reset']
const QUERIES = ['korea', 'putin seoul', '"lee sok bae"', 'Lee Sok-bae', 'sanc*', 'moscw~', '"trade envoy"~3', 'ties OR reset -korea', '-putin']

function sampleIndex(documents = 120): SearchIndex {
  const random = seededRandom(42)
  const index = new SearchIndex()
  for (let doc = 0; doc < documents; doc++) {
    const words = Array.from({ length: 5 + Math.floor(random() * 30) }, () => WORDS[Math.floor(random() * WORDS.length)] ?? '')
    index.upsert(`source-${doc}`, words.join(' '))
  }
  return index
}

function everything(index: SearchIndex): unknown[] {
  return QUERIES.map((input) => index.search(parsed(input), { limit: 1000 }))
}

describe('SearchIndex serialization', () => {
  const tempDir = useTempDirs()

  it('gives identical results after a round trip through a file', async () => {
    const index = sampleIndex()
    index.remove('source-3')
    index.upsert('source-4', 'Lee Sok\u2011bae in Seoul')
    const path = join(await tempDir(), 'search.sbsi')
    await writeFile(path, index.serialize())
    const loaded = SearchIndex.deserialize(await readFile(path))
    expect(loaded.size).toBe(index.size)
    expect(loaded.has('source-3')).toBe(false)
    expect(everything(loaded)).toEqual(everything(index))
  })

  it('keeps accepting updates after loading', () => {
    const loaded = SearchIndex.deserialize(sampleIndex().serialize())
    loaded.upsert('new', 'Vladivostok summit')
    loaded.remove('source-0')
    expect(loaded.search(parsed('vladivostok'), { limit: 5 }).results.map((result) => result.key)).toEqual(['new'])
    expect(loaded.has('source-0')).toBe(false)
    expect(everything(SearchIndex.deserialize(loaded.serialize()))).toEqual(everything(loaded))
  })

  it('round-trips an empty index', () => {
    const loaded = SearchIndex.deserialize(new SearchIndex().serialize())
    expect(loaded.size).toBe(0)
    expect(loaded.search(parsed('korea'), { limit: 5 })).toEqual({ total: 0, results: [] })
  })

  it('refuses a buffer with a flipped byte, saying the index is damaged', () => {
    const bytes = sampleIndex().serialize()
    const middle = Math.floor(bytes.length / 2)
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x10
    expect(() => SearchIndex.deserialize(bytes)).toThrow(/search-index: the saved index is damaged \(checksum mismatch\); rebuild it/)
  })

  it('refuses a truncated buffer', () => {
    const bytes = sampleIndex().serialize()
    expect(() => SearchIndex.deserialize(bytes.subarray(0, bytes.length - 8))).toThrow(/damaged \(truncated/)
  })

  it('refuses another format version, naming both versions', () => {
    const bytes = sampleIndex().serialize()
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(4, 99, true)
    expect(() => SearchIndex.deserialize(bytes)).toThrow(/format version 99, this version reads 1; rebuild it/)
  })

  it('refuses bytes that are not a search index at all', () => {
    expect(() => SearchIndex.deserialize(new TextEncoder().encode('{"sources": []} and more text'))).toThrow(/not a Sourcebench search index/)
  })
})
