// The left side: the library, a search over all of it, and corroboration across it (the
// quote ledger and the names), which need more width and widen the sidebar while shown.
import { useEffect, useState } from 'react'
import { NamesPanel } from '../features/corroboration/NamesPanel'
import { QuoteLedger } from '../features/corroboration/QuoteLedger'
import { LibraryPanel } from '../features/library/LibraryPanel'
import { SearchPanel } from '../features/search/SearchPanel'

type Tab = 'library' | 'search' | 'quotes' | 'names'

const TABS: { id: Tab; label: string; title: string }[] = [
  { id: 'library', label: 'Library', title: 'The imported sources' },
  { id: 'search', label: 'Search', title: 'Search all sources (Ctrl+Shift+F)' },
  { id: 'quotes', label: 'Quotes', title: 'Every quotation, grouped across sources, with wording differences' },
  { id: 'names', label: 'Names', title: 'People and organisations, with their spelling variants' }
]

export function Sidebar() {
  const [tab, setTab] = useState<Tab>('library')
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
    <div className={`sidebar${tab === 'quotes' || tab === 'names' ? ' wide' : ''}`}>
      <div className="tabs" role="tablist" aria-label="Sources">
        {TABS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="tab"
            aria-selected={tab === entry.id}
            className={tab === entry.id ? 'active' : ''}
            onClick={() => setTab(entry.id)}
            title={entry.title}
          >
            {entry.label}
          </button>
        ))}
      </div>
      {/* All stay mounted, so switching tabs keeps filters, queries and results. */}
      <div hidden={tab !== 'library'} className="sidebar-body">
        <LibraryPanel />
      </div>
      <div hidden={tab !== 'search'} className="sidebar-body">
        <SearchPanel />
      </div>
      <div hidden={tab !== 'quotes'} className="sidebar-body">
        <QuoteLedger active={tab === 'quotes'} />
      </div>
      <div hidden={tab !== 'names'} className="sidebar-body">
        <NamesPanel active={tab === 'names'} />
      </div>
    </div>
  )
}
