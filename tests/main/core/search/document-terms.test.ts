import { describe, expect, it } from 'vitest'
import { documentTerms, type DocumentTerms } from '../../../../src/main/core/search/document-terms'
import { MemorySegment } from '../../../../src/main/core/search/memory-segment'
import { SearchIndex } from '../../../../src/main/core/search/search-index'
import { encodeSegment } from '../../../../src/main/core/search/segment-file'
import { TermTable } from '../../../../src/main/core/search/term-table'
import { parseQuery, type Query } from '../../../../src/shared/search/query'
import { scanTokens, TERM_HASH_SEED, termHashStep, terms } from '../../../../src/shared/search/tokenize'

function query(input: string): Query {
  const parsed = parseQuery(input)
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.query
}

describe('documentTerms', () => {
  it('lists each term once, in the order it first occurs, with every position it occurs at', () => {
    const text = 'The minister met the Minister of Korea\u2019s navy; the navy met her.'
    const document = documentTerms(text)
    const tokens = terms(text)
    expect(document.terms).toEqual([...new Set(tokens)])
    expect(document.positions.length).toBe(tokens.length)
    let at = 0
    document.terms.forEach((term, id) => {
      const expected = tokens.flatMap((token, position) => (token === term ? [position] : []))
      expect(document.counts[id]).toBe(expected.length)
      expect([...document.positions.subarray(at, at + expected.length)]).toEqual(expected)
      at += expected.length
    })
  })

  it('gives nothing for a text without words', () => {
    const document = documentTerms(' — … ')
    expect(document.terms).toEqual([])
    expect(document.positions.length).toBe(0)
  })

  it('keeps one long document apart from the next (the scratch space it reuses grows and shrinks)', () => {
    const long = `${'alpha beta '.repeat(700_000)}omega`
    expect(documentTerms(long).positions.length).toBe(1_400_001)
    expect(documentTerms('beta gamma beta').counts).toEqual(Uint32Array.from([2, 1]))
  })
})

describe('SearchIndex given terms', () => {
  it('answers exactly as when given the texts: same results, scores, phrases and fuzzy matches', () => {
    const texts = [
      'Seoul and Moscow resume talks on the railway link',
      'The railway talks stalled in Moscow; Seoul waits',
      'Fishing quotas: Moscow and Tokyo resume their talks',
      'Korea\u2019s railway, the Trans-Siberian link, and the talks'
    ]
    const fromText = new SearchIndex()
    const fromTerms = new SearchIndex()
    texts.forEach((text, k) => {
      fromText.upsert(`doc-${k}`, text, `h${k}`)
      fromTerms.upsert(`doc-${k}`, documentTerms(text), `h${k}`)
    })
    const found = (index: SearchIndex, input: string): Array<[string, number]> => index.search(query(input), { limit: 10 }).results.map((result) => [result.key, result.score])
    expect(found(fromText, 'railway').map(([key]) => key).sort()).toEqual(['doc-0', 'doc-1', 'doc-3'])
    for (const input of ['railway', '"resume talks"', 'moskow~1', 'rail*', 'talks -tokyo']) {
      expect(found(fromTerms, input)).toEqual(found(fromText, input))
    }
    expect(fromTerms.seal()).toEqual(fromText.seal())
  })
})

/** DocumentTerms the plain way, from the tokenizer's strings and a Map: what the index's own paths must equal. */
function referenceTerms(text: string): DocumentTerms {
  // A Map keeps its keys in the order they were first set: the order of first occurrence.
  const positionsOf = new Map<string, number[]>()
  terms(text).forEach((token, position) => {
    const positions = positionsOf.get(token)
    if (positions === undefined) positionsOf.set(token, [position])
    else positions.push(position)
  })
  const lists = [...positionsOf.values()]
  return { terms: [...positionsOf.keys()], counts: Uint32Array.from(lists, (list) => list.length), positions: Uint32Array.from(lists.flat()) }
}

/** Texts mixing what the tokenizer treats apart: cases, digits, accents composed and not, soft hyphens, other scripts, apostrophes, emoji. */
function mixedTexts(count: number): string[] {
  const pieces = ['Seoul', 'SEOUL', 'seoul', 'Kyiv', 'Café', 'Cafe\u0301', 'naïve', 'naive', 'co\u00adoperate', 'Cooperate', 'cafe', 'XY', 'Korea\u2019s', 'O\u2019Brien', 'Lee Sok-bae', 'Σωκράτης', 'Москва', '東京', 'ﬁnance', 'Ⅻ', '2026', 'A1b2', '👍🏽', 'straße', 'İstanbul', 'x\u200dy', '—', '…', ' ', '\n']
  const random = (() => {
    let seed = 7
    return (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed / 2 ** 32
    }
  })()
  return Array.from({ length: count }, (_, doc) => {
    const words: string[] = []
    const length = 5 + Math.floor(random() * 60)
    for (let k = 0; k < length; k++) {
      const r = random()
      // Many distinct made-up words too, so the vocabulary's table grows several times.
      words.push(r < 0.5 ? (pieces[Math.floor(random() * pieces.length)] as string) : `w${Math.floor(random() * 5000).toString(36)}${r < 0.6 ? 'É' : ''}`)
    }
    return `${words.join(random() < 0.5 ? ' ' : ', ')} doc${doc}`
  })
}

