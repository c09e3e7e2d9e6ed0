// The library: every source with its title, outlet, date, folder and length; filter by
// title, show the starred ones or one tag, sort, group by folder; star a source; open it
// into the focused pane, or drag it onto a pane; drop a folder here to import it. The
// list is virtualised (folder headers are rows too) and a large library arrives page by
// page (the header says how far), so 100,000 articles show at once and filter without lag.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, useState } from 'react'
import { ocrLabel } from '../../../../shared/domain/ocr-caveat'
import { displayDate, outletAndDate } from '../../../../shared/domain/citation'
import type { ImportRoot, Source } from '../../../../shared/domain/source'
import { foldText } from '../../../../shared/text/fold'
import { useWorkbench } from '../../app/workbench-store'
import { SOURCE_DRAG_TYPE } from '../reader/ReaderPane'
import { buildFilterIndex, filterSources } from './filter-sources'
import { FolderWatchNotice } from './FolderWatchNotice'
import { ImportBar } from './ImportBar'
import { LibraryToolbar } from './LibraryToolbar'
import { filterByMark, libraryRows, sortSources, tagCounts, type LibraryRow, type LibraryView, type MarkFilter } from './library-view'
import { loadLibraryView, saveLibraryView } from './library-view-storage'
import { RemoveFolderDialog } from './RemoveFolderDialog'
import { StarButton } from './StarButton'
import { useFolderDrop } from './useFolderDrop'

const ROW_ESTIMATE_PX = 62
const FOLDER_ROW_ESTIMATE_PX = 32
const INDENT_PX = 12

function folderOf(relativePath: string, rootName: string): string {
  const slash = relativePath.lastIndexOf('/')
  return slash === -1 ? rootName : `${rootName}/${relativePath.slice(0, slash)}`
}

function sourceMeta(source: Source, rootName: string): string {
  const parts = [outletAndDate(source, displayDate), folderOf(source.relativePath, rootName), `${source.words.toLocaleString()} words`]
  if (source.format !== 'text' && source.format !== 'markdown') parts.push(source.format.toUpperCase())
  if (source.ocr !== null) parts.push(ocrLabel(source.ocr, source.pageStarts?.length))
  if (source.missing) parts.push('missing')
  return parts.filter((part) => part !== '').join(' · ')
}

function rowKey(row: LibraryRow | undefined, index: number): string | number {
  if (row === undefined) return index
  return row.kind === 'folder' ? `folder:${row.key}` : row.source.id
}

