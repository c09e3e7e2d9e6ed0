import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractHtml } from '../../../../../src/main/core/library/extract/html'

// Saved pages malformed in ways browsers shrug off (tests/fixtures/html-malformed: open any in
// a browser and it shows the article). Each must give the article once, titled, without the junk.
interface Case {
  file: string
  title: string
  first: string
  last: string
  junk: string[]
}

const cases: Case[] = [
  {
    file: 'php-warning-before-doctype.html',
    title: 'Council approves bus depot on former rail yard',
    first: 'The city council voted 31 to 14 on Tuesday night',
    last: 'turned into a visitor centre about the railway’s history.',
    junk: ['mysql_connect', 'headers already sent']
  },
  {
    file: 'php-warning-plain-page.html',
    title: 'Statement on the closure of St Anne’s footbridge',
    first: 'The parish council has been told by the county engineers',
    last: 'which starts at seven in the village hall.',
    junk: ['session_start']
  },
  {
    file: 'php-warning-table-layout.html',
    title: 'Ferry fares rise for islanders',
    first: 'Ferry fares rise for islanders\n\nIslanders will pay a fifth more',
    last: 'on every crossing in summer.\n\nKurier, 3 April 2019',
    junk: ['Undefined index', 'Start Local Region Archive']
  },
  {
    file: 'http-headers-before-html.html',
    title: 'Harbour dredging to start in May',
    first: 'Dredging of the inner harbour will start in May',
    last: 'guiding traffic past the dredger.',
    junk: ['HTTP/1.1', 'PHPSESSID']
  },
  {
    file: 'head-before-html.html',
    title: 'Library opening hours cut from April',
    first: 'The central library will close at five in the afternoon',
    last: 'visitors per hour before the review.',
    junk: []
  },
  {
    file: 'page-saved-twice.html',
    title: 'Night trains return to the valley line',
    first: 'A night train will run on the valley line again from December',
    last: 'drive the pass road in winter.',
    junk: []
  },
  {
    file: 'error-page-then-article.html',
    title: 'Hospital waiting lists fall for the first time in six years',
    first: 'The number of patients waiting for planned operations',
    last: 'the hardest problem it faced.',
    junk: ['database connection', 'Please try again later']
  },
  {
    file: 'warning-head-before-html-and-saved-twice.html',
    title: 'Wildfire risk high across the south',
    first: 'Forecasters raised the wildfire warning',
    last: 'less likely to start a fire.',
    junk: ['create_function']
  }
]

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(__dirname, '../../../../fixtures/html-malformed', name)))
const occurrences = (text: string, part: string): number => text.split(part).length - 1

describe('html', () => {
  it.each(cases)('reads the article of $file once, under its own title, without the junk', ({ file, title, first, last, junk }) => {
    const document = extractHtml(fixture(file))
    expect(document.title).toBe(title)
    expect(document.text.startsWith(first)).toBe(true)
    expect(document.text.endsWith(last)).toBe(true)
    expect(occurrences(document.text, first)).toBe(1)
    for (const part of junk) expect(document.text).not.toContain(part)
    expect(document.warnings).toEqual([])
  })

  it('keeps the paragraphs of an old table layout after a PHP notice', () => {
    const text = extractHtml(fixture('php-warning-table-layout.html')).text
    expect(text).toContain('on its oldest vessel.\n\nA return ticket for a car and driver')
  })

  it('keeps the metadata a page states in a <head> that comes before <html>', () => {
    expect(extractHtml(fixture('head-before-html.html')).meta).toEqual({ author: 'Tomas Varga', language: 'en' })
  })

  it('keeps the metadata of a page after PHP warnings', () => {
    expect(extractHtml(fixture('php-warning-before-doctype.html')).meta).toMatchObject({
      outlet: 'Riverside Gazette',
      url: 'https://gazette.example.org/2024/03/bus-depot',
      language: 'en'
    })
  })
})
