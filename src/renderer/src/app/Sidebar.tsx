// The left side: the library, a search over all of it, and corroboration across it (the
// quote ledger and the names), which need more width and widen the sidebar when opened.
import { NamesPanel } from '../features/corroboration/NamesPanel'
import { QuoteLedger } from '../features/corroboration/QuoteLedger'
import { LibraryPanel } from '../features/library/LibraryPanel'
import { SearchPanel } from '../features/search/SearchPanel'
import { useWorkbench, type SidebarTab } from './workbench-store'

const TABS: { id: SidebarTab; label: string; title: string }[] = [
  { id: 'library', label: 'Library', title: 'The imported sources' },
  { id: 'search', label: 'Search', title: 'Search all sources (Ctrl+Shift+F)' },
  { id: 'quotes', label: 'Quotes', title: 'Every quotation, grouped across sources, with wording differences' },
  { id: 'names', label: 'Names', title: 'People and organisations, with their spelling variants' }
]

export function Sidebar() {
  const tab = useWorkbench((state) => state.sidebarTab)
  const setTab = useWorkbench((state) => state.setSidebarTab)
  return (
    <div className="sidebar">
      <div
        className="tabs"
        role="tablist"
        aria-label="Sources"
        onKeyDown={(event) => {
          // Arrow keys move between tabs, as in every tab list.
          const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
          if (step === 0) return
          const next = TABS[(TABS.findIndex((entry) => entry.id === tab) + step + TABS.length) % TABS.length]
          if (next === undefined) return
          setTab(next.id)
          event.currentTarget.querySelector<HTMLButtonElement>(`#tab-${next.id}`)?.focus()
        }}
      >
        {TABS.map((entry) => (
          <button
            key={entry.id}
            id={`tab-${entry.id}`}
            type="button"
            role="tab"
            aria-selected={tab === entry.id}
            aria-controls={`tabpanel-${entry.id}`}
            tabIndex={tab === entry.id ? 0 : -1}
            className={tab === entry.id ? 'active' : ''}
            onClick={() => setTab(entry.id)}
            title={entry.title}
          >
            {entry.label}
          </button>
        ))}
      </div>
      {/* All stay mounted, so switching tabs keeps filters, queries and results. */}
      <div hidden={tab !== 'library'} className="sidebar-body" role="tabpanel" id="tabpanel-library" aria-labelledby="tab-library">
        <LibraryPanel />
      </div>
      <div hidden={tab !== 'search'} className="sidebar-body" role="tabpanel" id="tabpanel-search" aria-labelledby="tab-search">
        <SearchPanel />
      </div>
      <div hidden={tab !== 'quotes'} className="sidebar-body" role="tabpanel" id="tabpanel-quotes" aria-labelledby="tab-quotes">
        <QuoteLedger active={tab === 'quotes'} />
      </div>
      <div hidden={tab !== 'names'} className="sidebar-body" role="tabpanel" id="tabpanel-names" aria-labelledby="tab-names">
        <NamesPanel active={tab === 'names'} />
      </div>
    </div>
  )
}
