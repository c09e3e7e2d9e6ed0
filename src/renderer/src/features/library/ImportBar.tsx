// Importing a folder: the native picker in Electron, a typed path in browser mode; a
// progress bar while it runs; where every file went, and the ones that could not be
// read, each with its reason.
import { useEffect, useState } from 'react'
import { useWorkbench } from '../../app/workbench-store'
import { unwrap } from '../../lib/api'
import { ImportTally } from './ImportTally'
import { formatBytes } from '../../../../shared/text/counts'

/** Asks before a large folder is imported: it takes a while, and every file in it is read and watched. */
function LargeFolderConfirm({ folder }: { folder: { path: string; files: number; bytes: number } }) {
  const { importFolder, dismissLargeImport } = useWorkbench.getState()
  return (
    <div className="large-import" role="alertdialog" aria-labelledby="large-import-title" aria-describedby="large-import-text" data-testid="large-import">
      <p id="large-import-title" className="large-import-title">
        Import a large folder?
      </p>
      <p id="large-import-text">
        <code>{folder.path}</code> holds {folder.files.toLocaleString()} files Sourcebench can read ({formatBytes(folder.bytes)}). Importing them takes a
        while; you can stop at any time and keep what was imported.
      </p>
      <div className="large-import-actions">
        <button type="button" className="button primary" autoFocus onClick={() => void importFolder(folder.path, true)}>
          Import all {folder.files.toLocaleString()} files
        </button>
        <button type="button" className="button" onClick={dismissLargeImport}>
          Cancel
        </button>
      </div>
    </div>
  )
}

export function ImportBar() {
  const appInfo = useWorkbench((state) => state.appInfo)
  const importing = useWorkbench((state) => state.importing)
  const report = useWorkbench((state) => state.lastImport)
  const largeImport = useWorkbench((state) => state.largeImport)
  const { importFolder, cancelImport, run, api } = useWorkbench.getState()
  const [path, setPath] = useState('')
  const [showErrors, setShowErrors] = useState(false)
  const [showWarnings, setShowWarnings] = useState(false)

  async function pickAndImport(): Promise<void> {
    if (api === null) return
    const picked = await run(unwrap(api.pickFolder()))
    if (typeof picked === 'string') await importFolder(picked)
  }

  useEffect(() => {
    if (api === null) return undefined
    return api.onMenuCommand((command) => {
      if (command === 'import-folder') void pickAndImport()
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api])

  const busy = importing !== null
  const percent = importing === null || importing.total === 0 ? 0 : Math.round((importing.done / importing.total) * 100)

  return (
    <div className="import-bar">
      {appInfo?.canPickFolder === true ? (
        <button type="button" className="button primary" disabled={busy} onClick={() => void pickAndImport()}>
          Import folder…
        </button>
      ) : (
        <form
          className="import-form"
          onSubmit={(event) => {
            event.preventDefault()
            if (path.trim() !== '') void importFolder(path.trim())
          }}
        >
          <input
            aria-label="Folder to import"
            placeholder="~/Documents/stories"
            title="A folder on the computer running Sourcebench; ~ and relative paths start in your home folder"
            value={path}
            onChange={(event) => setPath(event.target.value)}
            disabled={busy}
          />
          <button type="submit" className="button primary" disabled={busy || path.trim() === ''}>
            Import
          </button>
        </form>
      )}
      {largeImport !== null && <LargeFolderConfirm folder={largeImport} />}
      {importing !== null && (
        <div className="import-progress" role="status" aria-live="polite">
          {importing.phase === 'listing' ? (
            <>
              <progress aria-label="Import progress" />
              <span>Listing files… {importing.done.toLocaleString()} found</span>
            </>
          ) : (
            <>
              <progress max={Math.max(1, importing.total)} value={importing.done} aria-label="Import progress" />
              <span>
                {importing.done.toLocaleString()} / {importing.total.toLocaleString()} files · {percent}%{importing.errors > 0 ? ` · ${importing.errors} problems` : ''}
              </span>
            </>
          )}
          {importing.currentFile !== null && (
            <span className="current-file">
              {importing.currentFile}
              {importing.detail !== undefined && importing.detail !== '' ? ` · ${importing.detail}` : ''}
            </span>
          )}
          <button type="button" className="link-button danger" onClick={() => void cancelImport()}>
            Stop import
          </button>
        </div>
      )}
      {report !== null && importing === null && <ImportTally report={report} />}
      {report !== null && report.errors.length > 0 && (
        <div className="import-errors" data-testid="import-errors">
          <button type="button" className="link-button" onClick={() => setShowErrors(!showErrors)}>
            {report.errors.length} file{report.errors.length === 1 ? '' : 's'} not imported {showErrors ? '▾' : '▸'}
          </button>
          {showErrors && (
            <ul>
              {report.errors.map((error) => (
                <li key={error.relativePath}>
                  <code>{error.relativePath}</code>: {error.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {report !== null && report.warnings.length > 0 && (
        <div className="import-warnings" data-testid="import-warnings">
          <button type="button" className="link-button" onClick={() => setShowWarnings(!showWarnings)}>
            {report.warnings.length} file{report.warnings.length === 1 ? '' : 's'} imported with a caveat {showWarnings ? '▾' : '▸'}
          </button>
          {showWarnings && (
            <ul>
              {report.warnings.map((warning) => (
                <li key={`${warning.relativePath}:${warning.reason}`}>
                  <code>{warning.relativePath}</code>: {warning.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}
