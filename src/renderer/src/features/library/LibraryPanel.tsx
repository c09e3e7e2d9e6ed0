// The library: every source with its title, outlet, date, folder and length; filter by
// title; open a source into the focused pane, or drag it onto a pane. The list is
// virtualised, so a library of 20,000 articles scrolls and filters without lag.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, useState } from 'react'
import { outletAndDate } from '../../../../shared/domain/citation'
import type { Source } from '../../../../shared/domain/source'
import { useWorkbench } from '../../app/workbench-store'
import { SOURCE_DRAG_TYPE } from '../reader/ReaderPane'
import { buildFilterIndex, filterSources } from './filter-sources'
import { FolderWatchNotice } from './FolderWatchNotice'
import { ImportBar } from './ImportBar'

const ROW_ESTIMATE_PX = 62

function folderOf(relativePath: string, rootName: string): string {
  const slash = relativePath.lastIndexOf('/')
  return slash === -1 ? rootName : `${rootName}/${relativePath.slice(0, slash)}`
}

function sourceMeta(source: Source, rootName: string): string {
  const parts = [outletAndDate(source), folderOf(source.relativePath, rootName), `${source.words.toLocaleString()} words`]
  if (source.format !== 'text' && source.format !== 'markdown') parts.push(source.format.toUpperCase())
  if (source.missing) parts.push('missing')
  return parts.filter((part) => part !== '').join(' · ')
}

export function LibraryPanel() {
  const sources = useWorkbench((state) => state.sources)
  const panes = useWorkbench((state) => state.panes)
  const openSource = useWorkbench((state) => state.openSource)
  const roots = useWorkbench((state) => state.roots)
  const [query, setQuery] = useState('')
  const index = useMemo(() => buildFilterIndex(sources), [sources])
  const visible = useMemo(() => filterSources(index, query), [index, query])
  const rootNames = useMemo(() => new Map(roots.map((root) => [root.id, root.name])), [roots])
  const openIds = new Set(panes.map((pane) => pane.sourceId))
  const listRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 8,
    initialRect: { width: 280, height: 800 }
  })

  return (
    <aside className="library" aria-label="Library">
      <ImportBar />
      <div className="library-head">
        <h2>Library</h2>
        <span className="muted">{query.trim() === '' ? `${sources.length.toLocaleString()} sources` : `${visible.length.toLocaleString()} of ${sources.length.toLocaleString()}`}</span>
      </div>
      <FolderWatchNotice />
      <input className="filter" type="search" aria-label="Filter sources by title" placeholder="Filter by title or outlet" value={query} onChange={(event) => setQuery(event.target.value)} />
      <div className="source-list" ref={listRef} data-testid="source-list" role="list">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const source = visible[row.index]
            if (source === undefined) return null
            return (
              <div key={source.id} role="listitem" data-index={row.index} ref={virtualizer.measureElement} className="source-row" style={{ transform: `translateY(${row.start}px)` }}>
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
                </button>
              </div>
            )
          })}
        </div>
        {visible.length === 0 && <p className="empty-hint">{sources.length === 0 ? 'No sources yet: import a folder.' : 'No title matches the filter.'}</p>}
      </div>
    </aside>
  )
}
