// After an import, where every file of the folder went: imported, unchanged, not read,
// skipped. The four add up to the files the folder holds; the skipped ones open into a
// list by type, so "0 new" never comes without a reason.
import { useState } from 'react'
import { importCounts, SKIPPED_HIDDEN, skippedLabel } from '../../../../shared/domain/import-counts'
import type { ImportReport } from '../../../../shared/domain/source'
import { plural } from '../../../../shared/text/counts'

export function ImportTally({ report }: { report: ImportReport }) {
  const [open, setOpen] = useState(false)
  const counts = importCounts(report)
  // A stopped import met only part of the folder: its counts would not add up to the folder.
  if (report.cancelled || (counts.files === 0 && counts.unreadableFolders === 0)) return null
  const skipped = report.skipped ?? []
  return (
    <div className="import-tally" data-testid="import-tally">
      <span>{plural(counts.files, 'file')}:</span>
      <span data-count="imported">{counts.imported.toLocaleString()} imported</span>
      <span data-count="unchanged">{counts.unchanged.toLocaleString()} unchanged</span>
      <span data-count="refused">{counts.refused.toLocaleString()} not read</span>
      {counts.skipped === 0 ? (
        <span data-count="skipped">0 skipped</span>
      ) : (
        <button type="button" className="link-button" data-count="skipped" aria-expanded={open} onClick={() => setOpen(!open)}>
          {counts.skipped.toLocaleString()} skipped {open ? '▾' : '▸'}
        </button>
      )}
      {open && counts.skipped > 0 && (
        <ul className="import-skipped" aria-label="Skipped files by type">
          {skipped.map(({ extension, count }) => (
            <li key={extension}>
              <code>{extension === SKIPPED_HIDDEN ? 'hidden files' : skippedLabel(extension, count)}</code> {count.toLocaleString()}
            </li>
          ))}
          {(report.hiddenFolders ?? 0) > 0 && <li>{plural(report.hiddenFolders ?? 0, 'hidden folder')} not opened</li>}
        </ul>
      )}
    </div>
  )
}
