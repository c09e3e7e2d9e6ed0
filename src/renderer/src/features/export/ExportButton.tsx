// "Export notes…": Electron saves where the user chooses; a browser downloads the file.
import { useEffect } from 'react'
import { useWorkbench } from '../../app/workbench-store'
import { unwrap } from '../../lib/api'
import { downloadText } from './download'

export function ExportButton() {
  const { api, run, notify } = useWorkbench.getState()

  async function exportNotes(): Promise<void> {
    if (api === null) return
    const outcome = await run(unwrap(api.exportNotes({ format: 'markdown' })))
    if (outcome === undefined || outcome.kind === 'cancelled') return
    if (outcome.kind === 'saved') notify('info', `Notes saved to ${outcome.path}`)
    else {
      downloadText(outcome.fileName, outcome.content, 'text/markdown')
      notify('info', `Notes downloaded as ${outcome.fileName}`)
    }
  }

  useEffect(() => {
    if (api === null) return undefined
    return api.onMenuCommand((command) => command === 'export-notes' && void exportNotes())
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api])

  return (
    <button type="button" className="button" onClick={() => void exportNotes()}>
      Export notes…
    </button>
  )
}
