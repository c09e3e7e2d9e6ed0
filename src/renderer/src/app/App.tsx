// The workbench window: library on the left, reading panes in the middle, claims and
// annotations on the right, find and export in the header.
import { useEffect, useMemo } from 'react'
import { Notices } from '../components/Notices'
import { AnnotationList } from '../features/annotations/AnnotationList'
import { ClaimsPanel } from '../features/claims/ClaimsPanel'
import { CompareView } from '../features/corroboration/CompareView'
import { ExportButton } from '../features/export/ExportButton'
import { FindBar } from '../features/find/FindBar'
import { computeFindResults } from '../features/find/find-hits'
import { ProjectSwitcher } from '../features/projects/ProjectSwitcher'
import { ReaderPane } from '../features/reader/ReaderPane'
import { api } from '../lib/api'
import { Sidebar } from './Sidebar'
import { useWorkbench } from './workbench-store'

export function App() {
  const panes = useWorkbench((state) => state.panes)
  const texts = useWorkbench((state) => state.texts)
  const findQuery = useWorkbench((state) => state.findQuery)
  const findCursor = useWorkbench((state) => state.findCursor)
  const annotationCount = useWorkbench((state) => state.annotations.length)
  const claimCount = useWorkbench((state) => state.claims.length)
  const compare = useWorkbench((state) => state.compare)
  const { boot, refresh, setImportProgress, addPane, createClaim, openCompare } = useWorkbench.getState()
  const paneSources = [...new Set(panes.map((pane) => pane.sourceId).filter((id) => id !== null))]

  useEffect(() => {
    if (api === null) return undefined
    void boot(api)
    const unsubscribers = [
      api.onImportProgress(setImportProgress),
      api.onLibraryChanged(() => {
        if (useWorkbench.getState().importing === null) void refresh()
      }),
      api.onMenuCommand((command) => command === 'new-claim' && void createClaim(''))
    ]
    // Folders too large to watch live are looked at again when the user comes back to the app.
    const lookAgain = (): void => void useWorkbench.getState().rescanFolders()
    window.addEventListener('focus', lookAgain)
    return () => {
      unsubscribers.forEach((unsubscribe) => unsubscribe())
      window.removeEventListener('focus', lookAgain)
    }
  }, [boot, refresh, setImportProgress, createClaim])

  const find = useMemo(() => computeFindResults(panes, texts, findQuery, findCursor), [panes, texts, findQuery, findCursor])

  if (api === null) {
    return (
      <main className="disconnected">
        <h1>Sourcebench</h1>
        <p>This page needs its access token. Open the address that <code>npm run serve</code> printed in the terminal; it ends with <code>?token=…</code>.</p>
      </main>
    )
  }

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">Sourcebench</span>
        <ProjectSwitcher />
        <FindBar total={find.total} position={find.position} />
        <span className="spacer" />
        <button
          type="button"
          className="button"
          onClick={() => openCompare(paneSources)}
          disabled={paneSources.length < 2 || compare !== null}
          title="Align the sources open in the panes sentence by sentence"
        >
          Compare panes
        </button>
        <button type="button" className="button" onClick={addPane} disabled={panes.length >= 4 || compare !== null} title="Open another reading pane">
          + Pane
        </button>
        <ExportButton />
      </header>
      <Sidebar />
      {compare !== null ? (
        <main className="panes compare-host">
          <CompareView sourceIds={compare} />
        </main>
      ) : (
      <main className="panes" style={{ gridTemplateColumns: `repeat(${panes.length}, minmax(0, 1fr))` }}>
        {panes.map((pane, index) => (
          <ReaderPane
            key={pane.id}
            pane={pane}
            position={index + 1}
            hits={find.byPane[pane.id] ?? []}
            currentHit={find.current?.paneId === pane.id ? find.current.index : -1}
          />
        ))}
      </main>
      )}
      <aside className="notes" aria-label="Notes">
        <section className="notes-section claims-section" aria-label="Claims">
          <h2>
            Claims <span className="muted">{claimCount}</span>
          </h2>
          <ClaimsPanel />
        </section>
        <section className="notes-section highlights-section" aria-label="Highlights">
          <h2>
            Highlights <span className="muted">{annotationCount}</span>
          </h2>
          <AnnotationList />
        </section>
      </aside>
      <Notices />
    </div>
  )
}
