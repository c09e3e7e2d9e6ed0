// The four ways a file under an imported folder can end, counted from an import report:
// imported (new or updated), unchanged, refused with a reason, skipped for its type.
// Together they account for every file the walk met; the UI, the evaluation and the
// tests all count with this one function.
import type { ImportReport } from './source'

export interface ImportCounts {
  /** Every file accounted for: the sum of the four below. */
  files: number
  imported: number
  unchanged: number
  refused: number
  skipped: number
  /** Folders that could not be opened (their files are unknown, so not counted). */
  unreadableFolders: number
}

export function importCounts(report: Pick<ImportReport, 'added' | 'updated' | 'unchanged' | 'errors' | 'skipped'>): ImportCounts {
  const unreadableFolders = report.errors.filter((error) => error.folder === true).length
  const refused = report.errors.length - unreadableFolders
  const skipped = (report.skipped ?? []).reduce((sum, entry) => sum + entry.count, 0)
  const imported = report.added + report.updated
  return { files: imported + report.unchanged + refused + skipped, imported, unchanged: report.unchanged, refused, skipped, unreadableFolders }
}

/** The skipped kinds that are not an extension: hidden files, and second links to a file listed already. */
export const SKIPPED_HIDDEN = 'hidden'
export const SKIPPED_LINK = 'link'
/** Files in the folder a browser saves beside a page ("Report_files/" next to "Report.html"): the page's images and scripts, shown with the page's original, not sources of their own. */
export const SKIPPED_PAGE_FILES = 'page-files'

/** What a skipped kind is called: ".jpg", "without an extension", "hidden", "links to a file listed already". */
export function skippedLabel(extension: string, count = 2): string {
  if (extension === '') return 'without an extension'
  if (extension === SKIPPED_HIDDEN) return 'hidden'
  if (extension === SKIPPED_LINK) return `${count === 1 ? 'link' : 'links'} to a file listed already`
  if (extension === SKIPPED_PAGE_FILES) return `${count === 1 ? 'file' : 'files'} saved with a web page`
  return extension
}

/** "12 .jpg, 3 .xlsx and 2 hidden" */
export function describeSkipped(skipped: ReadonlyArray<{ extension: string; count: number }>): string {
  const parts = skipped.map(({ extension, count }) => `${count.toLocaleString()} ${skippedLabel(extension, count)}`)
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}
