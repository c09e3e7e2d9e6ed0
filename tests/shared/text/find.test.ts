import { describe, expect, it } from 'vitest'
import { foldText } from '../../../src/shared/text/fold'
import { findAll } from '../../../src/shared/text/find'

describe('foldText', () => {
  it('keeps every offset aligned with the original text', () => {
    const original = 'Lee Sok\u2011bae said \u201Cgoodwill\u201D \u2014 İstanbul'
    expect(foldText(original)).toHaveLength(original.length)
    expect(foldText(original)).toBe('lee sok-bae said "goodwill" - İstanbul')
  })
})

describe('findAll', () => {
  it('finds a hyphenated name typed with a plain hyphen in text using U+2011', () => {
    const text = 'Seoul’s Envoy Lee Sok\u2011bae Attends; later Lee Sok-bae spoke.'
    const hits = findAll(text, 'Lee Sok-bae')
    expect(hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(['Lee Sok\u2011bae', 'Lee Sok-bae'])
  })

  it('matches straight quotes against curly ones and ignores case', () => {
    const text = 'emphasizing that \u201Cgoodwill has been squandered\u201D and'
    const [hit] = findAll(text, '"GOODWILL has been squandered"')
    expect(hit).toBeDefined()
    expect(text.slice(hit!.start, hit!.end)).toBe('\u201Cgoodwill has been squandered\u201D')
  })

  it('matches a phrase across a line break or several spaces', () => {
    const text = 'truly positive\nresults in  trade'
    expect(findAll(text, 'positive results in trade')).toEqual([{ start: 6, end: text.length }])
  })

  it('treats regular-expression characters literally and returns nothing for blank queries', () => {
    expect(findAll('cost (est.) $5+', '(est.) $5+')).toEqual([{ start: 5, end: 15 }])
    expect(findAll('anything', '   ')).toEqual([])
    expect(findAll('a.c abc', 'a.c')).toEqual([{ start: 0, end: 3 }])
  })
})
