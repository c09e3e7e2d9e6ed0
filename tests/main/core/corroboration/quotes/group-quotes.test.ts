import { describe, expect, it } from 'vitest'
import type { QuoteGroup } from '../../../../../src/shared/domain/corroboration'
import { groupQuotes, prepareQuote, sameQuotation, withWords, type LedgerQuote } from '../../../../../src/main/core/corroboration/quotes/group-quotes'

function quote(sourceId: string, text: string, speaker: string | null = null): LedgerQuote {
  return withWords(prepareQuote({ id: sourceId, contentHash: '0'.repeat(64) }, text, { parts: [{ start: 0, end: text.length }], text, speaker, attribution: null }))
}

function groupWith(groups: QuoteGroup[], words: string): QuoteGroup {
  const group = groups.find((candidate) => candidate.versions.some((version) => version.text.includes(words)))
  if (group === undefined) throw new Error(`no group holds "${words}"`)
  return group
}

function rendered(group: QuoteGroup, sourceId: string): string {
  const version = group.versions.find((candidate) => candidate.sourceId === sourceId)!
  return version.diff.map((part) => (part.kind === 'same' ? part.text : `[${part.kind}: ${part.text}]`)).join(' ')
}

const FULL = 'Previously, we adhered to pragmatic approaches, and our countries achieved truly positive results in trade and business. We hope to restore relations with the Republic [of Korea],'

describe('sameQuotation', () => {
  it('matches the same words whatever the quote marks, case, brackets and punctuation', () => {
    expect(sameQuotation(quote('a', FULL), quote('b', FULL.replace('[of Korea]', '(of Korea)').replace(/,$/, '.')))).toBe(true)
  })

  it('matches a truncated quote with one word changed inside the longer one', () => {
    expect(sameQuotation(quote('a', 'truly good results'), quote('b', FULL))).toBe(true)
  })

  it('matches a quote with a clause reworded and words inserted', () => {
    const reworded = 'In the past, by adhering to pragmatic approaches, our countries achieved truly positive results in trade and business, We look forward to restoring relations with the Republic of Korea.'
    expect(sameQuotation(quote('a', reworded), quote('b', FULL))).toBe(true)
  })

  it('keeps apart quotes that share only function words and one content word', () => {
    expect(sameQuotation(quote('a', 'goodwill has been squandered'), quote('b', 'has been largely squandered.'))).toBe(false)
    expect(sameQuotation(quote('a', 'squandered'), quote('b', 'goodwill has been squandered'))).toBe(false)
  })

  it('keeps a short quote apart from a longer one whose shared words are spread out', () => {
    expect(sameQuotation(quote('a', 'Of course I trust the prime minister.'), quote('b', 'There is a fundamental lack of trust in Tony Blair as prime minister and in his government,'))).toBe(false)
    expect(sameQuotation(quote('a', 'Of course I trust the prime minister.'), quote('b', 'fundamental lack of trust in the prime minister'))).toBe(false)
    expect(sameQuotation(quote('a', 'fundamental lack of trust'), quote('b', 'There is a fundamental lack of trust in Tony Blair as prime minister and in his government,'))).toBe(true)
  })

  it('keeps apart two different statements on the same subject', () => {
    expect(
      sameQuotation(
        quote('a', 'We cannot advance cooperation when sanctions are imposed against us,'),
        quote('b', 'In order to protect the Russian economy from their negative impact, certain measures were devised,')
      )
    ).toBe(false)
  })
})

