import { describe, expect, it } from 'vitest'
import { findSingleQuotes } from '../../../../../src/main/core/corroboration/quotes/quote-single-marks'

function singles(inner: string): string[] {
  return findSingleQuotes(inner, 0, inner.length).map((span) => inner.slice(span.start, span.end))
}

describe('quote-single-marks', () => {
  it('finds curly and straight single-quoted words', () => {
    expect(singles('by saying Russia ‘looks forward to’ restoring ties')).toEqual(['looks forward to'])
    expect(singles("say to him 'don't increase spending'. But")).toEqual(["don't increase spending"])
  })

  it('ignores apostrophes in words, plural possessives and elided years', () => {
    expect(singles("Russia's and Putin’s talks in the ’90s, the boys' club, don't")).toEqual([])
  })

  it('stays inside the span it is given', () => {
    const text = "outer 'inside' and 'outside'"
    expect(findSingleQuotes(text, 0, 15).map((span) => text.slice(span.start, span.end))).toEqual(['inside'])
  })
})
