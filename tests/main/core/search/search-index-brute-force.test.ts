import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SearchIndex } from '../../../../src/main/core/search/search-index'
import { parseQuery, type Query } from '../../../../src/shared/search/query'
import { reopened } from './index-round-trip'
import { referenceBestCloseness, referenceSearch, referenceTerms, seededRandom } from './reference-search'

const SEEDS = join(__dirname, '../../../../seeds')

function parsed(input: string): Query {
  const outcome = parseQuery(input)
  if (!outcome.ok) throw new Error(`${input}: ${outcome.message}`)
  return outcome.query
}

function indexOf(texts: ReadonlyMap<string, string>): SearchIndex {
  const index = new SearchIndex()
  for (const [key, text] of texts) index.upsert(key, text)
  return index
}

function found(index: SearchIndex, query: Query): string[] {
  return index
    .search(query, { limit: 100_000 })
    .results.map((result) => result.key)
    .sort()
}

// Words with the typographic variants a library really holds: case, diacritics, ligatures,
// hyphen and dash variants inside names, curly and straight apostrophes.
const WORDS = [
  'Lee', 'Sok-bae', 'Sok\u2011bae', 'SOK\u2010BAE', 'Seoul', 'Moscow', 'putin', 'Putin', 'korea', 'Korea\u2019s', "Korea's",
  'caf\u00e9', 'Cafe', 'na\u00efve', 'naive', '\ufb01nance', 'finance', 'trade', 'ties', 'reset', 'U.S.', 'talks', 'envoy', 'the', 'of', 'Ünïcödé'
]
const SEPARATORS = [' ', ' ', ' ', '\u00a0', ', ', '. ', '\n', ' \u2014 ', ' \u201c', '\u201d ', ' - ', '\u2009']

function generatedCorpus(seed: number, count: number): Map<string, string> {
  const random = seededRandom(seed)
  const texts = new Map<string, string>()
  for (let doc = 0; doc < count; doc++) {
    const length = Math.floor(random() * 40)
    let text = ''
    for (let k = 0; k < length; k++) {
      text += (WORDS[Math.floor(random() * WORDS.length)] ?? '') + (SEPARATORS[Math.floor(random() * SEPARATORS.length)] ?? ' ')
    }
    texts.set(`doc-${doc}`, text)
  }
  return texts
}

/** Words and phrases (2–4 tokens, as typed: a hyphen or straight quotes) taken from the texts, plus a few absent ones. */
function queriesFor(texts: ReadonlyMap<string, string>, seed: number, count: number): string[] {
  const random = seededRandom(seed)
  const streams = [...texts.values()].map(referenceTerms).filter((terms) => terms.length > 0)
  const queries = ['Sok-bae', 'Lee Sok\u2011bae', '"lee sok bae"', 'caf\u00e9', 'naïve', 'ﬁnance', 'U.S.', '"korea s"', 'absent', '"ties reset absent"']
  while (queries.length < count) {
    const terms = streams[Math.floor(random() * streams.length)] ?? []
    const start = Math.floor(random() * terms.length)
    const length = 1 + Math.floor(random() * 4)
    const slice = terms.slice(start, start + length)
    if (length === 1) queries.push(slice.join(' '))
    else if (random() < 0.5) queries.push(`"${slice.join(' ')}"`)
    else queries.push(slice.join('-'))
  }
  return queries
}

