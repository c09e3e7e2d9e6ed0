// The product path for the corroboration evaluation: texts written to a folder, imported into a
// fresh workbench as a user's folder is, and the ledger and name groups asked of the same
// service (through the same API handlers) the Quotes and Names tabs call.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createCoreHandlers } from '../../src/main/core/api-handlers'
import { readAhead } from '../../src/main/core/read-ahead'
import { Workbench } from '../../src/main/core/workbench'
import type { NameGroups, QuoteLedger } from '../../src/shared/domain/corroboration'
import type { Source } from '../../src/shared/domain/source'

export interface EvalFile {
  /** Relative path inside the library folder, e.g. "event-1/fox.txt". */
  path: string
  text: string
}

export interface EvalLibrary {
  /** Each imported source by the relative path it was written under ("event-1/fox.txt"). */
  sources: Map<string, Source>
  /** The text the app stored for a source: every offset in the ledger is into this text. */
  text(source: Source): Promise<string>
  /** Every quote group of the library, as the Quotes tab asks for them (no word minimum, no limit). */
  ledger(): Promise<QuoteLedger>
  /** Every name group, as the Names tab asks for them. */
  names(): Promise<NameGroups>
}

/**
 * Each card opened whole where it is cut, a few at a time: all at once opened the groups file
 * once per group together, past the open-file limit of a large library.
 */
async function wholeGroups<G>(cards: readonly G[], whole: (card: G) => Promise<G>): Promise<G[]> {
  const groups: G[] = []
  for await (const group of readAhead(cards, whole, 8)) groups.push(group)
  return groups
}

/** Imports `files` into a new workbench, runs `task` on it, and removes everything afterwards. */
export async function withLibrary<T>(label: string, files: readonly EvalFile[], task: (library: EvalLibrary) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), `sourcebench-${label}-`))
  const dataDir = await mkdtemp(join(tmpdir(), `sourcebench-${label}-data-`))
  const workbench = new Workbench({ dataDir, seedsDir: null, visitOnly: true })
  try {
    for (const file of files) {
      const path = join(folder, file.path)
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, file.text)
    }
    await workbench.boot()
    const report = await workbench.importFolder(folder)
    if (report.errors.length > 0) {
      throw new Error(`eval-corroboration: ${report.errors.length} files of ${label} were not imported (${report.errors[0]!.relativePath}: ${report.errors[0]!.reason})`)
    }
    await workbench.idle()
    const api = createCoreHandlers(workbench)
    const sources = new Map(workbench.project.store.library.data.sources.map((source) => [source.relativePath, source]))
    return await task({
      sources,
      text: (source) => workbench.project.store.readText(source.contentHash),
      // The panels get cards (the first sources and versions of each group); the evaluation scores all of them, as a card opened whole shows them.
      ledger: async () => {
        const ledger = await api.quoteLedger({ filter: 'all', query: '', minWords: 1, limit: 1_000_000 })
        const groups = await wholeGroups(ledger.groups, (group) =>
          group.versions.length < group.versionCount || group.sourceIds.length < group.sourceCount ? api.quoteGroup({ groupId: group.id }) : Promise.resolve(group)
        )
        return { ...ledger, groups }
      },
      names: async () => {
        const names = await api.nameGroups({ query: '', limit: 1_000_000 })
        const groups = await wholeGroups(names.groups, (group) =>
          group.sources.length < group.sourceCount || group.variants.some((variant) => variant.sourceIds.length < variant.sourceCount)
            ? api.nameGroup({ groupId: group.id })
            : Promise.resolve(group)
        )
        return { ...names, groups }
      }
    })
  } finally {
    await workbench.shutdown()
    await rm(folder, { recursive: true, force: true })
    await rm(dataDir, { recursive: true, force: true })
  }
}
