// What one change did to the user's work, as two snapshots of just the records it
// touched (annotations, claims, name decisions, saved searches, source details and marks,
// whole imported folders with their sources) plus the order of the lists. Undo writes the
// "before" snapshot back, redo the "after" one.
import { sep } from 'node:path'
import type { Annotation } from '../../../shared/domain/annotation'
import type { Claim } from '../../../shared/domain/claim'
import type { NameDecision } from '../../../shared/domain/corroboration'
import type { SavedSearch } from '../../../shared/domain/saved-search'
import type { ImportRoot, Source } from '../../../shared/domain/source'
import { UserError } from '../../../shared/ipc/result'
import type { ProjectStore } from '../store/project-store'

/** The records a change may touch, named before it runs (records it creates are found by comparing). */
export interface Touches {
  annotations?: readonly string[]
  claims?: readonly string[]
  nameDecisions?: boolean
  savedSearches?: boolean
  /** Sources whose details, tags or star the change edits. */
  sources?: readonly string[]
  /** Imported folders the change adds or takes out of the project, with all their sources. */
  roots?: readonly string[]
}

type SourceDetails = Pick<Source, 'id' | 'title' | 'meta' | 'editedFields' | 'tags' | 'starred'>

/** An imported folder and its sources, each where it was in its list. */
interface FolderRecords {
  root: { index: number; record: ImportRoot } | null
  sources: Array<{ index: number; record: Source }>
}

export interface NotesSnapshot {
  annotationOrder: string[]
  claimOrder: string[]
  /** The touched records as they were; null = it did not exist. */
  annotations: Map<string, Annotation | null>
  claims: Map<string, Claim | null>
  nameDecisions: NameDecision[] | null
  savedSearches: SavedSearch[] | null
  sources: Map<string, SourceDetails>
  folders: Map<string, FolderRecords>
}

const ids = (records: readonly { id: string }[]): string[] => records.map((record) => record.id)

function pick<T extends { id: string }>(records: readonly T[], wanted: Iterable<string>): Map<string, T | null> {
  const byId = new Map(records.map((record) => [record.id, record]))
  return new Map([...wanted].map((id) => [id, byId.has(id) ? structuredClone(byId.get(id) as T) : null]))
}

export function takeSnapshot(store: ProjectStore, touches: Required<Touches>): NotesSnapshot {
  const notes = store.notes.data
  const sources = new Map<string, SourceDetails>()
  for (const id of touches.sources) {
    const source = store.findSource(id)
    if (source !== undefined) {
      const { title, meta, editedFields, tags, starred } = source
      sources.set(id, structuredClone({ id, title, meta, editedFields, tags, starred }))
    }
  }
  const library = store.library.data
  const folders = new Map<string, FolderRecords>()
  for (const rootId of touches.roots) {
    const index = library.roots.findIndex((root) => root.id === rootId)
    const root = library.roots[index]
    const records: FolderRecords = { root: root === undefined ? null : { index, record: structuredClone(root) }, sources: [] }
    library.sources.forEach((source, position) => {
      if (source.rootId === rootId) records.sources.push({ index: position, record: structuredClone(source) })
    })
    folders.set(rootId, records)
  }
  return {
    annotationOrder: ids(notes.annotations),
    claimOrder: ids(notes.claims),
    annotations: pick(notes.annotations, touches.annotations),
    claims: pick(notes.claims, touches.claims),
    nameDecisions: touches.nameDecisions ? structuredClone(notes.nameDecisions) : null,
    savedSearches: touches.savedSearches ? structuredClone(notes.savedSearches) : null,
    sources,
    folders
  }
}

/** The ids in `after` that were not in `before`, and the other way round. */
export function addedAndRemoved(before: readonly string[], after: readonly string[]): string[] {
  const was = new Set(before)
  const is = new Set(after)
  return [...after.filter((id) => !was.has(id)), ...before.filter((id) => !is.has(id))]
}

/**
 * The list with the snapshot's records put back in the snapshot's order. Records the
 * snapshot does not mention (made since, e.g. by another window) keep their place at the end.
 */