describe('SearchIndex against a brute-force scan', () => {
  it('finds exactly the generated documents a scan of their normalised words finds, for words and phrases', () => {
    const texts = generatedCorpus(7, 300)
    const index = indexOf(texts)
    for (const input of queriesFor(texts, 11, 400)) {
      const query = parsed(input)
      expect({ input, keys: found(index, query) }).toEqual({ input, keys: referenceSearch(query, texts) })
    }
  }, 30_000)

  it('agrees with the scan for OR, NOT, prefix, fuzzy and proximity queries on generated documents', () => {
    const texts = generatedCorpus(21, 250)
    const index = indexOf(texts)
    const inputs = [
      'putin OR seoul korea', '-moscow', 'trade -"ties reset"', 'lee -(seoul OR moscow)', 'fin*', 'ko*', 'sok* -bae',
      'koera~', 'finanse~1', 'moscw~', 'seoul~0', '"lee bae"~1', '"reset ties"~3', '"the of the"~2', '"putin korea envoy"~4',
      'Sok-ba*', 'NOT talks AND envoy', 'envoy OR -envoy'
    ]
    for (const input of inputs) {
      const query = parsed(input)
      expect({ input, keys: found(index, query) }).toEqual({ input, keys: referenceSearch(query, texts) })
    }
  }, 30_000)

  it('ranks fuzzy matches by the closest word each document holds, however often farther words occur', () => {
    // Near spellings of each other, each document holding a few of them any number of times amid filler of any length.
    const spellings = ['blunkett', 'blunket', 'blanket', 'plunket', 'blunt', 'bucket', 'blankets', 'korea', 'korean', 'corea', 'kore', 'moscow', 'moskow', 'mosco']
    const random = seededRandom(23)
    const texts = new Map<string, string>()
    for (let doc = 0; doc < 300; doc++) {
      const words: string[] = []
      for (let k = Math.floor(random() * 3); k >= 0; k--) {
        const word = spellings[Math.floor(random() * spellings.length)] ?? ''
        for (let times = 1 + Math.floor(random() * random() * 12); times > 0; times--) words.push(word)
      }
      for (let k = Math.floor(random() * random() * 200); k > 0; k--) words.push(WORDS[Math.floor(random() * WORDS.length)] ?? '')
      texts.set(`doc-${String(doc).padStart(3, '0')}`, words.sort(() => random() - 0.5).join(' '))
    }
    const index = indexOf(texts)
    const streams = new Map([...texts].map(([key, text]) => [key, referenceTerms(text)] as const))
    let levels = 0
    for (const input of ['blunket~', 'blunket~1', 'blunkett~2', 'blanket~2', 'korea~2', 'corea~1', 'moscow~2', 'mosco~2', 'bucket~2']) {
      const root = parsed(input).root
      if (root?.kind !== 'fuzzy') throw new Error(`${input} is not a fuzzy term`)
      const ranked = index.search(parsed(input), { limit: 100_000 }).results.map((result) => result.key)
      expect(ranked.slice().sort()).toEqual(referenceSearch(parsed(input), texts))
      // Edits, then the shared beginning (0 = four letters or the word itself): never closer further down the list.
      const closeness = ranked.map((key) => {
        const best = referenceBestCloseness(root, streams.get(key) ?? [])
        return best === null ? 'none' : `${best[0]}:${4 + best[1]}`
      })
      expect({ input, closeness }).toEqual({ input, closeness: [...closeness].sort() })
      levels += new Set(closeness).size
    }
    // The queries reach words at several levels of closeness each, not only exact matches.
    expect(levels).toBeGreaterThan(25)
  }, 30_000)

  it('keeps agreeing after removals, replacements and compaction', () => {
    const texts = generatedCorpus(5, 200)
    const index = indexOf(texts)
    const random = seededRandom(3)
    for (const key of [...texts.keys()]) {
      const roll = random()
      if (roll < 0.3) {
        index.remove(key)
        texts.delete(key)
      } else if (roll < 0.5) {
        const replacement = generatedCorpus(Math.floor(roll * 1000), 1).get('doc-0') ?? ''
        index.upsert(key, replacement)
        texts.set(key, replacement)
      }
    }
    expect(index.size).toBe(texts.size)
    for (const input of queriesFor(texts, 13, 150)) {
      const query = parsed(input)
      expect({ input, keys: found(index, query) }).toEqual({ input, keys: referenceSearch(query, texts) })
    }
  }, 30_000)

  it('agrees with the scan when documents arrive after the index was sealed or loaded', () => {
    const texts = generatedCorpus(9, 240)
    const entries = [...texts]
    const index = new SearchIndex()
    entries.slice(0, 80).forEach(([key, text]) => index.upsert(key, text))
    index.compact()
    entries.slice(80, 160).forEach(([key, text]) => index.upsert(key, text))
    const loaded = reopened(index)
    entries.slice(160).forEach(([key, text]) => loaded.upsert(key, text))
    for (const input of queriesFor(texts, 19, 200)) {
      const query = parsed(input)
      expect({ input, keys: found(loaded, query) }).toEqual({ input, keys: referenceSearch(query, texts) })
    }
  }, 30_000)

  it('finds exactly what a scan finds in the five seed articles, and Lee Sok-bae finds the aggregator’s Lee Sok‑bae', () => {
    const texts = new Map(readdirSync(SEEDS).filter((name) => name.endsWith('.txt')).map((name) => [name, readFileSync(join(SEEDS, name), 'utf-8')] as const))
    expect(texts.size).toBe(5)
    const index = indexOf(texts)
    const aggregator = [...texts].find(([, text]) => text.includes('Lee Sok\u2011bae'))?.[0]
    expect(aggregator).toBeDefined()
    const leeSokBae = parsed('Lee Sok-bae')
    expect(found(index, leeSokBae)).toContain(aggregator)
    expect(found(index, leeSokBae)).toEqual(referenceSearch(leeSokBae, texts))

    const vocabulary = new Set([...texts.values()].flatMap(referenceTerms))
    for (const word of vocabulary) {
      const query = parsed(word)
      expect({ word, keys: found(index, query) }).toEqual({ word, keys: referenceSearch(query, texts) })
    }
    for (const input of queriesFor(texts, 17, 300)) {
      const query = parsed(input)
      expect({ input, keys: found(index, query) }).toEqual({ input, keys: referenceSearch(query, texts) })
    }
  }, 30_000)
})
