import { describe, expect, it } from 'vitest'
import { containment, shingles } from '../../../../src/main/core/claims/independence'

const WIRE = 'The central bank raised its key interest rate by half a point on Thursday, the third rise this year, citing stubborn inflation in services.'

describe('independence', () => {
  it('finds a copy inside its original, and two outlets in their own words apart', () => {
    const rewrite = `Breaking: ${WIRE} Markets fell.`
    expect(containment(shingles(WIRE), shingles(rewrite))).toBe(1)
    expect(containment(shingles(rewrite), shingles(WIRE))).toBeGreaterThan(0.7)
    const ownWords = 'Borrowing costs went up again as policymakers lifted rates for a third time, pointing to prices for services.'
    expect(containment(shingles(ownWords), shingles(WIRE))).toBe(0)
  })

  it('counts each shingle once, whatever the case, and gives nothing for texts shorter than five words', () => {
    const twice = `${WIRE} ${WIRE.toUpperCase()}`
    expect(shingles(twice).length).toBeLessThan(shingles(WIRE).length * 2)
    expect(shingles('Too short to tell').length).toBe(0)
    expect(containment(shingles(''), shingles(WIRE))).toBe(0)
  })
})
