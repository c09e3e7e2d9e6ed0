import { afterEach, describe, expect, it, vi } from 'vitest'
import { ByteBuffer } from '../../../../src/main/core/search/byte-buffer'
import { PostingCursor } from '../../../../src/main/core/search/posting-cursor'
import { SearchIndex } from '../../../../src/main/core/search/search-index'
import { ArenaWriter } from '../../../../src/main/core/search/sealed-postings'
import type { Segment } from '../../../../src/main/core/search/segment'
import { SegmentMerge } from '../../../../src/main/core/search/segment-merge'
import { seededRandom } from './reference-search'

const WORDS = ['korea', 'trade', 'the', 'of', 'envoy', 'talks', 'moscow', 'sanctions', 'seoul', 'putin', 'reset', 'ties']

/** Sealed segments of random texts; a few texts long enough that gaps and positions take several bytes. */
function segments(seed: number, count: number): Segment[] {
  const random = seededRandom(seed)
  const index = new SearchIndex()
  for (let part = 0; part < count; part++) {
    const docs = 1 + Math.floor(random() * 300)
    for (let doc = 0; doc < docs; doc++) {
      const length = random() < 0.05 ? 3000 : 1 + Math.floor(random() * 30)
      // Rare words too, so some lists have long gaps (multi-byte varints).
      const text = Array.from({ length }, () => (random() < 0.01 ? `rare${Math.floor(random() * 5)}` : WORDS[Math.floor(random() * WORDS.length)])).join(' ')
      index.upsert(`${part}-${doc}`, text)
    }
    index.seal()
  }
  return [...index.sealedSegments]
}

/** Every term's postings of the parts, written by copyRenumbered (decoding each posting) or copyShifted (copying the streams). */
function written(parts: readonly Segment[], shifted: boolean): { docs: number[]; positions: number[]; ends: number[] } {
  const writer = new ArenaWriter()
  const ends: number[] = []
  const terms = [...new Set(parts.flatMap((segment) => segment.terms))].sort()
  for (const term of terms) {
    let previous = 0
    let shift = 0
    for (const segment of parts) {
      const id = segment.terms.indexOf(term)
      if (id >= 0) {
        const copied = shifted
          ? writer.copyShifted(segment.arenas, id, shift, previous)
          : writer.copyRenumbered(new PostingCursor([{ ...segment.slice(id), base: 0 }]), Int32Array.from({ length: segment.docCount }, (_, doc) => shift + doc), previous)
        previous = copied.previous
        ends.push(copied.previous, copied.written)
      }
      shift += segment.docCount
    }
  }
  return { docs: [...writer.docs.toBytes()], positions: [...writer.positions.toBytes()], ends }
}

describe('segment-merge', () => {
  afterEach(() => vi.restoreAllMocks())

  it('copies a list whose documents all stay by moving its first gap only, to the same bytes as decoding every posting', () => {
    for (const seed of [1, 2, 3]) {
      const parts = segments(seed, 4)
      expect(written(parts, true)).toEqual(written(parts, false))
    }
  })

  it('merges parts with every document alive and parts with some dead into a segment that reads as the parts did', () => {
    const parts = segments(7, 4)
    // Every third document of the second part is dead: that part is renumbered posting by posting, the others copied.
    const alive = (part: number, doc: number) => part !== 1 || doc % 3 !== 0
    const merged = new SegmentMerge(parts, alive, false).run()
    const expected = new Map<string, Array<[string, number[]]>>()
    parts.forEach((segment, part) =>
      segment.terms.forEach((term, id) => {
        const cursor = new PostingCursor([{ ...segment.slice(id), base: 0 }])
        while (cursor.next()) {
          if (!alive(part, cursor.doc)) continue
          const positions = new Int32Array(cursor.tf)
          cursor.readPositionsInto(positions, 0)
          const list = expected.get(term) ?? []
          list.push([segment.keys[cursor.doc]!, [...positions]])
          expected.set(term, list)
        }
      })
    )
    const actual = new Map<string, Array<[string, number[]]>>()
    merged.terms.forEach((term, id) => {
      const cursor = new PostingCursor([{ ...merged.slice(id), base: 0 }])
      const list: Array<[string, number[]]> = []
      while (cursor.next()) {
        const positions = new Int32Array(cursor.tf)
        cursor.readPositionsInto(positions, 0)
        list.push([merged.keys[cursor.doc]!, [...positions]])
      }
      expect(list.length).toBe(merged.docFreq(id))
      actual.set(term, list)
    })
    expect(actual).toEqual(expected)
    expect(merged.docCount).toBe(parts.reduce((sum, segment) => sum + segment.docCount, 0) - Math.ceil(parts[1]!.docCount / 3))
  })

  it('never grows its arenas while merging: they start with room for every first gap that gets longer', () => {
    // Fifty words in documents 10 and 20 of every part but the first: each part's list starts with a
    // one-byte gap that becomes two bytes once the part's documents move up by 200 or more.
    const words = Array.from({ length: 50 }, (_, word) => `w${word}`).join(' ')
    const index = new SearchIndex()
    for (let part = 0; part < 4; part++) {
      for (let doc = 0; doc < 200; doc++) index.upsert(`${part}-${doc}`, part > 0 && (doc === 10 || doc === 20) ? `filler ${words}` : 'filler')
      index.seal()
    }
    const grown: number[] = []
    const reserve = ByteBuffer.prototype.reserve
    vi.spyOn(ByteBuffer.prototype, 'reserve').mockImplementation(function (this: ByteBuffer, extra: number) {
      if (this.length + extra > this.bytes.length) grown.push(extra)
      reserve.call(this, extra)
    })
    const merged = new SegmentMerge([...index.sealedSegments], () => true, false).run()
    expect(merged.docCount).toBe(800)
    expect(grown).toEqual([])
  })
})
