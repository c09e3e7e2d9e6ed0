import { describe, expect, it } from 'vitest'
import { SearchIndex } from '../../../../src/main/core/search/search-index'
import { parseQuery, type Query } from '../../../../src/shared/search/query'

function parsed(input: string): Query {
  const outcome = parseQuery(input)
  if (!outcome.ok) throw new Error(`${input}: ${outcome.message}`)
  return outcome.query
}

function indexWith(texts: Record<string, string>): SearchIndex {
  const index = new SearchIndex()
  for (const [key, text] of Object.entries(texts)) index.upsert(key, text)
  return index
}

function keys(index: SearchIndex, input: string, limit = 100): string[] {
  return index.search(parsed(input), { limit }).results.map((result) => result.key)
}

function sortedKeys(index: SearchIndex, input: string): string[] {
  return keys(index, input).sort()
}

const library = {
  putin: 'Putin met the envoy from Korea in Moscow.',
  medvedev: 'Medvedev spoke about Korea and trade.',
  both: 'Putin and Medvedev discussed sanctions.',
  seoul: 'Seoul restored ties with Moscow; the Korean envoy Lee Sok\u2011bae attended.',
  lee: 'Lee met Sok later; bae was absent.'
}

describe('SearchIndex', () => {
  it('needs every bare word in a document (implicit AND)', () => {
    expect(sortedKeys(indexWith(library), 'putin korea')).toEqual(['putin'])
  })

  it('binds OR tighter than the implicit AND', () => {
    expect(sortedKeys(indexWith(library), 'putin OR medvedev korea')).toEqual(['medvedev', 'putin'])
  })

  it('excludes words, phrases and groups marked with -', () => {
    const index = indexWith(library)
    expect(sortedKeys(index, 'moscow -korea')).toEqual(['seoul'])
    expect(sortedKeys(index, 'lee -"sok bae"')).toEqual(['lee'])
    expect(sortedKeys(index, 'korea -(putin OR seoul)')).toEqual(['medvedev'])
  })

  it('lists every other document for a query made only of exclusions', () => {
    expect(sortedKeys(indexWith(library), '-putin')).toEqual(['lee', 'medvedev', 'seoul'])
  })

  it('matches a phrase only when its words are consecutive and in order', () => {
    const index = indexWith(library)
    expect(sortedKeys(index, '"sok bae"')).toEqual(['seoul'])
    expect(sortedKeys(index, '"bae sok"')).toEqual([])
    expect(sortedKeys(index, 'Lee Sok-bae')).toEqual(['seoul'])
  })

  it('finds every word starting with a prefix', () => {
    expect(sortedKeys(indexWith(library), 'kor*')).toEqual(['medvedev', 'putin', 'seoul'])
  })

  it('finds misspellings within the fuzzy distance and not beyond', () => {
    const index = indexWith(library)
    expect(sortedKeys(index, 'medvdev~')).toEqual(['both', 'medvedev'])
    expect(sortedKeys(index, 'mdvdev~1')).toEqual([])
    expect(sortedKeys(index, 'mdvdev~2')).toEqual(['both', 'medvedev'])
  })

  it('matches proximity groups in any order within the window', () => {
    const index = indexWith({ near: 'alpha one two beta', reversed: 'beta one alpha', far: 'alpha one two three four beta' })
    expect(sortedKeys(index, '"alpha beta"~2')).toEqual(['near', 'reversed'])
    expect(sortedKeys(index, '"alpha beta"~1')).toEqual(['reversed'])
    expect(sortedKeys(index, '"alpha beta"~4')).toEqual(['far', 'near', 'reversed'])
  })

  it('ranks first the document with more occurrences of a rare term', () => {
    const index = indexWith({
      once: 'The sanctions on Rosneft were discussed at length by the ministers today.',
      thrice: 'Rosneft, Rosneft and again Rosneft were discussed at length by the ministers today.',
      none: 'The ministers discussed the weather at length today.'
    })
    expect(keys(index, 'rosneft discussed')).toEqual(['thrice', 'once'])
  })

  it('ranks a rare term above a common one', () => {
    const index = indexWith({
      common: 'trade trade trade news',
      rare: 'zinoviev trade news',
      filler1: 'trade news today',
      filler2: 'trade news again'
    })
    expect(keys(index, 'zinoviev OR trade')[0]).toBe('rare')
  })

  it('counts hits as occurrences, a phrase occurrence counting once', () => {
    const index = indexWith({ doc: 'Lee Sok-bae met Lee Sok\u2011bae and Lee again.' })
    expect(index.search(parsed('lee'), { limit: 5 }).results[0]?.hits).toBe(3)
    expect(index.search(parsed('"lee sok bae"'), { limit: 5 }).results[0]?.hits).toBe(2)
    expect(index.search(parsed('"lee sok bae" again'), { limit: 5 }).results[0]?.hits).toBe(3)
  })

  it('counts every match in total but returns only the best `limit`, and leaves out what accept rejects', () => {
    const index = indexWith(library)
    const limited = index.search(parsed('korea OR moscow'), { limit: 2 })
    expect(limited.total).toBe(3)
    expect(limited.results).toHaveLength(2)
    const accepted = index.search(parsed('korea OR moscow'), { limit: 10, accept: (key) => key !== 'seoul' })
    expect(accepted.total).toBe(2)
    expect(accepted.results.map((result) => result.key).sort()).toEqual(['medvedev', 'putin'])
  })

  it('finds nothing for an empty query and every accepted document for a query of filters only', () => {
    const index = indexWith(library)
    expect(index.search(parsed('   '), { limit: 10 })).toEqual({ total: 0, results: [] })
    const filtersOnly = index.search(parsed('format:pdf'), { limit: 10, accept: (key) => key.startsWith('p') || key === 'lee' })
    expect(filtersOnly.results.map((result) => result.key)).toEqual(['lee', 'putin'])
  })

  it('replaces a document on upsert and forgets it on remove', () => {
    const index = indexWith(library)
    index.upsert('putin', 'Now about Vladivostok only.')
    expect(sortedKeys(index, 'putin')).toEqual(['both'])
    expect(sortedKeys(index, 'vladivostok')).toEqual(['putin'])
    index.remove('both')
    expect(sortedKeys(index, 'putin')).toEqual([])
    expect(index.has('both')).toBe(false)
    expect(index.size).toBe(4)
    index.remove('not-there')
    expect(index.size).toBe(4)
  })

  it('gives identical results and scores after compaction as an index built from the survivors', () => {
    const texts: Record<string, string> = {}
    for (let i = 0; i < 80; i++) texts[`doc-${String(i).padStart(2, '0')}`] = `report ${i % 7 === 0 ? 'sanctions sanctions' : 'trade'} korea ${'filler '.repeat(i % 5)} item${i}`
    const index = indexWith(texts)
    for (let i = 0; i < 80; i += 3) {
      index.remove(`doc-${String(i).padStart(2, '0')}`)
      delete texts[`doc-${String(i).padStart(2, '0')}`]
    }
    const fresh = indexWith(texts)
    for (const input of ['sanctions', 'korea trade', '"report trade"', 'item1*', 'sanctons~', '-trade']) {
      expect(index.search(parsed(input), { limit: 100 })).toEqual(fresh.search(parsed(input), { limit: 100 }))
      const before = index.search(parsed(input), { limit: 100 })
      index.compact()
      expect(index.search(parsed(input), { limit: 100 })).toEqual(before)
    }
  })

  it('marks the hits of a result in the text the reader shows, including typographic variants', () => {
    const index = indexWith(library)
    const text = library.seoul
    const ranges = index.hitRanges(parsed('"Lee Sok-bae" moscow -envoy'), text)
    expect(ranges.map((range) => text.slice(range.start, range.end))).toEqual(['Moscow', 'Lee Sok\u2011bae'])
  })

  it('gives snippets around the hits with ranges relative to the snippet', () => {
    const index = indexWith(library)
    const [snippet] = index.snippets(parsed('envoy'), library.seoul)
    expect(snippet?.text).toBe(library.seoul)
    expect(snippet?.ranges.map((range) => snippet.text.slice(range.start, range.end))).toEqual(['envoy'])
  })
})

