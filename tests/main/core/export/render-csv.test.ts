// The CSV export read back with a strict RFC 4180 reader: a BOM, the header, one row per claim
// and passage, text that survives commas, quotes, line breaks and Hangul, and no cell a
// spreadsheet would run as a formula.
import { describe, expect, it } from 'vitest'
import { CSV_HEADER, renderCsv } from '../../../../src/main/core/export/render-csv'
import { seedsProjectWithClaims } from '../../../helpers/export-fixture'
import { makeExportClaim, makeExportPassage, makeExportSnapshot, makeExportSource } from '../../../helpers/export-factories'
import { useTempDirs } from '../../../helpers/temp-dir'

/**
 * RFC 4180, strictly: records end with CRLF, a field is quoted or holds no quote, CR or LF,
 * and a quote inside a quoted field is doubled. Anything else throws.
 */
function readCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let index = 0
  while (index < text.length) {
    let field = ''
    if (text[index] === '"') {
      index++
      for (;;) {
        const quote = text.indexOf('"', index)
        if (quote < 0) throw new Error(`csv: unclosed quote at ${index}`)
        field += text.slice(index, quote)
        index = quote + 1
        if (text[index] !== '"') break
        field += '"'
        index++
      }
    } else {
      const end = text.slice(index).search(/[,\r\n"]/)
      const stop = end < 0 ? text.length : index + end
      field = text.slice(index, stop)
      index = stop
      if (text[index] === '"') throw new Error(`csv: quote inside an unquoted field at ${index}`)
    }
    row.push(field)
    if (text[index] === ',') index++
    else if (text.startsWith('\r\n', index)) {
      rows.push(row)
      row = []
      index += 2
    } else throw new Error(`csv: expected , or CRLF at ${index}, found ${JSON.stringify(text.slice(index, index + 10))}`)
  }
  if (row.length > 0) throw new Error('csv: the last record does not end with CRLF')
  return rows
}

/** The rows as objects keyed by header, after checking the BOM and that every row has every column. */
function readRows(csv: string): Array<Record<string, string>> {
  expect(csv.charCodeAt(0)).toBe(0xfeff)
  const [header, ...rows] = readCsv(csv.slice(1))
  expect(header).toEqual([...CSV_HEADER])
  for (const row of rows) expect(row).toHaveLength(CSV_HEADER.length)
  return rows.map((row) => Object.fromEntries(CSV_HEADER.map((name, column) => [name, row[column] ?? ''])))
}

const CONTEXT = 'Context (quote in ⟦ ⟧)'
const dirs = useTempDirs()

describe('render-csv', () => {
  it('writes one row per claim and passage, then the other highlights, for the seeds project', async () => {
    const fixture = await seedsProjectWithClaims(await dirs())
    const snapshot = await fixture.snapshot()
    await fixture.workbench.shutdown()
    const csv = renderCsv(snapshot)
    const rows = readRows(csv)

    expect(rows).toHaveLength(4 + 1)
    expect(rows.map((row) => [row['Claim'], row['Status'], row['Contradicts']])).toEqual([
      ['1', 'Corroborated', ''],
      ['1', 'Corroborated', ''],
      ['2', 'Disputed', 'yes'],
      ['2', 'Disputed', ''],
      ['', 'Not linked', '']
    ])
    const [anadolu, , squandered, , other] = rows
    const passage = snapshot.claims[0]?.passages[0]
    expect(anadolu).toMatchObject({
      'Claim text': 'Putin said he hopes to restore relations with South Korea.',
      Support: 'Backed by 2 sources, 2 independent',
      Quote: passage?.quote,
      [CONTEXT]: `⟦${passage?.quote ?? ''}⟧ Putin stated during the event, which included South Korea’s new ambassador.`,
      'Source title': 'Putin has hope in restoring Russia’s ties with South Korea',
      Outlet: 'Anadolu Agency',
      Author: 'Elena Teslova',
      Date: '2026-01-16',
      URL: 'https://www.aa.com.tr/en/asia-pacific/putin-has-hope/1234567',
      Folder: 'seeds',
      File: '002_33375fb4bd43eb33.txt',
      Page: '',
      Start: String(passage?.start),
      End: String(passage?.end),
      Anchor: 'Exact',
      Comment: 'Anadolu prints the full quote',
      Tags: 'quote; putin'
    })
    expect(squandered?.['Support']).toBe('Backed by 1 source, 1 independent; contradicted by Putin has hope in restoring Russia’s ties with South Korea')
    expect(squandered?.[CONTEXT]).toContain('Putin said that “⟦much of the positive capital⟧” in Moscow’s interaction')
    expect(other).toMatchObject({ 'Claim text': '', Quote: 'Lee Sok-bae previously served in Moscow from 2019 to 2022', Comment: 'Check his first posting', Tags: 'envoy', Folder: 'seeds' })
    expect(csv).not.toMatch(/null|undefined/)
  }, 60_000)

  it('gives a claim without passages one row and keeps accents, Hangul and awkward quotes whole', () => {
    const source = makeExportSource({ id: 's', title: 'Zoë’s Überblick: 서울 특파원', outlet: 'Le Monde, édition', author: 'Jürgen "Jay" Müller', url: 'https://example.org/a,b' })
    const quote = 'He said, "no comment",\nthen left;\r\nlater: “maybe”,\r한국어.'
    const snapshot = makeExportSnapshot({
      claims: [
        makeExportClaim({ number: 1, text: 'Séoul a répondu', status: 'single', statusLabel: 'Single source', passages: [makeExportPassage({ annotationId: 'a', quote, source, page: 3, start: 120, tags: ['état', '서울'], comment: 'Check the\nsecond line' })] }),
        makeExportClaim({ number: 2, text: 'A claim with nothing yet' })
      ],
      citedSources: [source]
    })
    const csv = renderCsv(snapshot)
    const rows = readRows(csv)
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({ 'Claim text': 'Séoul a répondu', Quote: quote, 'Source title': source.title, Outlet: 'Le Monde, édition', Author: 'Jürgen "Jay" Müller', URL: 'https://example.org/a,b', Page: '3', Start: '120', Tags: 'état; 서울', Comment: 'Check the\nsecond line' })
    expect(rows[0]?.[CONTEXT]).toBe('Before the quote, ⟦He said, "no comment", then left; later: “maybe”, 한국어.⟧, after it.')
    expect(rows[1]).toMatchObject({ Claim: '2', 'Claim text': 'A claim with nothing yet', Status: 'Unsupported', Support: 'No evidence linked yet', Quote: '', 'Source title': '', Start: '', End: '' })
    // Numbers are written bare, as a spreadsheet reads numbers.
    expect(csv.split('\r\n')[1]).toMatch(/^1,/)
    expect(csv).toContain(`,3,120,${120 + quote.length},Exact,`)
  })

  it('prefixes an apostrophe to every text cell a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const evil = ['=HYPERLINK("https://evil.example","click")', '+1+cmd|/C calc!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '＝1+1']
    const rowsFor = evil.map((value, index) => {
      const source = makeExportSource({ id: `s${index}`, title: value, outlet: value, author: value, date: value, url: value, folder: value, relativePath: value })
      const passage = makeExportPassage({ annotationId: `a${index}`, quote: value, source, comment: value, tags: [value], previousQuote: value, anchor: 'reworded', start: 0 })
      return makeExportClaim({ number: index + 1, text: value, passages: [passage] })
    })
    const rows = readRows(renderCsv(makeExportSnapshot({ claims: rowsFor })))
    expect(rows).toHaveLength(evil.length)
    const textColumns = ['Claim text', 'Quote', 'Source title', 'Outlet', 'Author', 'Date', 'URL', 'Folder', 'File', 'Previous wording', 'Comment', 'Tags']
    for (const [index, value] of evil.entries()) {
      const row = rows[index] ?? {}
      for (const column of textColumns) expect(row[column], `${column} of ${JSON.stringify(value)}`).toBe(`'${value}`)
      expect(row['Claim']).toBe(String(index + 1))
      expect(row['Start']).toBe('0')
      // The context starts with the document's words, so it needs no prefix of its own.
      expect(row[CONTEXT]).toBe(`Before the quote, ⟦${value.replace(/\s+/g, ' ')}⟧, after it.`)
    }
    expect(readRows(renderCsv(makeExportSnapshot({ claims: [makeExportClaim({ number: 1, text: 'a = b and 1+1' })] })))[0]?.['Claim text']).toBe('a = b and 1+1')
  })

  it('says why a passage is not found, leaves a removed source’s columns empty, and names sources counted as one', () => {
    const wire = makeExportSource({ id: 'w', title: 'Wire' })
    const copy = makeExportSource({ id: 'c', title: 'Reprint' })
    const lost = makeExportPassage({ annotationId: 'a', quote: 'gone words', source: null, context: null, anchor: 'not-found', problem: 'Its source was removed from the project.' })
    const claim = makeExportClaim({ number: 1, text: 'A claim', status: 'single', statusLabel: 'Single source', backingSources: 2, independentSources: 1, countedAsOne: [{ copy, original: wire, share: 0.72 }], passages: [lost] })
    const [row] = readRows(renderCsv(makeExportSnapshot({ claims: [claim] })))
    expect(row).toMatchObject({
      Support: 'Backed by 2 sources, 1 independent; counted as one: Reprint repeats Wire (72 % of its wording)',
      Quote: 'gone words',
      [CONTEXT]: '',
      'Source title': '',
      Folder: '',
      File: '',
      Anchor: 'Not found',
      'Not found because': 'Its source was removed from the project.'
    })
  })
})
