import { describe, expect, it } from 'vitest'
import { outletAndDate, pageAt } from '../../../src/shared/domain/citation'
import { EMPTY_META } from '../../../src/shared/domain/source'

describe('pageAt', () => {
  it('finds the page whose range holds the offset, and nothing for unpaged sources', () => {
    expect(pageAt([0, 100, 250], 0)).toBe(1)
    expect(pageAt([0, 100, 250], 99)).toBe(1)
    expect(pageAt([0, 100, 250], 100)).toBe(2)
    expect(pageAt([0, 100, 250], 9999)).toBe(3)
    expect(pageAt(null, 5)).toBeNull()
  })
})

describe('outletAndDate', () => {
  it('joins whichever of outlet and date is known', () => {
    expect(outletAndDate({ meta: { ...EMPTY_META, outlet: 'TASS', date: '2026-02-13' } })).toBe('TASS, 2026-02-13')
    expect(outletAndDate({ meta: { ...EMPTY_META, date: '2026-02-13' } })).toBe('2026-02-13')
    expect(outletAndDate({ meta: EMPTY_META })).toBe('')
  })
})
