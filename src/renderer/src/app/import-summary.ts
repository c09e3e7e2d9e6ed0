// One honest sentence about an import: success when every readable file came in, a
// warning when some could not be read (the list is under the import box), an error only
// when nothing could be imported at all.
import type { ImportReport } from '../../../shared/domain/source'
import type { NoticeKind } from './notices-slice'
import { plural } from '../../../shared/text/counts'

/** "12 .jpg, 3 .xlsx and 1 without an extension" */
export function describeSkipped(skipped: ReadonlyArray<{ extension: string; count: number }>): string {
  const parts = skipped.map(({ extension, count }) => (extension === '' ? `${count.toLocaleString()} without an extension` : `${count.toLocaleString()} ${extension}`))
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}

export function describeImport(report: ImportReport): { kind: NoticeKind; text: string } {
  const folder = report.rootPath.split(/[\\/]/).filter((part) => part !== '').at(-1) ?? report.rootPath
  const read = report.added + report.updated + report.unchanged
  const counts = [`${report.added.toLocaleString()} new`, report.updated > 0 ? `${report.updated.toLocaleString()} updated` : '', report.unchanged > 0 ? `${report.unchanged.toLocaleString()} unchanged` : '', report.missing > 0 ? `${report.missing.toLocaleString()} no longer on disk` : '']
    .filter((part) => part !== '')
    .join(', ')
  const problems = report.errors.length
  const skipped = (report.skipped ?? []).reduce((sum, entry) => sum + entry.count, 0)
  const extra = [
    problems > 0 ? `${plural(problems, 'file')} could not be read (listed under the import box)` : '',
    skipped > 0 ? `${plural(skipped, 'file')} of other types left out (${describeSkipped(report.skipped ?? [])})` : ''
  ].filter((part) => part !== '')
  const tail = extra.length === 0 ? '' : `; ${extra.join('; ')}`
  if (report.cancelled) return { kind: 'warning', text: `Import of “${folder}” stopped: ${counts} kept${tail}.` }
  if (problems > 0 && read === 0) return { kind: 'error', text: `Nothing imported from “${folder}”${tail}.` }
  return { kind: problems > 0 ? 'warning' : 'success', text: `Imported “${folder}”: ${counts}${tail} (${report.seconds.toFixed(1)} s).` }
}
