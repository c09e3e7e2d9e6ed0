// The top bar: project, find, undo and redo, and the workbench's actions. Below 1400 px
// the actions fold into a "More" menu so nothing is ever pushed out of the window.
import { useState } from 'react'
import { ExportButton } from '../features/export/ExportButton'
import { chooseBundle } from '../features/export/import-actions'
import { FindBar } from '../features/find/FindBar'
import { OcrLanguagesDialog } from '../features/library/OcrLanguagesDialog'
import { ProjectSwitcher } from '../features/projects/ProjectSwitcher'
import { MenuButton, type MenuItem } from '../components/MenuButton'
import { IS_MAC } from './shortcuts'
import { setTheme, useTheme } from './theme'
import { sendUiCommand } from './ui-commands'
import { useMediaQuery } from './use-media-query'
import { useWorkbench } from './workbench-store'

const MOD = IS_MAC ? '⌘' : 'Ctrl'

interface TopBarProps {
  findTotal: number
  findPosition: number
  libraryShown: boolean
  notesShown: boolean
}

export function TopBar({ findTotal, findPosition, libraryShown, notesShown }: TopBarProps) {
  const panes = useWorkbench((state) => state.panes)
  const compare = useWorkbench((state) => state.compare)
  const history = useWorkbench((state) => state.history)
  const importing = useWorkbench((state) => state.importing !== null)
  const { openCompare, addPane, undo, redo, setShortcutsOpen, setExportDialog } = useWorkbench.getState()
  const theme = useTheme()
  const [ocrLanguagesOpen, setOcrLanguagesOpen] = useState(false)
  const narrow = useMediaQuery('(max-width: 1400px)')
  const paneSources = panes.map((pane) => pane.sourceId).filter((id): id is string => id !== null)
  const canCompare = paneSources.length >= 2 && compare === null
  const canAddPane = panes.length < 4 && compare === null

  const file: MenuItem[] = [
    { label: 'Export…', hint: `${MOD}+E`, onSelect: () => setExportDialog('export') },
    { label: 'Import annotations…', onSelect: () => setExportDialog('import-annotations') },
    // Like switching project, it waits for a running import: say so by disabling it.
    { label: 'Open bundle…', disabled: importing, onSelect: () => void chooseBundle() },
    { label: 'OCR languages…', onSelect: () => setOcrLanguagesOpen(true) }
  ]
  const view: Array<MenuItem | 'separator'> = [
    { label: 'Library', checked: libraryShown, hint: `${MOD}+B`, onSelect: () => sendUiCommand({ kind: 'toggle-library' }) },
    { label: 'Claims and highlights', checked: notesShown, hint: `${MOD}+Alt+B`, onSelect: () => sendUiCommand({ kind: 'toggle-notes' }) },
    'separator',
    { label: 'Theme: as the system', checked: theme === 'system', onSelect: () => setTheme('system') },
    { label: 'Theme: light', checked: theme === 'light', onSelect: () => setTheme('light') },
    { label: 'Theme: dark', checked: theme === 'dark', onSelect: () => setTheme('dark') },
    'separator',
    { label: 'Keyboard shortcuts', hint: `${MOD}+/`, onSelect: () => setShortcutsOpen(true) }
  ]
  const folded: Array<MenuItem | 'separator'> = [
    { label: 'Compare panes', disabled: !canCompare, onSelect: () => openCompare(paneSources) },
    { label: 'Add a reading pane', disabled: !canAddPane, onSelect: addPane },
    'separator',
    ...file,
    'separator',
    ...view
  ]

  return (
    <header className="app-header">
      <span className="brand">Sourcebench</span>
      <ProjectSwitcher />
      <FindBar total={findTotal} position={findPosition} />
      <span className="spacer" />
      <span className="history-buttons">
        <button
          type="button"
          className="icon-button"
          aria-label={history.undo === null ? 'Undo' : `Undo ${history.undo}`}
          title={history.undo === null ? 'Nothing to undo' : `Undo: ${history.undo} (${MOD}+Z)`}
          disabled={history.undo === null}
          onClick={() => void undo()}
        >
          ↶
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={history.redo === null ? 'Redo' : `Redo ${history.redo}`}
          title={history.redo === null ? 'Nothing to redo' : `Redo: ${history.redo} (${MOD}+Shift+Z)`}
          disabled={history.redo === null}
          onClick={() => void redo()}
        >
          ↷
        </button>
      </span>
      {narrow ? (
        <MenuButton label="More ▾" ariaLabel="More actions" items={folded} />
      ) : (
        <>
          <button type="button" className="button" onClick={() => openCompare(paneSources)} disabled={!canCompare} title="Align the sources open in the panes sentence by sentence">
            Compare panes
          </button>
          <button type="button" className="button" onClick={addPane} disabled={!canAddPane} title="Open another reading pane">
            + Pane
          </button>
          <ExportButton />
          <MenuButton label="File ▾" ariaLabel="File" items={file} />
          <MenuButton label="View ▾" ariaLabel="View" items={view} />
        </>
      )}
      {ocrLanguagesOpen && <OcrLanguagesDialog onClose={() => setOcrLanguagesOpen(false)} />}
    </header>
  )
}
