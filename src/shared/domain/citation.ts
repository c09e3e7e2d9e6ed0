// How a source is cited: the parts shown in the library, on links and in exports.
import type { Source } from './source'

/** The 1-based page holding a text offset, for paged sources (PDF); null otherwise. */
export function pageAt(pageStarts: readonly number[] | null, offset: number): number | null {
  if (pageStarts === null || pageStarts.length === 0) return null
  let page = 1
  for (let index = 0; index < pageStarts.length; index++) {
    const start = pageStarts[index]
    if (start !== undefined && start <= offset) page = index + 1
    else break
  }
  return page
}

/** "Outlet, 2026-01-16" — whichever of the two is known; empty when neither. */
export function outletAndDate(source: Pick<Source, 'meta'>): string {
  return [source.meta.outlet, source.meta.date].filter((part): part is string => part !== null && part !== '').join(', ')
}
