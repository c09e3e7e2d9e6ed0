// "Export notes…" in the top bar (File → Export Notes… and Ctrl+E reach the same export).
import { exportNotes } from './export-notes'

export function ExportButton() {
  return (
    <button type="button" className="button" onClick={() => void exportNotes()} title="Export the claims and their sources (Ctrl+E)">
      Export notes…
    </button>
  )
}
