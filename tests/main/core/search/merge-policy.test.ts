import { describe, expect, it } from 'vitest'
import { HARD_MAX_SEGMENTS, MAX_MERGED_BYTES, MAX_SEGMENTS, nextMerge, type SegmentStats } from '../../../../src/main/core/search/merge-policy'

const sized = (bytes: number, docs = bytes, dead = 0): SegmentStats => ({ bytes, docs, dead })

describe('merge-policy', () => {
  it('leaves a few healthy segments alone', () => {
    expect(nextMerge([sized(90_000), sized(5000), sized(40), sized(1)])).toBeNull()
    expect(nextMerge([])).toBeNull()
  })

  it('merges the smallest run of neighbours once there are too many segments, the newest on a tie', () => {
    const segments = [sized(90_000), sized(5000), sized(3000), sized(50), sized(10), sized(1), sized(1), sized(1), sized(1)]
    expect(segments.length).toBe(MAX_SEGMENTS + 1)
    expect(nextMerge(segments)).toEqual([5, 8])
    expect(nextMerge([sized(1), sized(1), sized(1), sized(1), sized(1), sized(1), sized(1), sized(1), sized(1)])).toEqual([5, 8])
  })

  it('never merges a watched change’s tiny segment into a bulk import’s large ones until there are far too many', () => {
    // What a bulk import leaves once merged: sizes growing geometrically.
    const imported = [sized(800_000_000), sized(200_000_000), sized(50_000_000), sized(12_000_000), sized(3_000_000)]
    expect(nextMerge([...imported, sized(900)])).toBeNull()
    expect(nextMerge([...imported, sized(900), sized(800), sized(1200)])).toBeNull()
    // Four small ones in a row: merged together, cheaply.
    expect(nextMerge([...imported, sized(900), sized(800), sized(1200), sized(700)])).toEqual([5, 8])
    // Four of a size are merged, however large (a bulk import's segments, while it settles).
    expect(nextMerge([...Array.from({ length: 4 }, () => sized(50_000_000)), sized(1)])).toEqual([0, 3])
    // Past the hard limit the cheapest run goes, balanced or not.
    const many = Array.from({ length: HARD_MAX_SEGMENTS + 1 }, (_, index) => sized(4 ** (HARD_MAX_SEGMENTS + 1 - index)))
    expect(nextMerge(many)).toEqual([HARD_MAX_SEGMENTS - 3, HARD_MAX_SEGMENTS])
  })

  it('never merges past MAX_MERGED_BYTES, so a very large library settles in a few large segments rather than one written whole', () => {
    const quarter = MAX_MERGED_BYTES / 4
    // Four that just fit are merged; four a byte larger in all are left as they are.
    expect(nextMerge(Array.from({ length: 4 }, () => sized(quarter)))).toEqual([0, 3])
    expect(nextMerge([sized(quarter + 1), sized(quarter), sized(quarter), sized(quarter)])).toBeNull()
    // A million texts' index: three full segments and the tiers below them; only the small ones merge on.
    const full = Array.from({ length: 3 }, () => sized(450_000_000))
    expect(nextMerge([...full, sized(450_000_000)])).toBeNull()
    expect(nextMerge([...full, sized(110_000_000), sized(28_000_000), sized(7_000_000), sized(7_000_000), sized(7_000_000), sized(7_000_000)])).toEqual([5, 8])
    // Past the hard limit too: the cheapest run that fits, never a run of full segments.
    const crowded = [...Array.from({ length: HARD_MAX_SEGMENTS }, () => sized(450_000_000)), sized(3), sized(2), sized(1)]
    expect(nextMerge(crowded)).toEqual([HARD_MAX_SEGMENTS - 1, HARD_MAX_SEGMENTS + 2])
    expect(nextMerge(Array.from({ length: HARD_MAX_SEGMENTS + 1 }, () => sized(450_000_000)))).toBeNull()
  })

  it('rewrites a segment whose documents are mostly replaced or removed, but not for a handful', () => {
    expect(nextMerge([sized(90_000, 90_000, 30_000), sized(10)])).toEqual([0, 0])
    expect(nextMerge([sized(90_000, 90_000, 20_000), sized(10, 10, 9)])).toBeNull()
  })
})
