// The library: every source with its title, folder and length; filter by title; open a
// source into the focused pane, or drag it onto a pane.
import { useMemo, useState } from 'react'
import { useWorkbench } from '../../app/workbench-store'
import { SOURCE_DRAG_TYPE } from '../reader/ReaderPane'
import { outletAndDate } from '../../../../shared/domain/citation'
import { filterSources } from './filter-sources'
import { ImportBar } from './ImportBar'

function folderOf(relativePath: string, rootName: string): string {
  const slash = relativePath.lastIndexOf('/')
  return slash === -1 ? rootName : `${rootName}/${relativePath.slice(0, slash)}`
}

export function LibraryPanel() {
  const sources = useWorkbench((state) => state.sources)
  const panes = useWorkbench((state) => state.panes)
  const openSource = useWorkbench((state) => state.openSource)
  const [query, setQuery] = useState('')
  const visible = useMemo(() => filterSources(sources, query), [sources, query])
  const roots = useWorkbench((state) => state.roots)
  const rootNames = useMemo(() => new Map(roots.map((root) => [root.id, root.name])), [roots])
  const openIds = new Set(panes.map((pane) => pane.sourceId))

  return (
    <aside className="library" aria-label="Library">
      <ImportBar />
      <div className="library-head">
        <h2>Library</h2>
        <span className="muted">{sources.length} sources</span>
      </div>
      <input className="filter" type="search" aria-label="Filter sources by title" placeholder="Filter by title" value={query} onChange={(event) => setQuery(event.target.value)} />
      <ul className="source-list" data-testid="source-list">
        {visible.map((source) => (
          <li key={source.id}>
            <button
              type="button"
              className={`source-item${openIds.has(source.id) ? ' open' : ''}${source.missing ? ' missing' : ''}`}
              draggable
              onDragStart={(event) => event.dataTransfer.setData(SOURCE_DRAG_TYPE, source.id)}
              onClick={() => void openSource(source.id)}
              title={`${source.title}\n${source.relativePath}`}
            >
              <span className="source-title">{source.title}</span>
              <span className="source-meta">
                {[outletAndDate(source), folderOf(source.relativePath, rootNames.get(source.rootId) ?? ''), `${source.words.toLocaleString()} words`]
                  .filter((part) => part !== '')
                  .join(' · ')}
                {source.format === 'text' || source.format === 'markdown' ? '' : ` · ${source.format.toUpperCase()}`}
                {source.missing ? ' · missing' : ''}
              </span>
            </button>
          </li>
        ))}
        {visible.length === 0 && <li className="empty-hint">{sources.length === 0 ? 'No sources yet: import a folder.' : 'No title matches the filter.'}</li>}
      </ul>
    </aside>
  )
}