describe('SearchIndex paging', () => {
  /** 45 documents: groups of identical texts, so most scores tie and only the key orders them. */
  function tiedLibrary(): SearchIndex {
    const index = new SearchIndex()
    for (let i = 0; i < 45; i++) {
      const key = `doc-${String((i * 17) % 45).padStart(2, '0')}`
      index.upsert(key, i % 3 === 0 ? 'trade report trade' : i % 3 === 1 ? 'trade report' : 'a trade report on the trade in grain')
    }
    return index
  }

  function pages(index: SearchIndex, input: string, size: number): string[][] {
    const out: string[][] = []
    for (let offset = 0; ; offset += size) {
      const page = index.search(parsed(input), { limit: size, offset })
      expect(page.total).toBe(45)
      if (page.results.length === 0) return out
      out.push(page.results.map((result) => result.key))
    }
  }

  it('splits the full ranking into pages that neither overlap nor skip, when scores tie', () => {
    const index = tiedLibrary()
    const all = keys(index, 'trade', 100)
    expect(all).toHaveLength(45)
    const paged = pages(index, 'trade', 7)
    expect(paged.map((page) => page.length)).toEqual([7, 7, 7, 7, 7, 7, 3])
    expect(paged.flat()).toEqual(all)
    expect(new Set(paged.flat()).size).toBe(45)
  })

  it('breaks ties by key, so the same page comes back in the same order every time', () => {
    const index = tiedLibrary()
    const results = index.search(parsed('trade'), { limit: 45 }).results
    for (let i = 1; i < results.length; i++) {
      const [before, after] = [results[i - 1]!, results[i]!]
      expect(before.score > after.score || (before.score === after.score && before.key < after.key)).toBe(true)
    }
    expect(index.search(parsed('trade'), { limit: 10, offset: 20 })).toEqual(index.search(parsed('trade'), { limit: 10, offset: 20 }))
    index.compact()
    expect(pages(index, 'trade', 10).flat()).toEqual(results.map((result) => result.key))
  })

  it('returns no results but the full total for an offset at or beyond the last match', () => {
    const index = tiedLibrary()
    expect(index.search(parsed('trade'), { limit: 30, offset: 45 })).toEqual({ total: 45, results: [] })
    expect(index.search(parsed('trade'), { limit: 30, offset: 10_000 })).toEqual({ total: 45, results: [] })
    expect(index.search(parsed('trade'), { limit: 30, offset: 40 }).results).toHaveLength(5)
  })

  it('pages what accept lets through, counting only that in total', () => {
    const index = tiedLibrary()
    const even = (key: string): boolean => Number(key.slice(4)) % 2 === 0
    const first = index.search(parsed('trade'), { limit: 10, accept: even })
    const second = index.search(parsed('trade'), { limit: 10, offset: 10, accept: even })
    expect(first.total).toBe(23)
    expect(second.total).toBe(23)
    expect([...first.results, ...second.results].every((result) => even(result.key))).toBe(true)
    expect(new Set([...first.results, ...second.results].map((result) => result.key)).size).toBe(20)
  })
})
