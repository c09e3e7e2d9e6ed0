// Child side of the scale bench's processes (see run-child.ts): the input the parent wrote,
// the answer printed as the last line of stdout, and the engine settings every child shares.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** The parent's copy of the built workers for a run (see run-child.ts), else the repository's out/main. */
const BUILT = 'SOURCEBENCH_BENCH_BUILT'

/** The built extraction worker, from the repository folder (children run there). */
export function extractWorkerPath(repo = process.cwd()): string {
  return join(process.env[BUILT] ?? join(repo, 'out/main'), 'extract-worker.js')
}
/** The built corroboration worker, as the app runs it. */
export function findingsWorkerPath(repo = process.cwd()): string {
  return join(process.env[BUILT] ?? join(repo, 'out/main'), 'findings-worker.js')
}
/** Children of a run use the workers built when it began, though out/main is rebuilt meanwhile. */
export function builtWorkersEnv(folder: string): Record<string, string> {
  return { [BUILT]: folder }
}

/** Extraction threads: a 2-core laptop's, in the import and in the bench's own baseline. */
export const EXTRACT_THREADS = 2

/** Child side: the input the parent wrote. */
export async function childInput<T>(): Promise<T> {
  const file = process.argv[2]
  if (file === undefined) throw new Error('bench-scale: a child script needs its input file')
  return JSON.parse(await readFile(file, 'utf8')) as T
}

/** Child side: runs main, prints its answer as the last line of stdout and ends the process (threads and watchers too). */
export function childMain(main: () => Promise<unknown>): void {
  main()
    .then((answer) => process.stdout.write(`${JSON.stringify(answer)}\n`, () => process.exit(0)))
    .catch((error: unknown) => {
      console.error(`bench-scale: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      process.exit(1)
    })
}

/** Collects garbage a few times (buffers of finished work go only after several rounds). */
export async function settleHeap(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc
  for (let round = 0; round < 3; round++) {
    gc?.()
    await new Promise((done) => setImmediate(done))
  }
}

export function maxRssMB(): number {
  return process.resourceUsage().maxRSS / 1024
}
