import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rankPassages, stem } from '../../../../src/main/core/evidence/rank-passages'
import { splitSentences as sentences } from '../../../../src/shared/text/sentences'
import { Workbench } from '../../../../src/main/core/workbench'
import { useTempDirs } from '../../../helpers/temp-dir'

const seedsDir = resolve(__dirname, '../../../../seeds')

describe('rankPassages', () => {
  it('ranks the sentence that states the claim first, across inflections, quotes and hyphens', () => {
    const ranked = rankPassages('Seoul hopes ties with Moscow will be restored', [
      'The weather in Seoul was cold on Thursday.',
      '“We hope to restore relations,” the Seoul‑based envoy said of ties with Moscow.',
      'Moscow hosted 32 ambassadors.'
    ])
    expect(ranked[0]?.index).toBe(1)
    expect(stem('restored')).toBe(stem('restoring'))
  })
})

describe('sentences', () => {
  it('splits after sentence punctuation and at line breaks, with offsets into the text', () => {
    const text = 'First one. "Second," he said! Third\nFourth line'
    expect(sentences(text).map((range) => text.slice(range.start, range.end))).toEqual(['First one.', '"Second," he said!', 'Third', 'Fourth line'])
  })
})

describe('suggested evidence on the seeds', () => {
  const tempDir = useTempDirs()

  it('offers the sentence of every seed that reports the trade quote, TASS’s “truly good results” included', async () => {
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir })
    await workbench.boot()
    const claim = await workbench.project.claims.create('Putin said the two countries had achieved truly positive results in trade and business')
    const suggestions = await workbench.suggestEvidence(claim.id)
    expect(suggestions).toHaveLength(5)
    const bySource = new Map(suggestions.map((suggestion) => [workbench.project.library.find(suggestion.sourceId).relativePath.slice(0, 3), suggestion.text]))
    for (const seed of ['000', '002', '003']) expect(bySource.get(seed)).toMatch(/truly positive results in trade and business/)
    expect(bySource.get('004')).toMatch(/truly good results/)
    const marked = suggestions[0]!.ranges.map((range) => suggestions[0]!.text.slice(range.start, range.end).toLowerCase())
    expect(marked).toEqual(expect.arrayContaining(['trade', 'business']))
  })

  it('answers a one-character or a 20,000-character claim, or one in another script, without failing', async () => {
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir })
    await workbench.boot()
    const tiny = await workbench.project.claims.create('a')
    expect(await workbench.suggestEvidence(tiny.id)).toEqual([])
    const huge = await workbench.project.claims.create('Putin trade business '.repeat(950))
    expect((await workbench.suggestEvidence(huge.id)).length).toBeGreaterThan(0)
    const korean = await workbench.project.claims.create('푸틴 대통령은 한국과의 관계 회복을 희망했다')
    expect(await workbench.suggestEvidence(korean.id)).toEqual([])
  })
})
