// The searches a user named and kept, stored in the project's notes (notes.json) beside
// the rest of their work, so undo, redo and a project bundle carry them too.
import { randomUUID } from 'node:crypto'
import type { SavedSearch } from '../../../shared/domain/saved-search'
import { UserError } from '../../../shared/ipc/result'
import type { ProjectStore } from '../store/project-store'

export interface SearchToSave {
  name: string
  query: string
  nameVariants: boolean
}

export function listSavedSearches(store: ProjectStore): SavedSearch[] {
  return store.notes.data.savedSearches
}

/** Saves a search under its name; a name already used (case aside) gets the new query in its place. */
export async function saveSearch(store: ProjectStore, search: SearchToSave, now: () => Date): Promise<SavedSearch> {
  const notes = store.notes.data
  const name = search.name.trim()
  const existing = notes.savedSearches.find((saved) => saved.name.toLowerCase() === name.toLowerCase())
  const saved: SavedSearch = { id: existing?.id ?? randomUUID(), name, query: search.query, nameVariants: search.nameVariants, createdAt: now().toISOString() }
  notes.savedSearches = existing === undefined ? [...notes.savedSearches, saved] : notes.savedSearches.map((candidate) => (candidate === existing ? saved : candidate))
  await store.saveNotes({ savedSearches: true })
  return saved
}

export async function deleteSavedSearch(store: ProjectStore, id: string): Promise<null> {
  const notes = store.notes.data
  if (!notes.savedSearches.some((saved) => saved.id === id)) throw new UserError('not-found', `search: no saved search ${id}`)
  notes.savedSearches = notes.savedSearches.filter((saved) => saved.id !== id)
  await store.saveNotes({ savedSearches: true })
  return null
}
