// Possible variants for the reporter to confirm: links the matcher found below its automatic
// threshold, between groups still apart after the reporter's decisions, never between groups a
// 'distinct' decision says are different people. One proposal per pair of groups, surest first.
import { CARD_SOURCES, type NameDecision, type NameGroup, type NameProposal } from '../../../../shared/domain/corroboration'
import { AUTO_JOIN, type VariantLink } from './variant-links'

export { MAX_PROPOSALS } from './proposal-limit'

/** Per group: decision index → the places its keys hold in that 'distinct' decision. */
function distinctPlaces(groups: readonly NameGroup[], decisions: readonly NameDecision[]): Map<string, Map<number, Set<number>>> {
  const groupOf = new Map<string, string>()
  for (const group of groups) for (const variant of group.variants) groupOf.set(variant.key, group.id)
  const places = new Map<string, Map<number, Set<number>>>()
  decisions.forEach((decision, index) => {
    if (decision.kind !== 'distinct' || !Array.isArray(decision.variants)) return
    decision.variants.forEach((key, place) => {
      const group = groupOf.get(key)
      if (group === undefined) return
      const byDecision = places.get(group) ?? new Map<number, Set<number>>()
      byDecision.set(index, (byDecision.get(index) ?? new Set<number>()).add(place))
      places.set(group, byDecision)
    })
  })
  return places
}

function keptApart(a: Map<number, Set<number>> | undefined, b: Map<number, Set<number>> | undefined): boolean {
  if (a === undefined || b === undefined) return false
  for (const [decision, placesA] of a) {
    const placesB = b.get(decision)
    if (placesB !== undefined && [...placesB].some((place) => !placesA.has(place))) return true
  }
  return false
}

/**
 * The sources naming both groups, in the first group's order (most mentions first): counted here,
 * where every source of each is known, since a card lists only the first few.
 */
function sharedSources(group: NameGroup, other: NameGroup, sourceSets: Map<string, Set<string>>): Pick<NameProposal, 'sharedSourceIds' | 'sharedSourceCount'> {
  let inOther = sourceSets.get(other.id)
  if (inOther === undefined) {
    inOther = new Set(other.sources.map((entry) => entry.sourceId))
    sourceSets.set(other.id, inOther)
  }
  const sharedSourceIds: string[] = []
  let sharedSourceCount = 0
  for (const { sourceId } of group.sources) {
    if (!inOther.has(sourceId)) continue
    sharedSourceCount++
    if (sharedSourceIds.length < CARD_SOURCES) sharedSourceIds.push(sourceId)
  }
  return { sharedSourceIds, sharedSourceCount }
}

export function proposalsOf(links: readonly VariantLink[], groups: readonly NameGroup[], decisions: readonly NameDecision[]): NameProposal[] {
  const groupOf = new Map<string, string>()
  const byId = new Map<string, NameGroup>()
  for (const group of groups) {
    byId.set(group.id, group)
    for (const variant of group.variants) groupOf.set(variant.key, group.id)
  }
  const sourceSets = new Map<string, Set<string>>()
  const apart = distinctPlaces(groups, decisions)
  const proposals = new Map<string, NameProposal>()
  // Links come surest first, so the first link between two groups is the one to show.
  for (const link of links) {
    if (link.confidence >= AUTO_JOIN) continue
    const a = groupOf.get(link.a)
    const b = groupOf.get(link.b)
    if (a === undefined || b === undefined || a === b) continue
    const [groupId, otherGroupId] = a < b ? [a, b] : [b, a]
    const pair = `${groupId}\u0000${otherGroupId}`
    if (proposals.has(pair) || keptApart(apart.get(a), apart.get(b))) continue
    const shared = sharedSources(byId.get(groupId)!, byId.get(otherGroupId)!, sourceSets)
    proposals.set(pair, { groupId, otherGroupId, confidence: link.confidence, reason: link.reason, ...shared })
  }
  return [...proposals.values()]
}