describe('documentTerms and MemorySegment.addText, which look tokens up without making strings', () => {
  it('give the terms, counts and positions of the tokenizer’s strings', () => {
    for (const text of mixedTexts(300)) expect(documentTerms(text)).toEqual(referenceTerms(text))
  })

  it('addText seals byte for byte what add() seals from the same texts', () => {
    // One long document among them: the table addText reuses per document grows, then is made small again.
    const long = Array.from({ length: 40_000 }, (_, k) => `long${k.toString(36)}`).join(' ')
    const texts = mixedTexts(2000)
    texts.splice(1000, 0, long)
    const fromText = new MemorySegment()
    const fromTerms = new MemorySegment()
    texts.forEach((text, doc) => {
      fromText.addText(`k${doc}`, `t${doc}`, text)
      fromTerms.add(`k${doc}`, `t${doc}`, referenceTerms(text))
    })
    expect(fromText.terms.length).toBeGreaterThan(44_000)
    expect(fromText.docLengths).toEqual(fromTerms.docLengths)
    expect(fromText.slice('seoul')).toEqual(fromTerms.slice('seoul'))
    // Compared as buffers: a deep equality over megabytes takes seconds.
    const sealed = Buffer.from(encodeSegment(fromText.seal(() => true)))
    const expected = Buffer.from(encodeSegment(fromTerms.seal(() => true)))
    expect(sealed.length).toBe(expected.length)
    expect(sealed.equals(expected)).toBe(true)
  }, 30_000)
})

/** The hash scanTokens gives a term. */
function hashOf(term: string): number {
  let hash = TERM_HASH_SEED
  for (let k = 0; k < term.length; k++) hash = termHashStep(hash, term.charCodeAt(k))
  return hash
}

describe('TermTable', () => {
  it('numbers terms in order of first arrival and finds them by string or by their place in a text', () => {
    const table = new TermTable()
    const text = 'Alpha BETA alpha Gamma2 beta'
    const at = (start: number, end: number): number => table.addAscii(text, start, end, hashOf(text.slice(start, end).toLowerCase()))
    expect(at(0, 5)).toBe(0)
    expect(at(6, 10)).toBe(1)
    expect(at(11, 16)).toBe(0)
    expect(table.add('gamma2')).toBe(2)
    expect(at(17, 23)).toBe(2)
    expect(table.idOf('beta')).toBe(1)
    expect(table.idOf('BETA')).toBeUndefined()
    expect(table.idOf('delta')).toBeUndefined()
    expect(table.terms).toEqual(['alpha', 'beta', 'gamma2'])
    // Even the empty term (the hash of no characters is the seed) is numbered once.
    expect(table.add('')).toBe(3)
    expect(table.add('')).toBe(3)
    expect(table.idOf('')).toBe(3)
  })

  it('hashes a term as scanTokens does, so a term found in a text and one given as a string are one', () => {
    const text = 'Seoul seoul-2026 naïve NAIVE'
    const ascii: Array<{ start: number; end: number; hash: number }> = []
    scanTokens(text, { ascii: (start, end, hash) => ascii.push({ start, end, hash }), folded: () => undefined })
    expect(ascii.map(({ hash }) => hash)).toEqual(['seoul', 'seoul', '2026', 'naive'].map(hashOf))
    const table = new TermTable()
    expect(table.add('naive')).toBe(0)
    const naive = ascii[3]
    expect(naive === undefined ? -1 : table.addAscii(text, naive.start, naive.end, naive.hash)).toBe(0)
  })

  it('keeps every term findable as it grows', () => {
    const table = new TermTable()
    const words = Array.from({ length: 50_000 }, (_, k) => `t${k.toString(36)}`)
    words.forEach((word, k) => expect(table.add(word)).toBe(k))
    const text = words.join(' ').toUpperCase()
    let start = 0
    words.forEach((word, k) => {
      expect(table.addAscii(text, start, start + word.length, hashOf(word))).toBe(k)
      start += word.length + 1
    })
    expect(table.size).toBe(words.length)
    expect(words.every((word, k) => table.idOf(word) === k)).toBe(true)
  })
})
