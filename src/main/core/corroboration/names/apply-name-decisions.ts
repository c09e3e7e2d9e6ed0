// Replays the reporter's merge, split, confirm and distinct decisions over freshly computed name groups.
// Decisions name variant keys, not groups, so they survive rebuilds; a key the library no
// longer holds is skipped rather than failing the whole list.
import type { NameDecision } from '../../../../shared/domain/corroboration'

export interface DraftGroup {
  keys: Set<string>
  confirmed: boolean
  /** Left out of the result unless a decision names it (a lone "Lee" that could be two people). */
  hidden: boolean
}

function holders(groups: readonly DraftGroup[], keys: readonly string[]): DraftGroup[] {
  return groups.filter((group) => keys.some((key) => group.keys.has(key)))
}

function merge(groups: DraftGroup[], keys: readonly string[]): DraftGroup[] {
  const touched = holders(groups, keys)
  if (touched.length === 0) return groups
  const merged: DraftGroup = { keys: new Set(touched.flatMap((group) => [...group.keys])), confirmed: true, hidden: false }
  return [...groups.filter((group) => !touched.includes(group)), merged]
}

function split(groups: DraftGroup[], keys: readonly string[]): DraftGroup[] {
  const present = keys.filter((key) => groups.some((group) => group.keys.has(key)))
  if (present.length === 0) return groups
  for (const group of groups) for (const key of present) group.keys.delete(key)
  // The reporter said these belong together (and apart from the rest): that is a confirmation.
  return [...groups.filter((group) => group.keys.size > 0), { keys: new Set(present), confirmed: true, hidden: false }]
}

function confirm(groups: DraftGroup[], keys: readonly string[]): DraftGroup[] {
  for (const group of holders(groups, keys)) {
    group.confirmed = true
    group.hidden = false
  }
  return groups
}

/**
 * The groups holding these keys are different people. Automatic grouping already keeps them apart
 * (name-sets); a group an earlier merge made keeps the first key named, the others leave it.
 */
function distinct(groups: DraftGroup[], keys: readonly string[]): DraftGroup[] {
  const result = [...groups]
  for (const group of groups) {
    const named = keys.filter((key) => group.keys.has(key))
    for (const key of named.slice(1)) {
      group.keys.delete(key)
      result.push({ keys: new Set([key]), confirmed: true, hidden: false })
    }
  }
  return result
}

/** Applies `decisions` in order; returns the new list (the drafts passed in may be changed). */
export function applyNameDecisions(drafts: DraftGroup[], decisions: readonly NameDecision[]): DraftGroup[] {
  let groups = drafts
  for (const decision of decisions) {
    const keys = Array.isArray(decision.variants) ? decision.variants.filter((key): key is string => typeof key === 'string') : []
    if (decision.kind === 'merge') groups = merge(groups, keys)
    else if (decision.kind === 'split') groups = split(groups, keys)
    else if (decision.kind === 'confirm') groups = confirm(groups, keys)
    else if (decision.kind === 'distinct') groups = distinct(groups, keys)
  }
  return groups
}
