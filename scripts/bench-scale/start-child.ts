// Child of the scale bench, steps b, c and g: boots the app's engine on an imported data
// folder (folders watched, as the app runs) and asks for what the window shows first, timed
// from this process's start (node and module loading count); then the quote ledger and the
// name groups, and the memory held once start-up work is done.
import { serialize, deserialize } from 'node:v8'
import { Workbench } from '../../src/main/core/workbench'
import { engineApi, LIST_PAGE, listFirstPage, type EngineApi, type SourcesPage } from './api'
import { childInput, childMain, EXTRACT_THREADS, extractWorkerPath, findingsWorkerPath, maxRssMB, settleHeap } from './child'

// Imports are loaded by now: what node and the engine's modules cost before any work.
const moduleLoadMs = performance.now()

export interface StartChildInput {
  dataDir: string
  /**
   * first: start-up and the memory it holds; ledger: the quote ledger's first build after a
   * start (its own step, so a build that fails does not take the start-up figures with it);
   * second: the ledger at once, from its saved state.
   */
  mode: 'first' | 'ledger' | 'second'
  /** second: ask for the ledger and names (default), or only start. */
  ledger?: boolean
}

export interface StartChildOutput {
  moduleLoadMs: number
  /** The project open (the window is shown and listed before: see listedMs). */
  bootMs: number
  /** The window's first requests answered (the first page of sources, if the list is paged). */
  listedMs: number
  fullListMs: number
  paged: boolean
  sources: number
  /** The first requests' replies as IPC carries them (structured clone). */
  firstRepliesMB: number
  idleMs: number
  heapUsedMB: number
  arrayBuffersMB: number
  rssMB: number
  ledgerMs: number
  namesMs: number
  quotations: number
  nameGroups: number
  projectDir: string
  maxRssMB: number
}

/** IPC hands a reply over as a structured clone: that copy is part of what the window waits for. */
function overIpc(value: unknown): number {
  const bytes = serialize(value)
  deserialize(bytes)
  return bytes.length
}

/** The rest of a paged list, by offset (a reply with `total`) or cursor (a reply with `nextCursor`). */
async function remainingPages(api: EngineApi, first: SourcesPage): Promise<number> {
  let count = first.sources.length
  let page = first
  for (let guard = 0; guard < 10_000; guard++) {
    const input =
      typeof page.nextCursor === 'string'
        ? { limit: LIST_PAGE, cursor: page.nextCursor }
        : typeof page.total === 'number' && count < page.total && page.sources.length > 0
          ? { limit: LIST_PAGE, offset: count }
          : null
    if (input === null) return count
    const next = await api.tryCall('listSources', input)
    if (!next.ok) throw new Error(`bench-scale: listSources page: ${next.error.message}`)
    page = next.value as SourcesPage
    overIpc(page)
    count += page.sources.length
  }
  return count
}

async function ledgerAndNames(api: EngineApi): Promise<Pick<StartChildOutput, 'ledgerMs' | 'namesMs' | 'quotations' | 'nameGroups'>> {
  const started = performance.now()
  // As the Quotes and Names panels ask (QuoteLedger.tsx, NamesPanel.tsx).
  const ledger = await api.call('quoteLedger', { filter: 'all', query: '', minWords: 3, limit: 300 })
  overIpc(ledger)
  const ledgerDone = performance.now()
  const names = await api.call('nameGroups', { query: '', limit: 500 })
  overIpc(names)
  return { ledgerMs: ledgerDone - started, namesMs: performance.now() - ledgerDone, quotations: ledger.quotations, nameGroups: names.total }
}

childMain(async (): Promise<StartChildOutput> => {
  const input = await childInput<StartChildInput>()
  const workbench = new Workbench({ dataDir: input.dataDir, seedsDir: null, extractWorker: { path: extractWorkerPath() }, findingsWorker: { path: findingsWorkerPath() }, extractThreads: EXTRACT_THREADS, watchFolders: true })
  // As the app does: the window is shown while the project opens, and asks at once.
  const booting = workbench.boot()
  const api = engineApi(workbench)
  // What the window asks first (workbench-store.ts boot, then refresh).
  overIpc(await api.call('historyState'))
  const [project, { page, paged }, annotations, claims] = await Promise.all([api.call('getProject'), listFirstPage(api), api.call('listAnnotations'), api.call('listClaims')])
  const firstRepliesBytes = overIpc(project) + overIpc(page) + overIpc(annotations) + overIpc(claims)
  const listedMs = performance.now()
  await booting
  const bootMs = performance.now()
  const sources = paged ? await remainingPages(api, page) : page.sources.length
  const fullListMs = performance.now()

  let corroboration = { ledgerMs: 0, namesMs: 0, quotations: 0, nameGroups: 0 }
  if (input.mode === 'second' && input.ledger !== false) corroboration = await ledgerAndNames(api)
  // Started by the first listing (a turn of the event loop later): its catch-up walk is part of start-up.
  await workbench.startWatching()
  await workbench.idle()
  const idleMs = performance.now()
  await settleHeap()
  const memory = process.memoryUsage()
  if (input.mode === 'ledger') corroboration = await ledgerAndNames(api)
  const projectDir = workbench.project.store.dir
  await workbench.shutdown()
  const mb = (bytes: number): number => bytes / 1024 / 1024
  return {
    moduleLoadMs,
    bootMs,
    listedMs,
    fullListMs,
    paged,
    sources,
    firstRepliesMB: mb(firstRepliesBytes),
    idleMs,
    heapUsedMB: mb(memory.heapUsed),
    arrayBuffersMB: mb(memory.arrayBuffers),
    rssMB: mb(memory.rss),
    ...corroboration,
    projectDir,
    maxRssMB: maxRssMB()
  }
})
