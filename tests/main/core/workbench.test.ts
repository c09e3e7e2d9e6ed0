import { cp, mkdir, readdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { InProcessExtractor } from '../../../src/main/core/library/extractor'
import { NotesJournal } from '../../../src/main/core/store/notes-journal'
import { SegmentedLibrary } from '../../../src/main/core/store/segmented-library'
import { startWatchingAfter, Workbench } from '../../../src/main/core/workbench'
import { useTempDirs } from '../../helpers/temp-dir'

const seedsDir = resolve(__dirname, '../../../seeds')
const fixedNow = () => new Date('2026-01-16T10:00:00Z')

async function bootWorkbench(dataDir: string, seeds: string | null = seedsDir): Promise<Workbench> {
  const workbench = new Workbench({ dataDir, seedsDir: seeds, now: fixedNow })
  await workbench.boot()
  return workbench
}

describe('Workbench', () => {
  const tempDir = useTempDirs()

  it('creates a sample project holding the five seed articles on first launch, and reopens it next time', async () => {
    const dataDir = await tempDir()
    const first = await bootWorkbench(dataDir)
    expect(first.project.store.library.data.sources).toHaveLength(5)
    expect(first.projectInfo().current.name).toMatch(/Sample project/)
    const second = await bootWorkbench(dataDir)
    expect(second.projectInfo().current.id).toBe(first.projectInfo().current.id)
    expect(second.projectInfo().projects).toHaveLength(1)
    expect(second.project.store.library.data.sources).toHaveLength(5)
  })

  it('keeps annotations and claims with their links across a restart', async () => {
    const dataDir = await tempDir()
    const workbench = await bootWorkbench(dataDir)
    const aggregator = workbench.project.store.library.data.sources.find((source) => source.relativePath.startsWith('001_'))!
    const text = (await workbench.project.library.sourceText(aggregator.id)).text
    const start = text.indexOf('goodwill has been squandered')
    const annotation = await workbench.project.annotations.create({
      sourceId: aggregator.id,
      contentHash: aggregator.contentHash,
      start,
      end: start + 'goodwill has been squandered'.length,
      color: 'pink',
      comment: 'Only the aggregator quotes this.',
      tags: ['quote', 'check', 'quote']
    })
    expect(annotation.target.selectors[0]).toMatchObject({ exact: 'goodwill has been squandered' })
    expect(annotation.tags).toEqual(['quote', 'check'])
    const claim = await workbench.project.claims.create('Putin said goodwill was squandered')
    await workbench.project.claims.link(claim.id, annotation.id)

    const reopened = await bootWorkbench(dataDir)
    expect(reopened.project.annotations.list()).toEqual([annotation])
    expect(reopened.project.claims.list()[0]).toMatchObject({ text: 'Putin said goodwill was squandered', annotationIds: [annotation.id] })
  })

  it('refuses an annotation range outside the text, naming the source', async () => {
    const workbench = await bootWorkbench(await tempDir())
    const source = workbench.project.store.library.data.sources[0]!
    await expect(
      workbench.project.annotations.create({ sourceId: source.id, contentHash: source.contentHash, start: 10, end: 10_000_000, color: 'yellow', comment: '', tags: [] })
    ).rejects.toThrow(/annotations: the range 10–10000000 is not inside/)
  })

  it('deleting an annotation removes its claim links and says how many', async () => {
    const workbench = await bootWorkbench(await tempDir())
    const source = workbench.project.store.library.data.sources[0]!
    const annotation = await workbench.project.annotations.create({ sourceId: source.id, contentHash: source.contentHash, start: 0, end: 6, color: 'yellow', comment: '', tags: [] })
    const claim = await workbench.project.claims.create('A claim')
    await workbench.project.claims.link(claim.id, annotation.id)
    expect(await workbench.project.annotations.delete(annotation.id)).toEqual({ unlinkedFromClaims: 1 })
    expect(workbench.project.claims.list()[0]?.annotationIds).toEqual([])
  })

  it('re-anchors annotations when their source file is edited and re-imported', async () => {
    const folder = await tempDir()
    await cp(seedsDir, folder, { recursive: true })
    const workbench = await bootWorkbench(await tempDir(), folder)
    const tass = workbench.project.store.library.data.sources.find((source) => source.relativePath.startsWith('004_'))!
    const text = (await workbench.project.library.sourceText(tass.id)).text
    const quote = 'humanitarian exchanges'
    const start = text.indexOf(quote)
    const kept = await workbench.project.annotations.create({ sourceId: tass.id, contentHash: tass.contentHash, start, end: start + quote.length, color: 'green', comment: '', tags: [] })
    const lostStart = text.indexOf('Georgy Zinoviev')
    const lost = await workbench.project.annotations.create({ sourceId: tass.id, contentHash: tass.contentHash, start: lostStart, end: lostStart + 15, color: 'blue', comment: '', tags: [] })

    const path = join(folder, tass.relativePath)
    const edited = `EDITOR'S NOTE: updated.\n\n${(await readFile(path, 'utf-8')).replace('Georgy Zinoviev', 'the ambassador')}`
    await writeFile(path, edited)
    await workbench.importFolder(folder)

    const updatedSource = workbench.project.store.library.data.sources.find((source) => source.id === tass.id)!
    const newText = (await workbench.project.library.sourceText(tass.id)).text
    const relocated = workbench.project.annotations.find(kept.id)
    const [, position] = relocated.target.selectors
    expect(relocated.target.contentHash).toBe(updatedSource.contentHash)
    expect(newText.slice(position.start, position.end)).toBe(quote)
    const shift = "EDITOR'S NOTE: updated.\n\n".length - ('Georgy Zinoviev'.length - 'the ambassador'.length)
    expect(position.start).toBe(start + shift)
    expect(relocated.anchor).toEqual({ state: 'relocated', previousQuote: null })
    const orphan = workbench.project.annotations.find(lost.id)
    expect(orphan.target.contentHash).not.toBe(updatedSource.contentHash)
    expect(orphan.target.selectors[0].exact).toBe('Georgy Zinoviev')
    expect(orphan.anchor.state).toBe('orphan')

    // The orphan is re-attached by hand to the passage that replaced it, keeping its place in claims.
    const claim = await workbench.project.claims.create('The ambassador spoke')
    await workbench.project.claims.link(claim.id, lost.id)
    const at = newText.indexOf('the ambassador')
    const reattached = await workbench.project.annotations.reattach(lost.id, { sourceId: tass.id, contentHash: updatedSource.contentHash, start: at, end: at + 14 })
    expect(reattached.anchor).toEqual({ state: 'exact', previousQuote: 'Georgy Zinoviev' })
    expect(reattached.target.selectors[0].exact).toBe('the ambassador')
    expect(workbench.project.claims.list().find((candidate) => candidate.id === claim.id)?.annotationIds).toEqual([lost.id])
  })

  it('keeps the original wording of a quote an outlet later reworded', async () => {
    const folder = await tempDir()
    await cp(seedsDir, folder, { recursive: true })
    const workbench = await bootWorkbench(await tempDir(), folder)
    const joongang = workbench.project.store.library.data.sources.find((source) => source.relativePath.startsWith('003_'))!
    const text = (await workbench.project.library.sourceText(joongang.id)).text
    const quote = 'achieved truly positive results in trade and business'
    const start = text.indexOf(quote)
    const annotation = await workbench.project.annotations.create({ sourceId: joongang.id, contentHash: joongang.contentHash, start, end: start + quote.length, color: 'yellow', comment: '', tags: [] })
    const path = join(folder, joongang.relativePath)
    await writeFile(path, (await readFile(path, 'utf-8')).replace('truly positive results', 'truly good results'))
    await workbench.importFolder(folder)
    const moved = workbench.project.annotations.find(annotation.id)
    expect(moved.anchor).toEqual({ state: 'relocated', previousQuote: quote })
    expect(moved.target.selectors[0].exact).toBe('achieved truly good results in trade and business')
  })

  it('renders the claims as Markdown with one footnote per link', async () => {
    const workbench = await bootWorkbench(await tempDir())
    const sources = workbench.project.store.library.data.sources
    const anadolu = sources.find((source) => source.relativePath.startsWith('002_'))!
    const text = (await workbench.project.library.sourceText(anadolu.id)).text
    const phrase = 'truly positive results in trade and business'
    const start = text.indexOf(phrase)
    expect(start).toBeGreaterThan(-1)
    const annotation = await workbench.project.annotations.create({ sourceId: anadolu.id, contentHash: anadolu.contentHash, start, end: start + phrase.length, color: 'yellow', comment: '', tags: [] })
    const claim = await workbench.project.claims.create('Putin praised past trade results')
    await workbench.project.claims.link(claim.id, annotation.id)
    const file = await workbench.exportFile({ format: 'markdown', sources: 'cited', includeOriginals: false })
    const markdown = String(file.data)
    expect(markdown).toContain('Putin praised past trade results[^1]')
    expect(markdown).toContain(
      `[^1]: “${phrase}” — *${anadolu.title}*, Anadolu Agency, by Burc Eruygur, 2026-01-16, \`${anadolu.relativePath}\` in folder “seeds”, characters ${start}–${start + phrase.length}. Anchor: exact.`
    )
    expect(markdown).toContain('_Single source: 1 independent source (1 source backs it)._')
    expect(file.fileName).toBe('sample-project-putin-and-south-korea-notes-2026-01-16.md')
  })
})

describe('Workbench storage damage', () => {
  const tempDir = useTempDirs()

  it('refuses to show a stored text whose bytes no longer match its hash, and a re-import restores it', async () => {
    const dataDir = await tempDir()
    const workbench = await bootWorkbench(dataDir)
    const source = workbench.project.store.library.data.sources[0]!
    const original = (await workbench.project.library.sourceText(source.id)).text
    await writeFile(join(workbench.project.entry.dir, 'texts', `${source.contentHash}.txt`), 'tampered')
    await expect(workbench.project.library.sourceText(source.id)).rejects.toThrow(/was damaged \(its hash no longer matches\) and has been set aside; re-import its folder/)
    const report = await workbench.importFolder(seedsDir)
    expect(report.updated + report.added).toBe(0)
    expect((await workbench.project.library.sourceText(source.id)).text).toBe(original)
    expect((await readdir(join(workbench.project.entry.dir, 'texts'))).some((name) => name.includes('.damaged-'))).toBe(true)
  })

  it('sets a damaged notes file aside on open, reports it, and keeps the library', async () => {
    const dataDir = await tempDir()
    const first = await bootWorkbench(dataDir)
    await writeFile(join(first.project.entry.dir, 'notes.json'), '{"version":1,"annotations":[{"id":')
    const reopened = await bootWorkbench(dataDir)
    expect(reopened.projectInfo().warnings).toEqual([expect.stringMatching(/^store: notes\.json was damaged .* set aside as notes\.json\.damaged-\d+/)])
    expect(reopened.project.store.library.data.sources).toHaveLength(5)
    await reopened.project.claims.create('New work goes on')
    const names = await readdir(first.project.entry.dir)
    expect(names.some((name) => name.startsWith('notes.json.damaged-'))).toBe(true)
  })
})

describe('Workbench projects', () => {
  const tempDir = useTempDirs()

  it('refuses an annotation made on an older text of the source', async () => {
    const workbench = await bootWorkbench(await tempDir())
    const source = workbench.project.store.library.data.sources[0]!
    await expect(
      workbench.project.annotations.create({ sourceId: source.id, contentHash: 'f'.repeat(64), start: 0, end: 5, color: 'yellow', comment: '', tags: [] })
    ).rejects.toThrow(/changed since the text was selected; select the passage again/)
  })

  it('finishes an import into the project it started in, even when the user switches projects meanwhile', async () => {
    const dataDir = await tempDir()
    const workbench = await bootWorkbench(dataDir)
    const sample = workbench.projectInfo().current
    const folder = await tempDir()
    for (let index = 0; index < 40; index++) await writeFile(join(folder, `story-${index}.txt`), `Story number ${index} about the ceremony.\n`)
    const importing = workbench.importFolder(folder)
    const switched = workbench.createProject('Second story')
    const back = switched.then(() => workbench.openProject(sample.id))
    const report = await importing
    await back
    expect(report.added).toBe(40)
    expect(workbench.projectInfo().current.id).toBe(sample.id)
    expect(workbench.project.store.library.data.sources).toHaveLength(45)
    const source = workbench.project.store.library.data.sources[0]!
    const annotation = await workbench.project.annotations.create({ sourceId: source.id, contentHash: source.contentHash, start: 0, end: 4, color: 'blue', comment: '', tags: [] })

    const reopened = await bootWorkbench(dataDir)
    expect(reopened.project.store.library.data.sources).toHaveLength(45)
    expect(reopened.project.annotations.list().map((candidate) => candidate.id)).toEqual([annotation.id])
  })

  it('rebuilds the project list from the project folders when projects.json is damaged', async () => {
    const dataDir = await tempDir()
    const first = await bootWorkbench(dataDir)
    await first.createProject('Budget leak')
    await writeFile(join(dataDir, 'projects.json'), 'not json at all')
    const reopened = await bootWorkbench(dataDir)
    expect(reopened.projectInfo().projects.map((project) => project.name).sort()).toEqual(['Budget leak', 'Sample project: Putin and South Korea'])
    expect(reopened.projectInfo().warnings[0]).toMatch(/projects\.json was damaged/)
  })
})

describe('Workbench crash safety', () => {
  const tempDir = useTempDirs()

  it('saves a source a running import just added before acknowledging a highlight on it', async () => {
    const folder = await tempDir()
    for (let index = 0; index < 800; index++) await writeFile(join(folder, `f${String(index).padStart(3, '0')}.txt`), `Article number ${index} about the ceremony.\n`)
    const dataDir = await tempDir()
    const workbench = await bootWorkbench(dataDir, null)
    const started = new Promise<void>((resolvePromise) =>
      workbench.events.on('importProgress', (progress) => {
        if (progress.phase === 'importing' && progress.done >= 5) resolvePromise()
      })
    )
    const importing = workbench.importFolder(folder)
    await started
    const source = workbench.project.store.library.data.sources[0]!
    const annotation = await workbench.project.annotations.create({ sourceId: source.id, contentHash: source.contentHash, start: 0, end: 7, color: 'yellow', comment: '', tags: [] })
    // Read the disk the moment the highlight is acknowledged, as a kill -9 would leave it.
    const projectDir = workbench.projectInfo().current.dir
    // From a copy: a load cuts off a journal line still being written, and the import goes on appending.
    const copy = await tempDir()
    await cp(join(projectDir, 'library'), join(copy, 'library'), { recursive: true })
    for (const name of (await readdir(projectDir)).filter((file) => file.startsWith('notes'))) await cp(join(projectDir, name), join(copy, name))
    const library = await new SegmentedLibrary(copy, () => undefined).load()
    const notes = await new NotesJournal(copy, () => undefined).load()
    expect(notes.annotations.map((saved) => saved.id)).toContain(annotation.id)
    expect(library.sources.find((saved) => saved.id === source.id)?.contentHash).toBe(source.contentHash)
    expect(await readdir(join(projectDir, 'texts'))).toContain(`${source.contentHash}.txt`)
    await importing
    await workbench.shutdown()
  }, 60_000)

  it('stops within seconds on shutdown even while a file is being extracted on a worker', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'story.txt'), 'A story.\n')
    const workbench = new Workbench({
      dataDir: await tempDir(),
      seedsDir: null,
      extractWorker: { path: resolve(__dirname, '../../helpers/hanging-worker.mjs') },
      extractThreads: 1
    })
    await workbench.boot()
    const extracting = new Promise<void>((resolvePromise) =>
      workbench.events.on('importProgress', (progress) => progress.phase === 'importing' && resolvePromise())
    )
    const importing = workbench.importFolder(folder)
    await extracting
    const stopped = Date.now()
    await workbench.shutdown()
    expect(Date.now() - stopped).toBeLessThan(5000)
    expect((await importing).errors).toEqual([{ relativePath: 'story.txt', reason: 'extractor: closed' }])
  }, 30_000)
})

