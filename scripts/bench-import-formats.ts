// The per-format part of `npm run bench`: each corpus folder (text, web pages, PDF, Word)
// is imported cold in a fresh process through the workbench with the built extraction
// workers, and the kernel's high-water mark of that process's memory (ru_maxrss: the
// main thread and every worker) is its peak RSS. A fresh process per format keeps one
// format's leftovers out of the next one's figure.
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Workbench } from '../src/main/core/workbench'
import { importCounts } from '../src/shared/domain/import-counts'

export interface FormatImportFigures {
  format: string
  folder: string
  files: number
  imported: number
  refused: number
  seconds: number
  peakRssMB: number
}

const FORMATS: ReadonlyArray<{ format: string; folder: string; targetMB?: number }> = [
  { format: 'text', folder: 'bbc' },
  { format: 'html', folder: 'readability' },
  { format: 'pdf', folder: 'pdf' },
  { format: 'docx', folder: 'docx', targetMB: 400 }
]

export const FORMAT_RSS_TARGETS_MB: Readonly<Record<string, number>> = Object.fromEntries(FORMATS.flatMap(({ format, targetMB }) => (targetMB === undefined ? [] : [[format, targetMB]])))

/** Runs in the child: imports one folder and prints one JSON line. */
async function importOne(folder: string, workerPath: string): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sourcebench-bench-format-'))
  const workbench = new Workbench({ dataDir, seedsDir: null, extractWorker: { path: workerPath }, extractThreads: availableParallelism() })
  try {
    await workbench.boot()
    const started = performance.now()
    const report = await workbench.importFolder(folder, true)
    const seconds = (performance.now() - started) / 1000
    const counts = importCounts(report)
    console.log(JSON.stringify({ files: counts.files, imported: counts.imported, refused: counts.refused, seconds, peakRssMB: process.resourceUsage().maxRSS / 1024 }))
  } finally {
    await workbench.shutdown()
    await rm(dataDir, { recursive: true, force: true })
  }
}

export function benchImportFormats(corpora: string, workerPath: string): FormatImportFigures[] {
  return FORMATS.map(({ format, folder }) => {
    const path = resolve(corpora, folder)
    const child = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--one', path, workerPath], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    const last = child.stdout.trim().split('\n').at(-1) ?? ''
    if (child.status !== 0 || !last.startsWith('{')) throw new Error(`bench: importing ${path} failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`)
    return { format, folder, ...(JSON.parse(last) as Omit<FormatImportFigures, 'format' | 'folder'>) }
  })
}

if (process.argv[2] === '--one') {
  importOne(process.argv[3] ?? '', process.argv[4] ?? '').catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  })
}
