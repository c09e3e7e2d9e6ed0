// Import annotations…: a Sourcebench, W3C Web Annotation or Hypothesis JSON file into the
// open project, then what came of each annotation, the unmatched ones listed with why.
import { useId, useRef, useState } from 'react'
import type { AnnotationImportReport } from '../../../../shared/domain/export'
import { readableMessage } from '../../app/notices-slice'
import { plural } from '../../../../shared/text/counts'
import { importAnnotationFile } from './import-actions'
import { ModalDialog } from '../../components/ModalDialog'

const QUOTE_SHOWN = 160

function shortQuote(quote: string): string {
  const cut = quote.length > QUOTE_SHOWN ? `${quote.slice(0, QUOTE_SHOWN).trimEnd()}…` : quote
  // A quote that brings its own marks is not wrapped in more.
  return /^["“„«‘']/.test(cut) ? cut : `“${cut}”`
}

function ImportReportView({ fileName, report }: { fileName: string; report: AnnotationImportReport }) {
  const read = report.format === 'hypothesis' ? 'Hypothesis annotations' : 'W3C Web Annotations'
  return (
    <div className="import-report" data-testid="import-report">
      <p>
        {plural(report.total, 'annotation')} in <code>{fileName}</code>, read as {read}.
      </p>
      <ul className="import-counts">
        <li>
          {plural(report.imported, 'new highlight')}
          {report.reanchored > 0 && ` (${report.reanchored.toLocaleString()} placed on words that moved or changed since the file was written)`}
        </li>
        {report.alreadyPresent > 0 && <li>{plural(report.alreadyPresent, 'highlight')} already in the project, left as they were</li>}
        <li>
          {plural(report.claimsCreated, 'claim')} created, {plural(report.links, 'link')} to claims
        </li>
      </ul>
      {report.unmatched.length === 0 ? (
        <p className="hint">Every annotation found its source.</p>
      ) : (
        <>
          <h3>{plural(report.unmatched.length, 'annotation')} not imported</h3>
          <ul className="import-unmatched" data-testid="import-unmatched">
            {report.unmatched.map((entry) => (
              <li key={entry.index}>
                <span className="muted">#{entry.index + 1}</span> {entry.quote === '' ? <em>(no quote)</em> : shortQuote(entry.quote)}
                {entry.source !== '' && <span className="muted"> — {entry.source}</span>}
                <br />
                <span className="import-reason">{entry.reason}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}

export function ImportAnnotationsDialog({ onClose }: { onClose: () => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<{ fileName: string; report: AnnotationImportReport } | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const id = useId()

  async function importFile(file: File): Promise<void> {
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      setResult({ fileName: file.name, report: await importAnnotationFile(file) })
    } catch (failure: unknown) {
      setError(readableMessage(failure instanceof Error ? failure.message : String(failure)))
    }
    setBusy(false)
    // The same file can be picked again (after fixing it, say).
    if (inputRef.current !== null) inputRef.current.value = ''
  }

  return (
    <ModalDialog titleId={`${id}-title`} className="import-annotations-dialog" onClose={onClose} initialFocus={inputRef} busy={busy}>
      <header className="dialog-head">
        <h2 id={`${id}-title`}>Import annotations</h2>
      </header>
      <p className="hint" id={`${id}-hint`}>
        A Sourcebench Web Annotation file (.jsonld), or annotations exported from Hypothesis (.json). Each lands on the words it quotes in the matching
        source (by URL, else by title); those that find no source are listed here, not dropped.
      </p>
      <label className="import-file">
        <span>Annotation file</span>
        <input
          ref={inputRef}
          type="file"
          accept=".json,.jsonld"
          aria-describedby={`${id}-hint`}
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0]
            if (file !== undefined) void importFile(file)
          }}
        />
      </label>
      <p className="export-status hint" role="status">
        {busy ? 'Importing…' : ''}
      </p>
      {error !== null && (
        <p className="export-error" role="alert">
          {error}
        </p>
      )}
      {result !== null && <ImportReportView {...result} />}
      <footer className="export-footer">
        <span className="spacer" />
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {result === null ? 'Cancel' : 'Close'}
        </button>
      </footer>
    </ModalDialog>
  )
}
