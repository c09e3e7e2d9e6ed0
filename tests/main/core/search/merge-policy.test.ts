import { describe, expect, it } from 'vitest'
import { MAX_SEGMENTS, nextMerge, type SegmentStats } from '../../../../src/main/core/search/merge-policy'

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

  it('rewrites a segment whose documents are mostly replaced or removed, but not for a handful', () => {
    expect(nextMerge([sized(90_000, 90_000, 30_000), sized(10)])).toEqual([0, 0])
    expect(nextMerge([sized(90_000, 90_000, 20_000), sized(10, 10, 9)])).toBeNull()
  })
})
