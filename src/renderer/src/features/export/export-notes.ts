// Exports the notes: Electron saves where the user chooses, a browser downloads the file.
import { useWorkbench } from '../../app/workbench-store'
import { unwrap } from '../../lib/api'
import { downloadText } from './download'

export async function exportNotes(): Promise<void> {
  const { api, run, notify } = useWorkbench.getState()
  if (api === null) return
  const outcome = await run(unwrap(api.exportNotes({ format: 'markdown' })))
  if (outcome === undefined || outcome.kind === 'cancelled') return
  if (outcome.kind === 'saved') notify('success', `Notes saved to ${outcome.path}`)
  else {
    downloadText(outcome.fileName, outcome.content, 'text/markdown')
    notify('success', `Notes downloaded as ${outcome.fileName}`)
  }
}