describe('groupQuotes', () => {
  const groups = groupQuotes([
    quote('summary', FULL, 'Vladimir Putin'),
    quote('summary', 'truly positive results in trade and business'),
    quote('anadolu', FULL.replace('[of Korea]', '(of Korea)'), 'Putin'),
    quote('aggregator', 'truly good results'),
    quote('aggregator', 'goodwill has been squandered'),
    quote('aggregator', 'goodwill has been squandered'),
    quote('tass', 'achieved truly good results in trade and business.', 'Vladimir Putin'),
    quote('tass', 'has been largely squandered.'),
    quote('summary', 'positive capital'),
    quote('tass', 'positive capital'),
    quote('anadolu', 'much of the positive capital'),
    quote('summary', 'We stand in solidarity with their determination to defend their sovereignty,', 'Putin'),
    quote('anadolu', 'We stand in solidarity with their determination to defend their sovereignty.', 'Lavrov')
  ])

  it('puts every version of the trade quote in one group, diffing "good" against "positive"', () => {
    const trade = groupWith(groups, 'truly good results')
    expect(trade.sourceIds.sort()).toEqual(['aggregator', 'anadolu', 'summary', 'tass'])
    expect(trade.reference).toBe(FULL)
    expect(rendered(trade, 'aggregator')).toBe('truly [removed: positive] [added: good] results')
    expect(trade.flags).toMatchObject({ singleSource: false, wordingDiffers: true, speakerDiffers: false })
  })

  it('does not count an editor’s brackets or a longer quotation as a change of wording', () => {
    const trade = groupWith(groups, 'truly good results')
    expect(trade.versions.find((version) => version.sourceId === 'anadolu')!.differs).toBe(false)
    const capital = groupWith(groups, 'much of the positive capital')
    expect(capital.reference).toBe('positive capital')
    expect(rendered(capital, 'anadolu')).toBe('[extra: much of the] positive capital')
    expect(capital.flags.wordingDiffers).toBe(false)
  })

  it('flags a quote that only one source carries, even when it repeats it', () => {
    const goodwill = groupWith(groups, 'goodwill')
    expect(goodwill.sourceIds).toEqual(['aggregator'])
    expect(goodwill.versions).toHaveLength(2)
    expect(goodwill.flags.singleSource).toBe(true)
    expect(groupWith(groups, 'largely squandered').sourceIds).toEqual(['tass'])
  })

  it('flags a quote attributed to different people', () => {
    const solidarity = groupWith(groups, 'solidarity')
    expect(solidarity.flags.speakerDiffers).toBe(true)
    expect(solidarity.speakers).toEqual(['Putin', 'Lavrov'])
  })

  it('sorts groups by how many sources carry them', () => {
    const counts = groups.map((group) => group.sourceIds.length)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    expect(groups[0]!.sourceIds).toHaveLength(4)
  })

  it('gives a group the same id when it is built again', () => {
    const again = groupQuotes([quote('tass', 'truly good results'), quote('summary', FULL)])
    expect(groupWith(again, 'truly good results').id).toBe(groupWith(groups, 'truly good results').id)
  })

  it('still groups a changed version with a quote reprinted by hundreds of sources', () => {
    const copies = Array.from({ length: 450 }, (_, index) => quote(`copy-${index}`, FULL))
    const reprinted = groupQuotes([...copies, quote('tass', 'achieved truly good results in trade and business.')])
    expect(reprinted).toHaveLength(1)
    expect(reprinted[0]!.sourceIds).toHaveLength(451)
    expect(reprinted[0]!.flags.wordingDiffers).toBe(true)
  })

  it('tells apart speakers who share only a surname, not a name written two ways', () => {
    const lees = groupQuotes([quote('a', FULL, 'Lee Jae-myung'), quote('b', FULL, 'Lee Sok-bae')])
    expect(lees[0]!.flags.speakerDiffers).toBe(true)
    const putin = groupQuotes([quote('a', FULL, 'Putin'), quote('b', FULL, 'Vladimir Putin'), quote('c', FULL, 'Lee Seok-pae'), quote('d', FULL, 'Lee Sok-bae')])
    expect(putin[0]!.flags.speakerDiffers).toBe(true)
    const same = groupQuotes([quote('a', FULL, 'Putin'), quote('b', FULL, 'Vladimir Putin')])
    expect(same[0]!.flags.speakerDiffers).toBe(false)
    const romanised = groupQuotes([quote('c', FULL, 'Lee Seok-pae'), quote('d', FULL, 'Lee Sok-bae')])
    expect(romanised[0]!.flags.speakerDiffers).toBe(false)
  })

  it('returns no groups for no quotes or quotes without words', () => {
    expect(groupQuotes([])).toEqual([])
    expect(groupQuotes([quote('a', '…')])).toEqual([])
  })
})
