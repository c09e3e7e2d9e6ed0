// "Export…" in the top bar: opens the Export dialog (File → Export… and Ctrl+E do the same).
import { useWorkbench } from '../../app/workbench-store'
import { IS_MAC } from '../../app/shortcuts'

export function ExportButton() {
  return (
    <button
      type="button"
      className="button"
      onClick={() => useWorkbench.getState().setExportDialog('export')}
      title={`Export the claims and their sources: notes, a report, a spreadsheet, citations or a bundle (${IS_MAC ? '⌘' : 'Ctrl'}+E)`}
    >
      Export…
    </button>
  )
}
