// Runs the scale bench's steps a–g on one library size, in order, each in its own child
// process on one fresh data folder, and turns what the children report into the figures.
import { existsSync } from 'node:fs'
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ensureLibrary, type GeneratedLibrary } from './generate'
import type { ImportChildInput, ImportChildOutput } from './import-child'
import { buildQueries } from './queries'
import { percentile, type SizeFigures } from './report'
import { runChild, type ChildScript } from './run-child'
import type { SessionChildInput, SessionChildOutput } from './session-child'
import type { StartChildInput, StartChildOutput } from './start-child'

export interface SizeRun {
  figures: SizeFigures
  /** Wall seconds of each step, to plan a larger run. */
  phases: Record<string, number>
  library: GeneratedLibrary
  notes: string[]
}

/** Bytes of every file under a folder (apparent sizes, as a file manager shows them). */
async function folderBytes(folder: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await lstat(join(entry.parentPath, entry.name))).size
  }
  return total
}

/**
 * Reads every file of the library once, so that step a's two runs both find them in the
 * page cache: the one that ran first (extracting alone) used to read them from disk and
 * took up to twice as long, which made the import look cheaper beside it than it is.
 */
async function readEveryFile(folder: string): Promise<void> {
  const files = (await readdir(folder, { withFileTypes: true, recursive: true })).filter((entry) => entry.isFile())
  let next = 0
  const lane = async (): Promise<void> => {
    for (let entry = files[next++]; entry !== undefined; entry = files[next++]) await readFile(join(entry.parentPath, entry.name))
  }
  await Promise.all(Array.from({ length: 8 }, lane))
}

/** What the app costs with nothing in it: start-up time and memory, subtracted to give memory per 1,000 documents. */
export interface EmptyLibrary {
  listedSeconds: number
  moduleLoadSeconds: number
  heapUsedMB: number
  rssMB: number
}

export async function measureEmpty(work: string): Promise<EmptyLibrary> {
  await mkdir(join(work, 'runs'), { recursive: true })
  const run = await mkdtemp(join(work, 'runs', 'empty-'))
  try {
    const first = await runChild<StartChildOutput>('start-child', { dataDir: join(run, 'data'), mode: 'first' } satisfies StartChildInput, join(run, 'input.json'))
    return { listedSeconds: first.listedMs / 1000, moduleLoadSeconds: first.moduleLoadMs / 1000, heapUsedMB: first.heapUsedMB, rssMB: first.rssMB }
  } finally {
    await rm(run, { recursive: true, force: true })
  }
}

