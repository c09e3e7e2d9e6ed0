// The ledger's filter box: a group matches when every word typed appears in its reference
// wording, in any version or in a speaker's name, folded like search (case, diacritics,
// quote marks and hyphens aside), so "Lee Sok-bae" finds quotes attributed to "Lee Sok‑bae".
import type { QuoteGroup } from '../../../../shared/domain/corroboration'
import { terms } from '../../../../shared/search/tokenize'

/** The folded words of a group: its reference, every version and every speaker. */
export function groupTerms(group: QuoteGroup): Set<string> {
  const present = new Set(terms(group.reference))
  for (const version of group.versions) {
    for (const term of terms(version.text)) present.add(term)
    if (version.speaker !== null) for (const term of terms(version.speaker)) present.add(term)
  }
  return present
}

/** Whether the group holds every one of `wanted` (the filter box's words, from `terms()`). */
export function matchesLedgerQuery(group: QuoteGroup, wanted: readonly string[], cache: Map<string, Set<string>> = new Map()): boolean {
  if (wanted.length === 0) return true
  let present = cache.get(group.id)
  if (present === undefined) {
    present = groupTerms(group)
    cache.set(group.id, present)
  }
  return wanted.every((term) => present.has(term))
}
