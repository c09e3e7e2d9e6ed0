// The workbench window: the top bar, the workspace (library, reading panes, notes) and
// the notices row. One key handler here serves every app-wide shortcut, and the Electron
// menu's commands arrive at the same place.
import { useEffect, useMemo } from 'react'
import { Notices } from '../components/Notices'
import { ExportDialogs } from '../features/export/ExportDialogs'
import { chooseBundle } from '../features/export/import-actions'
import { computeFindResults } from '../features/find/find-hits'
import { api } from '../lib/api'
import type { MenuCommand } from '../../../shared/ipc/contract'
import { inTextField } from './history-slice'
import { matchShortcut, NOT_WHILE_TYPING, type ShortcutId } from './shortcuts'
import { ShortcutsSheet } from './ShortcutsSheet'
import { TopBar } from './TopBar'
import { sendUiCommand } from './ui-commands'
import { Workspace } from './Workspace'
import { useWorkbench } from './workbench-store'

/** Does what a shortcut or a menu command asks; says whether anything handled it. */
function perform(id: ShortcutId | MenuCommand, pane?: number): boolean {
  const state = useWorkbench.getState()
  switch (id) {
    case 'find':
      return sendUiCommand({ kind: 'focus-find' })
    case 'search':
      state.setSidebarTab('search')
      return sendUiCommand({ kind: 'focus-search' })
    case 'undo':
      void state.undo()
      return true
    case 'redo':
      void state.redo()
      return true
    case 'highlight':
      return sendUiCommand({ kind: 'highlight-selection' })
    case 'toggle-original':
      return state.toggleFocusedPaneView()
    case 'new-claim':
      void state.createClaim('')
      return true
    case 'export':
    case 'export-notes':
      state.setExportDialog('export')
      return true
    case 'import-annotations':
      state.setExportDialog('import-annotations')
      return true
    case 'open-bundle':
      void chooseBundle()
      return true
    case 'import':
    case 'import-folder':
      state.setSidebarTab('library')
      return sendUiCommand({ kind: 'import' })
    case 'shortcuts':
      state.setShortcutsOpen(!state.shortcutsOpen)
      return true
    case 'toggle-library':
      return sendUiCommand({ kind: 'toggle-library' })
    case 'toggle-notes':
      return sendUiCommand({ kind: 'toggle-notes' })
    case 'focus-pane':
      return sendUiCommand({ kind: 'focus-pane', pane: pane ?? 1 })
  }
}

export function App() {
  const panes = useWorkbench((state) => state.panes)
  const texts = useWorkbench((state) => state.texts)
  const findQuery = useWorkbench((state) => state.findQuery)
  const findCursor = useWorkbench((state) => state.findCursor)
  const shortcutsOpen = useWorkbench((state) => state.shortcutsOpen)
  const panelsShown = useWorkbench((state) => state.panelsShown)
  const { boot, refresh, setImportProgress, setHistory, setShortcutsOpen } = useWorkbench.getState()

  useEffect(() => {
    if (api === null) return undefined
    void boot(api)
    const unsubscribers = [
      api.onImportProgress(setImportProgress),
      api.onLibraryChanged(() => {
        if (useWorkbench.getState().importing === null) void refresh()
      }),
      api.onHistoryChanged(setHistory),
      // Electron's menu: in a text box, Undo and Redo are the text box's own.
      api.onMenuCommand((command) => {
        if ((command === 'undo' || command === 'redo') && inTextField(document.activeElement)) document.execCommand(command)
        else perform(command)
      })
    ]
    // Folders too large to watch live are looked at again when the user comes back to the app.
    const lookAgain = (): void => void useWorkbench.getState().rescanFolders()
    window.addEventListener('focus', lookAgain)
    return () => {
      unsubscribers.forEach((unsubscribe) => unsubscribe())
      window.removeEventListener('focus', lookAgain)
    }
  }, [boot, refresh, setImportProgress, setHistory])

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const shortcut = matchShortcut(event)
      if (shortcut === null) return
      // A text box keeps its own undo and redo, and typing is never turned into a command.
      if (NOT_WHILE_TYPING.has(shortcut.id) && inTextField(document.activeElement)) return
      // A dialog asking the user something keeps the keyboard to itself.
      if (document.querySelector('[aria-modal="true"]') !== null && shortcut.id !== 'shortcuts') return
      if (perform(shortcut.id, shortcut.pane)) event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

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
      <TopBar findTotal={find.total} findPosition={find.position} libraryShown={panelsShown.library} notesShown={panelsShown.notes} />
      <Workspace find={find} />
      <Notices />
      {shortcutsOpen && <ShortcutsSheet onClose={() => setShortcutsOpen(false)} />}
      <ExportDialogs />
    </div>
  )
}
