import { describe, expect, it } from 'vitest'
import { CARD_SOURCES, type NameDecision, type NameGroup } from '../../../../../src/shared/domain/corroboration'
import { extractNames } from '../../../../../src/main/core/corroboration/names/extract-names'
import { nameGrouping, type SourceNames } from '../../../../../src/main/core/corroboration/names/group-names'
import { AUTO_JOIN } from '../../../../../src/main/core/corroboration/names/variant-links'

/** One invented report per name, as a library would hold them. */
function library(names: readonly string[]): SourceNames[] {
  return names.map((name, index) => ({ sourceId: `s${index}`, mentions: extractNames(`${name} said on Tuesday that the talks would continue.`) }))
}

const decision = (kind: NameDecision['kind'], variants: string[]): NameDecision => ({ kind, variants, at: '2026-03-01T10:00:00.000Z' })

function groupOf(groups: readonly NameGroup[], text: string): NameGroup {
  const group = groups.find((candidate) => candidate.variants.some((variant) => variant.text === text))
  if (group === undefined) throw new Error(`no group holds "${text}"`)
  return group
}

describe('nameGrouping', () => {
  it('joins romanisations it is sure of and keeps the same surname with other given names apart', () => {
    const { groups } = nameGrouping(
      library(['Ekaterina Borisovna Lavrentieva', 'Ekateryna Borysovna Lavrentyeva', 'Abu Hafs Al-Qurashi', 'Abu Hamza Al-Qurashi', 'Abdul Rahman Nabeel', 'Abdulrahman Nabil']),
      []
    )
    expect(groupOf(groups, 'Ekaterina Borisovna Lavrentieva')).toBe(groupOf(groups, 'Ekateryna Borysovna Lavrentyeva'))
    expect(groupOf(groups, 'Abdul Rahman Nabeel')).toBe(groupOf(groups, 'Abdulrahman Nabil'))
    expect(groupOf(groups, 'Abu Hafs Al-Qurashi')).not.toBe(groupOf(groups, 'Abu Hamza Al-Qurashi'))
  })

  it('proposes, never joins, English names a vowel or a sound class apart: in English those are other people', () => {
    const { groups, proposals } = nameGrouping(library(['Tom Brady', 'Tim Brady', 'John Carr', 'John Kerr', 'Yasser Arafat', 'Yasir Arafat']), [])
    expect(groupOf(groups, 'Tom Brady')).not.toBe(groupOf(groups, 'Tim Brady'))
    expect(groupOf(groups, 'John Carr')).not.toBe(groupOf(groups, 'John Kerr'))
    const proposed = proposals.map((proposal) => [proposal.groupId, proposal.otherGroupId].sort().join(' '))
    expect(proposed).toContain([groupOf(groups, 'Tom Brady').id, groupOf(groups, 'Tim Brady').id].sort().join(' '))
    // An Arabic given name shows the romanisation: its spellings are joined.
    expect(groupOf(groups, 'Yasser Arafat')).toBe(groupOf(groups, 'Yasir Arafat'))
  })

  it('says in how many sources both names of a proposal appear, whichever few a card lists', () => {
    // Tom Brady in 20 reports, Tim Brady in 15; 14 of those name both.
    const reports: SourceNames[] = Array.from({ length: 21 }, (_, index) => {
      const names = [index < 20 ? 'Tom Brady' : '', index >= 6 ? 'Tim Brady' : ''].filter((name) => name !== '')
      return { sourceId: `s${index}`, mentions: extractNames(names.map((name) => `${name} said on Tuesday that the talks would continue.`).join(' ')) }
    })
    const { groups, proposals } = nameGrouping(reports, [])
    const ids = [groupOf(groups, 'Tom Brady').id, groupOf(groups, 'Tim Brady').id].sort()
    const proposal = proposals.find((candidate) => [candidate.groupId, candidate.otherGroupId].sort().join(' ') === ids.join(' '))!
    expect(proposal.sharedSourceCount).toBe(14)
    expect(proposal.sharedSourceIds).toHaveLength(CARD_SOURCES)
    expect(proposal.sharedSourceIds.every((id) => Number(id.slice(1)) >= 6 && Number(id.slice(1)) < 20)).toBe(true)
  })

  it('proposes a doubtful variant instead of joining it, most confident first', () => {
    const { groups, proposals } = nameGrouping(library(['Oleh Petrovych Hordiyenko', 'Oleg Petrovich Gordienko']), [])
    const [ukrainian, russian] = [groupOf(groups, 'Oleh Petrovych Hordiyenko'), groupOf(groups, 'Oleg Petrovich Gordienko')]
    expect(ukrainian).not.toBe(russian)
    expect(proposals).toHaveLength(1)
    expect([proposals[0]!.groupId, proposals[0]!.otherGroupId].sort()).toEqual([ukrainian.id, russian.id].sort())
    expect(proposals[0]!.confidence).toBeLessThan(AUTO_JOIN)
    expect(proposals[0]!.reason).not.toBe('')
  })

  it('drops a proposal once the reporter marks the two groups as different people', () => {
    const names = library(['Oleh Petrovych Hordiyenko', 'Oleg Petrovich Gordienko'])
    const { proposals } = nameGrouping(names, [])
    const after = nameGrouping(names, [decision('distinct', [proposals[0]!.groupId, proposals[0]!.otherGroupId])])
    expect(after.proposals).toEqual([])
    expect(after.groups).toHaveLength(2)
  })

  it('never joins automatically names the reporter said are different people, and a merge still can', () => {
    const names = library(['Faysal Hamdan Qasimi', 'Faisal Hamdan Kasimi'])
    const joined = nameGrouping(names, []).groups
    expect(joined).toHaveLength(1)
    const keys = joined[0]!.variants.map((variant) => variant.key)
    const apart = nameGrouping(names, [decision('distinct', keys)])
    expect(apart.groups).toHaveLength(2)
    expect(apart.proposals).toEqual([])
    const merged = nameGrouping(names, [decision('distinct', keys), decision('merge', keys)])
    expect(merged.groups).toHaveLength(1)
    expect(merged.groups[0]!.confirmed).toBe(true)
  })

  it('does not join two fuller names through a shorter one that matches both', () => {
    const { groups } = nameGrouping(library(['Sergey Ivanovich Tolmachev', 'Sergey Petrovich Tolmachev', 'Sergei Tolmachev']), [])
    expect(groupOf(groups, 'Sergey Ivanovich Tolmachev')).not.toBe(groupOf(groups, 'Sergey Petrovich Tolmachev'))
  })
})
