// The one way an extractor refuses a file: a UserError whose message is the reason,
// short and lower-case, shown next to the file name in the import report.
import { UserError } from '../../../../shared/ipc/result'

export function unreadable(reason: string): UserError {
  return new UserError('invalid-input', reason)
}

/** Shortens a library's error message to a detail that fits in brackets after a reason. */
export function shortDetail(error: unknown, maxLength = 80): string {
  const raw = error instanceof Error ? error.message : String(error)
  const clean = raw.replace(/\s+/g, ' ').trim().replace(/[.:]+$/, '')
  const lower = clean.length > 1 && clean[1] !== clean[1]?.toUpperCase() ? clean[0]?.toLowerCase() + clean.slice(1) : clean
  const detail = lower.length > maxLength ? `${lower.slice(0, maxLength - 1).trimEnd()}…` : lower
  return detail.length > 0 ? detail : 'unknown error'
}
