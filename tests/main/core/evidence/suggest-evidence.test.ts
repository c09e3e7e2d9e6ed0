import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { evidenceTerms } from '../../../../src/main/core/evidence/passage-terms'
import { rankPassages, stem } from '../../../../src/main/core/evidence/rank-passages'
import { MORE_FROM_SOURCE } from '../../../../src/main/core/evidence/suggest-evidence'
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

  it('matches a date written another way: "Oct. 28, 2014" for "October 28th, 2014"', () => {
    const ranked = rankPassages('The album was released on October 28th, 2014.', [
      'The band toured Europe for most of the year.',
      'The album was released in October 2015 to warm reviews.',
      'It reached stores on Oct. 28, 2014.'
    ])
    expect(ranked[0]?.index).toBe(2)
    expect(evidenceTerms('Nov 05')).toEqual(evidenceTerms('November 5th'))
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

const COUNCIL = [
  'City council approves the 2024 budget',
  '',
  'The city council approved the 2024 budget on Tuesday after a long debate.',
  'The budget raises spending on public schools by 12 percent, the largest rise in a decade.',
  'Council member Lisa Bender said the schools budget was overdue.',
  'The vote was seven to two.',
  'Teachers at Lincoln High School welcomed the extra spending on schools.',
  'Parents asked the council to publish how the schools budget will be spent.',
  'The mayor is expected to sign the budget on Friday.',
  'Spending on roads stays flat under the new budget.',
  'The school board will meet in March to decide how to use the money.',
  'Last year the council cut spending on schools by 3 percent.',
  'The finance director said the budget is balanced.'
].join('\n')

/** Articles that share a word or two with the council story, as any library has. */
const OTHERS = [
  'Budget airline adds routes\n\nA budget airline said it would add ten routes in spring.\nThe airline raised its fares by 12 percent last year.',
  'School sports day\n\nPublic schools held their sports day on Tuesday.\nThe weather was fine for the races.',
  'Council elections\n\nA county council in the north holds elections next month.\nTurnout was low last time.'
]

describe('suggested evidence in a library', () => {
  const tempDir = useTempDirs()

  async function library(): Promise<Workbench> {
    const folder = await tempDir()
    await mkdir(join(folder, 'news'))
    await writeFile(join(folder, 'news', 'council.txt'), COUNCIL)
    for (const [index, text] of OTHERS.entries()) await writeFile(join(folder, 'news', `other-${index}.txt`), text)
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir: null })
    await workbench.boot()
    await workbench.importFolder(folder)
    return workbench
  }

  const fileOf = (workbench: Workbench, sourceId: string): string => workbench.project.library.find(sourceId).relativePath.split('/').pop() ?? ''

  it('shows the second-best passage of the article the claim is about before other articles’ chance matches', async () => {
    const workbench = await library()
    const claim = await workbench.project.claims.create('The council’s 2024 budget raised spending on schools by 12 percent')
    const suggestions = await workbench.suggestEvidence(claim.id)
    expect(suggestions[0]?.text).toMatch(/^The budget raises spending on public schools by 12 percent/)
    expect(suggestions.slice(0, 2).map((suggestion) => fileOf(workbench, suggestion.sourceId))).toEqual(['council.txt', 'council.txt'])
    expect(suggestions.length).toBe(5)
  })

  it('gives more passages of one source on request, leaving out the one already linked to the claim', async () => {
    const workbench = await library()
    const claim = await workbench.project.claims.create('The council’s 2024 budget raised spending on schools by 12 percent')
    const [best] = await workbench.suggestEvidence(claim.id)
    const council = best!.sourceId
    const annotation = await workbench.project.annotations.create({ sourceId: council, contentHash: best!.contentHash, start: best!.start, end: best!.end, color: 'green', comment: '', tags: [] })
    await workbench.project.claims.link(claim.id, annotation.id)
    const more = await workbench.suggestEvidence(claim.id, council)
    expect(more.length).toBe(MORE_FROM_SOURCE)
    expect(new Set(more.map((suggestion) => suggestion.sourceId))).toEqual(new Set([council]))
    expect(more.map((suggestion) => suggestion.text)).not.toContain(best!.text)
    expect((await workbench.suggestEvidence(claim.id)).map((suggestion) => suggestion.text)).not.toContain(best!.text)
    await expect(workbench.suggestEvidence(claim.id, 'no-such-source')).rejects.toThrow('library: no source no-such-source')
  })
})
