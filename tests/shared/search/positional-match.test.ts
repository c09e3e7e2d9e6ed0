import { describe, expect, it } from 'vitest'
import { nearSpans, phraseStarts } from '../../../src/shared/search/positional-match'

describe('phraseStarts', () => {
  it('finds every start where the parts follow each other, overlapping ones included', () => {
    expect(phraseStarts([[0, 3, 5, 6], [1, 4, 7]])).toEqual([0, 3, 6])
    expect(phraseStarts([[1, 2, 3], [1, 2, 3]])).toEqual([1, 2])
  })

  it('finds nothing when a part is missing', () => {
    expect(phraseStarts([[0, 1], []])).toEqual([])
  })
})

describe('nearSpans', () => {
  it('finds windows holding all parts in any order, without reusing positions', () => {
    expect(nearSpans([[10], [8]], [0, 1], 1)).toEqual([{ first: 8, last: 10 }])
    expect(nearSpans([[10], [7]], [0, 1], 1)).toEqual([])
  })

  it('starts each window at the closest occurrence and judges each occurrence on its own', () => {
    expect(nearSpans([[0, 1, 20], [2, 22]], [0, 1], 0)).toEqual([{ first: 1, last: 2 }])
    expect(nearSpans([[0, 1, 20], [2, 22]], [0, 1], 1)).toEqual([
      { first: 1, last: 2 },
      { first: 20, last: 22 }
    ])
  })

  it('needs as many distinct positions as a repeated word appears', () => {
    expect(nearSpans([[3], [3]], [0, 0], 2)).toEqual([])
    expect(nearSpans([[3, 5], [3, 5]], [0, 0], 2)).toEqual([{ first: 3, last: 5 }])
  })
})
