import { describe, expect, it } from 'vitest'
import type { NameGroup } from '../../../../src/shared/domain/corroboration'
import { parseQuery } from '../../../../src/shared/search/query'
import { expandNameVariants } from '../../../../src/main/core/corroboration/name-variant-query'

function group(id: string, spellings: string[][]): NameGroup {
  return {
    id,
    label: spellings[0]![0]!,
    kind: 'person',
    confirmed: true,
    variants: spellings.map((list) => ({ text: list[0]!, key: list[0]!.toLowerCase().replace(/[^a-z]/g, ''), mentions: 1, sourceIds: ['s'], sourceCount: 1, spellings: list.map((text) => ({ text, mentions: 1 })) })),
    sources: [{ sourceId: 's', mentions: spellings.length }],
    sourceCount: 1,
    mentions: spellings.length
  }
}

const LEE = group('leesokbae', [['Lee Sok-bae', 'Lee Sok\u2011bae'], ['Lee Seok-pae']])
const KIM = group('kimjongun', [['Kim Jong-un'], ['Kim Jong Eun']])
const WIDE = '("Lee Sok-bae" OR "Lee Seok-pae")'

function widened(query: string): string {
  const expansion = expandNameVariants(query, [LEE, KIM])
  // Whatever it produces must still parse, without new warnings.
  const parsed = parseQuery(expansion.query)
  expect(parsed.ok).toBe(true)
  return expansion.query
}

describe('expandNameVariants', () => {
  it('widens a name typed as plain words or as a phrase, in any quote marks', () => {
    expect(widened('Lee Seok-pae Moscow')).toBe(`${WIDE} Moscow`)
    expect(widened('"Lee Seok-pae" Moscow')).toBe(`${WIDE} Moscow`)
    expect(widened('\u201CLee Sok-bae\u201D Putin')).toBe(`${WIDE} Putin`)
    expect(widened('\u00ABLee Sok-bae\u00BB')).toBe(WIDE)
  })

  it('names the spellings it added, one per way of writing the words', () => {
    const expansion = expandNameVariants('Lee Sok-bae', [LEE])
    expect(expansion.included).toEqual([{ name: 'Lee Sok-bae', variants: ['Lee Sok-bae', 'Lee Seok-pae'] }])
  })

  it('leaves alone phrases that hold more than the name, proximity phrases, fields, prefixes, fuzzy words and exclusions', () => {
    for (const query of ['"Lee Sok-bae said"', '"Lee Sok-bae"~2', 'title:"Lee Sok-bae"', 'Lee Sok-bae*', 'Lee Sok-bae~', '-"Lee Sok-bae"', 'Lee Sok', 'Lees Sok-bae']) {
      expect(expandNameVariants(query, [LEE]).query).toBe(query)
    }
  })

  it('never uses one typed word for two names', () => {
    const twoNames = group('leekim', [['Lee Kim'], ['Yi Kim']])
    const expansion = expandNameVariants('Lee Kim Jong-un', [twoNames, KIM])
    expect(expansion.included).toHaveLength(1)
    expect(parseQuery(expansion.query).ok).toBe(true)
  })

  it('widens two names in one query and keeps the operators between them', () => {
    expect(widened('Lee Sok-bae OR Kim Jong-un')).toBe(`${WIDE} OR ("Kim Jong-un" OR "Kim Jong Eun")`)
  })

  it('returns a query it cannot read as it was', () => {
    expect(expandNameVariants('Lee Sok-bae -', [LEE]).query).toBe('Lee Sok-bae -')
  })
})
