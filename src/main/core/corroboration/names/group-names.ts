// Groups the names found across a library into one entry per person or organisation:
// spellings with the same folded key are one variant, variants that sound alike one group,
// and a surname used alone joins the one full name it can belong to, in any script.
import type { NameDecision, NameGroup, NameKind, NameProposal, NameVariant } from '../../../../shared/domain/corroboration'
import { applyNameDecisions, type DraftGroup } from './apply-name-decisions'
import type { NameMention } from './extract-names'
import { nameKey, soundKey } from './name-key'
import { nameParts, surnameBeforePatronymic, surnameFirst } from './name-parts'
import { proposalsOf } from './name-proposals'
import { NameSets } from './name-sets'
import { hasOtherScript } from './name-scripts'
import { joinVariants } from './join-variants'
import { variantLinks, type VariantLink } from './variant-links'

/** A mention as grouping needs it; `count` stands for that many identical mentions in the source. */
export type CountedMention = Pick<NameMention, 'text' | 'kind'> & { count?: number }

export interface SourceNames {
  sourceId: string
  mentions: readonly CountedMention[]
}

interface Tally {
  key: string
  spellings: Map<string, number>
  mentions: number
  sources: Map<string, number>
  person: number
  organization: number
}

function tally(sources: readonly SourceNames[]): Map<string, Tally> {
  const keys = new Map<string, string>()
  const tallies = new Map<string, Tally>()
  for (const source of sources) {
    for (const mention of source.mentions) {
      let key = keys.get(mention.text)
      if (key === undefined) {
        key = nameKey(mention.text)
        keys.set(mention.text, key)
      }
      if (key === '') continue
      let entry = tallies.get(key)
      if (entry === undefined) {
        entry = { key, spellings: new Map(), mentions: 0, sources: new Map(), person: 0, organization: 0 }
        tallies.set(key, entry)
      }
      // A line break or a double space inside a name is layout, not spelling.
      const spelling = mention.text.replace(/\s+/gu, ' ')
      const count = mention.count ?? 1
      entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + count)
      entry.sources.set(source.sourceId, (entry.sources.get(source.sourceId) ?? 0) + count)
      entry.mentions += count
      entry[mention.kind === 'organization' ? 'organization' : 'person'] += count
    }
  }
  return tallies
}

/** The most frequent entry of a count map; the first seen among equals. */
function mostFrequent(counts: ReadonlyMap<string, number>): string {
  let best = ''
  let bestCount = -1
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value
      bestCount = count
    }
  }
  return best
}

const kindOf = (entry: { person: number; organization: number }): NameKind => (entry.organization > entry.person ? 'organization' : 'person')

/**
 * Automatic groups. A lone surname ("Putin", "Lee") joins the one multi-word person group whose
 * last word (or first, for Korean and Chinese surnames) it is. When several groups could claim
 * it, it is never guessed: a Western surname stays a group of its own ("Blair" with Tony, Cherie
 * and Ian Blair in the library is still how most reports name the prime minister), while a
 * Korean or Chinese surname is hidden ("Lee" with Lee Jae-myung and Lee Sok-bae names nobody:
 * it is shared by millions). A decision naming a hidden key brings it back.
 */