export function LibraryPanel() {
  const sources = useWorkbench((state) => state.sources)
  const panes = useWorkbench((state) => state.panes)
  const openSource = useWorkbench((state) => state.openSource)
  const roots = useWorkbench((state) => state.roots)
  const importing = useWorkbench((state) => state.importing)
  const load = useWorkbench((state) => state.libraryLoad)
  // Counts of the whole library would be wrong before it has all arrived.
  const busy = importing !== null || load !== null
  const [query, setQuery] = useState('')
  const [view, setView] = useState<LibraryView>(() => loadLibraryView(window.localStorage))
  const [chosenMark, setMark] = useState<MarkFilter>('all')
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set())
  const [removing, setRemoving] = useState<ImportRoot | null>(null)
  const drop = useFolderDrop()
  const rootNames = useMemo(() => new Map(roots.map((root) => [root.id, root.name])), [roots])
  const tags = useMemo(() => tagCounts(sources), [sources])
  const starred = useMemo(() => sources.filter((source) => source.starred).length, [sources])
  // A tag no source carries any more (its last use was removed) shows everything again.
  const mark = chosenMark.startsWith('tag:') && !tags.some(({ tag }) => foldText(tag) === foldText(chosenMark.slice(4))) ? 'all' : chosenMark
  // Sorted once per change of library or order; the filter index keeps that order.
  const sorted = useMemo(() => sortSources(sources, view, rootNames), [sources, view, rootNames])
  const index = useMemo(() => buildFilterIndex(sorted), [sorted])
  const visible = useMemo(() => filterByMark(filterSources(index, query), mark), [index, query, mark])
  const rows = useMemo(
    () => libraryRows(visible, { grouped: view.groupByFolder, roots, collapsed, foldersDescending: view.sort === 'folder' && view.direction === 'desc' }),
    [visible, view, roots, collapsed]
  )
  const rootsById = useMemo(() => new Map(roots.map((root) => [root.id, root])), [roots])
  const openIds = new Set(panes.map((pane) => pane.sourceId))
  const listRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => listRef.current,
    estimateSize: (at) => (rows[at]?.kind === 'folder' ? FOLDER_ROW_ESTIMATE_PX : ROW_ESTIMATE_PX),
    getItemKey: (at) => rowKey(rows[at], at),
    overscan: 8,
    initialRect: { width: 280, height: 800 }
  })

  function changeView(next: LibraryView): void {
    setView(next)
    saveLibraryView(window.localStorage, next)
  }

  function toggleFolder(key: string): void {
    const next = new Set(collapsed)
    if (!next.delete(key)) next.add(key)
    setCollapsed(next)
  }

  const filtered = query.trim() !== '' || mark !== 'all'
  const emptyHint =
    sources.length === 0
      ? 'No sources yet: import a folder (or drop one here).'
      : query.trim() === '' && mark === 'starred'
        ? 'No source is starred yet: ☆ in a row stars it.'
        : 'No title matches the filter.'

  return (
    <aside className={`library${drop.over ? ' folder-drop' : ''}`} aria-label="Library" {...drop.handlers}>
      <ImportBar />
      <div className="library-head">
        <h2>Library</h2>
        <span className="muted">
          {filtered ? `${visible.length.toLocaleString()} of ${sources.length.toLocaleString()}` : load === null ? `${sources.length.toLocaleString()} sources` : ''}
          {load !== null && `${filtered ? ' · ' : ''}Loading ${load.loaded.toLocaleString()} of ${load.total.toLocaleString()}…`}
        </span>
      </div>
      <FolderWatchNotice />
      <input className="filter" type="search" aria-label="Filter sources by title" placeholder="Filter by title or outlet" value={query} onChange={(event) => setQuery(event.target.value)} />
      <LibraryToolbar
        view={view}
        onView={changeView}
        mark={mark}
        onMark={setMark}
        starred={starred}
        tags={tags}
        roots={roots}
        busy={busy}
        onRemoveFolder={setRemoving}
      />
      <div className="source-list" ref={listRef} data-testid="source-list" role="list">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]
            if (row === undefined) return null
            const style = { transform: `translateY(${item.start}px)`, paddingLeft: row.depth * INDENT_PX }
            if (row.kind === 'folder') {
              const root = row.depth === 0 ? rootsById.get(row.rootId) : undefined
              return (
                <div key={item.key} role="listitem" data-index={item.index} ref={virtualizer.measureElement} className="source-row folder-row" style={style}>
                  <button
                    type="button"
                    className="folder-toggle"
                    aria-expanded={!row.collapsed}
                    aria-label={`${row.name} (${row.count.toLocaleString()} source${row.count === 1 ? '' : 's'})`}
                    title={row.path}
                    onClick={() => toggleFolder(row.key)}
                  >
                    <span aria-hidden="true">{row.collapsed ? '▸' : '▾'}</span>
                    <span className="folder-name">{row.name}</span>
                    <span className="muted">{row.count.toLocaleString()}</span>
                    {root?.detached === 'not-here' && (
                      <span className="folder-note" title="Opened from a bundle without the original files: the sources are read from the texts stored in the project">
                        original not on this computer
                      </span>
                    )}
                  </button>
                  {root !== undefined && (
                    <button
                      type="button"
                      className="link-button danger folder-remove"
                      aria-label={`Remove “${root.name}” from the project…`}
                      disabled={busy}
                      onClick={() => setRemoving(root)}
                    >
                      Remove…
                    </button>
                  )}
                </div>
              )
            }
            const { source } = row
            return (
              <div key={item.key} role="listitem" data-index={item.index} ref={virtualizer.measureElement} className="source-row" style={style}>
                <button
                  type="button"
                  className={`source-item${openIds.has(source.id) ? ' open' : ''}${source.missing ? ' missing' : ''}`}
                  draggable
                  onDragStart={(event) => event.dataTransfer.setData(SOURCE_DRAG_TYPE, source.id)}
                  onClick={() => void openSource(source.id)}
                  title={`${source.title}\n${source.relativePath}`}
                >
                  <span className="source-title">{source.title}</span>
                  <span className="source-meta">{sourceMeta(source, rootNames.get(source.rootId) ?? '')}</span>
                  {source.tags.length > 0 && <span className="source-tags">{source.tags.map((tag) => `#${tag}`).join(' ')}</span>}
                </button>
                <StarButton source={source} />
              </div>
            )
          })}
        </div>
        {visible.length === 0 && <p className="empty-hint">{emptyHint}</p>}
      </div>
      {drop.over && (
        <div className="folder-drop-hint" aria-hidden="true">
          Drop a folder to import it
        </div>
      )}
      {removing !== null && <RemoveFolderDialog root={removing} onClose={() => setRemoving(null)} />}
    </aside>
  )
}
