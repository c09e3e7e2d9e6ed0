import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyseText, ANALYSER_VERSION, loadNameFinder, parseFindings, sourceQuotes } from '../../../../../src/main/core/corroboration/findings/text-findings'
import { extractQuotes } from '../../../../../src/main/core/corroboration/quotes/extract-quotes'
import { prepareQuote } from '../../../../../src/main/core/corroboration/quotes/group-quotes'

const seedsDir = resolve(__dirname, '../../../../../seeds')

/**
 * What the analyser finds in the seed articles, per ANALYSER_VERSION. When extraction changes
 * what it finds, saved findings of the old code must not be reused: bump ANALYSER_VERSION in
 * text-findings.ts and record the new digest here under it.
 */
const RECORDED = { analyser: 1, digest: 'adc53f4acf3e05ed8567d907f1f5930284d9be885c1495c6fe325729b09c4291' }

async function seedTexts(): Promise<string[]> {
  const names = (await readdir(seedsDir)).filter((name) => name.endsWith('.txt')).sort()
  return Promise.all(names.map((name) => readFile(join(seedsDir, name), 'utf8')))
}

describe('text-findings', () => {
  it('finds in the seeds what ANALYSER_VERSION says it finds (bump it when extraction changes)', async () => {
    const extractNames = await loadNameFinder()
    const hash = createHash('sha256')
    for (const text of await seedTexts()) hash.update(JSON.stringify(analyseText(text, extractNames)))
    expect({ analyser: ANALYSER_VERSION, digest: hash.digest('hex') }).toEqual(RECORDED)
  })

  it('anchors each saved quotation in a source exactly as the ledger anchored it before findings were saved', async () => {
    const extractNames = await loadNameFinder()
    const source = { id: 'source-1', contentHash: 'a'.repeat(64) }
    for (const text of await seedTexts()) {
      const saved = parseFindings(JSON.stringify(analyseText(text, extractNames)))!
      // prepareQuote also carries the extractor's nestedIn along, which no group shows.
      const direct = extractQuotes(text).map((quote) => ({ ...prepareQuote(source, text, quote), nestedIn: undefined }))
      expect(sourceQuotes(source, saved)).toEqual(direct)
    }
  })

  it('counts each name as written once per text, with how often it appears', async () => {
    const findings = analyseText('Vladimir Putin spoke. Later Vladimir Putin left, and Putin said "We are done here," he said.', await loadNameFinder())
    expect(findings.names).toContainEqual({ text: 'Vladimir Putin', kind: 'person', count: 2 })
    expect(findings.quotes.map((quote) => quote.text)).toEqual(['We are done here,'])
  })

  it('refuses a damaged or foreign record, so its text is analysed again', () => {
    expect(parseFindings('{"quotes":[],"names":[]')).toBeNull()
    expect(parseFindings('{"quotes":[{"text":"x"}],"names":[]}')).toBeNull()
    expect(parseFindings('{"quotes":[],"names":[{"text":"Ann","kind":"robot","count":1}]}')).toBeNull()
    expect(parseFindings('null')).toBeNull()
    expect(parseFindings('{"quotes":[],"names":[{"text":"Ann Lee","kind":"person","count":2}]}')).toEqual({ quotes: [], names: [{ text: 'Ann Lee', kind: 'person', count: 2 }] })
  })
})
