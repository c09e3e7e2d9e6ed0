import { describe, expect, it } from 'vitest'
import { filterTarget, matchesFilters } from '../../../src/shared/search/filters'
import { parseQuery } from '../../../src/shared/search/query'
import type { Source } from '../../../src/shared/domain/source'
import { makeSource } from '../../helpers/factories'

const source = makeSource({
  id: 's1',
  title: 'Putin signals reset of South Korea\u2011Russia relations',
  relativePath: 'politics/asia/putin-korea.pdf',
  format: 'pdf',
  meta: { outlet: 'Korea JoongAng Daily', author: null, date: '2026-01-16T09:00:00Z', url: null, language: 'en', direction: null }
})

function passes(input: string, target: Source = source): boolean {
  const outcome = parseQuery(input)
  if (!outcome.ok) throw new Error(outcome.message)
  return matchesFilters(outcome.query.filters, filterTarget(target))
}

describe('matchesFilters', () => {
  it('matches title words and phrases, typographic variants included', () => {
    expect(passes('title:putin')).toBe(true)
    expect(passes('title:"Korea-Russia relations"')).toBe(true)
    expect(passes('title:"Russia Korea"')).toBe(false)
    expect(passes('title:sign*')).toBe(true)
  })

  it('matches the outlet and the folders on the way to the file, not the file name', () => {
    expect(passes('outlet:"Korea JoongAng"')).toBe(true)
    expect(passes('outlet:tass')).toBe(false)
    expect(passes('folder:asia')).toBe(true)
    expect(passes('folder:putin')).toBe(false)
  })

  it('matches the format, and negated filters invert', () => {
    expect(passes('format:pdf')).toBe(true)
    expect(passes('format:docx')).toBe(false)
    expect(passes('-format:pdf')).toBe(false)
    expect(passes('-outlet:tass')).toBe(true)
  })

  it('matches dates, date-times and ranges by day', () => {
    expect(passes('date:2026-01-16')).toBe(true)
    expect(passes('date:2026-01')).toBe(true)
    expect(passes('date:2026-01-17..2026-02-01')).toBe(false)
    expect(passes('date:>2026-01-15')).toBe(true)
    expect(passes('date:<2026-01-16')).toBe(false)
  })

  it('lets a source dated only by month fall in a range that touches that month', () => {
    const monthOnly = { ...source, meta: { ...source.meta, date: '2026-01' } }
    expect(passes('date:2026-01-20..2026-03-01', monthOnly)).toBe(true)
    expect(passes('date:>=2026-02', monthOnly)).toBe(false)
  })

  it('fails a date filter and passes a negated one when the source has no usable date', () => {
    const undated = { ...source, meta: { ...source.meta, date: 'last Thursday' } }
    expect(passes('date:2026', undated)).toBe(false)
    expect(passes('-date:2026', undated)).toBe(true)
  })

  it('requires every filter', () => {
    expect(passes('format:pdf title:putin')).toBe(true)
    expect(passes('format:pdf title:medvedev')).toBe(false)
  })
})
