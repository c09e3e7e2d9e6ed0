import { describe, expect, it } from 'vitest'
import { SearchIndex } from '../../../../src/main/core/search/search-index'
import { decodeSegment, encodeSegment } from '../../../../src/main/core/search/segment-file'
import type { Segment } from '../../../../src/main/core/search/segment'
import { parseQuery, type Query } from '../../../../src/shared/search/query'
import { reopened } from './index-round-trip'
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
    index.upsert(`source-${doc}`, words.join(' '), `hash-${doc}`)
  }
  return index
}

function everything(index: SearchIndex): unknown[] {
  return QUERIES.map((input) => index.search(parsed(input), { limit: 1000 }))
}

function sampleSegment(): Segment {
  const index = sampleIndex()
  index.seal()
  return index.sealedSegments[0]!
}

describe('segment-file', () => {
  it('gives identical results, tags and removals after a round trip through bytes', () => {
    const index = sampleIndex()
    index.seal()
    index.remove('source-3')
    index.upsert('source-4', 'Lee Sok\u2011bae in Seoul', 'hash-new')
    const loaded = reopened(index)
    expect(loaded.size).toBe(index.size)
    expect(loaded.has('source-3')).toBe(false)
    expect(loaded.tagOf('source-4')).toBe('hash-new')
    expect(loaded.tagOf('source-5')).toBe('hash-5')
    expect(everything(loaded)).toEqual(everything(index))
  })

  it('round-trips an empty segment', () => {
    const index = new SearchIndex()
    index.upsert('gone', 'korea')
    index.remove('gone')
    const loaded = reopened(index)
    expect(loaded.size).toBe(0)
    expect(loaded.search(parsed('korea'), { limit: 5 })).toEqual({ total: 0, results: [] })
  })

  it('refuses bytes with a flipped byte, saying the segment is damaged', () => {
    const bytes = encodeSegment(sampleSegment())
    const middle = Math.floor(bytes.length / 2)
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x10
    expect(() => decodeSegment(bytes)).toThrow(/search-index: a saved index segment is damaged \(checksum mismatch\); rebuild it/)
  })

  it('refuses truncated bytes', () => {
    const bytes = encodeSegment(sampleSegment())
    expect(() => decodeSegment(bytes.subarray(0, bytes.length - 8))).toThrow(/damaged \(truncated/)
  })

  it('refuses another format version, naming both versions', () => {
    const bytes = encodeSegment(sampleSegment())
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(4, 99, true)
    expect(() => decodeSegment(bytes)).toThrow(/format version 99, this version reads 2; rebuild it/)
  })

  it('refuses bytes that are not a segment at all', () => {
    expect(() => decodeSegment(new TextEncoder().encode('{"sources": []} and more text'))).toThrow(/not a Sourcebench index segment/)
  })

  it('reads a segment from bytes that do not start on a 4-byte boundary', () => {
    const bytes = encodeSegment(sampleSegment())
    const shifted = new Uint8Array(bytes.length + 1).subarray(1)
    shifted.set(bytes)
    const index = new SearchIndex()
    index.addSegment(decodeSegment(shifted))
    expect(everything(index)).toEqual(everything(sampleIndex()))
  })
})
