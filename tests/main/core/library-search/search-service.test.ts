import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SearchService } from '../../../../src/main/core/library-search/search-service'
import { Workbench } from '../../../../src/main/core/workbench'
import { SegmentBatches } from '../../../../src/main/core/search/segment-batches'
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
