// How the library list is arranged: sorted by title, date, outlet, date added or folder;
// narrowed to starred sources or one tag; and, on request, grouped under collapsible
// headers per imported folder and subfolder. Pure functions, so 20,000 sources are
// arranged once per change and the virtual list only reads the rows.
import { calendarDate } from '../../../../shared/domain/citation'
import type { ImportRoot, Source } from '../../../../shared/domain/source'
import { foldText } from '../../../../shared/text/fold'

export const SORT_KEYS = ['title', 'date', 'outlet', 'added', 'folder'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export type SortDirection = 'asc' | 'desc'
export const SORT_LABELS: Record<SortKey, string> = { title: 'Title', date: 'Date', outlet: 'Outlet', added: 'Date added', folder: 'Folder' }

export interface LibraryView {
  sort: SortKey
  direction: SortDirection
  groupByFolder: boolean
}

/** Date added, oldest first: the order the library always had. */
export const DEFAULT_VIEW: LibraryView = { sort: 'added', direction: 'asc', groupByFolder: false }

/** "all", "starred", or "tag:" and a tag (compared case aside). */
export type MarkFilter = string

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

function folderPath(source: Source, rootNames: ReadonlyMap<string, string>): string {
  return `${rootNames.get(source.rootId) ?? ''}/${source.relativePath}`
}

/** What a source sorts by; null sorts last whichever the direction (undated, no outlet). */
function sortKeyOf(source: Source, sort: SortKey, rootNames: ReadonlyMap<string, string>): string | null {
  switch (sort) {
    case 'title':
      return source.title
    case 'outlet':
      return source.meta.outlet === null || source.meta.outlet.trim() === '' ? null : source.meta.outlet
    case 'date': {
      const day = source.meta.date === null ? null : calendarDate(source.meta.date)
      return day === null || source.meta.date === null ? null : `${day}\u0000${source.meta.date}`
    }
    case 'added':
      return source.importedAt
    case 'folder':
      return folderPath(source, rootNames)
  }
}

/** The sources in the chosen order; equal keys keep the library's own order. */
export function sortSources(sources: readonly Source[], view: Pick<LibraryView, 'sort' | 'direction'>, rootNames: ReadonlyMap<string, string>): Source[] {
  const keys = sources.map((source) => sortKeyOf(source, view.sort, rootNames))
  const textual = view.sort === 'title' || view.sort === 'outlet' || view.sort === 'folder'
  const sign = view.direction === 'asc' ? 1 : -1
  const order = sources.map((_source, index) => index)
  order.sort((a, b) => {
    const left = keys[a] ?? null
    const right = keys[b] ?? null
    if (left === null || right === null) return left === right ? a - b : left === null ? 1 : -1
    const compared = textual ? collator.compare(left, right) : left < right ? -1 : left > right ? 1 : 0
    return compared === 0 ? a - b : sign * compared
  })
  return order.map((index) => sources[index] as Source)
}

/** The tags in use, each with how many sources carry it, most used first. */
export function tagCounts(sources: readonly Source[]): Array<{ tag: string; count: number }> {
  const counts = new Map<string, { tag: string; count: number }>()
  for (const source of sources) {
    for (const tag of source.tags) {
      const key = foldText(tag)
      const entry = counts.get(key)
      if (entry === undefined) counts.set(key, { tag, count: 1 })
      else entry.count++
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag))
}

export function filterByMark(sources: readonly Source[], filter: MarkFilter): readonly Source[] {
  if (filter === 'starred') return sources.filter((source) => source.starred)
  if (!filter.startsWith('tag:')) return sources
  const wanted = foldText(filter.slice(4))
  return sources.filter((source) => source.tags.some((tag) => foldText(tag) === wanted))
}

export type LibraryRow =
  | { kind: 'folder'; key: string; name: string; path: string; rootId: string; depth: number; count: number; collapsed: boolean }
  | { kind: 'source'; source: Source; depth: number }

interface FolderNode {
  key: string
  name: string
  path: string
  rootId: string
  depth: number
  count: number
  folders: Map<string, FolderNode>
  sources: Source[]
}

function node(key: string, name: string, path: string, rootId: string, depth: number): FolderNode {
  return { key, name, path, rootId, depth, count: 0, folders: new Map(), sources: [] }
}

/**
 * The rows of the list: one per source, or — grouped — a header per imported folder and
 * subfolder (subfolders first, then the folder's own sources in the chosen order); the
 * sources under a collapsed header are left out.
 */
export function libraryRows(
  sources: readonly Source[],
  options: { grouped: boolean; roots: readonly ImportRoot[]; collapsed: ReadonlySet<string>; foldersDescending?: boolean }
): LibraryRow[] {
  if (!options.grouped) return sources.map((source) => ({ kind: 'source', source, depth: 0 }))
  const rootsById = new Map(options.roots.map((root) => [root.id, root]))
  const tops = new Map<string, FolderNode>()
  for (const source of sources) {
    const root = rootsById.get(source.rootId)
    let top = tops.get(source.rootId)
    if (top === undefined) {
      const name = root?.name ?? 'Folder no longer in the project'
      top = node(source.rootId, name, root?.path ?? name, source.rootId, 0)
      tops.set(source.rootId, top)
    }
    let at: FolderNode = top
    at.count++
    for (const segment of source.relativePath.split('/').slice(0, -1)) {
      let next: FolderNode | undefined = at.folders.get(segment)
      if (next === undefined) {
        next = node(`${at.key}/${segment}`, segment, `${at.path}/${segment}`, source.rootId, at.depth + 1)
        at.folders.set(segment, next)
      }
      next.count++
      at = next
    }
    at.sources.push(source)
  }
  const sign = options.foldersDescending === true ? -1 : 1
  const byName = (a: FolderNode, b: FolderNode): number => sign * collator.compare(a.name, b.name) || a.key.localeCompare(b.key)
  const rows: LibraryRow[] = []
  const emit = (folder: FolderNode): void => {
    const collapsed = options.collapsed.has(folder.key)
    rows.push({ kind: 'folder', key: folder.key, name: folder.name, path: folder.path, rootId: folder.rootId, depth: folder.depth, count: folder.count, collapsed })
    if (collapsed) return
    for (const child of [...folder.folders.values()].sort(byName)) emit(child)
    for (const source of folder.sources) rows.push({ kind: 'source', source, depth: folder.depth + 1 })
  }
  for (const top of [...tops.values()].sort(byName)) emit(top)
  return rows
}
