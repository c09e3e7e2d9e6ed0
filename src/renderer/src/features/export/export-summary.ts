// The words the Export dialog and the import reports use for counts and sizes:
// "2 claims · 4 passages · 1 other highlight · 3 sources · 12 KB".
import type { ExportSummary } from '../../../../shared/domain/export'
import { formatBytes, plural } from '../../../../shared/text/counts'

export function summaryLine(summary: ExportSummary, bytes: number): string {
  return [
    plural(summary.claims, 'claim'),
    plural(summary.passages, 'passage'),
    plural(summary.otherHighlights, 'other highlight'),
    plural(summary.sources, 'source'),
    formatBytes(bytes)
  ].join(' · ')
}

/** Null when every passage was found. */
export function notFoundLine(summary: ExportSummary): string | null {
  return summary.notFound === 0 ? null : `${plural(summary.notFound, 'passage')} not found`
}
