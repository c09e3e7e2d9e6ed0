import { describe, expect, it } from 'vitest'
import { hitRanges } from '../../../src/shared/search/hit-ranges'
import { parseQuery, type Query } from '../../../src/shared/search/query'
import { snippets } from '../../../src/shared/search/snippets'

function parsed(input: string): Query {
  const outcome = parseQuery(input)
  if (!outcome.ok) throw new Error(outcome.message)
  return outcome.query
}

function marked(input: string, text: string): string[] {
  return hitRanges(parsed(input), text).map((range) => text.slice(range.start, range.end))
}

const aggregator = 'Seoul\u2019s Envoy Lee Sok\u2011bae Attends. Later, \u201cLee Sok-bae\u201d spoke of the \ufb01nance of Caf\u00e9s.'

describe('hitRanges', () => {
  it('marks a typed phrase as one range over the original characters, whatever hyphen the text uses', () => {
    expect(marked('"lee sok-bae"', aggregator)).toEqual(['Lee Sok\u2011bae', 'Lee Sok-bae'])
    expect(marked('Sok-bae', aggregator)).toEqual(['Sok\u2011bae', 'Sok-bae'])
  })

  it('marks ligatures and accented words on the characters the reader sees', () => {
    expect(marked('finance cafes', aggregator)).toEqual(['\ufb01nance', 'Caf\u00e9s'])
  })

  it('marks prefix, fuzzy and proximity matches but not excluded terms', () => {
    expect(marked('envo* atends~ -seoul', aggregator)).toEqual(['Envoy', 'Attends'])
    expect(marked('"attends envoy"~3', aggregator)).toEqual(['Envoy Lee Sok\u2011bae Attends'])
    expect(marked('"attends envoy"~2', aggregator)).toEqual([])
  })

  it('merges overlapping hits into one range, sorted', () => {
    const text = 'the Lee Sok-bae visit'
    expect(hitRanges(parsed('"lee sok" "sok bae" visit'), text)).toEqual([
      { start: 4, end: 15 },
      { start: 16, end: 21 }
    ])
  })

  it('marks nothing for an empty query or one of filters only', () => {
    expect(hitRanges(parsed(''), aggregator)).toEqual([])
    expect(hitRanges(parsed('format:pdf'), aggregator)).toEqual([])
  })
})

describe('snippets', () => {
  const long = `${'Opening words about nothing in particular. '.repeat(6)}Putin met Lee Sok\u2011bae in Moscow.\n\n   ${'Middle filler text goes on. '.repeat(8)}Later Lee spoke again. ${'Closing words. '.repeat(6)}`

  it('cuts excerpts at word boundaries with ellipses and marks the hits inside them', () => {
    const [first] = snippets(parsed('"lee sok-bae" moscow'), long, 3, 30)
    expect(first?.text.startsWith('\u2026')).toBe(true)
    expect(first?.text.endsWith('\u2026')).toBe(true)
    expect(first?.text).toContain('Putin met Lee Sok\u2011bae in Moscow.')
    expect(first?.text).not.toMatch(/\s{2}/)
    expect(first?.ranges.map((range) => first.text.slice(range.start, range.end))).toEqual(['Lee Sok\u2011bae', 'Moscow'])
    const words = first?.text.slice(1, -1).split(' ') ?? []
    expect(long.includes(words[0] ?? '') && long.includes(words.at(-1) ?? '')).toBe(true)
  })

  it('prefers the passage holding the most different query terms and lists excerpts in text order', () => {
    const found = snippets(parsed('lee moscow'), long, 2, 20)
    expect(found).toHaveLength(2)
    expect(found[0]?.text).toContain('Moscow')
    expect(found[1]?.text).toContain('Later Lee spoke')
  })

  it('returns at most `max` excerpts and none without hits', () => {
    expect(snippets(parsed('words'), long, 1, 10)).toHaveLength(1)
    expect(snippets(parsed('vladivostok'), long)).toEqual([])
  })
})
