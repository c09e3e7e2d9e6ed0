// What the notice says once a project bundle is open: what came in, which folders are not
// on this computer (their sources read from the stored texts), and what else to know.
import type { BundleOpenReport } from '../../../../shared/domain/export'
import type { NoticeKind } from '../../app/notices-slice'
import { plural } from '../../../../shared/text/counts'

export function describeBundle(projectName: string, report: BundleOpenReport): { kind: NoticeKind; text: string } {
  const parts = [`Opened “${projectName}” from the bundle: ${plural(report.sources, 'source')}, ${plural(report.annotations, 'highlight')}, ${plural(report.claims, 'claim')}.`]
  if (report.foldersNotHere.length > 0) {
    const folders = report.foldersNotHere.map((folder) => `“${folder}”`).join(', ')
    parts.push(`Not on this computer: ${folders}; ${report.foldersNotHere.length === 1 ? 'its' : 'their'} sources are read from the texts in the bundle.`)
  }
  if (report.alreadyOpenedAs !== null) parts.push(`This bundle was opened before as “${report.alreadyOpenedAs}”; that project is left as it was.`)
  parts.push(...report.warnings)
  // Anything beyond the counts needs reading: it stays on screen longer.
  return { kind: parts.length > 1 ? 'warning' : 'success', text: parts.join(' ') }
}