describe('Workbench following folders on disk', () => {
  const tempDir = useTempDirs()
  const open: Workbench[] = []
  afterEach(async () => {
    vi.restoreAllMocks()
    await Promise.all(open.splice(0).map((workbench) => workbench.shutdown()))
  })

  async function watchingWorkbench(dataDir: string): Promise<Workbench> {
    const workbench = new Workbench({ dataDir, seedsDir: null, now: fixedNow, watchFolders: true })
    open.push(workbench)
    await workbench.boot()
    return workbench
  }

  /** A watched folder of three articles, imported and caught up, with every extraction from now on recorded. */
  async function followed() {
    const folder = await realpath(await tempDir())
    await mkdir(join(folder, 'wires'))
    await writeFile(join(folder, 'wires', 'one.txt'), 'First wire story about the ceremony.\n')
    await writeFile(join(folder, 'wires', 'two.txt'), 'Second wire story about the summit.\n')
    await writeFile(join(folder, 'three.txt'), 'A local story about the harbour.\n')
    const workbench = await watchingWorkbench(await tempDir())
    await workbench.importFolder(folder)
    await workbench.idle()
    const extract = vi.spyOn(InProcessExtractor.prototype, 'extract')
    const read = () => extract.mock.calls.map(([path]) => String(path))
    const byPath = (relativePath: string) => workbench.project.store.library.data.sources.find((source) => source.relativePath === relativePath)
    const found = async (word: string) => (await workbench.project.search.search(word)).total
    let refreshes = 0
    workbench.events.on('libraryChanged', () => refreshes++)
    return { folder, workbench, read, byPath, found, refreshes: () => refreshes }
  }

  it('reads only the file added, changed or removed, makes it searchable at once, and leaves its neighbours untouched', async () => {
    const { folder, workbench, read, byPath, found } = await followed()
    const neighbours = structuredClone([byPath('wires/two.txt'), byPath('three.txt')])
    await writeFile(join(folder, 'wires', 'new.txt'), 'A zeppelin was seen over the harbour.\n')
    await expect.poll(() => found('zeppelin'), { timeout: 8000 }).toBe(1)
    expect(read()).toEqual([join(folder, 'wires', 'new.txt')])
    await writeFile(join(folder, 'wires', 'one.txt'), 'First wire story, now about a quokka.\n')
    await expect.poll(() => found('quokka'), { timeout: 8000 }).toBe(1)
    expect(await found('ceremony')).toBe(0)
    await rm(join(folder, 'wires', 'new.txt'))
    await expect.poll(() => byPath('wires/new.txt')?.missing, { timeout: 8000 }).toBe(true)
    await workbench.idle()
    expect(read()).toEqual([join(folder, 'wires', 'new.txt'), join(folder, 'wires', 'one.txt')])
    expect([byPath('wires/two.txt'), byPath('three.txt')]).toEqual(neighbours)
  }, 30_000)

  it('marks the sources of a deleted folder missing and keeps the rest', async () => {
    const { folder, workbench, read, byPath } = await followed()
    await rm(join(folder, 'wires'), { recursive: true })
    await expect.poll(() => [byPath('wires/one.txt')?.missing, byPath('wires/two.txt')?.missing], { timeout: 8000 }).toEqual([true, true])
    await workbench.idle()
    expect(byPath('three.txt')?.missing).toBe(false)
    expect(read()).toEqual([])
    expect(workbench.watchedFolders()).toEqual([folder])
  }, 30_000)

  it('takes a burst of 50 new files as one batch: one import, one refresh', async () => {
    const { folder, workbench, read, refreshes } = await followed()
    const staging = await tempDir()
    const names = Array.from({ length: 50 }, (_, index) => `burst${String(index).padStart(2, '0')}.txt`)
    await Promise.all(names.map((name) => writeFile(join(staging, name), `Burst article ${name}.\n`)))
    await Promise.all(names.map((name) => rename(join(staging, name), join(folder, name))))
    await expect.poll(() => workbench.project.store.library.data.sources.length, { timeout: 8000 }).toBe(53)
    await workbench.idle()
    expect(read()).toHaveLength(50)
    expect(refreshes()).toBe(1)
  }, 30_000)

  it('starts watching only after the first listing, then finds what changed while the app was closed', async () => {
    const folder = await realpath(await tempDir())
    await writeFile(join(folder, 'a.txt'), 'An article about the ceremony.\n')
    const dataDir = await tempDir()
    const first = await watchingWorkbench(dataDir)
    await first.importFolder(folder)
    await first.idle()
    await first.shutdown()
    open.splice(open.indexOf(first), 1)
    await writeFile(join(folder, 'a.txt'), 'An article about the xylophone, edited while the app was closed.\n')
    await writeFile(join(folder, 'b.txt'), 'An article added while the app was closed.\n')

    const workbench = await watchingWorkbench(dataDir)
    expect(workbench.watching).toBe(false)
    expect(workbench.watchedFolders()).toEqual([])
    const listSources = startWatchingAfter(workbench, async () => workbench.project.store.library.data.sources.length)
    expect(await listSources()).toBe(1)
    await expect.poll(() => workbench.watchedFolders(), { timeout: 8000 }).toEqual([folder])
    await expect.poll(async () => (await workbench.project.search.search('xylophone')).total, { timeout: 8000 }).toBe(1)
    await workbench.idle()
    expect(workbench.project.store.library.data.sources.map((source) => source.relativePath).sort()).toEqual(['a.txt', 'b.txt'])
  }, 30_000)
})
