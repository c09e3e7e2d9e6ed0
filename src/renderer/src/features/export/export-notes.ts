// Writes the export the dialog shows: Electron asks where and saves the file there, a
// browser downloads it from the server. Said in a notice once done.
import { useWorkbench } from '../../app/workbench-store'
import { unwrap } from '../../lib/api'
import type { ExportRequest } from '../../../../shared/domain/export'
import { downloadUrl } from './download'

/**
 * Resolves true once the file is written, false when the user cancelled the save dialog;
 * a refusal is thrown, for the Export dialog to show where the user is looking.
 */
export async function saveExport(request: ExportRequest): Promise<boolean> {
  const { api } = useWorkbench.getState()
  if (api === null) throw new Error('export: not connected to the engine')
  const outcome = await unwrap(api.exportNotes(request))
  if (outcome.kind === 'cancelled') return false
  if (outcome.kind === 'saved') {
    useWorkbench.getState().notify('success', `Saved to ${outcome.path}`)
    return true
  }
  downloadUrl(outcome.fileName, outcome.url)
  useWorkbench.getState().notify('success', `Downloaded ${outcome.fileName}`)
  return true
}
