// `npm run bench:scale -- [--sizes 1000,10000,100000] [--corpus ../shared/corpora] [--work DIR]
// [--seed 1] [--keep] [--resume RUN] [--skip-ledger]`: the issue-15 targets measured through the app's own API on libraries
// of generated news texts (scripts/bench-scale/generate.ts says how they are made; cached
// under --work, default <tmp>/sourcebench-scale). Per size, in order, each in a child process:
//   a. import cold (2 extraction threads) against extracting the same files alone; peak RSS;
//   b. cold start to the library listed (from process start); c. quote ledger + names on the
//   second start; d. a file added / changed / deleted in the watched folder until searchable
//   (5×, median and max); e. edit a source's details (p95 of 50), save a highlight with 20
//   clients at once (p95 of 200); f. search word / phrase / fuzzy p95 (40 queries each);
//   g. memory after a cold start and the project folder's size.
// Prints one row per figure, one column per size, the fitted growth exponent and the target
// checked at the largest size ≥ 100k; the last line is one JSON object with every figure.
// 1,000,000 runs only when asked (`--sizes 1000000`). --keep keeps each size's run folder (its
// data folder and each step's figures); --resume RUN, with one size, carries a kept run on:
// finished steps are read back, the rest run, so a long run survives a failed or stopped step.
// --skip-ledger leaves out the quote ledger and names (step c), whose first build at 1M takes
// longer than everything else together.
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { EXTRACT_THREADS } from './bench-scale/child'
import { GENERATOR_VERSION, isCached, missingCorpora } from './bench-scale/generate'
import { measureEmpty, measureSize, type SizeRun } from './bench-scale/measure-size'
import { exponents, printTable, type SizeFigures } from './bench-scale/report'
import { BUNDLES, bundleChildren, REPO_EXTRACT_WORKER } from './bench-scale/run-child'

function options(): { sizes: number[]; corpus: string; work: string; seed: number; keep: boolean; ledger: boolean; resume?: string } {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      corpus: { type: 'string', default: '../shared/corpora' },
      work: { type: 'string', default: join(tmpdir(), 'sourcebench-scale') },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      resume: { type: 'string' },
      'skip-ledger': { type: 'boolean', default: false }
    }
  })
  const sizes = values.sizes.split(',').map((size) => Number(size.replace(/_/g, '').trim()))
  if (sizes.some((size) => !Number.isInteger(size) || size < 100)) throw new Error(`bench-scale: --sizes takes whole numbers of at least 100, comma-separated (got ${values.sizes})`)
  const seed = Number(values.seed)
  if (!Number.isInteger(seed)) throw new Error(`bench-scale: --seed takes a whole number (got ${values.seed})`)
  if (values.resume !== undefined && new Set(sizes).size !== 1) throw new Error('bench-scale: --resume carries on one run folder, so it takes one size in --sizes')
  if (values.resume !== undefined && !existsSync(join(values.resume, 'data'))) throw new Error(`bench-scale: --resume ${values.resume} is not a kept run folder (it has no data folder)`)
  const resume = values.resume === undefined ? {} : { resume: resolve(values.resume) }
  return { sizes: [...new Set(sizes)].sort((a, b) => a - b), corpus: resolve(values.corpus), work: resolve(values.work), seed, keep: values.keep, ledger: !values['skip-ledger'], ...resume }
}

async function main(): Promise<void> {
  const settings = options()
  if (!existsSync(REPO_EXTRACT_WORKER)) throw new Error(`bench-scale: no built extraction worker at ${REPO_EXTRACT_WORKER}; run electron-vite build first`)
  const uncached = settings.sizes.filter((size) => !isCached(settings.work, size, settings.seed))
  if (uncached.length > 0 && !existsSync(settings.corpus)) throw new Error(missingCorpora(settings.corpus))
  // The engine as it is now, bundled as the app's main process is, in a folder of this run's own.
  const bundles = join(BUNDLES, `run-${process.pid}`)
  await bundleChildren(bundles)
  try {
    await measure(settings)
  } finally {
    await rm(bundles, { recursive: true, force: true })
  }
}

async function measure(settings: ReturnType<typeof options>): Promise<void> {
  const empty = await measureEmpty(settings.work)
  const runs = new Map<number, SizeRun>()
  for (const size of settings.sizes) runs.set(size, await measureSize({ ...settings, size, empty }))

  const bySize = new Map<number, SizeFigures>([...runs].map(([size, run]) => [size, run.figures]))
  console.log(`\nSourcebench scale benchmark — generator v${GENERATOR_VERSION}, seed ${settings.seed}, ${EXTRACT_THREADS} extraction threads, corpora ${settings.corpus}\n`)
  printTable(bySize)
  console.log(
    `\nempty library: listed ${empty.listedSeconds.toFixed(2)} s after process start (${empty.moduleLoadSeconds.toFixed(2)} s of it loading node and modules); heap ${empty.heapUsedMB.toFixed(0)} MB, RSS ${empty.rssMB.toFixed(0)} MB`
  )
  for (const [size, run] of runs) {
    const built = run.library.reused ? 'library reused from the cache' : `library built in ${run.library.seconds.toFixed(0)} s`
    const steps = Object.entries(run.phases)
      .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`)
      .join(', ')
    console.log(`\n${size.toLocaleString()}: ${run.library.originals.toLocaleString()} originals + ${run.library.copies.toLocaleString()} copies; ${built}; ${steps}`)
    for (const note of run.notes) console.log(`  note: ${note}`)
  }
  console.log(
    JSON.stringify({
      generatorVersion: GENERATOR_VERSION,
      seed: settings.seed,
      threads: EXTRACT_THREADS,
      sizes: settings.sizes,
      emptyLibrary: empty,
      figures: Object.fromEntries(bySize),
      exponents: exponents(bySize),
      phases: Object.fromEntries([...runs].map(([size, run]) => [size, run.phases])),
      notes: Object.fromEntries([...runs].map(([size, run]) => [size, run.notes]))
    })
  )
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