export async function measureSize(options: { size: number; corpus: string; work: string; seed: number; keep: boolean; ledger: boolean; empty: EmptyLibrary; resume?: string }): Promise<SizeRun> {
  const phases: Record<string, number> = {}
  const notes: string[] = []
  const phase = async <T>(name: string, task: () => Promise<T>): Promise<T> => {
    const started = performance.now()
    console.error(`bench-scale: ${options.size.toLocaleString()} documents: ${name}…`)
    const value = await task()
    phases[name] = (performance.now() - started) / 1000
    return value
  }
  const started = performance.now()
  const library = await phase('generate', () => ensureLibrary(options))
  const queries = await buildQueries(library.folder, options.seed)
  await mkdir(join(options.work, 'runs'), { recursive: true })
  // A kept run folder carries on where it stopped: its finished steps' figures are read back, the rest run.
  const run = options.resume ?? (await mkdtemp(join(options.work, 'runs', `n${options.size}-`)))
  const dataDir = join(run, 'data')
  const inputFile = join(run, 'input.json')
  const keep = options.keep || options.resume !== undefined
  if (keep) console.error(`bench-scale: ${options.size.toLocaleString()} documents: run folder ${run} (kept; --resume ${run} carries on from it)`)
  try {
    /** One child step; its figures are saved in the run folder. A step that fails is noted and its figures left empty. */
    const step = async <I, O>(name: string, script: ChildScript, input: I, required = false): Promise<O | null> => {
      const saved = join(run, `${name.replace(/\W+/g, '-')}.json`)
      if (options.resume !== undefined && existsSync(saved)) {
        notes.push(`${name}: figures read back from the run folder (measured ${(await stat(saved)).mtime.toISOString()})`)
        return JSON.parse(await readFile(saved, 'utf8')) as O
      }
      try {
        const value = await phase(name, () => runChild<O>(script, input, inputFile))
        await writeFile(saved, JSON.stringify(value))
        return value
      } catch (error: unknown) {
        if (required) throw error
        notes.push(`${name} failed: ${error instanceof Error ? error.message : String(error)}`)
        return null
      }
    }
    await phase('read the files once', () => readEveryFile(library.folder))
    const extract = await step<ImportChildInput, ImportChildOutput>('extract alone', 'import-child', { mode: 'extract', folder: library.folder, dataDir })
    const imported = (await step<ImportChildInput, ImportChildOutput>('import', 'import-child', { mode: 'import', folder: library.folder, dataDir }, true))!
    if (imported.failed > 0) notes.push(`${imported.failed} files not imported, e.g. ${imported.problems.join('; ')}`)
    const first = await step<StartChildInput, StartChildOutput>('first start', 'start-child', { dataDir, mode: 'first' })
    if (!options.ledger) notes.push('quote ledger and names not measured (--skip-ledger)')
    const ledger = options.ledger ? await step<StartChildInput, StartChildOutput>('ledger first build', 'start-child', { dataDir, mode: 'ledger' }) : null
    const second = await step<StartChildInput, StartChildOutput>('second start', 'start-child', { dataDir, mode: 'second', ledger: options.ledger })
    const projectDir = second?.projectDir ?? first?.projectDir
    const diskBytes = projectDir === undefined ? Number.NaN : await folderBytes(projectDir)
    const session = await step<SessionChildInput, SessionChildOutput>('session', 'session-child', { dataDir, library: library.folder, queries })
    if (session !== null && session.annotationFailures > 0) notes.push(`${session.annotationFailures} highlight saves refused`)
    if (session !== null && session.watch.timeouts > 0) notes.push(`${session.watch.timeouts} watched-folder changes not visible within 10 s`)
    for (const [kind, figures] of Object.entries(session?.search ?? {})) {
      if (figures.matched < figures.rankMs.length) notes.push(`${kind}: ${figures.rankMs.length - figures.matched} of ${figures.rankMs.length} queries found nothing`)
    }
    const documents = imported.files
    const perThousand = (value: number): number => value / (documents / 1000)
    const median = (values: number[]): number => percentile(values, 50)
    const max = (values: number[]): number => (values.length === 0 ? Number.NaN : Math.max(...values))
    const figures: SizeFigures = {
      documents,
      libraryMB: library.bytes / 1024 / 1024,
      importSeconds: imported.seconds,
      importSearchableSeconds: imported.searchableSeconds,
      importUntilIdleSeconds: imported.untilIdleSeconds,
      extractSeconds: extract?.seconds ?? Number.NaN,
      importVsExtract: imported.seconds / (extract?.seconds ?? Number.NaN),
      searchableVsExtract: imported.searchableSeconds / (extract?.seconds ?? Number.NaN),
      importPeakRssMB: imported.maxRssMB,
      extractPeakRssMB: extract?.maxRssMB ?? Number.NaN,
      startListedSeconds: (first?.listedMs ?? Number.NaN) / 1000,
      startModuleLoadSeconds: (first?.moduleLoadMs ?? Number.NaN) / 1000,
      startBootSeconds: (first?.bootMs ?? Number.NaN) / 1000,
      startFullListSeconds: (first?.fullListMs ?? Number.NaN) / 1000,
      startIdleSeconds: (first?.idleMs ?? Number.NaN) / 1000,
      firstRepliesMB: first?.firstRepliesMB ?? Number.NaN,
      secondStartListedSeconds: (second?.listedMs ?? Number.NaN) / 1000,
      ledgerNamesSecondStartSeconds: second === null || !options.ledger ? Number.NaN : (second.ledgerMs + second.namesMs) / 1000,
      ledgerNamesFirstStartSeconds: ledger === null ? Number.NaN : (ledger.ledgerMs + ledger.namesMs) / 1000,
      quotations: options.ledger ? (second?.quotations ?? ledger?.quotations ?? Number.NaN) : Number.NaN,
      nameGroups: options.ledger ? (second?.nameGroups ?? ledger?.nameGroups ?? Number.NaN) : Number.NaN,
      watchAddMedianMs: median(session?.watch.addMs ?? []),
      watchAddMaxMs: max(session?.watch.addMs ?? []),
      watchChangeMedianMs: median(session?.watch.changeMs ?? []),
      watchChangeMaxMs: max(session?.watch.changeMs ?? []),
      watchDeleteMedianMs: median(session?.watch.deleteMs ?? []),
      watchDeleteMaxMs: max(session?.watch.deleteMs ?? []),
      watchTimeouts: session?.watch.timeouts ?? Number.NaN,
      editSourceP50Ms: median(session?.editMs ?? []),
      editSourceP95Ms: percentile(session?.editMs ?? [], 95),
      annotationP50Ms: median(session?.annotationMs ?? []),
      annotationP95Ms: percentile(session?.annotationMs ?? [], 95),
      annotationWritesPerSecond: session === null ? Number.NaN : session.annotationMs.length / session.annotationSeconds,
      searchWordP95Ms: percentile(session?.search.word.rankMs ?? [], 95),
      searchPhraseP95Ms: percentile(session?.search.phrase.rankMs ?? [], 95),
      searchFuzzyP95Ms: percentile(session?.search.fuzzy.rankMs ?? [], 95),
      searchWordAnswerP95Ms: percentile(session?.search.word.answerMs ?? [], 95),
      searchPhraseAnswerP95Ms: percentile(session?.search.phrase.answerMs ?? [], 95),
      searchFuzzyAnswerP95Ms: percentile(session?.search.fuzzy.answerMs ?? [], 95),
      heapAfterStartMB: first?.heapUsedMB ?? Number.NaN,
      arrayBuffersAfterStartMB: first?.arrayBuffersMB ?? Number.NaN,
      rssAfterStartMB: first?.rssMB ?? Number.NaN,
      heapPer1kDocsMB: perThousand((first?.heapUsedMB ?? Number.NaN) - options.empty.heapUsedMB),
      rssPer1kDocsMB: perThousand((first?.rssMB ?? Number.NaN) - options.empty.rssMB),
      projectDiskMB: diskBytes / 1024 / 1024,
      diskPer1kDocsMB: perThousand(diskBytes / 1024 / 1024),
      sessionPeakRssMB: session?.maxRssMB ?? Number.NaN,
      runSeconds: (performance.now() - started) / 1000
    }
    return { figures, phases, library, notes }
  } finally {
    if (!keep) await rm(run, { recursive: true, force: true })
  }
}
