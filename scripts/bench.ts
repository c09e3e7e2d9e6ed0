// `npm run bench -- [corpora folder]`: import, search and corroboration speed and memory on real
// corpora, against the baselines of merely reading every file's bytes and of grep, and
// how Stop and a hostile folder behave.
// Prints a table, then one JSON line. Query latencies are match + rank (the targets); the
// whole answer, with snippets read from the texts of the first results, is shown beside them.
//   bbc cold / warm (unchanged re-import), reuters cold, peak memory (RSS of this
//   process, extraction threads included), and the time to save one annotation with
//   the reuters library loaded (p50 / p95 over 200 saves).
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'
import { walkFolder } from '../src/main/core/library/walk-folder'
import { SearchService } from '../src/main/core/library-search/search-service'
import { Workbench } from '../src/main/core/workbench'
import { benchCorroboration } from './bench-corroboration'
import { benchEvidence } from './bench-evidence'
import { benchExport } from './bench-export'
import { benchHardening } from './bench-hardening'
import { benchImportFormats, FORMAT_RSS_TARGETS_MB } from './bench-import-formats'
import { benchOcr } from './bench-ocr'

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
  const { files } = await walkFolder(folder, { extensions: new Set(['.txt']) })
  const [, seconds] = await timed(async () => {
    for (const file of files) await readFile(file.fsPath)
  })
  return seconds
}

