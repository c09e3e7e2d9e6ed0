import { describe, expect, it } from 'vitest'
import { CARD_SOURCES, CARD_VERSIONS, type NameGroup, type QuoteGroup, type QuoteVersion } from '../../../../../src/shared/domain/corroboration'
import { nameCard, quoteCard } from '../../../../../src/main/core/corroboration/findings/group-cards'
import { makeQuoteVersion } from '../../../../helpers/factories'

const REFERENCE = 'the harvest will be late this year'

function version(sourceId: string, text: string): QuoteVersion {
  return makeQuoteVersion(sourceId, text, REFERENCE)
}

/** A quote in `count` sources, the ones at `differing` places worded otherwise. */
function quoteGroup(count: number, differing: readonly number[]): QuoteGroup {
  const versions = Array.from({ length: count }, (_, index) => version(`s${index}`, differing.includes(index) ? 'the harvest will be very late this year' : REFERENCE))
  return {
    id: 'q1',
    reference: REFERENCE,
    sourceIds: versions.map((entry) => entry.sourceId),
    sourceCount: count,
    speakers: [],
    versions,
    versionCount: count,
    flags: { singleSource: false, wordingDiffers: differing.length > 0, speakerDiffers: false },
    words: 7
  }
}

function nameGroup(count: number): NameGroup {
  const sourceIds = Array.from({ length: count }, (_, index) => `s${index}`)
  // The rare spelling is in the last sources only: those the card does not list.
  const rare = sourceIds.slice(-3)
  return {
    id: 'annaberg',
    label: 'Anna Berg',
    kind: 'person',
    confirmed: false,
    variants: [
      { text: 'Anna Berg', key: 'annaberg', mentions: count, sourceIds: [...sourceIds].reverse(), sourceCount: count, spellings: [{ text: 'Anna Berg', mentions: count }] },
      { text: 'Ana Berg', key: 'anaberg', mentions: 3, sourceIds: rare, sourceCount: 3, spellings: [{ text: 'Ana Berg', mentions: 3 }] }
    ],
    sources: sourceIds.map((sourceId) => ({ sourceId, mentions: 1 })),
    sourceCount: count,
    mentions: count + 3
  }
}

describe('group-cards', () => {
  it('leaves a group a card can hold as it is', () => {
    const small = quoteGroup(CARD_VERSIONS, [1])
    expect(quoteCard(small)).toBe(small)
    const name = nameGroup(CARD_SOURCES)
    expect(nameCard(name)).toBe(name)
  })

  it('cuts a quote in 40 sources to the reference’s own version and the differing ones first, keeping the counts', () => {
    const card = quoteCard(quoteGroup(40, [30, 35]))
    expect(card).toMatchObject({ sourceCount: 40, versionCount: 40 })
    expect(card.versions).toHaveLength(CARD_VERSIONS)
    expect(card.versions.map((entry) => entry.sourceId).slice(0, 3)).toEqual(['s0', 's30', 's35'])
    expect(card.sourceIds).toHaveLength(CARD_SOURCES)
    // The sources of the versions shown come first, so the card can name each one.
    expect(card.sourceIds.slice(0, 3)).toEqual(['s0', 's30', 's35'])
  })

  it('cuts a name in 40 sources to the most mentioning, each variant listing those sources first', () => {
    const card = nameCard(nameGroup(40))
    expect(card.sourceCount).toBe(40)
    expect(card.sources.map((entry) => entry.sourceId)).toEqual(Array.from({ length: CARD_SOURCES }, (_, index) => `s${index}`))
    const [main, rare] = card.variants
    expect(main!.sourceCount).toBe(40)
    expect(main!.sourceIds).toEqual(card.sources.map((entry) => entry.sourceId))
    // A variant small enough is left whole, and every variant (its key) stays on the card.
    expect(rare!.sourceIds).toEqual(['s37', 's38', 's39'])
    expect(card.variants.map((variant) => variant.key)).toEqual(['annaberg', 'anaberg'])
  })
})
