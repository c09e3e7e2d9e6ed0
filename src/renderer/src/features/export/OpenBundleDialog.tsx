// Open bundle… in browser mode: the page cannot see the user's files, so it asks for the
// path of a .sourcebench file on the computer running Sourcebench (as importing a folder does).
import { useId, useRef, useState } from 'react'
import { readableMessage } from '../../app/notices-slice'
import { openBundleAt } from './import-actions'
import { ModalDialog } from '../../components/ModalDialog'

export function OpenBundleDialog({ onClose }: { onClose: () => void }) {
  const [path, setPath] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const id = useId()

  async function open(): Promise<void> {
    setBusy(true)
    setError(null)
    try {
      await openBundleAt(path.trim())
      onClose()
      return
    } catch (failure: unknown) {
      setError(readableMessage(failure instanceof Error ? failure.message : String(failure)))
    }
    setBusy(false)
  }

  return (
    <ModalDialog titleId={`${id}-title`} className="open-bundle-dialog" onClose={onClose} initialFocus={inputRef} busy={busy}>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (!busy && path.trim() !== '') void open()
        }}
      >
        <header className="dialog-head">
          <h2 id={`${id}-title`}>Open bundle</h2>
        </header>
        <p className="hint" id={`${id}-hint`}>
          A <code>.sourcebench</code> file on the computer running Sourcebench; ~ and relative paths start in the home folder. It opens as a new project beside
          this one: nothing is merged.
        </p>
        <input
          ref={inputRef}
          className="bundle-path"
          aria-label="Bundle file"
          aria-describedby={`${id}-hint`}
          placeholder="~/Downloads/story.sourcebench"
          value={path}
          disabled={busy}
          onChange={(event) => setPath(event.target.value)}
        />
        <p className="export-status hint" role="status">
          {busy ? 'Opening…' : ''}
        </p>
        {error !== null && (
          <p className="export-error" role="alert">
            {error}
          </p>
        )}
        <footer className="export-footer">
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy || path.trim() === ''}>
            Open
          </button>
        </footer>
      </form>
    </ModalDialog>
  )
}
