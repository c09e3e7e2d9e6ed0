import { describe, expect, it } from 'vitest'
import { forEachTermWithin, prefixRange, termDictionary } from '../../../../src/main/core/search/term-walk'
import { boundedEditDistance } from '../../../../src/shared/search/edit-distance'
import { seededRandom } from './reference-search'

const LETTERS = 'aeiourstnlkmbcé2ß'

/** A sorted vocabulary of words that share beginnings, as a real one does. */
function vocabulary(seed: number, count: number): string[] {
  const random = seededRandom(seed)
  const words = new Set<string>()
  const stems = Array.from({ length: 40 }, () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => LETTERS[Math.floor(random() * LETTERS.length)]).join(''))
  while (words.size < count) {
    const stem = stems[Math.floor(random() * stems.length)] ?? ''
    words.add(stem + Array.from({ length: Math.floor(random() * 7) }, () => LETTERS[Math.floor(random() * LETTERS.length)]).join(''))
  }
  return [...words].sort()
}

function within(terms: readonly string[], word: string, max: number): string[] {
  const found: string[] = []
  forEachTermWithin(termDictionary(terms), word, max, (id) => found.push(terms[id] ?? ''))
  return found
}

describe('term-walk', () => {
  it('finds exactly the terms a scan of every term finds within one or two edits', () => {
    const terms = vocabulary(5, 3000)
    const random = seededRandom(8)
    for (let k = 0; k < 80; k++) {
      const base = terms[Math.floor(random() * terms.length)] ?? ''
      // Misspelled and unmisspelled words, short and long.
      const word = random() < 0.5 ? base : base.slice(0, 1) + (LETTERS[Math.floor(random() * LETTERS.length)] ?? '') + base.slice(2)
      for (const max of [1, 2]) {
        const scanned = terms.filter((term) => boundedEditDistance(word, term, max) <= max)
        expect({ word, max, found: within(terms, word, max) }).toEqual({ word, max, found: scanned })
      }
    }
  })

  it('finds words far longer or shorter than a one-letter or empty vocabulary entry allows, and nothing in an empty vocabulary', () => {
    expect(within(['a', 'ab', 'abc', 'abcd', 'abcde', 'b'], 'abc', 2)).toEqual(['a', 'ab', 'abc', 'abcd', 'abcde', 'b'])
    expect(within(['a', 'ab', 'abc', 'abcd', 'abcde', 'b'], 'abc', 1)).toEqual(['ab', 'abc', 'abcd'])
    expect(within([], 'abc', 2)).toEqual([])
  })

  it('gives the range of terms starting with a prefix, empty when none does', () => {
    const terms = vocabulary(9, 2000)
    for (const prefix of ['a', 'ké', 'st', 'ß2', 'zzz', terms[17] ?? '']) {
      const [from, to] = prefixRange(terms, prefix)
      expect(terms.slice(from, to)).toEqual(terms.filter((term) => term.startsWith(prefix)))
    }
  })
})
