// Child of the scale bench, steps d–f, on an imported library with its folders watched as
// in the app: changes on disk until searchable, editing a source's details, 20 clients
// saving highlights at once, and search latency per kind of query, all through the handlers.
import { Workbench } from '../../src/main/core/workbench'
import { engineApi, listFirstPage, type EngineApi } from './api'
import { childInput, childMain, EXTRACT_THREADS, extractWorkerPath, findingsWorkerPath, maxRssMB } from './child'
import type { QuerySet } from './queries'
import { measureWatch, type WatchFigures } from './watch-step'

export interface SessionChildInput {
  dataDir: string
  library: string
  queries: QuerySet
}

export interface SearchKindFigures {
  /** Match and rank, as the engine reports it (rankMs): what the targets are stated for. */
  rankMs: number[]
  /** The whole answer with its snippets, as the handler returns it. */
  answerMs: number[]
  matched: number
}

export interface SessionChildOutput {
  watch: WatchFigures
  editMs: number[]
  annotationMs: number[]
  annotationFailures: number
  annotationSeconds: number
  search: Record<keyof QuerySet, SearchKindFigures>
  maxRssMB: number
}

const EDITS = 50
const CLIENTS = 20
const SAVES_PER_CLIENT = 10

/** Sources spread over the whole library (a prime stride), with text enough to highlight. */
function spreadSources(workbench: Workbench): Array<{ id: string; contentHash: string }> {
  const sources = workbench.project.store.library.data.sources.filter((source) => !source.missing && source.size > 200)
  if (sources.length === 0) throw new Error('bench-scale: the library has no source to edit')
  return Array.from({ length: EDITS + CLIENTS * SAVES_PER_CLIENT }, (_, index) => sources[(index * 7919 + 13) % sources.length]!)
}

async function editDetails(api: EngineApi, sources: Array<{ id: string }>): Promise<number[]> {
  const times: number[] = []
  for (let index = 0; index < EDITS; index++) {
    const started = performance.now()
    await api.call('updateSource', { sourceId: sources[index]!.id, title: `Edited by the scale bench, ${index}` })
    times.push(performance.now() - started)
  }
  return times
}

async function concurrentHighlights(api: EngineApi, sources: Array<{ id: string; contentHash: string }>): Promise<Pick<SessionChildOutput, 'annotationMs' | 'annotationFailures' | 'annotationSeconds'>> {
  const annotationMs: number[] = []
  let annotationFailures = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let save = 0; save < SAVES_PER_CLIENT; save++) {
        const source = sources[EDITS + client * SAVES_PER_CLIENT + save]!
        const began = performance.now()
        const input = { sourceId: source.id, contentHash: source.contentHash, start: 0, end: 5, color: 'yellow', comment: `client ${client}`, tags: [] }
        const result = await api.tryCall('createAnnotation', input)
        if (result.ok) annotationMs.push(performance.now() - began)
        else annotationFailures++
      }
    })
  )
  return { annotationMs, annotationFailures, annotationSeconds: (performance.now() - started) / 1000 }
}

async function searchLatency(api: EngineApi, queries: QuerySet): Promise<SessionChildOutput['search']> {
  // Warm-up: the first queries compile the search code paths.
  for (const query of ['market', '"the company"', 'govermnent~', 'oil prices', 'minister']) await api.call('search', { query, limit: 30 })
  const kinds = Object.keys(queries) as Array<keyof QuerySet>
  const out = {} as SessionChildOutput['search']
  for (const kind of kinds) {
    const figures: SearchKindFigures = { rankMs: [], answerMs: [], matched: 0 }
    for (const query of queries[kind]) {
      const started = performance.now()
      // As the search panel asks: the first page of 30 (useSearchPages.ts).
      const answer = await api.call('search', { query, limit: 30, offset: 0 })
      figures.answerMs.push(performance.now() - started)
      figures.rankMs.push(answer.rankMs)
      if (answer.total > 0) figures.matched++
    }
    out[kind] = figures
  }
  return out
}

childMain(async (): Promise<SessionChildOutput> => {
  const input = await childInput<SessionChildInput>()
  const workbench = new Workbench({ dataDir: input.dataDir, seedsDir: null, extractWorker: { path: extractWorkerPath() }, findingsWorker: { path: findingsWorkerPath() }, extractThreads: EXTRACT_THREADS, watchFolders: true })
  await workbench.boot()
  const api = engineApi(workbench)
  // The window's first listing starts watching (as in the app); then the catch-up walk is waited for.
  await listFirstPage(api)
  await workbench.startWatching()
  await workbench.idle()
  await workbench.project.search.idle()
  const watch = await measureWatch(workbench, api, input.library, 5)
  await workbench.idle()
  const sources = spreadSources(workbench)
  const editMs = await editDetails(api, sources)
  const highlights = await concurrentHighlights(api, sources)
  const search = await searchLatency(api, input.queries)
  await workbench.shutdown()
  return { watch, editMs, ...highlights, search, maxRssMB: maxRssMB() }
})
