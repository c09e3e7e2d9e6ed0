// The words the Export dialog and the import reports use for counts and sizes:
// "2 claims · 4 passages · 1 other highlight · 3 sources · 12 KB".
import type { ExportSummary } from '../../../../shared/domain/export'

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte')
  if (bytes < 1024 ** 2) return `${Math.round(bytes / 1024)} KB`
  return `${Number((bytes / 1024 ** 2).toFixed(1)).toLocaleString()} MB`
}

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
