// The corroboration part of `npm run bench`: the quote ledger and the name groups of 200
// articles (the first 200 of BBC politics), cold, then after one source changes on disk.
import { appendFile, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Workbench } from '../src/main/core/workbench'

const ARTICLES = 200
const ROUNDS = 5

export interface CorroborationFigures {
  corroborationArticles: number
  corroborationReadBytesSeconds: number
  ledgerAndNamesColdSeconds: number
  ledgerAndNamesColdVsReadBytes: number
  ledgerAndNamesWarmSeconds: number
  ledgerAndNamesAfterOneChangeMedianSeconds: number
  ledgerAndNamesAfterOneChangeMaxSeconds: number
  sourcesReExtractedPerChange: number
  quotations: number
  quoteGroups: number
  quoteGroupsInTwoOrMoreSources: number
  nameGroups: number
  alignTwoArticlesMs: number
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await task()
  return (performance.now() - start) / 1000
}

export async function benchCorroboration(workbench: Workbench, corpora: string): Promise<{ figures: CorroborationFigures; rows: Array<[string, string, string]> }> {
  const politics = join(corpora, 'bbc', 'politics')
  const folder = await mkdtemp(join(tmpdir(), 'sourcebench-politics-'))
  try {
    const names = (await readdir(politics)).filter((name) => name.endsWith('.txt')).sort().slice(0, ARTICLES)
    for (const name of names) await cp(join(politics, name), join(folder, name))
    const readBytesSeconds = await timed(async () => {
      for (const name of names) await readFile(join(folder, name))
    })
    await workbench.createProject('corroboration bench')
    await workbench.importFolder(folder)
    const service = workbench.project.corroboration
    const both = async (): Promise<void> => {
      await service.ledger({ filter: 'all', query: '', minWords: 1, limit: 300 })
      await service.names('', 500)
    }
    const cold = await timed(both)
    const warm = await timed(both)
    const afterChange: number[] = []
    let reExtracted = 0
    for (let round = 0; round < ROUNDS; round++) {
      await appendFile(join(folder, names[round * 7]!), `\n"We will look at this again next week," the minister said on round ${round}.\n`)
      // The import is measured elsewhere; this is the corroboration update it causes.
      await workbench.importFolder(folder)
      const before = service.extractedSources
      afterChange.push(await timed(both))
      reExtracted = Math.max(reExtracted, service.extractedSources - before)
    }
    const ledger = await service.ledger({ filter: 'all', query: '', minWords: 1, limit: 2000 })
    const nameGroups = await service.names('', 2000)
    const sources = workbench.project.store.library.data.sources
    const alignSeconds = await timed(() => service.align([sources[0]!.id, sources[1]!.id]))
    afterChange.sort((a, b) => a - b)
    const figures: CorroborationFigures = {
      corroborationArticles: names.length,
      corroborationReadBytesSeconds: readBytesSeconds,
      ledgerAndNamesColdSeconds: cold,
      ledgerAndNamesColdVsReadBytes: cold / readBytesSeconds,
      ledgerAndNamesWarmSeconds: warm,
      ledgerAndNamesAfterOneChangeMedianSeconds: afterChange[Math.floor(afterChange.length / 2)]!,
      ledgerAndNamesAfterOneChangeMaxSeconds: afterChange.at(-1)!,
      sourcesReExtractedPerChange: reExtracted,
      quotations: ledger.quotations,
      quoteGroups: ledger.total,
      quoteGroupsInTwoOrMoreSources: ledger.groups.filter((group) => group.sourceIds.length > 1).length,
      nameGroups: nameGroups.total,
      alignTwoArticlesMs: alignSeconds * 1000
    }
    const rows: Array<[string, string, string]> = [
      [`corroboration: read ${names.length} articles (baseline)`, `${readBytesSeconds.toFixed(3)} s`, ''],
      ['ledger + name groups, cold', `${cold.toFixed(2)} s`, `≤ 3 s; ${figures.ledgerAndNamesColdVsReadBytes.toFixed(0)}× baseline`],
      ['ledger + name groups, nothing changed', `${(warm * 1000).toFixed(0)} ms`, ''],
      ['ledger + name groups, one source changed', `${(figures.ledgerAndNamesAfterOneChangeMedianSeconds * 1000).toFixed(0)} / ${(figures.ledgerAndNamesAfterOneChangeMaxSeconds * 1000).toFixed(0)} ms`, `median / max of ${ROUNDS}; ≤ 300 ms; ${reExtracted} source re-read`],
      ['quotations / groups / in ≥ 2 sources', `${ledger.quotations} / ${ledger.total} / ${figures.quoteGroupsInTwoOrMoreSources}`, ''],
      ['name groups', `${nameGroups.total}`, ''],
      ['align two articles', `${figures.alignTwoArticlesMs.toFixed(1)} ms`, '']
    ]
    return { figures, rows }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
