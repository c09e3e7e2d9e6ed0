// "p. 3" for a passage in a paged source (PDF), empty otherwise.
import { pageAt } from '../../../../shared/domain/citation'

export function pageLabel(pageStarts: readonly number[] | null, offset: number): string {
  const page = pageAt(pageStarts, offset)
  return page === null ? '' : `p. ${page}`
}
