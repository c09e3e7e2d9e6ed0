import { cp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { indexStoredText } from '../../../../src/main/core/library/index-stored'
import { SearchService, type BackgroundIndexer } from '../../../../src/main/core/library-search/search-service'
import { Workbench } from '../../../../src/main/core/workbench'
import { SegmentBatches } from '../../../../src/main/core/search/segment-batches'
import { sha256 } from '../../../../src/main/core/store/content-hash'
import { useTempDirs } from '../../../helpers/temp-dir'

const seedsDir = resolve(__dirname, '../../../../seeds')

describe('SearchService', () => {
  const tempDir = useTempDirs()

  async function boot(dataDir: string, seeds: string = seedsDir): Promise<Workbench> {
    const workbench = new Workbench({ dataDir, seedsDir: seeds })
    await workbench.boot()
    return workbench
  }

  it('finds a name typed with a plain hyphen in every seed that spells it, U+2011 included, with snippets', async () => {
    const workbench = await boot(await tempDir())
    const response = await workbench.project.search.search('Lee Sok-bae')
    const paths = response.results.map((result) => workbench.project.library.find(result.sourceId).relativePath).sort()
    expect(paths).toEqual(['000_9bdf7c19d74769ea.txt', '001_dd8e53ad51b6acd2.txt', '003_0e0382247a50a32b.txt'])
    const aggregator = response.results.find((result) => workbench.project.library.find(result.sourceId).relativePath.startsWith('001_'))!
    expect(aggregator.snippets[0]?.text).toContain('Lee Sok\u2011bae')
    const { ranges } = await workbench.project.search.hitRanges('Lee Sok-bae', workbench.project.library.find(aggregator.sourceId))
    const { text } = await workbench.project.library.sourceText(aggregator.sourceId)
    // Bare words match anywhere; the hyphenated one must match as a unit, in its U+2011 spelling too.
    expect(ranges.map((range) => text.slice(range.start, range.end))).toContain('Sok\u2011bae')
    expect((await workbench.project.search.search('"Lee Sok-bae"')).total).toBe(3)
  })

  it('checks a segment the import threads built against the library at the next sync: a stale document is indexed afresh, one with no source removed', async () => {
    const workbench = await boot(await tempDir())
    const search = workbench.project.search
    await search.sync()
    const [kept, changed] = workbench.project.store.library.data.sources
    if (kept === undefined || changed === undefined) throw new Error('no seeds')
    const batches = new SegmentBatches()
    batches.add('b', kept.id, kept.contentHash, 'zeppelin kept')
    // Indexed from an older text than the library now names, and a file whose source never made it into the library.
    batches.add('b', changed.id, 'an-older-hash', 'zeppelin stale')
    batches.add('b', 'src_ghost', 'ghost-hash', 'zeppelin ghost')
    search.adoptSegment(batches.flush('b') ?? new Uint8Array())
    expect((await search.search('zeppelin')).total).toBe(3)
    const report = await search.sync()
    expect(report.removed).toBe(1)
    expect((await search.search('zeppelin')).results.map((result) => result.sourceId)).toEqual([kept.id])
    expect((await search.search('stale')).total).toBe(0)
    expect(search.indexedCount).toBe(workbench.project.store.library.data.sources.length)
    expect((await search.search(`"${(await workbench.project.library.sourceText(changed.id)).text.split(/\s+/).slice(0, 3).join(' ')}"`)).results.map((result) => result.sourceId)).toContain(changed.id)
    // A segment that cannot be read is left to the next sync.
    search.adoptSegment(new Uint8Array([1, 2, 3]))
    expect(search.indexedCount).toBe(workbench.project.store.library.data.sources.length)
  })

  /**
   * The extraction threads as search uses them, in this thread: each text waits until the test
   * lets it through (`pass`), and the keys in `failing` are refused, as a thread that cannot read them would.
   */
  function heldIndexer(failing: ReadonlySet<string> = new Set(), { loseBatches = false } = {}) {
    const batches = new SegmentBatches()
    const held: Array<() => void> = []
    const indexer: BackgroundIndexer = {
      parallelism: 1,
      filesAhead: 1,
      indexStored: async (text, indexIn) => {
        await new Promise<void>((resolve) => held.push(resolve))
        if (failing.has(indexIn.key)) throw new Error('the thread could not read it')
        return indexStoredText(text, indexIn, batches).segment ?? null
      },
      flushIndex: async (batch) => {
        const segment = batches.flush(batch)
        // A thread ended meanwhile (a stopped import, a crash) takes its part of the batch with it.
        return segment === null || loseBatches ? [] : [segment]
      }
    }
    /** Lets `count` held texts through, once that many are held. */
    const pass = async (count: number): Promise<void> => {
      for (let passed = 0; passed < count; passed++) {
        await vi.waitFor(() => expect(held.length).toBeGreaterThan(0))
        held.shift()?.()
      }
    }
    return { indexer, pass, held }
  }

  /** A project whose five seeds are imported, with its saved index gone: a new service has them all to index. */
  async function unindexed(): Promise<Workbench> {
    const workbench = await boot(await tempDir())
    await workbench.idle()
    await rm(join(workbench.project.store.dir, 'search'), { recursive: true })
    return workbench
  }

  it('hands many texts to the threads and answers with what is indexed so far and how far it has got, then finds them all', async () => {
    const workbench = await unindexed()
    const { indexer, pass } = heldIndexer()
    const search = new SearchService(workbench.project.store, () => undefined, { indexer: () => indexer, at: 3 })
    await search.load()
    // The sync ends at once: the five texts are the threads' to index.
    expect(await search.sync()).toMatchObject({ indexed: 0, background: 5 })
    expect(search.indexing).toEqual({ done: 0, total: 5 })
    const early = await search.search('putin')
    expect(early.total).toBe(0)
    expect(early.indexing).toEqual({ done: 0, total: 5 })
    // A sync meanwhile leaves them to the catch-up.
    expect(await search.sync()).toMatchObject({ indexed: 0, background: 0 })
    await pass(2)
    await vi.waitFor(() => expect(search.indexing?.done).toBe(2))
    await pass(3)
    await search.idle()
    expect(search.indexing).toBeNull()
    const all = await search.search('putin')
    expect(all.total).toBe(5)
    expect(all.indexing).toBeUndefined()
    // Saved: a fresh service loads the five without indexing a text.
    const again = new SearchService(workbench.project.store, () => undefined)
    await again.load()
    expect(await again.sync()).toMatchObject({ indexed: 0, removed: 0 })
    expect(again.indexedCount).toBe(5)
  })

  it('indexes here a text the threads could not read, and finds a source changed during the catch-up by its new text', async () => {
    const workbench = await unindexed()
    const [refused, changed] = workbench.project.store.library.data.sources
    if (refused === undefined || changed === undefined) throw new Error('no seeds')
    const { indexer, pass } = heldIndexer(new Set([refused.id]))
    const search = new SearchService(workbench.project.store, () => undefined, { indexer: () => indexer, at: 3 })
    await search.load()
    expect((await search.sync()).background).toBe(5)
    // The user edits a file while search catches up: the library names a new text the threads were not asked for.
    const text = 'Zeppelins over Seoul, a changed story.\n'
    const hash = sha256(text)
    await workbench.project.store.writeText(hash, text)
    changed.contentHash = hash
    workbench.project.store.markLibraryChanged({ sources: [changed.id] })
    await pass(5)
    await search.idle()
    expect(search.indexedCount).toBe(5)
    expect((await search.search('putin')).results.map((result) => result.sourceId)).toContain(refused.id)
    expect((await search.search('zeppelins')).results.map((result) => result.sourceId)).toEqual([changed.id])
  })

  it('indexes here what a thread took in and lost with its segment, and takes up again what a failed catch-up left', async () => {
    const workbench = await unindexed()
    const { indexer, pass } = heldIndexer(new Set(), { loseBatches: true })
    const warnings: string[] = []
    const search = new SearchService(workbench.project.store, (message) => warnings.push(message), { indexer: () => indexer, at: 3 })
    await search.load()
    expect((await search.sync()).background).toBe(5)
    await pass(5)
    await search.idle()
    expect(search.indexedCount).toBe(5)
    expect((await search.search('putin')).total).toBe(5)

    const again = await unindexed()
    const store = again.project.store
    const listed = store.textsListed.bind(store)
    store.textsListed = () => Promise.reject(new Error('the texts folder could not be listed'))
    const { indexer: later, pass: passLater } = heldIndexer()
    const failing = new SearchService(store, (message) => warnings.push(message), { indexer: () => later, at: 3 })
    await failing.load()
    expect((await failing.sync()).background).toBe(5)
    await failing.settled()
    expect(warnings.join(' ')).toMatch(/search: indexing in the background stopped \(the texts folder could not be listed\)/)
    store.textsListed = listed
    // The next sync hands them over again, rather than leaving them to a catch-up that is gone.
    expect((await failing.sync()).background).toBe(5)
    await passLater(5)
    await failing.idle()
    expect(failing.indexedCount).toBe(5)
  })

  it('gives a sync asked for while one runs a pass of its own, which sees the changes made meanwhile', async () => {
    const workbench = await boot(await tempDir())
    await workbench.idle()
    const search = workbench.project.search
    const store = workbench.project.store
    const [first, second] = store.library.data.sources
    if (first === undefined || second === undefined) throw new Error('no seeds')
    const change = async (source: typeof first, text: string): Promise<void> => {
      const hash = sha256(text)
      await store.writeText(hash, text)
      source.contentHash = hash
      store.markLibraryChanged({ sources: [source.id] })
    }
    await change(first, 'Airships over Busan.\n')
    // While the first pass reads the changed text, the user changes another source and a sync is asked for.
    const read = store.readText.bind(store)
    let later: Promise<unknown> | null = null
    store.readText = async (hash) => {
      if (later === null) {
        await change(second, 'Zeppelins over Seoul.\n')
        later = search.sync()
      }
      return read(hash)
    }
    await search.sync()
    await later
    store.readText = read
    expect((await search.search('airships')).results.map((result) => result.sourceId)).toEqual([first.id])
    expect((await search.search('zeppelins')).results.map((result) => result.sourceId)).toEqual([second.id])
  })

  it('indexes nothing here once stopped: an import cut short by closing leaves its texts to the next start', async () => {
    const workbench = await unindexed()
    const { indexer } = heldIndexer()
    const search = new SearchService(workbench.project.store, () => undefined, { indexer: () => indexer, at: 3 })
    await search.load()
    search.stop()
    expect(await search.sync()).toMatchObject({ indexed: 0, background: 0 })
    expect(search.indexedCount).toBe(0)
  })

  it('stops when the app closes: the texts not read yet are left to the next sync', async () => {
    const workbench = await unindexed()
    const { indexer, pass, held } = heldIndexer()
    const search = new SearchService(workbench.project.store, () => undefined, { indexer: () => indexer, at: 3 })
    await search.load()
    await search.sync()
    await pass(1)
    await vi.waitFor(() => expect(held.length).toBeGreaterThan(0))
    search.stop()
    // The text a thread holds is answered; nothing after it is asked for.
    for (const release of held.splice(0)) release()
    await search.settled()
    expect(search.indexing).toBeNull()
    expect(held).toHaveLength(0)
    expect(search.indexedCount).toBeLessThan(5)
    const next = new SearchService(workbench.project.store, () => undefined)
    await next.load()
    await next.sync()
    expect(next.indexedCount).toBe(5)
  })

  it('answers one page at a time from an offset, with the full total and snippets on every page', async () => {
    const workbench = await boot(await tempDir())
    const search = workbench.project.search
    const all = await search.search('putin')
    expect(all.total).toBe(5)
    const pages = [await search.search('putin', 2), await search.search('putin', 2, 2), await search.search('putin', 2, 4)]
    expect(pages.map((page) => page.total)).toEqual([5, 5, 5])
    expect(pages.map((page) => page.results.length)).toEqual([2, 2, 1])
    expect(pages.flatMap((page) => page.results.map((result) => result.sourceId))).toEqual(all.results.map((result) => result.sourceId))
    expect(pages[2]?.results[0]?.snippets.length).toBeGreaterThan(0)
    const beyond = await search.search('putin', 30, 5)
    expect(beyond.results).toEqual([])
    expect(beyond.total).toBe(5)
  }, 20_000)

  it('applies field filters from the library metadata and explains a syntax error', async () => {
    const workbench = await boot(await tempDir())
    const tass = await workbench.project.search.search('relations outlet:TASS')
    expect(tass.results.map((result) => workbench.project.library.find(result.sourceId).meta.outlet)).toEqual(['TASS'])
    expect((await workbench.project.search.search('putin folder:seeds')).total).toBe(5)
    expect((await workbench.project.search.search('putin folder:elsewhere')).total).toBe(0)
    const dated = await workbench.project.search.search('putin date:2026-01')
    expect(dated.total).toBe(2)
    const broken = await workbench.project.search.search('putin date:2026-13')
    expect(broken.problem?.message).toMatch(/date:2026-13 is not a date/)
    expect(broken.results).toEqual([])
  })

  it('loads the saved index on restart instead of rebuilding it, and saves a changed file as one new segment', async () => {
    const dataDir = await tempDir()
    const folder = await tempDir()
    await cp(seedsDir, folder, { recursive: true })
    const first = await boot(dataDir, folder)
    const searchDir = join(first.project.entry.dir, 'search')
    const before = (await readdir(searchDir)).sort()
    expect(before).toContain('manifest.json')
    expect(before.filter((name) => name.endsWith('.sbs')).length).toBeGreaterThan(0)

    const reopened = await boot(dataDir, folder)
    expect(await reopened.project.search.sync()).toMatchObject({ indexed: 0, removed: 0 })
    expect(reopened.project.search.indexedCount).toBe(5)
    expect((await reopened.project.search.search('"Northern Sea Route"')).total).toBe(1)
    const stamps = new Map(await Promise.all(before.map(async (name) => [name, (await stat(join(searchDir, name))).mtimeMs] as const)))

    await writeFile(join(folder, '004_939526269576f732.txt'), 'SEOUL, February 13. /TASS/. The Northern Sea Route came up as well.\n')
    await reopened.importFolder(folder)
    expect((await reopened.project.search.search('"Northern Sea Route"')).total).toBe(2)
    expect((await reopened.project.search.search('humanitarian exchanges')).total).toBe(0)
    // The segments saved before stay as they were; the change is one small new file.
    const after = (await readdir(searchDir)).sort()
    const added = after.filter((name) => !before.includes(name))
    expect(added).toHaveLength(1)
    for (const name of before.filter((name) => name.endsWith('.sbs'))) expect((await stat(join(searchDir, name))).mtimeMs).toBe(stamps.get(name))
    expect((await stat(join(searchDir, added[0]!))).size).toBeLessThan(4096)
  })

  it('returns from load() before the saved segments are read, and answers the first query from them', async () => {
    const workbench = await boot(await tempDir())
    await workbench.idle()
    const search = new SearchService(workbench.project.store, () => undefined)
    await search.load()
    expect(search.indexedCount).toBe(0)
    expect((await search.search('putin')).total).toBe(5)
    expect(search.indexedCount).toBe(5)
    expect(await search.sync()).toMatchObject({ indexed: 0, removed: 0 })
  })

  it('rebuilds a damaged index and says so', async () => {
    const dataDir = await tempDir()
    const first = await boot(dataDir)
    await writeFile(join(first.project.entry.dir, 'search', 'manifest.json'), 'garbage')
    const reopened = await boot(dataDir)
    expect(reopened.projectInfo().warnings.join(' ')).toMatch(/search: the saved search index could not be read \(search-index: the index manifest is damaged/)
    await reopened.idle()
    expect(reopened.project.search.indexedCount).toBe(5)
    expect((await reopened.project.search.search('ambassadors')).total).toBeGreaterThan(0)
  })

  it('re-indexes what a damaged segment held, and says so at once when the file is cut short, once loaded when a byte is flipped', async () => {
    const dataDir = await tempDir()
    const first = await boot(dataDir)
    const searchDir = join(first.project.entry.dir, 'search')
    const segmentNamed = async (): Promise<string> => (await readdir(searchDir)).find((name) => name.endsWith('.sbs'))!
    const segment = await segmentNamed()
    const bytes = await readFile(join(searchDir, segment))
    await writeFile(join(searchDir, segment), bytes.subarray(0, bytes.length - 100))
    const reopened = await boot(dataDir)
    expect(reopened.projectInfo().warnings.join(' ')).toMatch(new RegExp(`search: the saved search index could not be read \\(${segment}: \\d+ bytes where ${bytes.length} were saved`))
    await reopened.idle()
    expect(reopened.project.search.indexedCount).toBe(5)
    expect((await reopened.project.search.search('ambassadors')).total).toBeGreaterThan(0)
    // The damaged file is kept aside for a look; the manifest names the rebuilt segment instead.
    expect((await readdir(searchDir)).some((name) => name.startsWith(`${segment}.damaged-`))).toBe(true)
    expect(await readFile(join(searchDir, 'manifest.json'), 'utf-8')).not.toContain(segment)

    const rebuilt = await segmentNamed()
    const flipped = await readFile(join(searchDir, rebuilt))
    flipped[flipped.length >> 1] = (flipped[flipped.length >> 1] ?? 0) ^ 0x40
    await writeFile(join(searchDir, rebuilt), flipped)
    const again = new Workbench({ dataDir, seedsDir })
    // Found when the segment is read, during the open or behind the window: a refresh the window is told of shows it.
    const seenOnRefresh: string[] = []
    again.events.on('libraryChanged', () => seenOnRefresh.push(again.projectInfo().warnings.join(' ')))
    await again.boot()
    await again.idle()
    await again.project.search.idle()
    expect(seenOnRefresh.at(-1)).toMatch(/checksum mismatch/)
    expect(again.projectInfo().warnings.join(' ')).toMatch(new RegExp(`search: the saved search index could not be read \\(${rebuilt}: .*checksum mismatch`))
    expect(again.project.search.indexedCount).toBe(5)
    expect((await again.project.search.search('ambassadors')).total).toBeGreaterThan(0)
  })
})
