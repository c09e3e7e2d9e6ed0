// What one change did to the user's work, as two snapshots of just the records it
// touched (annotations, claims, name decisions, source details) plus the order of the
// lists. Undo writes the "before" snapshot back, redo the "after" one.
import type { Annotation } from '../../../shared/domain/annotation'
import type { Claim } from '../../../shared/domain/claim'
import type { NameDecision } from '../../../shared/domain/corroboration'
import type { Source } from '../../../shared/domain/source'
import type { ProjectStore } from '../store/project-store'

/** The records a change may touch, named before it runs (records it creates are found by comparing). */
export interface Touches {
  annotations?: readonly string[]
  claims?: readonly string[]
  nameDecisions?: boolean
  sources?: readonly string[]
}

type SourceDetails = Pick<Source, 'id' | 'title' | 'meta' | 'editedFields'>

export interface NotesSnapshot {
  annotationOrder: string[]
  claimOrder: string[]
  /** The touched records as they were; null = it did not exist. */
  annotations: Map<string, Annotation | null>
  claims: Map<string, Claim | null>
  nameDecisions: NameDecision[] | null
  sources: Map<string, SourceDetails>
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
    if (source !== undefined) sources.set(id, structuredClone({ id, title: source.title, meta: source.meta, editedFields: source.editedFields }))
  }
  return {
    annotationOrder: ids(notes.annotations),
    claimOrder: ids(notes.claims),
    annotations: pick(notes.annotations, touches.annotations),
    claims: pick(notes.claims, touches.claims),
    nameDecisions: touches.nameDecisions ? structuredClone(notes.nameDecisions) : null,
    sources
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

/** Writes a snapshot back into the store (in memory); the caller saves. Says which files changed. */
export function applySnapshot(store: ProjectStore, snapshot: NotesSnapshot): { notes: boolean; library: boolean } {
  const notes = store.notes.data
  notes.annotations = restoreList(notes.annotations, snapshot.annotationOrder, snapshot.annotations)
  notes.claims = restoreList(notes.claims, snapshot.claimOrder, snapshot.claims)
  // A new array, not the same one changed in place, so caches keyed on it see the change.
  if (snapshot.nameDecisions !== null) notes.nameDecisions = structuredClone(snapshot.nameDecisions)
  for (const details of snapshot.sources.values()) {
    const source = store.findSource(details.id)
    if (source !== undefined) Object.assign(source, structuredClone({ title: details.title, meta: details.meta, editedFields: details.editedFields }))
  }
  return { notes: true, library: snapshot.sources.size > 0 }
}
