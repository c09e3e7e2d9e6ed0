// The left side: the library, or a search over all of it.
import { useEffect, useState } from 'react'
import { LibraryPanel } from '../features/library/LibraryPanel'
import { SearchPanel } from '../features/search/SearchPanel'

export function Sidebar() {
  const [tab, setTab] = useState<'library' | 'search'>('library')
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault()
        setTab('search')
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  return (
    <div className="sidebar">
      <div className="tabs" role="tablist" aria-label="Sources">
        <button type="button" role="tab" aria-selected={tab === 'library'} className={tab === 'library' ? 'active' : ''} onClick={() => setTab('library')}>
          Library
        </button>
        <button type="button" role="tab" aria-selected={tab === 'search'} className={tab === 'search' ? 'active' : ''} onClick={() => setTab('search')} title="Search all sources (Ctrl+Shift+F)">
          Search
        </button>
      </div>
      {/* Both stay mounted, so switching tabs keeps the filter, the query and the results. */}
      <div hidden={tab !== 'library'} className="sidebar-body">
        <LibraryPanel />
      </div>
      <div hidden={tab !== 'search'} className="sidebar-body">
        <SearchPanel />
      </div>
    </div>
  )
}
