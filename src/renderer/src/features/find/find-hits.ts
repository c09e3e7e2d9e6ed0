// Find across the open panes: every hit in every pane, in reading order (pane by pane),
// so next/previous walks through all of them with one cursor.
import { findAll, type TextRange } from '../../../../shared/text/find'
import type { SourceText } from '../../../../shared/domain/source'
import type { Pane } from '../../app/pane-layout'

export interface FindResults {
  byPane: Record<string, TextRange[]>
  total: number
  /** The cursor folded into 0…total-1 (hits can vanish when a pane closes). */
  position: number
  /** Which pane and which of its hits the global cursor points at. */
  current: { paneId: string; index: number } | null
}

export const MIN_FIND_LENGTH = 1

export function computeFindResults(panes: readonly Pane[], texts: Readonly<Record<string, SourceText>>, query: string, cursor: number): FindResults {
  const byPane: Record<string, TextRange[]> = {}
  let total = 0
  let current: FindResults['current'] = null
  if (query.trim().length < MIN_FIND_LENGTH) return { byPane, total, position: 0, current }
  for (const pane of panes) {
    const loaded = pane.sourceId === null ? undefined : texts[pane.sourceId]
    const hits = loaded === undefined ? [] : findAll(loaded.text, query)
    byPane[pane.id] = hits
    total += hits.length
  }
  const position = total === 0 ? 0 : cursor % total
  let before = 0
  for (const pane of panes) {
    const hits = byPane[pane.id] ?? []
    if (current === null && position < before + hits.length) current = { paneId: pane.id, index: position - before }
    before += hits.length
  }
  return { byPane, total, position, current }
}
