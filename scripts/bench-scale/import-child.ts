// Child of the scale bench, step a: a cold import of the generated folder into a fresh data
// folder through the importFolder handler (2 extraction threads, folders watched as in the
// app), or, for the baseline, the same files only listed and extracted by the same pool.
import { basename } from 'node:path'
import { importableExtensions } from '../../src/main/core/library/extract/formats'
import { WorkerPoolExtractor } from '../../src/main/core/library/extractor'
import { DEFAULT_MAX_FILE_BYTES, importLanes } from '../../src/main/core/library/import-folder'
import { walkFolder } from '../../src/main/core/library/walk-folder'
import { Workbench } from '../../src/main/core/workbench'
import { engineApi } from './api'
import { childInput, childMain, EXTRACT_THREADS, extractWorkerPath, findingsWorkerPath, maxRssMB } from './child'

export interface ImportChildInput {
  mode: 'import' | 'extract'
  folder: string
  dataDir: string
}

export interface ImportChildOutput {
  /** Until the import answered: every source listed (a large folder's texts not indexed yet). */
  seconds: number
  /** Import only: until search has caught up on the texts (SearchService indexing in the background). */
  searchableSeconds: number
  /** Import only: until the work it queued (indexing, a follow-up pass, merges) is done too. */
  untilIdleSeconds: number
  files: number
  failed: number
  problems: string[]
  maxRssMB: number
}

async function importCold(input: ImportChildInput): Promise<ImportChildOutput> {
  const workbench = new Workbench({ dataDir: input.dataDir, seedsDir: null, extractWorker: { path: extractWorkerPath() }, findingsWorker: { path: findingsWorkerPath() }, extractThreads: EXTRACT_THREADS, watchFolders: true })
  await workbench.boot()
  const api = engineApi(workbench)
  const started = performance.now()
  const report = await api.call('importFolder', { path: input.folder, confirmLarge: true })
  const seconds = (performance.now() - started) / 1000
  await workbench.project.search.settled()
  const searchableSeconds = (performance.now() - started) / 1000
  await workbench.idle()
  // And until the search index's background merges have committed: the library at rest, as later starts find it.
  await workbench.project.search.idle()
  const untilIdleSeconds = (performance.now() - started) / 1000
  await workbench.shutdown()
  const problems = report.errors.slice(0, 5).map((error) => `${error.relativePath}: ${error.reason}`)
  return { seconds, searchableSeconds, untilIdleSeconds, files: report.added, failed: report.errors.length, problems, maxRssMB: maxRssMB() }
}

async function extractOnly(input: ImportChildInput): Promise<ImportChildOutput> {
  const started = performance.now()
  const { files } = await walkFolder(input.folder, { extensions: importableExtensions() })
  const extractor = new WorkerPoolExtractor({ path: extractWorkerPath() }, EXTRACT_THREADS, { maxInflatedBytes: 4 * DEFAULT_MAX_FILE_BYTES })
  const problems: string[] = []
  let next = 0
  let done = 0
  // As many files in flight as the importer keeps (importLanes), so both keep the threads as busy.
  const lane = async (): Promise<void> => {
    for (let file = files[next++]; file !== undefined; file = files[next++]) {
      try {
        await extractor.extract(file.fsPath, basename(file.relativePath))
        done++
      } catch (error: unknown) {
        problems.push(`${file.relativePath}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
  await Promise.all(Array.from({ length: importLanes(extractor) }, lane))
  const seconds = (performance.now() - started) / 1000
  await extractor.close()
  return { seconds, searchableSeconds: seconds, untilIdleSeconds: seconds, files: done, failed: problems.length, problems: problems.slice(0, 5), maxRssMB: maxRssMB() }
}

childMain(async () => {
  const input = await childInput<ImportChildInput>()
  return input.mode === 'import' ? importCold(input) : extractOnly(input)
})
