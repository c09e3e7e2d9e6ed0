// Export… (Ctrl+E): pick a format and its options, see what the file will hold, then save
// it (Electron asks where) or download it (browser mode). A refusal stays in the dialog.
import { useId, useRef, useState } from 'react'
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS } from '../../../../shared/domain/export'
import { readableMessage } from '../../app/notices-slice'
import { useWorkbench } from '../../app/workbench-store'
import { choosesSources, loadExportChoice, packsOriginals, requestFor, saveExportChoice, type ExportChoice } from './export-choice'
import { saveExport } from './export-notes'
import { ExportPreviewPane } from './ExportPreviewPane'
import { chooseBundle } from './import-actions'
import { ModalDialog } from '../../components/ModalDialog'
import { useExportPreview } from './useExportPreview'

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const browser = useWorkbench((state) => state.appInfo?.mode === 'browser')
  const [choice, setChoice] = useState<ExportChoice>(() => loadExportChoice(window.localStorage))
  const request = requestFor(choice)
  const preview = useExportPreview(request)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const checkedRef = useRef<HTMLInputElement>(null)
  const id = useId()

  function choose(next: Partial<ExportChoice>): void {
    const chosen = { ...choice, ...next }
    setChoice(chosen)
    saveExportChoice(window.localStorage, chosen)
    setError(null)
  }

  async function save(): Promise<void> {
    setSaving(true)
    setError(null)
    try {
      // Cancelling the save dialog leaves this one open, to pick another format or close.
      if (await saveExport(request)) {
        onClose()
        return
      }
    } catch (failure: unknown) {
      setError(readableMessage(failure instanceof Error ? failure.message : String(failure)))
    }
    setSaving(false)
  }

  return (
    <ModalDialog titleId={`${id}-title`} className="export-dialog" onClose={onClose} initialFocus={checkedRef} busy={saving}>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (!saving) void save()
        }}
      >
        <header className="dialog-head">
          <h2 id={`${id}-title`}>Export</h2>
        </header>
        <div className="export-body">
          <fieldset className="export-formats" role="radiogroup" aria-labelledby={`${id}-formats`}>
            <legend id={`${id}-formats`}>Format</legend>
            {EXPORT_FORMATS.map((format) => {
              const info = EXPORT_FORMAT_INFO[format]
              const chosen = format === choice.format
              return (
                <label key={format} className={`export-format${chosen ? ' chosen' : ''}`}>
                  <input
                    ref={chosen ? checkedRef : undefined}
                    type="radio"
                    name={`${id}-format`}
                    value={format}
                    checked={chosen}
                    onChange={() => choose({ format })}
                    aria-labelledby={`${id}-${format}-label`}
                    aria-describedby={`${id}-${format}-description`}
                  />
                  <span className="export-format-text">
                    <span id={`${id}-${format}-label`} className="export-format-label">
                      {info.label}
                    </span>
                    <span id={`${id}-${format}-description`} className="export-format-description">
                      {info.description}
                    </span>
                  </span>
                </label>
              )
            })}
          </fieldset>
          <div className="export-side">
            {choosesSources(choice.format) && (
              <fieldset className="export-options">
                <legend>Sources</legend>
                <label>
                  <input type="radio" name={`${id}-sources`} checked={choice.sources === 'cited'} onChange={() => choose({ sources: 'cited' })} /> Cited only
                </label>
                <label>
                  <input type="radio" name={`${id}-sources`} checked={choice.sources === 'all'} onChange={() => choose({ sources: 'all' })} /> All in project
                </label>
              </fieldset>
            )}
            {packsOriginals(choice.format) && (
              <div className="export-options">
                <label>
                  <input type="checkbox" checked={choice.includeOriginals} onChange={(event) => choose({ includeOriginals: event.target.checked })} /> Include the original files
                </label>
                <p className="hint">A larger file; without them, whoever opens the bundle reads the texts Sourcebench stored.</p>
              </div>
            )}
            <ExportPreviewPane {...preview} />
          </div>
        </div>
        {error !== null && (
          <p className="export-error" role="alert">
            {error}
          </p>
        )}
        <footer className="export-footer">
          <span className="export-links">
            <button type="button" className="link-button" onClick={() => useWorkbench.getState().setExportDialog('import-annotations')}>
              Import annotations…
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onClose()
                void chooseBundle()
              }}
            >
              Open bundle…
            </button>
          </span>
          <span className="export-status hint" role="status">
            {saving ? (browser ? 'Preparing the download…' : 'Saving…') : ''}
          </span>
          <button type="button" className="button" onClick={onClose} disabled={saving}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={saving}>
            {browser ? 'Download' : 'Save…'}
          </button>
        </footer>
      </form>
    </ModalDialog>
  )
}
