// The matcher's "possible variants" made ready to show: each proposal with its two groups
// from the same reply, and its confidence said in words a reporter weighs, not a float.
import type { NameGroup, NameGroups, NameProposal } from '../../../../shared/domain/corroboration'

export interface ProposedPair {
  /** Stable while both groups keep their ids: one proposal per pair. */
  id: string
  proposal: NameProposal
  group: NameGroup
  other: NameGroup
}

/**
 * Proposals whose two groups are both in the reply, in the engine's order (most confident
 * first). One whose group is missing is left out: there is nothing to show or decide on.
 */
export function proposedPairs(names: NameGroups): ProposedPair[] {
  const byId = new Map(names.groups.map((group) => [group.id, group]))
  const pairs: ProposedPair[] = []
  for (const proposal of names.proposals) {
    const group = byId.get(proposal.groupId)
    const other = byId.get(proposal.otherGroupId)
    if (group === undefined || other === undefined || group === other) continue
    pairs.push({ id: `${group.id}\u0000${other.id}`, proposal, group, other })
  }
  return pairs
}

// Proposals sit between the matcher's floor (0.55) and the level at which it joins names itself
// (0.75), so the bands divide that range: even the top one stops at "likely".
const BANDS: readonly { from: number; word: string }[] = [
  { from: 0.68, word: 'likely' },
  { from: 0.6, word: 'possible' },
  { from: 0, word: 'weak' }
]

/** "likely", "possible" or "weak", with the figure for a tooltip ("possible (62% sure)"). */
export function confidenceWords(confidence: number): { word: string; detail: string } {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(confidence) ? confidence : 0))
  const word = BANDS.find((band) => clamped >= band.from)?.word ?? 'weak'
  return { word, detail: `${word} match (${Math.round(clamped * 100)}% sure)` }
}

/** Variant keys one decision may name (the API contract's limit). */
const MAX_DECISION_KEYS = 200

/**
 * The variant keys a decision about the pair names. "Same person" merges every spelling of both;
 * "Different people" names one key per group, because each key listed in a 'distinct' decision
 * stands for a different person (listing two spellings of one group would split that group).
 */
export function pairKeys(pair: ProposedPair, kind: 'merge' | 'distinct'): string[] {
  const all = [...pair.group.variants, ...pair.other.variants].map((variant) => variant.key)
  // A merge holds every spelling together; past the API's 200 keys one per group still joins the two groups.
  return kind === 'distinct' || all.length > MAX_DECISION_KEYS ? [pair.group.id, pair.other.id] : all
}

/**
 * Sources that name both: where a reporter can best tell whether they are one person. Counted
 * by the engine, which knows every source of both (a card lists only the first few of each).
 */
export function sharedSources(pair: ProposedPair): { count: number; sourceIds: string[] } {
  return { count: pair.proposal.sharedSourceCount, sourceIds: pair.proposal.sharedSourceIds }
}

/** Whether the pair is about organisations, to say "same organisation" rather than "same person". */
export function bothOrganisations(pair: ProposedPair): boolean {
  return pair.group.kind === 'organization' && pair.other.kind === 'organization'
}
