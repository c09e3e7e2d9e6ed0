// What a client asking for the source list gets: the whole list, one page of it, the
// sources it asked for, or only what changed since the revision it holds — so a refresh
// after one watched file changed costs that file, not the 100,000 others.
import type { ImportRoot, Source } from '../../../shared/domain/source'
import type { ApiParsedInput, SourceList } from '../../../shared/ipc/contract'
import type { SourceChangeLog } from './source-change-log'

export interface SourceListStore {
  library: { data: { roots: ImportRoot[]; sources: Source[] } }
  sourceChanges: SourceChangeLog
  findSource(id: string): Source | undefined
}

/** Called synchronously from start to end: the sources and the revision are read at the same moment. */
export function querySourceList(store: SourceListStore, input: ApiParsedInput<'listSources'>, unwatchedRootIds: string[]): SourceList {
  const { roots, sources } = store.library.data
  const revision = store.sourceChanges.revision
  const base = { roots, unwatchedRootIds, total: sources.length, revision }
  const page = (offset: number, limit: number | undefined): Source[] =>
    offset === 0 && (limit === undefined || limit >= sources.length) ? sources : sources.slice(offset, limit === undefined ? undefined : offset + limit)
  if (input === undefined) return { ...base, sources }
  if (input.ids !== undefined) return { ...base, ...found(store, input.ids) }
  if (input.since === undefined) return { ...base, sources: page(input.offset ?? 0, input.limit) }
  const changed = store.sourceChanges.since(input.since)
  const delta = changed === null ? null : found(store, changed)
  if (delta === null || (input.limit !== undefined && delta.sources.length > input.limit)) return { ...base, sources: page(0, input.limit), reset: true }
  return { ...base, ...delta }
}

/** The sources with these ids, in that order, and the ids no source has any more. */
function found(store: SourceListStore, ids: readonly string[]): { sources: Source[]; removedIds: string[] } {
  const sources: Source[] = []
  const removedIds: string[] = []
  for (const id of ids) {
    const source = store.findSource(id)
    if (source === undefined) removedIds.push(id)
    else sources.push(source)
  }
  return { sources, removedIds }
}
