import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractNames, type NameMention } from '../../../../../src/main/core/corroboration/names/extract-names'

const SEEDS = join(__dirname, '../../../../../seeds')
const seedFiles = readdirSync(SEEDS).filter((name) => name.endsWith('.txt')).sort()

function seed(prefix: string): string {
  const file = seedFiles.find((name) => name.startsWith(prefix))
  if (file === undefined) throw new Error(`no seed ${prefix}`)
  return readFileSync(join(SEEDS, file), 'utf-8')
}

const texts = (mentions: readonly NameMention[]): string[] => mentions.map((mention) => mention.text)
const kindOf = (mentions: readonly NameMention[], text: string): string | undefined => mentions.find((mention) => mention.text === text)?.kind

describe('extractNames', () => {
  it('finds "Vladimir Putin" and leaves the title "Russian President" out of the name', () => {
    const text = seed('000')
    const mentions = extractNames(text)
    const first = mentions[0]!
    expect(first.text).toBe('Vladimir Putin')
    expect(first.kind).toBe('person')
    expect(text.slice(first.start - 'President '.length, first.start)).toBe('President ')
    expect(texts(mentions).some((name) => /President/.test(name))).toBe(false)
  })

  it('leaves a possessive outside the name, so "Putin’s" is reported as "Putin"', () => {
    const text = seed('001')
    const at = text.indexOf('Putin’s overtures')
    const mention = extractNames(text).find((candidate) => candidate.start === at)
    expect(mention).toEqual({ start: at, end: at + 5, text: 'Putin', kind: 'person' })
  })

  it('reads hyphenated Korean names whichever hyphen the source used', () => {
    expect(texts(extractNames(seed('001')))).toContain('Lee Sok\u2011bae')
    expect(texts(extractNames(seed('000')))).toEqual(expect.arrayContaining(['Lee Sok-bae', 'Lee Seok-pae']))
    expect(kindOf(extractNames(seed('004')), 'Lee Jae-myung')).toBe('person')
    expect(kindOf(extractNames(seed('003')), 'Lee Jae Myung')).toBe('person')
  })

  it('reports no places: Seoul, South Korea, Moscow and the like are not names', () => {
    const places = ['Seoul', 'South Korea', 'North Korea', 'Korea', 'Moscow', 'Russia', 'Ukraine', 'Republic of Korea', 'Saint Petersburg', 'Pyongyang', 'Europe', 'ISTANBUL', 'SEOUL', 'Korean Peninsula', 'Grand Kremlin Palace', 'Alexander Hall']
    for (const file of seedFiles) {
      const found = texts(extractNames(readFileSync(join(SEEDS, file), 'utf-8')))
      expect(found.filter((name) => places.includes(name))).toEqual([])
    }
  })

  it('reports news agencies, alliances and ministries as organisations', () => {
    const mentions = extractNames(seed('000'))
    for (const name of ['NATO', 'TASS', 'Anadolu Agency', 'Yonhap News Agency', 'UN']) expect(kindOf(mentions, name)).toBe('organization')
    const korean = extractNames(seed('003'))
    for (const name of ['Ministry of Oceans and Fisheries', 'Korea Research Institute for National Strategy', 'Hyundai Motor', 'Samsung Electronics']) {
      expect(kindOf(korean, name)).toBe('organization')
    }
  })

  it('gives offsets that point at each name exactly as written, in reading order', () => {
    for (const file of seedFiles) {
      const text = readFileSync(join(SEEDS, file), 'utf-8')
      const mentions = extractNames(text)
      expect(mentions.length).toBeGreaterThan(5)
      let previousEnd = 0
      for (const mention of mentions) {
        expect(text.slice(mention.start, mention.end)).toBe(mention.text)
        expect(mention.start).toBeGreaterThanOrEqual(previousEnd)
        previousEnd = mention.end
      }
    }
  })

  it('does not turn a title-case headline into one long name', () => {
    const text = 'Putin Signals Reset With Seoul As Envoy Lee Sok\u2011bae Attends\n\nRussian President Vladimir Putin said on Thursday that ties could recover.'
    expect(texts(extractNames(text))).toEqual(['Putin', 'Lee Sok\u2011bae', 'Vladimir Putin'])
    const aggregator = seed('001')
    const headline = 'Putin Signals Reset of South Korea‑Russia Relations at Moscow Credential Event'
    const start = aggregator.indexOf(headline)
    const onHeadline = extractNames(aggregator).filter((mention) => mention.start >= start && mention.end <= start + headline.length)
    expect(texts(onHeadline)).toEqual(['Putin'])
  })

  it('keeps a lone surname only when the text gives the full name, a title, or the lexicon knows it', () => {
    const text = 'Doo Jin-ho, a researcher, spoke first. Doo said talks would resume. Observers noted the shift. Mr Hewitt agreed, and Putin was silent. Trade Gains Stalled.'
    expect(texts(extractNames(text))).toEqual(['Doo Jin-ho', 'Doo', 'Hewitt', 'Putin'])
  })

  it('treats a name after a title as a person even when the lexicon does not know it', () => {
    const mentions = extractNames('South Korea’s Foreign Minister Cho Hyun said last month that the envoy Yoon Suk Yeol would stay.')
    expect(mentions.map((mention) => [mention.text, mention.kind])).toEqual([
      ['Cho Hyun', 'person'],
      ['Yoon Suk Yeol', 'person']
    ])
  })

  it('joins "of" and "and" inside organisation names but not between two organisations', () => {
    const found = texts(extractNames('The Bank of Korea and the Ministry of Foreign Affairs met. Hyundai Motor and Kia agreed.'))
    expect(found).toEqual(['Bank of Korea', 'Ministry of Foreign Affairs', 'Hyundai Motor', 'Kia'])
  })

  it('drops acronyms that are places or everyday words, keeping those that are organisations', () => {
    const found = texts(extractNames('The U.S. and the UK asked NATO and the DPRK. (AA) reported, as the BBC HAS said.'))
    expect(found).toEqual(['NATO', 'AA', 'BBC'])
  })

  it('returns nothing, without throwing, for empty or odd input', () => {
    for (const odd of ['', '   \n\n', '’s', "'s Lee's", 'A. B. C.', '— – ‑ ‐', '🙂🙂 Ünïcödé', 'X'.repeat(10_000), 'ALL CAPS HEADLINE WITHOUT NAMES', '\u0000\uffff']) {
      const mentions = extractNames(odd)
      expect(Array.isArray(mentions)).toBe(true)
      for (const mention of mentions) expect(odd.slice(mention.start, mention.end)).toBe(mention.text)
    }
    expect(extractNames('')).toEqual([])
  })

  it('copes with a huge text that is one endless run of capitals', () => {
    const mentions = extractNames('Mr Xavier '.repeat(30_000))
    expect(mentions.length).toBeGreaterThan(0)
    expect(mentions.every((mention) => mention.text === 'Xavier' && mention.kind === 'person')).toBe(true)
  })
})
