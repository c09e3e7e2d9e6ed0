import { describe, expect, it } from 'vitest'
import { boundedEditDistance } from '../../../src/shared/search/edit-distance'

describe('boundedEditDistance', () => {
  it('counts substitutions, insertions and deletions', () => {
    expect(boundedEditDistance('korea', 'korae', 2)).toBe(2)
    expect(boundedEditDistance('korea', 'korean', 2)).toBe(1)
    expect(boundedEditDistance('medvedev', 'medvdev', 2)).toBe(1)
    expect(boundedEditDistance('seoul', 'seoul', 2)).toBe(0)
  })

  it('stops at the bound, answering bound + 1 for anything farther', () => {
    expect(boundedEditDistance('putin', 'medvedev', 2)).toBe(3)
    expect(boundedEditDistance('korea', 'kor', 1)).toBe(2)
  })

  it('handles words longer than any seen before', () => {
    const long = 'a'.repeat(200)
    expect(boundedEditDistance(long, `${long}b`, 1)).toBe(1)
  })
})