function autoGroups(tallies: ReadonlyMap<string, Tally>, decisions: readonly NameDecision[]): { drafts: DraftGroup[]; links: VariantLink[] } {
  const sets = new NameSets(decisions)
  const romanised = new Map<string, string>()
  const bySound = new Map<string, string>()
  const lone: Tally[] = []
  for (const entry of tallies.values()) {
    sets.find(entry.key)
    const kind = kindOf(entry)
    if (nameParts(mostFrequent(entry.spellings)).length < 2) {
      if (kind === 'person') lone.push(entry)
      continue
    }
    const text = mostFrequent(entry.spellings)
    // Names with digits ("Airbus A320") are products or models, not people in another romanisation.
    if (kind === 'person' && !hasOtherScript(text) && !/\d/.test(text)) romanised.set(entry.key, text)
    for (const spelling of entry.spellings.keys()) {
      const sound = `${kind}:${soundKey(spelling)}`
      const other = bySound.get(sound)
      if (other === undefined) bySound.set(sound, entry.key)
      else sets.union(other, entry.key)
    }
  }
  // Other romanisations of one name ("Ekaterina Borisovna" / "Ekateryna Borysovna"): joined when sure.
  const { links, forms } = variantLinks(romanised)
  joinVariants(links, sets, forms)
  const claims = new Map<string, Set<string>>()
  const claim = (word: string, key: string): void => {
    const surname = nameKey(word)
    const roots = claims.get(surname) ?? new Set<string>()
    roots.add(sets.find(key))
    claims.set(surname, roots)
  }
  for (const entry of tallies.values()) {
    if (kindOf(entry) !== 'person') continue
    for (const spelling of entry.spellings.keys()) {
      const words = nameParts(spelling)
      if (words.length < 2) continue
      if (!surnameBeforePatronymic(words)) claim(words[words.length - 1]!, entry.key)
      if (surnameFirst(nameKey(words[0]!)) || surnameBeforePatronymic(words)) claim(words[0]!, entry.key)
    }
  }
  const hidden = new Set<string>()
  for (const entry of lone) {
    const roots = claims.get(entry.key)
    if (roots === undefined) continue
    if (roots.size === 1) sets.union([...roots][0]!, entry.key)
    else if (surnameFirst(entry.key)) hidden.add(entry.key)
  }
  const groups = new Map<string, DraftGroup>()
  for (const key of tallies.keys()) {
    const root = sets.find(key)
    const group = groups.get(root) ?? { keys: new Set<string>(), confirmed: false, hidden: hidden.has(key) }
    group.keys.add(key)
    groups.set(root, group)
  }
  return { drafts: [...groups.values()], links }
}

function variantOf(entry: Tally): NameVariant {
  const spellings = [...entry.spellings].map(([text, mentions]) => ({ text, mentions })).sort((a, b) => b.mentions - a.mentions)
  const sourceIds = [...entry.sources.keys()]
  return { text: mostFrequent(entry.spellings), key: entry.key, mentions: entry.mentions, sourceIds, sourceCount: sourceIds.length, spellings }
}

function toGroup(draft: DraftGroup, tallies: ReadonlyMap<string, Tally>): NameGroup {
  const entries = [...draft.keys].map((key) => tallies.get(key)!)
  const variants = entries.map(variantOf).sort((a, b) => b.mentions - a.mentions || (a.key < b.key ? -1 : 1))
  const perSource = new Map<string, number>()
  const kinds = { person: 0, organization: 0 }
  for (const entry of entries) {
    for (const [sourceId, count] of entry.sources) perSource.set(sourceId, (perSource.get(sourceId) ?? 0) + count)
    kinds.person += entry.person
    kinds.organization += entry.organization
  }
  const sources = [...perSource].map(([sourceId, mentions]) => ({ sourceId, mentions })).sort((a, b) => b.mentions - a.mentions || (a.sourceId < b.sourceId ? -1 : 1))
  const label = (variants.find((variant) => nameParts(variant.text).length > 1) ?? variants[0]!).text
  return {
    id: variants.map((variant) => variant.key).sort()[0]!,
    label,
    kind: kindOf(kinds),
    confirmed: draft.confirmed,
    variants,
    sources,
    sourceCount: sources.length,
    mentions: entries.reduce((sum, entry) => sum + entry.mentions, 0)
  }
}

/** Name groups across `sources` with the reporter's decisions applied, most widely reported first, and possible variants. */
export function nameGrouping(sources: SourceNames[], decisions: NameDecision[]): { groups: NameGroup[]; proposals: NameProposal[] } {
  const tallies = tally(sources)
  const { drafts, links } = autoGroups(tallies, decisions)
  const shown = applyNameDecisions(drafts, decisions).filter((draft) => !draft.hidden && draft.keys.size > 0)
  const groups = shown
    .map((draft) => toGroup(draft, tallies))
    .sort((a, b) => b.sources.length - a.sources.length || b.mentions - a.mentions || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || (a.id < b.id ? -1 : 1))
  return { groups, proposals: proposalsOf(links, groups, decisions) }
}

/** Name groups across `sources`, the reporter's decisions applied; most widely reported first. */
export function groupNames(sources: SourceNames[], decisions: NameDecision[]): NameGroup[] {
  return nameGrouping(sources, decisions).groups
}
