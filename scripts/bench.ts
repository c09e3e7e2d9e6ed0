// `npm run bench -- [corpora folder]`: import speed and memory on real corpora, against
// the baseline of merely reading every file's bytes. Prints a table, then one JSON line.
//   bbc cold / warm (unchanged re-import), reuters cold, peak memory (RSS of this
//   process, extraction threads included), and the time to save one annotation with
//   the reuters library loaded (p50 / p95 over 200 saves).
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { walkFolder } from '../src/main/core/library/walk-folder'
import { Workbench } from '../src/main/core/workbench'

const corpora = resolve(process.argv[2] ?? '../shared/corpora')
const workerPath = resolve(__dirname, '../out/main/extract-worker.js')

let peakRss = 0
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, 20)

async function timed<T>(task: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await task()
  return [value, (performance.now() - start) / 1000]
}

async function readAllBytes(folder: string): Promise<number> {
  const { files } = await walkFolder(folder, new Set(['.txt']))
  const [, seconds] = await timed(async () => {
    for (const file of files) await readFile(file.absolutePath)
  })
  return seconds
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

async function main(): Promise<void> {
  const bbc = join(corpora, 'bbc')
  const reuters = join(corpora, 'reuters')
  const dataDir = await mkdtemp(join(tmpdir(), 'sourcebench-bench-'))
  const threads = availableParallelism()
  const workbench = new Workbench({ dataDir, seedsDir: null, extractWorker: { path: workerPath }, extractThreads: threads })
  try {
    await workbench.boot()
    const bbcBytes = await readAllBytes(bbc)
    const [bbcCold, bbcColdSeconds] = await timed(() => workbench.importFolder(bbc))
    const [bbcWarm, bbcWarmSeconds] = await timed(() => workbench.importFolder(bbc))

    await workbench.createProject('reuters')
    const reutersBytes = await readAllBytes(reuters)
    const [reutersCold, reutersColdSeconds] = await timed(() => workbench.importFolder(reuters))

    const sources = workbench.project.store.library.data.sources
    const saves: number[] = []
    for (let index = 0; index < 200; index++) {
      const source = sources[(index * 7919) % sources.length]
      if (source === undefined) break
      const start = performance.now()
      await workbench.project.annotations.create({ sourceId: source.id, contentHash: source.contentHash, start: 0, end: 5, color: 'yellow', comment: '', tags: [] })
      saves.push(performance.now() - start)
    }
    clearInterval(sampler)

    const figures = {
      threads,
      bbcFiles: bbcCold.added + bbcCold.errors.length,
      bbcReadBytesSeconds: bbcBytes,
      bbcColdSeconds,
      bbcColdVsReadBytes: bbcColdSeconds / bbcBytes,
      bbcWarmSeconds,
      bbcWarmUnchanged: bbcWarm.unchanged,
      bbcErrors: bbcCold.errors.length,
      reutersFiles: reutersCold.added + reutersCold.errors.length,
      reutersReadBytesSeconds: reutersBytes,
      reutersColdSeconds,
      reutersColdVsReadBytes: reutersColdSeconds / reutersBytes,
      reutersErrors: reutersCold.errors.length,
      peakRssMB: peakRss / 1024 / 1024,
      annotationSaveP50Ms: percentile(saves, 50),
      annotationSaveP95Ms: percentile(saves, 95)
    }
    const rows: Array<[string, string, string]> = [
      ['bbc: read every file (baseline)', `${bbcBytes.toFixed(2)} s`, ''],
      ['bbc: cold import', `${bbcColdSeconds.toFixed(2)} s`, `≤ 5 s; ${figures.bbcColdVsReadBytes.toFixed(1)}× baseline`],
      ['bbc: warm re-import', `${bbcWarmSeconds.toFixed(2)} s`, '≤ 0.5 s'],
      ['reuters: read every file (baseline)', `${reutersBytes.toFixed(2)} s`, ''],
      ['reuters: cold import', `${reutersColdSeconds.toFixed(2)} s`, `≤ 40 s; ${figures.reutersColdVsReadBytes.toFixed(1)}× baseline`],
      ['peak memory (RSS)', `${figures.peakRssMB.toFixed(0)} MB`, '≤ 600 MB'],
      ['save one annotation, reuters loaded: p50', `${figures.annotationSaveP50Ms.toFixed(2)} ms`, ''],
      ['save one annotation, reuters loaded: p95', `${figures.annotationSaveP95Ms.toFixed(2)} ms`, '≤ 10 ms']
    ]
    console.log(`Sourcebench import benchmark — ${corpora}, ${threads} extraction threads\n`)
    for (const [name, value, target] of rows) console.log(`${name.padEnd(44)} ${value.padStart(10)}   ${target}`)
    console.log(`\nbbc files not imported: ${bbcCold.errors.map((error) => `${error.relativePath} (${error.reason})`).join(', ') || 'none'}`)
    console.log(JSON.stringify(figures))
  } finally {
    await workbench.shutdown()
    await rm(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
