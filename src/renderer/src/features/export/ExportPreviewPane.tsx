// The Export dialog's preview: what the file will hold in counts, its name, and its start
// as text (text formats) or the list of what is inside (DOCX, bundles).
import { EXPORT_PREVIEW_CHARS } from '../../../../shared/domain/export'
import { notFoundLine, summaryLine } from './export-summary'
import type { PreviewState } from './useExportPreview'

export function ExportPreviewPane({ preview, loading, error }: PreviewState) {
  const notFound = preview === null ? null : notFoundLine(preview.summary)
  return (
    <section className={`export-preview${loading && preview !== null ? ' stale' : ''}`} aria-label="Preview" aria-busy={loading}>
      <p className="export-status hint" role="status">
        {loading ? 'Preparing the preview…' : ''}
      </p>
      {error !== null && (
        <p className="export-error" role="alert">
          The preview could not be made: {error}
        </p>
      )}
      {preview !== null && (
        <>
          <p className="export-summary" data-testid="export-summary">
            {summaryLine(preview.summary, preview.bytes)}
            {notFound !== null && (
              <>
                {' · '}
                <span className="export-not-found">{notFound}</span>
              </>
            )}
          </p>
          <p className="export-file-name">
            <span className="muted">File name </span>
            <code>{preview.fileName}</code>
          </p>
          {preview.text !== null ? (
            <>
              {/* Focusable, so the keyboard can scroll it. */}
              <pre className="export-text" tabIndex={0} aria-label="Start of the file">
                {preview.text}
              </pre>
              {preview.truncated && <p className="hint">…preview shows the first {EXPORT_PREVIEW_CHARS.toLocaleString()} characters</p>}
            </>
          ) : (
            <ul className="export-contents" tabIndex={0} aria-label="Inside the file">
              {preview.contents.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}
