// Runs the scale bench's steps a–g on one library size, in order, each in its own child
// process on one fresh data folder, and turns what the children report into the figures.
import { lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
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

export async function measureSize(options: { size: number; corpus: string; work: string; seed: number; keep: boolean; empty: EmptyLibrary }): Promise<SizeRun> {
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
  const run = await mkdtemp(join(options.work, 'runs', `n${options.size}-`))
  const dataDir = join(run, 'data')
  const inputFile = join(run, 'input.json')
  try {
    const child = <I, O>(script: ChildScript, input: I): Promise<O> => runChild<O>(script, input, inputFile)
    const extract = await phase('extract alone', () => child<ImportChildInput, ImportChildOutput>('import-child', { mode: 'extract', folder: library.folder, dataDir }))
    const imported = await phase('import', () => child<ImportChildInput, ImportChildOutput>('import-child', { mode: 'import', folder: library.folder, dataDir }))
    if (imported.failed > 0) notes.push(`${imported.failed} files not imported, e.g. ${imported.problems.join('; ')}`)
    const first = await phase('first start', () => child<StartChildInput, StartChildOutput>('start-child', { dataDir, mode: 'first' }))
    const second = await phase('second start', () => child<StartChildInput, StartChildOutput>('start-child', { dataDir, mode: 'second' }))
    const diskBytes = await folderBytes(second.projectDir)
    const session = await phase('session', () => child<SessionChildInput, SessionChildOutput>('session-child', { dataDir, library: library.folder, queries }))
    if (session.annotationFailures > 0) notes.push(`${session.annotationFailures} highlight saves refused`)
    if (session.watch.timeouts > 0) notes.push(`${session.watch.timeouts} watched-folder changes not visible within 10 s`)
    for (const [kind, figures] of Object.entries(session.search)) {
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
      importUntilIdleSeconds: imported.untilIdleSeconds,
      extractSeconds: extract.seconds,
      importVsExtract: imported.seconds / extract.seconds,
      importPeakRssMB: imported.maxRssMB,
      extractPeakRssMB: extract.maxRssMB,
      startListedSeconds: first.listedMs / 1000,
      startModuleLoadSeconds: first.moduleLoadMs / 1000,
      startBootSeconds: first.bootMs / 1000,
      startFullListSeconds: first.fullListMs / 1000,
      startIdleSeconds: first.idleMs / 1000,
      firstRepliesMB: first.firstRepliesMB,
      secondStartListedSeconds: second.listedMs / 1000,
      ledgerNamesSecondStartSeconds: (second.ledgerMs + second.namesMs) / 1000,
      ledgerNamesFirstStartSeconds: (first.ledgerMs + first.namesMs) / 1000,
      quotations: second.quotations,
      nameGroups: second.nameGroups,
      watchAddMedianMs: median(session.watch.addMs),
      watchAddMaxMs: max(session.watch.addMs),
      watchChangeMedianMs: median(session.watch.changeMs),
      watchChangeMaxMs: max(session.watch.changeMs),
      watchDeleteMedianMs: median(session.watch.deleteMs),
      watchDeleteMaxMs: max(session.watch.deleteMs),
      watchTimeouts: session.watch.timeouts,
      editSourceP50Ms: median(session.editMs),
      editSourceP95Ms: percentile(session.editMs, 95),
      annotationP50Ms: median(session.annotationMs),
      annotationP95Ms: percentile(session.annotationMs, 95),
      annotationWritesPerSecond: session.annotationMs.length / session.annotationSeconds,
      searchWordP95Ms: percentile(session.search.word.rankMs, 95),
      searchPhraseP95Ms: percentile(session.search.phrase.rankMs, 95),
      searchFuzzyP95Ms: percentile(session.search.fuzzy.rankMs, 95),
      searchWordAnswerP95Ms: percentile(session.search.word.answerMs, 95),
      searchPhraseAnswerP95Ms: percentile(session.search.phrase.answerMs, 95),
      searchFuzzyAnswerP95Ms: percentile(session.search.fuzzy.answerMs, 95),
      heapAfterStartMB: first.heapUsedMB,
      arrayBuffersAfterStartMB: first.arrayBuffersMB,
      rssAfterStartMB: first.rssMB,
      heapPer1kDocsMB: perThousand(first.heapUsedMB - options.empty.heapUsedMB),
      rssPer1kDocsMB: perThousand(first.rssMB - options.empty.rssMB),
      projectDiskMB: diskBytes / 1024 / 1024,
      diskPer1kDocsMB: perThousand(diskBytes / 1024 / 1024),
      sessionPeakRssMB: session.maxRssMB,
      runSeconds: (performance.now() - started) / 1000
    }
    return { figures, phases, library, notes }
  } finally {
    if (!options.keep) await rm(run, { recursive: true, force: true })
  }
}
