import { describe, expect, it } from 'vitest'
import { alignShownText } from '../../../src/shared/text/shown-text'

/** The text each shown character maps to, joined; unmapped characters as '·'. */
function mapped(text: string, shown: string): string {
  return [...alignShownText(text, shown)].map((offset) => (offset === -1 ? '·' : text.charAt(offset))).join('')
}

describe('shown-text', () => {
  it('maps identical text one to one', () => {
    const map = alignShownText('Lee Sok-bae said', 'Lee Sok-bae said')
    expect([...map]).toEqual([...Array(16).keys()])
  })

  it('lines up text whose spacing and line breaks differ', () => {
    const text = 'Truly positive results\n\nin trade.'
    const shown = 'Truly positive results in trade.'
    const map = alignShownText(text, shown)
    expect(text.charAt(map[shown.indexOf('in')] ?? -1)).toBe('i')
    expect(map[shown.indexOf('in')]).toBe(text.indexOf('in'))
    expect(mapped(text, shown).replace(/\s/g, ' ')).toBe(shown)
  })

  it('treats typographic variants as the same character', () => {
    const text = 'Lee Sok\u2011bae said \u201Cgoodwill\u201D'
    const shown = 'Lee Sok-bae said "goodwill"'
    expect(alignShownText(text, shown).every((offset, index) => offset !== -1 || shown.charAt(index) === ' ')).toBe(true)
  })

  it('finds its place again after runs only one side has', () => {
    const text = 'The first sentence. The second sentence is here.'
    const shown = 'The first sentence. 12 PAGE HEADER The second sentence is here.'
    const map = alignShownText(text, shown)
    const second = shown.indexOf('second')
    expect(map[second]).toBe(text.indexOf('second'))
    expect(map[shown.indexOf('PAGE')]).toBe(-1)
    // And the other way: the shown text lacks words the extraction has.
    const fewer = alignShownText('Alpha beta gamma delta epsilon zeta eta', 'Alpha beta epsilon zeta eta')
    expect(fewer[' Alpha beta epsilon'.indexOf('epsilon') - 1]).toBe('Alpha beta gamma delta epsilon'.indexOf('epsilon'))
  })

  it('maps a character that differs on both sides to its counterpart', () => {
    const text = 'efficient office'
    const shown = 'e\uFB03cient o\uFB03ce'
    const map = alignShownText(text, shown)
    expect(map[shown.indexOf('c')]).toBe(text.indexOf('c'))
    expect(map[shown.length - 1]).toBe(text.length - 1)
  })

  it('never pairs different characters when a run is printed several times over (fake bold)', () => {
    const text = '股票代码：300218 年度报告'
    const shown = '股票代码股票代码股票代码：：：300218 年度报告'
    const map = alignShownText(text, shown)
    const wrong = [...map].filter((offset, index) => offset !== -1 && text.charAt(offset) !== shown.charAt(index))
    expect(wrong).toEqual([])
    expect(map[shown.indexOf('300218')]).toBe(text.indexOf('300218'))
  })
})
