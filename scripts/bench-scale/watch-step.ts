// Step d of the scale bench: a file added to, changed in and deleted from a watched folder,
// timed from the write on disk until a search for a word only that file holds answers as
// the user would now expect (found; found under its new word; gone or shown missing).
import { readdir, readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Workbench } from '../../src/main/core/workbench'
import type { EngineApi } from './api'
import { firstFolder, WATCH_FILE_PREFIX } from './generate'

export const WATCH_LIMIT_MS = 10_000
/** Unmeasured: a change that missed its limit is waited for this long, so the next one starts clean. */
const CATCH_UP_MS = 120_000

export interface WatchFigures {
  addMs: number[]
  changeMs: number[]
  deleteMs: number[]
  /** Changes not visible within WATCH_LIMIT_MS (counted in the lists as WATCH_LIMIT_MS). */
  timeouts: number
}

/** A word no generated text holds (letters only, so the tokenizer keeps it whole). */
function uniqueWord(): string {
  let word = 'sbq'
  for (let index = 0; index < 10; index++) word += String.fromCharCode(97 + Math.floor(Math.random() * 26))
  return word
}

/**
 * Makes the change, then waits for the workbench's libraryChanged and searches; while the
 * answer is not yet right it searches again at each turn of the event loop (setImmediate,
 * no sleeping). Returns the milliseconds from the write, or null past `limitMs`.
 */
async function timeUntil(workbench: Workbench, change: () => Promise<void>, visible: () => Promise<boolean>, limitMs: number): Promise<number | null> {
  let announced = false
  let wake: (() => void) | null = null
  const unsubscribe = workbench.events.on('libraryChanged', () => {
    announced = true
    wake?.()
  })
  const started = performance.now()
  const deadline = started + limitMs
  try {
    await change()
    if (!announced) {
      let timer: NodeJS.Timeout | undefined
      await new Promise<void>((resolve) => {
        wake = resolve
        timer = setTimeout(resolve, limitMs)
      })
      clearTimeout(timer)
    }
    while (!(await visible())) {
      if (performance.now() >= deadline) return null
      await new Promise((resolve) => setImmediate(resolve))
    }
    return performance.now() - started
  } finally {
    unsubscribe()
  }
}

export async function measureWatch(workbench: Workbench, api: EngineApi, library: string, repeats: number): Promise<WatchFigures> {
  const folder = firstFolder(library)
  const sample = (await readdir(folder)).filter((name) => !name.startsWith(WATCH_FILE_PREFIX)).sort()
  const article = await readFile(join(folder, sample[Math.min(10, sample.length - 1)] as string), 'utf8')
  const found = async (word: string): Promise<boolean> => (await api.call('search', { query: word, limit: 30 })).total > 0
  const goneOrMissing = async (word: string): Promise<boolean> => {
    const answer = await api.call('search', { query: word, limit: 30 })
    return answer.results.every((hit) => workbench.project.store.findSource(hit.sourceId)?.missing !== false)
  }
  const figures: WatchFigures = { addMs: [], changeMs: [], deleteMs: [], timeouts: 0 }
  const record = async (what: string, list: number[] | null, change: () => Promise<void>, visible: () => Promise<boolean>): Promise<void> => {
    const ms = await timeUntil(workbench, change, visible, list === null ? CATCH_UP_MS : WATCH_LIMIT_MS)
    if (ms !== null) {
      list?.push(ms)
      return
    }
    if (list === null) throw new Error(`bench-scale: the library did not follow a file ${what} in the watched folder within two minutes`)
    list.push(WATCH_LIMIT_MS)
    figures.timeouts++
    await timeUntil(workbench, async () => undefined, visible, CATCH_UP_MS)
  }
  // Round 0 is a warm-up (the watcher's first pass after start-up may still be running): not counted.
  for (let round = 0; round <= repeats; round++) {
    const path = join(folder, `${WATCH_FILE_PREFIX}${round}.txt`)
    const first = uniqueWord()
    const second = uniqueWord()
    const counted = (list: number[]): number[] | null => (round === 0 ? null : list)
    await record('added', counted(figures.addMs), () => writeFile(path, `${article}\nThe ${first} memo was seen by reporters.\n`), () => found(first))
    await record('changed', counted(figures.changeMs), () => writeFile(path, `${article}\nThe ${second} memo was seen by reporters.\n`), () => found(second))
    await record('deleted', counted(figures.deleteMs), () => unlink(path), () => goneOrMissing(second))
  }
  return figures
}
