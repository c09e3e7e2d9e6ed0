// The window below the top bar: the library, the reading panes (or the aligned
// comparison) and the notes, side by side with splitters that remember where the user put
// them. The library and the notes can be hidden; panes keep a readable width and scroll
// sideways inside their own area when the window is too narrow for all of them.
import { useEffect } from 'react'
import { Group, Panel, Separator, useDefaultLayout, usePanelRef, type PanelImperativeHandle } from 'react-resizable-panels'
import { AnnotationList } from '../features/annotations/AnnotationList'
import { ClaimsPanel } from '../features/claims/ClaimsPanel'
import { CompareView } from '../features/corroboration/CompareView'
import type { FindResults } from '../features/find/find-hits'
import { ReaderPane } from '../features/reader/ReaderPane'
import { Sidebar } from './Sidebar'
import { useUiCommand } from './ui-commands'
import { useWorkbench } from './workbench-store'

/** Narrower than this a pane shows a few words a line: the pane area scrolls instead. */
export const MIN_PANE_PX = 260
/** The quote ledger and the names need this much room for their diffs and mentions. */
const WIDE_SIDEBAR_PX = 440

function toggle(panel: PanelImperativeHandle | null): void {
  if (panel === null) return
  if (panel.isCollapsed()) panel.expand()
  else panel.collapse()
}

function PaneStrip({ find }: { find: FindResults }) {
  const panes = useWorkbench((state) => state.panes)
  const layout = useDefaultLayout({ id: `sourcebench.panes.${panes.length}`, storage: window.localStorage })
  return (
    <div className="pane-strip" style={{ minWidth: panes.length * MIN_PANE_PX }}>
      <Group key={panes.length} orientation="horizontal" className="panes" defaultLayout={layout.defaultLayout} onLayoutChanged={layout.onLayoutChanged}>
        {panes.map((pane, index) => [
          index > 0 ? <Separator key={`separator-${pane.id}`} className="splitter" aria-label={`Resize panes ${index} and ${index + 1}`} /> : null,
          <Panel key={pane.id} id={`panel-pane-${index + 1}`} minSize={`${MIN_PANE_PX}px`} className="pane-cell">
            <ReaderPane
              pane={pane}
              position={index + 1}
              hits={find.byPane[pane.id] ?? []}
              currentHit={find.current?.paneId === pane.id ? find.current.index : -1}
            />
          </Panel>
        ])}
      </Group>
    </div>
  )
}

export function Workspace({ find }: { find: FindResults }) {
  const compare = useWorkbench((state) => state.compare)
  const claimCount = useWorkbench((state) => state.claims.length)
  const annotationCount = useWorkbench((state) => state.annotations.length)
  const sidebarTab = useWorkbench((state) => state.sidebarTab)
  const setPanelsShown = useWorkbench((state) => state.setPanelsShown)
  const library = usePanelRef()
  const notes = usePanelRef()
  const outer = useDefaultLayout({ id: 'sourcebench.workspace', storage: window.localStorage })
  const inner = useDefaultLayout({ id: 'sourcebench.notes', storage: window.localStorage })

  useUiCommand('toggle-library', () => toggle(library.current))
  useUiCommand('toggle-notes', () => toggle(notes.current))
  // Quotes and names show diffs and mention lists: give them room once, the user may narrow it again.
  useEffect(() => {
    const panel = library.current
    if (panel === null || (sidebarTab !== 'quotes' && sidebarTab !== 'names')) return
    if (panel.isCollapsed()) panel.expand()
    // On a narrow window the reading area keeps most of the width.
    const wide = Math.min(WIDE_SIDEBAR_PX, Math.round(window.innerWidth * 0.34))
    if (panel.getSize().inPixels < wide) panel.resize(`${wide}px`)
  }, [sidebarTab, library])

  return (
    <Group
      id="workspace"
      orientation="horizontal"
      className="workspace"
      defaultLayout={outer.defaultLayout}
      onLayoutChanged={(layout, meta) => {
        outer.onLayoutChanged(layout, meta)
        setPanelsShown({ library: (layout['panel-library'] ?? 0) > 0, notes: (layout['panel-notes'] ?? 0) > 0 })
      }}
    >
      <Panel id="panel-library" panelRef={library} collapsible minSize="230px" defaultSize="22%" maxSize="55%" className="panel-cell">
        <Sidebar />
      </Panel>
      <Separator className="splitter" aria-label="Resize the library" />
      <Panel id="panel-reading" minSize="25%" className="panel-cell reading-area">
        {compare !== null ? (
          <main className="compare-host">
            <CompareView sourceIds={compare} />
          </main>
        ) : (
          <main className="pane-scroller" aria-label="Reading panes">
            <PaneStrip find={find} />
          </main>
        )}
      </Panel>
      <Separator className="splitter" aria-label="Resize the reading panes and the notes" />
      <Panel id="panel-notes" panelRef={notes} collapsible minSize="240px" defaultSize="26%" maxSize="50%" className="panel-cell">
        <aside className="notes" aria-label="Notes">
          <Group orientation="vertical" defaultLayout={inner.defaultLayout} onLayoutChanged={inner.onLayoutChanged}>
            <Panel id="panel-claims" minSize="20%" defaultSize="60%" className="panel-cell">
              <section className="notes-section claims-section" aria-label="Claims">
                <h2>
                  Claims <span className="muted">{claimCount}</span>
                </h2>
                <ClaimsPanel />
              </section>
            </Panel>
            <Separator className="splitter horizontal" aria-label="Resize claims and highlights" />
            <Panel id="panel-highlights" minSize="15%" defaultSize="40%" className="panel-cell">
              <section className="notes-section highlights-section" aria-label="Highlights">
                <h2>
                  Highlights <span className="muted">{annotationCount}</span>
                </h2>
                <AnnotationList />
              </section>
            </Panel>
          </Group>
        </aside>
      </Panel>
    </Group>
  )
}
