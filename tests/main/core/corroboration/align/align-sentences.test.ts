import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { alignSources, DEFAULT_THRESHOLD, type AlignInput } from '../../../../../src/main/core/corroboration/align/align-sentences'
import type { AlignedSentence, SourceAlignment } from '../../../../../src/shared/domain/corroboration'

const seedsDir = join(__dirname, '../../../../../seeds')
const SEEDS = ['000_9bdf7c19d74769ea', '001_dd8e53ad51b6acd2', '002_33375fb4bd43eb33', '003_0e0382247a50a32b', '004_939526269576f732']

function seed(name: string): AlignInput {
  return { sourceId: name, text: readFileSync(join(seedsDir, `${name}.txt`), 'utf8') }
}

function article(sourceId: string, ...paragraphs: string[]): AlignInput {
  return { sourceId, text: paragraphs.join('\n\n') }
}

/** The sentence of `source` containing `fragment` (spaces of any kind match a space). */
function sentenceWith(alignment: SourceAlignment, inputs: readonly AlignInput[], source: number, fragment: string): AlignedSentence & { index: number } {
  const text = inputs[source]?.text ?? ''
  const sentences = alignment.sources[source]?.sentences ?? []
  const wanted = fragment.replace(/\s+/g, ' ')
  const index = sentences.findIndex((sentence) => text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ').includes(wanted))
  const sentence = sentences[index]
  if (sentence === undefined) throw new Error(`no sentence of source ${source} contains "${fragment}"`)
  return { ...sentence, index }
}

function linkOf(alignment: SourceAlignment, inputs: readonly AlignInput[], source: number, fragment: string): number | null {
  return sentenceWith(alignment, inputs, source, fragment).link
}

const herald = article(
  'herald',
  'The city council approved a new budget of 4.2 million euros for the harbour district on Tuesday. Mayor Anna Berg said the money would repair the old sea wall before winter storms.',
  'Opposition councillors criticised the plan as rushed and demanded an independent audit of the costs.',
  'The harbour district has flooded three times since 2019, forcing hundreds of families from their homes. Local fishermen plan a protest march to the town hall next Friday.',
  'Read more'
)
// The same story reordered and reworded, with one sentence of its own.
const gazette = article(
  'gazette',
  'Floods have hit the harbour district three times since 2019 and forced hundreds of families from their homes.',
  'On Tuesday the city council approved a 4.2 million euro budget for the harbour district. The money will repair the old sea wall before the winter storms, Mayor Anna Berg said.',
  'The council also renamed a park after a local poet. Opposition councillors called the plan rushed and demanded an independent audit.',
  'Read more'
)

describe('align-sentences', () => {
  it('links each reworded sentence to its counterpart when the paragraphs are reordered', () => {
    const inputs = [herald, gazette]
    const alignment = alignSources(inputs)
    const counterparts: [string, string][] = [
      ['approved a new budget', 'approved a 4.2 million euro budget'],
      ['Mayor Anna Berg said the money', 'The money will repair'],
      ['criticised the plan as rushed', 'called the plan rushed'],
      ['has flooded three times', 'Floods have hit']
    ]
    for (const [fromHerald, fromGazette] of counterparts) {
      const link = linkOf(alignment, inputs, 0, fromHerald)
      expect(link).not.toBeNull()
      expect(linkOf(alignment, inputs, 1, fromGazette)).toBe(link)
    }
    // Four reworded pairs and the boilerplate line, each its own link.
    expect(alignment.links).toBe(5)
  })

  it('leaves a sentence that only one source carries unlinked', () => {
    const inputs = [herald, gazette]
    const alignment = alignSources(inputs)
    expect(linkOf(alignment, inputs, 0, 'Local fishermen plan a protest march')).toBeNull()
    expect(linkOf(alignment, inputs, 1, 'renamed a park after a local poet')).toBeNull()
  })

  it('links an identical boilerplate line with a full score', () => {
    const inputs = [herald, gazette]
    const alignment = alignSources(inputs)
    const mine = sentenceWith(alignment, inputs, 0, 'Read more')
    const theirs = sentenceWith(alignment, inputs, 1, 'Read more')
    expect(mine.link).not.toBeNull()
    expect(theirs.link).toBe(mine.link)
    expect(alignment.pairs).toContainEqual({ a: [0, mine.index], b: [1, theirs.index], score: 1 })
  })

  it('gives A, B and C one link when A matches B and B matches C, though A and C differ', () => {
    const inputs = [
      { sourceId: 'a', text: 'The minister resigned on Friday after a report criticised her handling of the rail contract.' },
      { sourceId: 'b', text: 'The transport minister resigned on Friday, days after an audit report criticised the award of the rail contract.' },
      { sourceId: 'c', text: 'Days after the audit, the transport minister quit over the award of the contract.' }
    ]
    const alignment = alignSources(inputs)
    expect(alignment.sources.map((source) => source.sentences[0]?.link)).toEqual([0, 0, 0])
    expect(alignment.pairs.map((pair) => [pair.a[0], pair.b[0]])).toEqual([
      [0, 1],
      [1, 2]
    ])
  })

  it('links sentences that differ only in word forms, possessives, quote marks and case', () => {
    const inputs = [
      { sourceId: 'a', text: 'Seoul’s envoy said both countries achieved “truly positive results” in trade.' },
      { sourceId: 'b', text: "THE SEOUL ENVOY SAID BOTH COUNTRY ACHIEVES 'TRULY POSITIVE RESULT' IN TRADE." }
    ]
    const alignment = alignSources(inputs)
    expect(alignment.links).toBe(1)
    expect(alignment.pairs[0]?.score).toBeGreaterThan(0.9)
  })

  it('links one catch-all sentence to at most two sentences of another source', () => {
    const inputs = [
      { sourceId: 'summary', text: 'The council debated the harbour budget, the sea wall repairs, the school roof and the park fountain on Tuesday.' },
      {
        sourceId: 'report',
        text: [
          'The council debated the harbour budget on Tuesday.',
          'The sea wall repairs were debated on Tuesday as well.',
          'On Tuesday the council debated the school roof.',
          'The council debated the park fountain on Tuesday.'
        ].join(' ')
      }
    ]
    const alignment = alignSources(inputs, { threshold: 0.1 })
    const catchAll = alignment.sources[0]?.sentences[0]?.link
    expect(catchAll).not.toBeNull()
    expect(alignment.sources[1]?.sentences.filter((sentence) => sentence.link === catchAll)).toHaveLength(2)
  })

  it('does not link sentences that share only the names of the story', () => {
    const inputs = [
      { sourceId: 'a', text: 'President Vladimir Putin received Lee Sok-bae in Moscow.' },
      { sourceId: 'b', text: 'Lee Sok-bae told Vladimir Putin in Moscow that exports had collapsed.' }
    ]
    const alignment = alignSources(inputs)
    expect(alignment.links).toBe(0)
    expect(alignment.sources.flatMap((source) => source.sentences.map((sentence) => sentence.link))).toEqual([null, null])
  })

  it('does not link a short line to a longer one that merely contains its words', () => {
    const inputs = [
      { sourceId: 'a', text: 'ISTANBUL\nRead more\nRelated Article' },
      { sourceId: 'b', text: 'Istanbul police said on Monday the protest was peaceful.\nRead more about the protests\nAll related articles (3 articles)' }
    ]
    expect(alignSources(inputs).links).toBe(0)
  })

  it('reports offsets into each original text, so each sentence slices out exactly', () => {
    const inputs = [herald, gazette]
    const alignment = alignSources(inputs)
    expect(alignment.sources.map((source) => source.sourceId)).toEqual(['herald', 'gazette'])
    const first = alignment.sources[0]?.sentences[0]
    expect(herald.text.slice(first?.start, first?.end)).toBe('The city council approved a new budget of 4.2 million euros for the harbour district on Tuesday.')
    const texts = alignment.sources[1]?.sentences.map((sentence) => gazette.text.slice(sentence.start, sentence.end))
    expect(texts).toEqual([
      'Floods have hit the harbour district three times since 2019 and forced hundreds of families from their homes.',
      'On Tuesday the city council approved a 4.2 million euro budget for the harbour district.',
      'The money will repair the old sea wall before the winter storms, Mayor Anna Berg said.',
      'The council also renamed a park after a local poet.',
      'Opposition councillors called the plan rushed and demanded an independent audit.',
      'Read more'
    ])
  })

  it('links nothing when only one source is given, even a sentence it repeats', () => {
    const repeated = 'The harbour district has flooded three times since 2019.'
    const alignment = alignSources([{ sourceId: 'only', text: `${repeated} ${repeated}\n${herald.text}` }])
    expect(alignment.links).toBe(0)
    expect(alignment.pairs).toEqual([])
    expect(alignment.sources[0]?.sentences.every((sentence) => sentence.link === null)).toBe(true)
    expect(alignment.sources[0]?.sentences.length).toBeGreaterThan(5)
  })

  it('gives an empty text no sentences and leaves the other source unlinked', () => {
    const alignment = alignSources([{ sourceId: 'empty', text: '' }, herald])
    expect(alignment.sources[0]).toEqual({ sourceId: 'empty', sentences: [] })
    expect(alignment.sources[1]?.sentences.every((sentence) => sentence.link === null)).toBe(true)
    expect(alignment.links).toBe(0)
    expect(alignSources([]).sources).toEqual([])
  })

  it('links every sentence of two identical texts to its twin, one to one', () => {
    const alignment = alignSources([herald, { sourceId: 'copy', text: herald.text }])
    const [mine, theirs] = alignment.sources
    expect(mine?.sentences.length).toBe(6)
    expect(mine?.sentences.map((sentence) => sentence.link)).toEqual([0, 1, 2, 3, 4, 5])
    expect(theirs?.sentences.map((sentence) => sentence.link)).toEqual([0, 1, 2, 3, 4, 5])
    expect(alignment.pairs.map((pair) => [pair.a, pair.b, pair.score])).toEqual([0, 1, 2, 3, 4, 5].map((index) => [[0, index], [1, index], 1]))
  })

  it('never pairs two sentences of the same source', () => {
    const repeated = 'The harbour district has flooded three times since 2019, forcing hundreds of families from their homes.'
    const inputs = [{ sourceId: 'twice', text: `${repeated}\n${repeated}` }, herald, gazette]
    const alignment = alignSources(inputs)
    expect(alignment.pairs.length).toBeGreaterThan(0)
    for (const pair of alignment.pairs) expect(pair.a[0]).not.toBe(pair.b[0])
    const seeds = alignSources(SEEDS.map(seed))
    for (const pair of seeds.pairs) expect(pair.a[0]).not.toBe(pair.b[0])
  })

  it('links fewer sentences at a higher threshold', () => {
    const inputs = [herald, gazette]
    expect(DEFAULT_THRESHOLD).toBeLessThan(0.5)
    const strict = alignSources(inputs, { threshold: 0.95 })
    // Only the identical line survives.
    expect(strict.links).toBe(1)
    expect(linkOf(strict, inputs, 0, 'Read more')).toBe(0)
    expect(linkOf(strict, inputs, 0, 'approved a new budget')).toBeNull()
  })

  it('returns the same alignment for the same input, with links numbered in reading order', () => {
    const inputs = SEEDS.map(seed)
    const first = alignSources(inputs)
    expect(alignSources(inputs)).toEqual(first)
    const seen: number[] = []
    for (const source of first.sources) for (const { link } of source.sentences) if (link !== null && !seen.includes(link)) seen.push(link)
    expect(seen).toEqual([...Array(first.links).keys()])
    expect(first.pairs.every((pair) => pair.score > 0 && pair.score <= 1)).toBe(true)
  })

  describe('on the five seed articles about Putin and South Korea', () => {
    const inputs = SEEDS.map(seed)
    const alignment = alignSources(inputs)
    const [kremlinReport, digest, anadolu, joongAng, tass] = [0, 1, 2, 3, 4]

    it('links the "32 ambassadors" sentences', () => {
      const link = linkOf(alignment, inputs, kremlinReport, 'from 32 newly appointed foreign ambassadors')
      expect(link).not.toBeNull()
      expect(linkOf(alignment, inputs, anadolu, 'A total of 32 newly-appointed ambassadors')).toBe(link)
    })

    it('links the Cuba quotation in the two sources that carry it', () => {
      const link = linkOf(alignment, inputs, kremlinReport, 'On Cuba, he stated, "We stand in solidarity')
      expect(link).not.toBeNull()
      expect(linkOf(alignment, inputs, anadolu, 'touched on ties with Cuba')).toBe(link)
    })

    it('links TASS\'s "truly good results" to the "truly positive results" quote of the others', () => {
      const link = linkOf(alignment, inputs, tass, 'achieved truly good results in trade and business')
      expect(link).not.toBeNull()
      expect(linkOf(alignment, inputs, kremlinReport, '"Previously, we adhered to pragmatic approaches')).toBe(link)
      expect(linkOf(alignment, inputs, anadolu, '“Previously, we adhered to pragmatic approaches')).toBe(link)
      expect(linkOf(alignment, inputs, joongAng, 'In the past, by adhering to pragmatic approaches')).toBe(link)
      expect(linkOf(alignment, inputs, digest, 'noting that such approaches generated “truly good results”')).toBe(link)
    })

    it('leaves the Northern Sea Route pilot, which only JoongAng reports, unlinked', () => {
      expect(linkOf(alignment, inputs, joongAng, 'pilot container ship through Russia’s Northern Sea Route')).toBeNull()
    })

    it('leaves photo captions, credits and page furniture unlinked when no other source has them', () => {
      expect(linkOf(alignment, inputs, joongAng, 'No comments')).toBeNull()
      expect(linkOf(alignment, inputs, joongAng, 'Related Article')).toBeNull()
      expect(linkOf(alignment, inputs, joongAng, 'Hyundai cars are seen at a customs terminal')).toBeNull()
    })

    it('keeps every link to at most two sentences of any one source', () => {
      const perSource = new Map<string, number>()
      alignment.sources.forEach((source, index) => {
        for (const { link } of source.sentences) if (link !== null) perSource.set(`${link}:${index}`, (perSource.get(`${link}:${index}`) ?? 0) + 1)
      })
      expect(Math.max(...perSource.values())).toBeLessThanOrEqual(2)
      expect(alignment.links).toBeGreaterThan(10)
    })

    it('aligns the Kremlin report with JoongAng on the shared quotes and facts only', () => {
      const pairInputs = [inputs[kremlinReport] as AlignInput, inputs[joongAng] as AlignInput]
      const pair = alignSources(pairInputs)
      const restore = linkOf(pair, pairInputs, 0, 'We hope to restore relations with the Republic')
      expect(restore).not.toBeNull()
      expect(linkOf(pair, pairInputs, 1, 'We look forward to restoring relations with the Republic of Korea')).toBe(restore)
      const served = linkOf(pair, pairInputs, 0, 'previously served in Moscow from 2019 to 2022')
      expect(served).not.toBeNull()
      expect(linkOf(pair, pairInputs, 1, 'served previously as top envoy to Russia from 2019 to 2022')).toBe(served)
      expect(linkOf(pair, pairInputs, 1, 'Northern Sea Route')).toBeNull()
      expect(linkOf(pair, pairInputs, 0, 'We stand in solidarity')).toBeNull()
      // JoongAng's analysis is mostly its own: most of its sentences stay unlinked.
      const joongAngLinked = pair.sources[1]?.sentences.filter((sentence) => sentence.link !== null).length ?? 0
      expect(joongAngLinked).toBeLessThan(10)
    })
  })
})
