import { describe, expect, it } from 'vitest'
import { countWords } from '../../../src/shared/text/words'
import { seededRandom } from '../../helpers/seeded-random'

/** The definition the counter follows, as a pattern: one word per match. */
const WORDS = /[\p{L}\p{N}]+(?:['\u2019\u2010\u2011-][\p{L}\p{N}]+)*/gu
const byPattern = (text: string): number => text.match(WORDS)?.length ?? 0

describe('countWords', () => {
  it.each([
    ['', 0],
    ['Lee Sok-bae said', 3],
    ["don't stop", 2],
    ['Korea\u2019s talks', 2],
    ['a--b', 2],
    ["a-'b", 2],
    ['-lead trail-', 2],
    ['e-mail 2026-12-02', 2],
    ['caf\u0065\u0301 cr\u00e8me', 2],
    ['cafe\u0301s', 2],
    ['\u4e2d\u6587 \u0627\u0644\u0639\u0631\u0628\u064a\u0629', 2],
    ['\ud835\udc00\ud835\udc01 x', 2],
    ['\ud800 lone', 1],
    ['\u00bd and \u2167', 3]
  ])('counts %j as %i words, as the pattern does', (text, words) => {
    expect(countWords(text)).toBe(words)
    expect(byPattern(text)).toBe(words)
  })

  it('agrees with the pattern on 5,000 random texts of letters, digits, joiners, marks, other scripts and surrogates', () => {
    const random = seededRandom(20261202)
    const pieces = ['a', 'Z', '7', ' ', '\n', "'", '-', '\u2019', '\u2010', '\u2011', '\u2012', '\u0301', '\u00e9', '\u00ad', '\u200d', '\u4e2d', '\u0661', '\u2167', '\ud835\udc00', '\ud83d\ude00', '\ud800', '\udc00', '.', ',', '"', '_']
    for (let round = 0; round < 5000; round++) {
      let text = ''
      const length = Math.floor(random() * 40)
      for (let k = 0; k < length; k++) text += pieces[Math.floor(random() * pieces.length)]
      expect(countWords(text), JSON.stringify(text)).toBe(byPattern(text))
    }
  })
})
