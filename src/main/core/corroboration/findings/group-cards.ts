// A group as a card of the ledger or the Names tab carries it: every count, but only the first
// few sources and versions (a quote reprinted by 2,000 sources made a page of the ledger 11 MB).
// The whole group is saved beside its card and read when the reporter opens it.
import { CARD_SOURCES, CARD_VERSIONS, type NameGroup, type QuoteGroup, type QuoteVersion } from '../../../../shared/domain/corroboration'

/**
 * The versions a card keeps: the reference's own wording first, then those that differ from it
 * (what a fact-checker looks for), then the rest, in group order within each.
 */
function cardVersions(group: QuoteGroup): QuoteVersion[] {
  const reference = group.versions.find((version) => !version.differs && version.text === group.reference) ?? group.versions.find((version) => !version.differs)
  const kept = reference === undefined ? [] : [reference]
  for (const version of group.versions) if (kept.length < CARD_VERSIONS && version.differs) kept.push(version)
  for (const version of group.versions) if (kept.length < CARD_VERSIONS && !version.differs && version !== reference) kept.push(version)
  return kept
}

/** `first` (as far as they belong) then the rest of `all`, at most `limit`. */
function firstThese(all: readonly string[], first: Iterable<string>, limit: number): string[] {
  const belongs = new Set(all)
  const kept = new Set<string>()
  for (const id of first) if (kept.size < limit && belongs.has(id)) kept.add(id)
  for (const id of all) if (kept.size < limit) kept.add(id)
  return [...kept]
}

/** The group itself when it is small enough already (the caller tells a card from the whole by identity). */
export function quoteCard(group: QuoteGroup): QuoteGroup {
  if (group.versions.length <= CARD_VERSIONS && group.sourceIds.length <= CARD_SOURCES) return group
  const versions = group.versions.length <= CARD_VERSIONS ? group.versions : cardVersions(group)
  return { ...group, versions, sourceIds: firstThese(group.sourceIds, versions.map((version) => version.sourceId), CARD_SOURCES) }
}

/** Likewise; each variant keeps the card's sources it is in first, so opening one marks its spelling. */
export function nameCard(group: NameGroup): NameGroup {
  if (group.sources.length <= CARD_SOURCES && group.variants.every((variant) => variant.sourceIds.length <= CARD_SOURCES)) return group
  const sources = group.sources.slice(0, CARD_SOURCES)
  const listed = sources.map((entry) => entry.sourceId)
  return {
    ...group,
    sources,
    variants: group.variants.map((variant) => (variant.sourceIds.length <= CARD_SOURCES ? variant : { ...variant, sourceIds: firstThese(variant.sourceIds, listed, CARD_SOURCES) }))
  }
}
