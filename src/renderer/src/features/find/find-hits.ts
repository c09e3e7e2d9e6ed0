// Find across the open panes: every hit in every pane, in reading order (pane by pane),
// so next/previous walks through all of them with one cursor.
import { findAll, type TextRange } from '../../../../shared/text/find'
import type { Pane } from '../../app/pane-layout'

export interface FindResults {
  byPane: Record<string, TextRange[]>
  total: number
  /** Which pane and which of its hits the global cursor points at. */
  current: { paneId: string; index: number } | null
}

export const MIN_FIND_LENGTH = 1

export function computeFindResults(panes: readonly Pane[], texts: Readonly<Record<string, string>>, query: string, cursor: number): FindResults {
  const byPane: Record<string, TextRange[]> = {}
  let total = 0
  let current: FindResults['current'] = null
  if (query.trim().length < MIN_FIND_LENGTH) return { byPane, total, current }
  for (const pane of panes) {
    const text = pane.sourceId === null ? undefined : texts[pane.sourceId]
    const hits = text === undefined ? [] : findAll(text, query)
    byPane[pane.id] = hits
    if (current === null && cursor < total + hits.length) current = { paneId: pane.id, index: cursor - total }
    total += hits.length
  }
  return { byPane, total, current }
}
