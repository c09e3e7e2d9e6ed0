// A workbench for OCR import tests: extraction on worker threads as in the app, English only
// (no system language folders), shut down after each test; and a source found by its path.
import { resolve } from 'node:path'
import { afterEach } from 'vitest'
import type { Source } from '../../../../../src/shared/domain/source'
import { Workbench } from '../../../../../src/main/core/workbench'

const workerScript = {
  path: resolve(__dirname, '../../../../helpers/ts-worker.mjs'),
  workerData: { script: resolve(__dirname, '../../../../../src/main/core/library/extract-worker.ts') }
}

/** Call inside a describe: `open(dataDir)` boots a workbench that is shut down after the test. */
export function useOcrWorkbenches(): (dataDir: string, threads?: number) => Promise<Workbench> {
  const opened: Workbench[] = []
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((workbench) => workbench.shutdown()))
  })
  return async (dataDir, threads = 2) => {
    const workbench = new Workbench({ dataDir, seedsDir: null, extractWorker: workerScript, extractThreads: threads, ocrLanguageFolders: [] })
    opened.push(workbench)
    await workbench.boot()
    return workbench
  }
}

export function sourceAt(workbench: Workbench, relativePath: string): Source {
  const source = workbench.project.store.library.data.sources.find((candidate) => candidate.relativePath === relativePath)
  if (source === undefined) throw new Error(`test: no source ${relativePath}`)
  return source
}
