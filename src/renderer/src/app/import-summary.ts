// One honest sentence about an import: success when every readable file came in, a
// warning when some could not be read (the list is under the import box), an error only
// when nothing could be imported at all. Every file the folder holds is counted once.
import type { ImportReport } from '../../../shared/domain/source'
import { describeSkipped, importCounts } from '../../../shared/domain/import-counts'
import type { NoticeKind } from './notices-slice'
import { plural } from '../../../shared/text/counts'

export function describeImport(report: ImportReport): { kind: NoticeKind; text: string } {
  const folder = report.rootPath.split(/[\\/]/).filter((part) => part !== '').at(-1) ?? report.rootPath
  const counts = importCounts(report)
  const read = counts.imported + counts.unchanged
  const parts = [`${report.added.toLocaleString()} new`, report.updated > 0 ? `${report.updated.toLocaleString()} updated` : '', report.unchanged > 0 ? `${report.unchanged.toLocaleString()} unchanged` : '', report.missing > 0 ? `${report.missing.toLocaleString()} no longer on disk` : '']
    .filter((part) => part !== '')
    .join(', ')
  const extra = [
    counts.refused > 0 ? `${counts.refused.toLocaleString()} could not be read (listed under the import box)` : '',
    counts.skipped > 0 ? `${counts.skipped.toLocaleString()} skipped (${describeSkipped(report.skipped ?? [])})` : '',
    counts.unreadableFolders > 0 ? `${plural(counts.unreadableFolders, 'folder')} could not be opened` : '',
    (report.hiddenFolders ?? 0) > 0 ? `${plural(report.hiddenFolders ?? 0, 'hidden folder')} not opened` : ''
  ].filter((part) => part !== '')
  const tail = extra.length === 0 ? '' : `; ${extra.join('; ')}`
  const files = plural(counts.files, 'file')
  if (report.cancelled) return { kind: 'warning', text: `Import of “${folder}” stopped: ${parts} kept${tail}.` }
  if (read === 0 && (counts.refused > 0 || counts.unreadableFolders > 0 || counts.skipped > 0)) return { kind: 'error', text: `Nothing imported from “${folder}” (${files})${tail}.` }
  const problems = counts.refused + counts.unreadableFolders
  return { kind: problems > 0 ? 'warning' : 'success', text: `Imported “${folder}” (${files}): ${parts}${tail} (${report.seconds.toFixed(1)} s).` }
}
