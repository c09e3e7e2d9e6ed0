// The library's sort order and grouping, remembered across reloads (for every project:
// how a reporter likes the list does not change with the story).
import { DEFAULT_VIEW, SORT_KEYS, type LibraryView, type SortKey } from './library-view'

const KEY = 'sourcebench.library-view'

export function loadLibraryView(storage: Storage): LibraryView {
  try {
    const raw = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<Record<keyof LibraryView, unknown>> | null
    if (raw === null || typeof raw !== 'object') return DEFAULT_VIEW
    const sort = SORT_KEYS.find((key: SortKey) => key === raw.sort) ?? DEFAULT_VIEW.sort
    return { sort, direction: raw.direction === 'desc' ? 'desc' : 'asc', groupByFolder: raw.groupByFolder === true }
  } catch {
    return DEFAULT_VIEW
  }
}

export function saveLibraryView(storage: Storage, view: LibraryView): void {
  try {
    storage.setItem(KEY, JSON.stringify(view))
  } catch {
    // Storage full or refused (private window): the choice lasts for this session only.
  }
}
