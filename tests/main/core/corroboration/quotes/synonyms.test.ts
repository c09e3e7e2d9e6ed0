import { describe, expect, it } from 'vitest'
import { compareStem } from '../../../../../src/main/core/corroboration/compare-words'
import { areSynonyms, synonymsOf } from '../../../../../src/main/core/corroboration/quotes/synonyms'

describe('synonyms', () => {
  it('knows common words that share their most frequent sense, both ways', () => {
    expect(areSynonyms(compareStem('destroyed'), compareStem('ruined'))).toBe(true)
    expect(areSynonyms(compareStem('ruined'), compareStem('destroyed'))).toBe(true)
    expect(areSynonyms(compareStem('mistake'), compareStem('error'))).toBe(true)
  })

  it('does not take related but different words for synonyms', () => {
    expect(areSynonyms(compareStem('meeting'), compareStem('summit'))).toBe(false)
    expect(areSynonyms(compareStem('power'), compareStem('presidency'))).toBe(false)
    expect(synonymsOf('zzzz').size).toBe(0)
  })
})