/** Queries drawn from the corpus's own text: real words, real phrases, real typos. */
function makeQueries(texts: string[], count: number): Record<'oneWord' | 'threeWords' | 'phrase' | 'fuzzy', string[]> {
  let seed = 42
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T
  const queries = { oneWord: [] as string[], threeWords: [] as string[], phrase: [] as string[], fuzzy: [] as string[] }
  while (queries.fuzzy.length < count) {
    // Lower case, so a headline's OR / AND / NOT never turns into an operator.
    const tokens = pick(texts).toLowerCase().split(/[^a-z]+/).filter((token) => token.length > 0)
    const words = tokens.filter((word) => word.length >= 4)
    if (words.length < 6 || tokens.length < 8) continue
    const at = Math.floor(random() * (tokens.length - 3))
    queries.oneWord.push(pick(words))
    queries.threeWords.push([pick(words), pick(words), pick(words)].join(' '))
    queries.phrase.push(`"${tokens.slice(at, at + 2 + Math.floor(random() * 2)).join(' ')}"`)
    const word = pick(words.filter((candidate) => candidate.length >= 6).concat(words[0] ?? 'market'))
    const position = 1 + Math.floor(random() * (word.length - 2))
    queries.fuzzy.push(`${word.slice(0, position)}${word[position] === 'e' ? 'a' : 'e'}${word.slice(position + 1)}~`)
  }
  return queries
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
    const corroboration = await benchCorroboration(workbench, corpora)

    await workbench.createProject('reuters')
    const reutersBytes = await readAllBytes(reuters)
    const [reutersCold, reutersColdSeconds] = await timed(() => workbench.importFolder(reuters, true))
    const importPeakRss = peakRss
    // The quote ledger and names of the whole reuters library, first time (every text read).
    const [reutersLedger, reutersLedgerSeconds] = await timed(async () => {
      const ledger = await workbench.project.corroboration.ledger({ filter: 'all', query: '', minWords: 3, limit: 300 })
      await workbench.project.corroboration.names('', 500)
      return ledger
    })

    const sources = workbench.project.store.library.data.sources
    const saves: number[] = []
    for (let index = 0; index < 200; index++) {
      const source = sources[(index * 7919) % sources.length]
      if (source === undefined) break
      const start = performance.now()
      await workbench.project.annotations.create({ sourceId: source.id, contentHash: source.contentHash, start: 0, end: 5, color: 'yellow', comment: '', tags: [] })
      saves.push(performance.now() - start)
    }
    // Search, with the reuters library loaded: a fresh load of the saved index, then queries.
    const gc = (globalThis as { gc?: () => void }).gc
    // Settle first: buffers of the import are freed only after a few collections.
    const settle = async (): Promise<void> => {
      for (let round = 0; round < 3; round++) {
        gc?.()
        await new Promise((done) => setImmediate(done))
      }
    }
    // Typed arrays live outside the JS heap: count both.
    const used = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers
    await settle()
    const heapBefore = used()
    const search = new SearchService(workbench.project.store, () => undefined)
    await search.load()
    await search.ready()
    await settle()
    const indexHeapMB = (used() - heapBefore) / 1024 / 1024
    const sample = await Promise.all(sources.slice(0, 400).map((source) => workbench.project.store.readText(source.contentHash)))
    const queries = makeQueries(sample, 250)
    const latency: Record<string, number[]> = {}
    const answered: Record<string, number[]> = {}
    let matched = 0
    for (const [kind, list] of Object.entries(queries)) {
      latency[kind] = []
      answered[kind] = []
      for (const query of list) {
        const start = performance.now()
        const response = await search.search(query, 30)
        answered[kind]?.push(performance.now() - start)
        latency[kind]?.push(response.rankMs)
        if (response.total > 0) matched++
      }
    }
    const grepSeconds: number[] = []
    const searchSeconds: number[] = []
    for (const word of queries.oneWord.slice(0, 15)) {
      const start = performance.now()
      spawnSync('grep', ['-rliF', word, reuters], { stdio: 'ignore' })
      grepSeconds.push((performance.now() - start) / 1000)
      const searched = performance.now()
      await search.search(word, 30)
      searchSeconds.push((performance.now() - searched) / 1000)
    }
    const evidence = await benchEvidence(workbench)
    const exported = await benchExport(workbench)
    const hardening = await benchHardening(workbench, corpora)
    clearInterval(sampler)
    const byFormat = benchImportFormats(corpora, workerPath)
    const ocrScan = await benchOcr(corpora, workerPath)

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
      importPeakRssMB: importPeakRss / 1024 / 1024,
      peakRssMB: peakRss / 1024 / 1024,
      annotationSaveP50Ms: percentile(saves, 50),
      annotationSaveP95Ms: percentile(saves, 95),
      searchIndexDocuments: search.indexedCount,
      searchIndexLoadSeconds: search.loadSeconds,
      searchIndexHeapMB: indexHeapMB,
      searchQueries: Object.values(queries).reduce((sum, list) => sum + list.length, 0),
      searchQueriesWithResults: matched,
      oneWordP50Ms: percentile(latency['oneWord'] ?? [], 50),
      oneWordP95Ms: percentile(latency['oneWord'] ?? [], 95),
      threeWordsP50Ms: percentile(latency['threeWords'] ?? [], 50),
      threeWordsP95Ms: percentile(latency['threeWords'] ?? [], 95),
      phraseP50Ms: percentile(latency['phrase'] ?? [], 50),
      phraseP95Ms: percentile(latency['phrase'] ?? [], 95),
      fuzzyP50Ms: percentile(latency['fuzzy'] ?? [], 50),
      fuzzyP95Ms: percentile(latency['fuzzy'] ?? [], 95),
      withSnippetsP50Ms: percentile(Object.values(answered).flat(), 50),
      withSnippetsP95Ms: percentile(Object.values(answered).flat(), 95),
      grepOneWordMedianSeconds: percentile(grepSeconds, 50),
      searchOneWordMedianSeconds: percentile(searchSeconds, 50),
      grepVsSearch: percentile(grepSeconds, 50) / Math.max(percentile(searchSeconds, 50), 1e-6),
      ...evidence.figures,
      ...corroboration.figures,
      reutersLedgerAndNamesColdSeconds: reutersLedgerSeconds,
      reutersQuotations: reutersLedger.quotations,
      ...exported.figures,
      ...hardening.figures,
      ...(ocrScan?.figures ?? {}),
      ...Object.fromEntries(
        byFormat.flatMap((entry) => [
          [`${entry.format}ImportPeakRssMB`, entry.peakRssMB],
          [`${entry.format}ImportSeconds`, entry.seconds],
          [`${entry.format}ImportFiles`, entry.files]
        ])
      )
    }
    const rows: Array<[string, string, string]> = [
      ['bbc: read every file (baseline)', `${bbcBytes.toFixed(2)} s`, ''],
      ['bbc: cold import', `${bbcColdSeconds.toFixed(2)} s`, `≤ 5 s; ${figures.bbcColdVsReadBytes.toFixed(1)}× baseline`],
      ['bbc: warm re-import', `${bbcWarmSeconds.toFixed(2)} s`, '≤ 0.5 s'],
      ['reuters: read every file (baseline)', `${reutersBytes.toFixed(2)} s`, ''],
      ['reuters: cold import', `${reutersColdSeconds.toFixed(2)} s`, `≤ 40 s; ${figures.reutersColdVsReadBytes.toFixed(1)}× baseline`],
      ['peak memory (RSS) through the reuters import', `${figures.importPeakRssMB.toFixed(0)} MB`, '≤ 600 MB'],
      ['peak memory (RSS) of the whole run', `${figures.peakRssMB.toFixed(0)} MB`, 'incl. the reuters quote ledger'],
      ['save one annotation, reuters loaded: p50', `${figures.annotationSaveP50Ms.toFixed(2)} ms`, ''],
      ['save one annotation, reuters loaded: p95', `${figures.annotationSaveP95Ms.toFixed(2)} ms`, '≤ 10 ms'],
      ['search index: load at start-up', `${figures.searchIndexLoadSeconds.toFixed(3)} s`, `≤ 1 s; ${figures.searchIndexDocuments} documents`],
      ['search index: memory once loaded (heap + buffers)', `${figures.searchIndexHeapMB.toFixed(0)} MB`, ''],
      ['one word: p50 / p95', `${figures.oneWordP50Ms.toFixed(2)} / ${figures.oneWordP95Ms.toFixed(2)} ms`, '≤ 5 / 20 ms'],
      ['three words: p50 / p95', `${figures.threeWordsP50Ms.toFixed(2)} / ${figures.threeWordsP95Ms.toFixed(2)} ms`, '≤ 5 / 20 ms'],
      ['phrase: p50 / p95', `${figures.phraseP50Ms.toFixed(2)} / ${figures.phraseP95Ms.toFixed(2)} ms`, 'p95 ≤ 50 ms'],
      ['fuzzy: p50 / p95', `${figures.fuzzyP50Ms.toFixed(2)} / ${figures.fuzzyP95Ms.toFixed(2)} ms`, 'p95 ≤ 100 ms'],
      ['whole answer with snippets, all kinds: p50 / p95', `${figures.withSnippetsP50Ms.toFixed(2)} / ${figures.withSnippetsP95Ms.toFixed(2)} ms`, ''],
      ...evidence.rows,
      ['grep -rliF, one word (median)', `${(figures.grepOneWordMedianSeconds * 1000).toFixed(0)} ms`, `search is ${figures.grepVsSearch.toFixed(0)}× faster`],
      ...corroboration.rows,
      ['reuters: ledger + name groups, cold', `${reutersLedgerSeconds.toFixed(1)} s`, `${reutersLedger.quotations.toLocaleString()} quotations in ${reutersLedger.sourcesScanned.toLocaleString()} sources`],
      ...exported.rows,
      ...hardening.rows,
      ...byFormat.map((entry): [string, string, string] => {
        const target = FORMAT_RSS_TARGETS_MB[entry.format]
        return [
          `${entry.folder} (${entry.format}): cold import, own process`,
          `${entry.peakRssMB.toFixed(0)} MB`,
          `peak RSS${target === undefined ? '' : ` (≤ ${target} MB)`}; ${entry.seconds.toFixed(1)} s, ${entry.imported} of ${entry.files} files imported`
        ]
      }),
      ...(ocrScan?.rows ?? [])
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