function restoreList<T extends { id: string }>(current: readonly T[], order: readonly string[], touched: Map<string, T | null>): T[] {
  const byId = new Map(current.map((record) => [record.id, record]))
  const value = (id: string): T | undefined => (touched.has(id) ? (structuredClone(touched.get(id)) ?? undefined) : byId.get(id))
  const placed = new Set(order)
  const restored = order.map(value).filter((record): record is T => record !== undefined)
  for (const record of current) if (!placed.has(record.id) && !touched.has(record.id)) restored.push(record)
  return restored
}

/** Puts a folder and its sources back as they were, or takes them out; lists change in place (an import may hold them). */
function restoreFolder(store: ProjectStore, rootId: string, saved: FolderRecords): void {
  const library = store.library.data
  const keep = <T>(list: T[], kept: (item: T) => boolean): void => {
    let length = 0
    for (const item of list) if (kept(item)) list[length++] = item
    list.length = length
  }
  keep(library.sources, (source) => source.rootId !== rootId)
  keep(library.roots, (root) => root.id !== rootId)
  if (saved.root !== null) library.roots.splice(Math.min(saved.root.index, library.roots.length), 0, structuredClone(saved.root.record))
  // In the order they were listed, each goes back to its old place.
  for (const { index, record } of saved.sources) library.sources.splice(Math.min(index, library.sources.length), 0, structuredClone(record))
  store.sourcesRemoved()
}

/** Writes a snapshot back into the store (in memory); the caller saves. Says which files changed. */
/** `left` is the snapshot of the state the step being taken back (or redone) left behind. */
export function applySnapshot(store: ProjectStore, snapshot: NotesSnapshot, left: NotesSnapshot): { notes: boolean; library: boolean } {
  // Checked before anything changes: a folder put back must not overlap one imported
  // since, or the same files would be listed twice.
  for (const [rootId, saved] of snapshot.folders) {
    const path = saved.root?.record.path
    const overlapping = path === undefined ? undefined : store.library.data.roots.find((root) => root.id !== rootId && overlaps(root.path, path))
    if (overlapping !== undefined) {
      throw new UserError('invalid-input', `history: ${path} cannot come back: ${overlapping.path} was imported since and holds the same files; remove it first`)
    }
  }
  const notes = store.notes.data
  notes.annotations = restoreList(notes.annotations, snapshot.annotationOrder, snapshot.annotations)
  notes.claims = restoreList(notes.claims, snapshot.claimOrder, snapshot.claims)
  // A new array, not the same one changed in place, so caches keyed on it see the change.
  if (snapshot.nameDecisions !== null) notes.nameDecisions = structuredClone(snapshot.nameDecisions)
  if (snapshot.savedSearches !== null) notes.savedSearches = structuredClone(snapshot.savedSearches)
  for (const [rootId, saved] of snapshot.folders) restoreFolder(store, rootId, saved)
  for (const details of snapshot.sources.values()) {
    const source = store.findSource(details.id)
    if (source !== undefined) restoreSource(source, details, left.sources.get(details.id))
  }
  return { notes: true, library: snapshot.sources.size > 0 || snapshot.folders.size > 0 }
}

function overlaps(a: string, b: string): boolean {
  const inside = (path: string, folder: string): boolean => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep)
  return inside(a, b) || inside(b, a)
}

/**
 * Puts back each detail of a source the step changed, and only those still as the step
 * left them: a title or author a later re-import brought stays.
 */
function restoreSource(source: Source, wanted: SourceDetails, left: SourceDetails | undefined): void {
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
  const untouched = <T>(current: T, afterStep: T | undefined): boolean => left === undefined || same(current, afterStep)
  if (untouched(source.title, left?.title)) source.title = wanted.title
  if (untouched(source.editedFields, left?.editedFields)) source.editedFields = [...wanted.editedFields]
  if (untouched(source.tags, left?.tags)) source.tags = [...wanted.tags]
  if (untouched(source.starred, left?.starred)) source.starred = wanted.starred
  for (const key of Object.keys(wanted.meta) as Array<keyof Source['meta']>) {
    if (untouched(source.meta[key], left?.meta[key])) Object.assign(source.meta, { [key]: wanted.meta[key] })
  }
}
