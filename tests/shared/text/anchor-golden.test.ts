// Golden-file tests of re-anchoring: one original text, edited versions of it, and
// where each annotation must land afterwards (tests/fixtures/anchoring/cases.json).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { anchorSelectors, describeRange } from '../../../src/shared/text/anchor'

interface GoldenCase {
  name: string
  edit: Array<[string, string]>
  quote: string
  expect: { state: 'exact' | 'relocated'; text: string } | { state: 'orphan' }
}

const golden = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/anchoring/cases.json'), 'utf-8')) as { original: string; cases: GoldenCase[] }

describe('anchorSelectors golden cases', () => {
  it.each(golden.cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const start = golden.original.indexOf(testCase.quote)
    expect(start, `the quote must be in the original: ${testCase.quote}`).toBeGreaterThan(-1)
    const [quote, position] = describeRange(golden.original, start, start + testCase.quote.length)
    let edited = golden.original
    for (const [from, to] of testCase.edit) {
      expect(edited.includes(from), `edit source must exist: ${from}`).toBe(true)
      edited = edited.replace(from, to)
    }
    const anchor = anchorSelectors(edited, quote, position)
    expect(anchor.state).toBe(testCase.expect.state)
    if (anchor.state !== 'orphan' && testCase.expect.state !== 'orphan') expect(edited.slice(anchor.start, anchor.end)).toBe(testCase.expect.text)
  })
})
