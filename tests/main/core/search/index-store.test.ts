import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { encodeIndex } from '../../../../src/main/core/search/index-file'
import { IndexStore } from '../../../../src/main/core/search/index-store'
import { SearchIndex } from '../../../../src/main/core/search/search-index'
import { encodeSegment } from '../../../../src/main/core/search/segment-file'
import { parseQuery, type Query } from '../../../../src/shared/search/query'
import { useTempDirs } from '../../../helpers/temp-dir'
import { seededRandom } from './reference-search'

function parsed(input: string): Query {
  const outcome = parseQuery(input)
  if (!outcome.ok) throw new Error(`${input}: ${outcome.message}`)
  return outcome.query
}

const WORDS = ['korea', 'korean', 'moscow', 'moskow', 'sanctions', 'trade', 'envoy', 'the', 'of', 'talks', 'reset', 'ties', 'seoul']
const QUERIES = ['korea', 'the', '"the talks"', 'kor*', 'moskow~', 'trade -korea', '"reset ties"~2']

function texts(seed: number, count: number, prefix = 'doc'): Map<string, string> {
  const random = seededRandom(seed)
  return new Map(
    Array.from({ length: count }, (_, k) => [`${prefix}-${k}`, Array.from({ length: 4 + Math.floor(random() * 30) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ')] as const)
  )
}

function answers(index: SearchIndex): unknown[] {
  return QUERIES.map((input) => index.search(parsed(input), { limit: 1000 }))
}

async function segmentFiles(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'search'))).filter((name) => name.endsWith('.sbs')).sort()
}

describe('IndexStore', () => {
  const tempDir = useTempDirs()

  async function opened(dir: string, damage: string[] = []): Promise<IndexStore> {
    const store = new IndexStore(dir, (detail) => damage.push(detail))
    await store.load()
    await store.ready()
    return store
  }

  it('saves a change as one new segment file, leaving the saved ones untouched, and reopens with the same answers', async () => {
    const dir = await tempDir()
    const store = await opened(dir)
    for (const [key, text] of texts(1, 60)) store.index.upsert(key, text, `hash-${key}`)
    await store.save()
    const before = await segmentFiles(dir)
    const contents = await Promise.all(before.map((name) => readFile(join(dir, 'search', name))))
    store.index.upsert('doc-3', 'a new text about korea and moscow', 'hash-new')
    store.index.remove('doc-4')
    await store.save()
    const after = await segmentFiles(dir)
    expect(after.slice(0, before.length)).toEqual(before)
    expect(after).toHaveLength(before.length + 1)
    for (const [k, name] of before.entries()) expect(await readFile(join(dir, 'search', name))).toEqual(contents[k])

    const again = await opened(dir)
    expect(again.index.size).toBe(59)
    expect(again.index.tagOf('doc-3')).toBe('hash-new')
    expect(again.index.has('doc-4')).toBe(false)
    expect(answers(again.index)).toEqual(answers(store.index))
  })

  it('reopens as of the last commit when a crash came between writing a segment and the manifest', async () => {
    const dir = await tempDir()
    const store = await opened(dir)
    for (const [key, text] of texts(2, 40)) store.index.upsert(key, text)
    await store.save()
    const committed = answers(store.index)
    const files = await segmentFiles(dir)
    // What a save that died before its commit leaves: the next segment file, and a temporary file.
    const orphan = new SearchIndex()
    orphan.upsert('doc-1', 'replaced by a save that never committed')
    orphan.remove('doc-2')
    orphan.seal()
    await writeFile(join(dir, 'search', 'segment-00000099.sbs'), encodeSegment(orphan.sealedSegments[0]!))
    await writeFile(join(dir, 'search', '.manifest.json.123.0-4.tmp'), '{"partial')

    const again = await opened(dir)
    expect(answers(again.index)).toEqual(committed)
    expect(await readdir(join(dir, 'search'))).toEqual(expect.arrayContaining(['manifest.json', ...files]))
    expect((await readdir(join(dir, 'search'))).sort()).toEqual(['manifest.json', ...files].sort())
    // And it keeps saving after that.
    again.index.upsert('doc-1', 'korea again')
    await again.save()
    expect((await opened(dir)).index.search(parsed('"korea again"'), { limit: 5 }).total).toBe(1)
  })

  it('merges many small segments in the background with every answer unchanged, before and after a reload', async () => {
    const dir = await tempDir()
    const store = await opened(dir)
    const library = texts(3, 30)
    for (const [key, text] of library) store.index.upsert(key, text)
    await store.save()
    const random = seededRandom(30)
    for (let save = 0; save < 14; save++) {
      const key = `doc-${Math.floor(random() * 30)}`
      const text = [...texts(100 + save, 1).values()][0] ?? ''
      if (save % 5 === 4) store.index.remove(key)
      else store.index.upsert(key, text)
      await store.save()
    }
    const expected = answers(store.index)
    await store.idle()
    expect(store.index.sealedSegments.length).toBeLessThanOrEqual(8)
    expect(answers(store.index)).toEqual(expected)
    expect((await segmentFiles(dir)).length).toBe(store.index.sealedSegments.length)
    expect(answers((await opened(dir)).index)).toEqual(expected)
  })

  it('sets a damaged manifest aside and says so, starting from an empty index', async () => {
    const dir = await tempDir()
    const store = await opened(dir)
    for (const [key, text] of texts(4, 10)) store.index.upsert(key, text)
    await store.save()
    await writeFile(join(dir, 'search', 'manifest.json'), '{"format": "sourcebench-search-index", "version": 2')
    const damage: string[] = []
    const again = await opened(dir, damage)
    expect(damage).toEqual(['search-index: the index manifest is damaged (not a list of segments)'])
    expect(again.index.size).toBe(0)
    expect((await readdir(join(dir, 'search'))).some((name) => name.startsWith('manifest.json.damaged-'))).toBe(true)
    expect(await segmentFiles(dir)).toEqual([])
  })

  it('migrates a version 1 index to its first segment, keeping its answers and the hashes it was built from', async () => {
    const dir = await tempDir()
    const old = new SearchIndex()
    const library = texts(5, 50)
    for (const [key, text] of library) old.upsert(key, text)
    old.compact()
    const segment = old.sealedSegments[0]!
    const sealed = { ...segment.arenas, terms: [...segment.terms], lastDoc: new Uint32Array(segment.terms.length) }
    await writeFile(join(dir, 'search-index.bin'), encodeIndex({ keys: segment.keys, docLengths: segment.docLengths, sealed }))
    await writeFile(join(dir, 'search-index.json'), JSON.stringify({ version: 1, hashes: Object.fromEntries([...library.keys()].map((key) => [key, `hash-${key}`])) }))

    const store = await opened(dir)
    expect(answers(store.index)).toEqual(answers(old))
    expect(store.index.tagOf('doc-7')).toBe('hash-doc-7')
    expect((await readdir(dir)).sort()).toEqual(['search'])
    expect(answers((await opened(dir)).index)).toEqual(answers(old))
  })

  it('sets a damaged version 1 index aside and says so', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'search-index.bin'), 'garbage')
    await writeFile(join(dir, 'search-index.json'), JSON.stringify({ version: 1, hashes: {} }))
    const damage: string[] = []
    const store = await opened(dir, damage)
    expect(damage.join(' ')).toMatch(/not a Sourcebench search index/)
    expect(store.index.size).toBe(0)
    expect((await readdir(dir)).some((name) => name.startsWith('search-index.bin.damaged-'))).toBe(true)
  })
})
