import { rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CorroborationService } from '../../../../../src/main/core/corroboration/corroboration-service'
import { Workbench } from '../../../../../src/main/core/workbench'
import { useTempDirs } from '../../../../helpers/temp-dir'

const seedsDir = resolve(__dirname, '../../../../../seeds')
const script = {
  path: resolve(__dirname, '../../../../helpers/ts-worker.mjs'),
  workerData: { script: resolve(__dirname, '../../../../../src/main/core/corroboration/findings/findings-worker.ts') }
}
const everything = { filter: 'all', query: '', minWords: 1, limit: 2000 } as const

describe('run-findings-job', () => {
  const tempDir = useTempDirs()

  it('analyses and groups in a worker thread exactly as in this thread, reporting progress and reading the texts itself', async () => {
    const folder = await tempDir()
    await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        writeFile(join(folder, `note-${index}.txt`), `Note ${index}\n\n"Item ${index} was delivered on time," the clerk Anna Berg said.\n`)
      )
    )
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir, now: () => new Date('2026-01-16T10:00:00Z') })
    await workbench.boot()
    await workbench.importFolder(folder)
    const here = workbench.project.corroboration
    const expected = { ledger: await here.ledger(everything), names: await here.names('', 2000) }
    const store = workbench.project.store
    await rm(join(store.dir, 'findings'), { recursive: true })
    const reads: string[] = []
    const seen: { done: number; total: number }[] = []
    const service = new CorroborationService(
      store,
      (hash) => {
        reads.push(hash)
        return store.readText(hash)
      },
      () => new Date('2026-01-16T10:00:00Z'),
      (progress) => seen.push(progress),
      script
    )
    try {
      expect({ ledger: await service.ledger(everything), names: await service.names('', 2000) }).toEqual(expected)
      expect(service.extractedSources).toBe(65)
      expect(reads).toEqual([])
      expect(seen.at(-1)).toEqual({ done: 65, total: 65 })
      // A later pass runs in the same worker and analyses only the new text.
      await writeFile(join(folder, 'note-late.txt'), 'Late note\n\n"Item late was delivered at last," the clerk Anna Berg said.\n')
      await workbench.importFolder(folder)
      const ledger = await service.ledger({ filter: 'all', query: 'delivered last', minWords: 3, limit: 10 })
      expect(ledger.groups.map((group) => group.reference)).toEqual(['Item late was delivered at last,'])
      expect(service.extractedSources).toBe(66)
    } finally {
      await service.close()
    }
  }, 60_000)

  it('asks the store for a text the worker cannot read, and shows the store’s reason', async () => {
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir, now: () => new Date('2026-01-16T10:00:00Z') })
    await workbench.boot()
    const store = workbench.project.store
    const gone = store.library.data.sources[1]!
    await rm(join(store.dir, 'texts', `${gone.contentHash}.txt`))
    const service = new CorroborationService(store, (hash) => store.readText(hash), () => new Date(), undefined, script)
    try {
      const ledger = await service.ledger(everything)
      expect(ledger.unreadable).toEqual([{ sourceId: gone.id, reason: expect.stringMatching(/^store: the text .* is missing from the project/) }])
      expect(ledger.sourcesScanned).toBe(store.library.data.sources.length - 1)
    } finally {
      await service.close()
    }
  }, 60_000)
})
