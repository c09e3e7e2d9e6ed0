import { mkdir, rm, writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Workbench } from '../../../../src/main/core/workbench'
import { createCoreHandlers } from '../../../../src/main/core/api-handlers'
import { dispatch } from '../../../../src/main/core/dispatch'
import { sourceSchema } from '../../../../src/shared/domain/source'
import { useTempDirs } from '../../../helpers/temp-dir'

const workerScript = {
  path: resolve(__dirname, '../../../helpers/ts-worker.mjs'),
  workerData: { script: resolve(__dirname, '../../../../src/main/core/library/extract-worker.ts') }
}

describe('LibraryService', () => {
  const tempDir = useTempDirs()
  const open: Workbench[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((workbench) => workbench.shutdown()))
  })

  async function bench(options: Partial<ConstructorParameters<typeof Workbench>[0]> = {}): Promise<Workbench> {
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir: null, ...options })
    open.push(workbench)
    await workbench.boot()
    return workbench
  }

  it('extracts on worker threads with the same result as in-process', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'a.md'), '---\ntitle: From front matter\nauthor: Jane Doe\n---\nBody text of the article.\n')
    await writeFile(join(folder, 'b.txt'), 'SEOUL, February 13. /TASS/. The peoples of Russia and Korea.\n')
    const threaded = await bench({ extractWorker: workerScript, extractThreads: 2 })
    const inline = await bench()
    expect((await threaded.importFolder(folder)).added).toBe(2)
    await inline.importFolder(folder)
    const strip = (workbench: Workbench) =>
      workbench.project.store.library.data.sources
        .map(({ title, meta, contentHash, words }) => ({ title, meta, contentHash, words }))
        .sort((a, b) => a.title.localeCompare(b.title))
    expect(strip(threaded)).toEqual(strip(inline))
    expect(strip(threaded).find((source) => source.title === 'From front matter')?.meta.author).toBe('Jane Doe')
  }, 30_000)

  it('with worker threads, rebuilds a lost search index on the threads in the background, and keeps it across a restart', async () => {
    const folder = await tempDir()
    const total = 40
    await Promise.all(Array.from({ length: total }, (_, index) => writeFile(join(folder, `f${String(index).padStart(3, '0')}.txt`), `Article ${index}, marker${index} and common words.\n`)))
    const dataDir = await tempDir()
    const imported = await bench({ dataDir, extractWorker: workerScript, extractThreads: 2, backgroundIndexAt: 10 })
    expect((await imported.importFolder(folder)).added).toBe(total)
    const projectDir = imported.project.store.dir
    await imported.shutdown()
    await rm(join(projectDir, 'search'), { recursive: true })
    // The next start finds forty texts to index, more than the threshold: the threads read them back and index them.
    const workbench = await bench({ dataDir, extractWorker: workerScript, extractThreads: 2, backgroundIndexAt: 10 })
    const search = workbench.project.search
    await workbench.idle()
    await search.idle()
    expect(search.indexing).toBeNull()
    expect(search.indexedCount).toBe(total)
    const found = await search.search('common', 100)
    expect(found.total).toBe(total)
    expect(found.indexing).toBeUndefined()
    expect((await search.search('marker17')).results.map((result) => workbench.project.library.find(result.sourceId).relativePath)).toEqual(['f017.txt'])
    expect(workbench.project.store.library.data.sources.every((source) => source.words === 6 && source.title.startsWith('Article'))).toBe(true)
    await workbench.shutdown()
    // Saved: the next start finds them without indexing a text.
    const reopened = await bench({ dataDir, extractWorker: workerScript, extractThreads: 2, backgroundIndexAt: 10 })
    expect(await reopened.project.search.sync()).toMatchObject({ indexed: 0, background: 0 })
    expect((await reopened.project.search.search('common', 100)).total).toBe(total)
  }, 60_000)

  it('with worker threads, finds every imported text by search though the threads indexed them, after a change and after a stopped import too', async () => {
    const folder = await tempDir()
    const total = 600
    await Promise.all(Array.from({ length: total }, (_, index) => writeFile(join(folder, `f${String(index).padStart(4, '0')}.txt`), `Article ${index} text, marker${index} and common words.\n`)))
    const dataDir = await tempDir()
    const workbench = await bench({ dataDir, extractWorker: workerScript, extractThreads: 2 })
    let cancelAnswer: { cancelled: boolean } | null = null
    workbench.events.on('importProgress', (progress) => {
      if (cancelAnswer === null && progress.phase === 'importing' && progress.done > 100) cancelAnswer = workbench.cancelImport()
    })
    const stopped = await workbench.importFolder(folder)
    expect(stopped.cancelled).toBe(true)
    const search = workbench.project.search
    // Files the threads read after the stop are not in the library, and not in the index either.
    expect(search.indexedCount).toBe(stopped.added)
    expect((await search.search('common', 1000)).total).toBe(stopped.added)
    const rest = await workbench.importFolder(folder)
    expect(rest.added + stopped.added).toBe(total)
    expect(search.indexedCount).toBe(total)
    expect((await search.search('common', 1000)).total).toBe(total)
    expect((await search.search('marker599')).results).toHaveLength(1)
    await writeFile(join(folder, 'f0007.txt'), 'Article 7 rewritten: now about zeppelins.\n')
    expect((await workbench.importFolder(folder)).updated).toBe(1)
    expect((await search.search('marker7')).total).toBe(0)
    expect((await search.search('zeppelins')).total).toBe(1)
    expect((await search.search('common', 1000)).total).toBe(total - 1)
    // And a restart finds the same index on disk.
    await workbench.shutdown()
    const again = new Workbench({ dataDir, seedsDir: null })
    open.push(again)
    await again.boot()
    await again.project.search.ready()
    expect(again.project.search.indexedCount).toBe(total)
    // All but the rewritten one.
    expect((await again.project.search.search('common', 1000)).total).toBe(total - 1)
    expect((await again.project.search.search('zeppelins')).total).toBe(1)
  }, 60_000)

  it('keeps what the user edited when the file is re-imported after a change', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'story.txt'), 'A headline that the file itself gives\n\nBody.\n')
    const workbench = await bench()
    await workbench.importFolder(folder)
    const source = workbench.project.store.library.data.sources[0]!
    await workbench.project.library.update({ sourceId: source.id, title: 'Corrected headline', outlet: 'Korea JoongAng Daily', date: '2026-01-16' })
    await writeFile(join(folder, 'story.txt'), 'A headline that the file itself gives\n\nBody, now longer.\n')
    const report = await workbench.importFolder(folder)
    expect(report.updated).toBe(1)
    const updated = workbench.project.store.library.data.sources[0]!
    expect(updated.title).toBe('Corrected headline')
    expect(updated.meta).toMatchObject({ outlet: 'Korea JoongAng Daily', date: '2026-01-16' })
    expect(updated.editedFields.sort()).toEqual(['date', 'outlet', 'title'])
  }, 30_000)

  it('stops an import when cancelled, keeping the files already done and marking nothing missing', async () => {
    const folder = await tempDir()
    const total = 1000
    await Promise.all(Array.from({ length: total }, (_, index) => writeFile(join(folder, `f${String(index).padStart(4, '0')}.txt`), `Article ${index} text.\n`)))
    const workbench = await bench()
    let cancelAnswer: { cancelled: boolean } | null = null
    workbench.events.on('importProgress', (progress) => {
      if (cancelAnswer === null && progress.phase === 'importing' && progress.done > 0) cancelAnswer = workbench.cancelImport()
    })
    const report = await workbench.importFolder(folder)
    expect(cancelAnswer).toEqual({ cancelled: true })
    expect(report.cancelled).toBe(true)
    expect(report.added).toBeGreaterThan(0)
    expect(report.added).toBeLessThan(total)
    expect(report.missing).toBe(0)
    expect(workbench.project.store.library.data.sources).toHaveLength(report.added)
    expect(workbench.cancelImport()).toEqual({ cancelled: false })
    const rest = await workbench.importFolder(folder)
    expect(rest.added + report.added).toBe(total)
  }, 30_000)

  it('follows the disk: added, changed and removed files, with or without an extension, show up without an import', async () => {
    const folder = await tempDir()
    await mkdir(join(folder, 'sub'))
    await writeFile(join(folder, 'sub', 'one.txt'), 'First article about the ceremony.\n')
    const workbench = await bench({ watchFolders: true })
    await workbench.importFolder(folder)
    let changes = 0
    workbench.events.on('libraryChanged', () => changes++)
    const sources = () => workbench.project.store.library.data.sources

    await writeFile(join(folder, 'sub', 'two.txt'), 'Second article.\n')
    await expect.poll(() => sources().length, { timeout: 8000 }).toBe(2)
    await writeFile(join(folder, 'sub', 'one.txt'), 'First article, rewritten headline here.\n')
    await expect.poll(() => sources().find((source) => source.relativePath === 'sub/one.txt')?.title, { timeout: 8000 }).toBe('First article, rewritten headline here.')
    await rm(join(folder, 'sub', 'two.txt'))
    await expect.poll(() => sources().find((source) => source.relativePath === 'sub/two.txt')?.missing, { timeout: 8000 }).toBe(true)
    // A post saved without an extension is followed too: it is read by what it holds.
    await writeFile(join(folder, 'sub', '178451'), 'From: ann@example.org\nSubject: Watched post\n\nThe body.\n')
    await expect.poll(() => sources().find((source) => source.relativePath === 'sub/178451')?.title, { timeout: 8000 }).toBe('Watched post')
    // Each step was its own re-import, and each told the UI to refresh.
    await expect.poll(() => changes, { timeout: 8000 }).toBeGreaterThanOrEqual(3)
  }, 30_000)
})

describe('LibraryService and folders too large to watch', () => {
  const tempDir = useTempDirs()
  const open: Workbench[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((workbench) => workbench.shutdown()))
  })

  it('watches only as many subfolders as the budget allows, and picks up changes in the rest on rescan', async () => {
    const small = await tempDir()
    await writeFile(join(small, 'a.txt'), 'A small folder.\n')
    const large = await tempDir()
    for (let index = 0; index < 6; index++) {
      await mkdir(join(large, `box${index}`))
      await writeFile(join(large, `box${index}`, 'doc.txt'), `Document ${index}.\n`)
    }
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir: null, watchFolders: true, maxWatchedFolders: 5 })
    open.push(workbench)
    await workbench.boot()
    await workbench.importFolder(small)
    await workbench.importFolder(large)
    const largeRoot = workbench.project.store.library.data.roots.find((root) => root.name === basename(large))!
    expect(largeRoot.folders).toBe(7)
    expect(workbench.unwatchedRootIds()).toEqual([largeRoot.id])
    await writeFile(join(large, 'box0', 'new.txt'), 'Added while nobody watched.\n')
    await writeFile(join(small, 'b.txt'), 'Added to the watched folder.\n')
    // The small folder is followed live; the large one only when asked.
    await expect.poll(() => workbench.project.store.library.data.sources.length, { timeout: 8000 }).toBe(8)
    expect(workbench.project.store.library.data.sources.some((source) => source.relativePath === 'box0/new.txt')).toBe(false)
    expect(await workbench.rescan()).toEqual({ folders: 1, added: 1, updated: 0, missing: 0, problems: [] })
    expect(workbench.project.store.library.data.sources.some((source) => source.relativePath === 'box0/new.txt')).toBe(true)
  }, 30_000)
})

describe('LibraryService and folders imported by an older version', () => {
  const tempDir = useTempDirs()

  it('does not watch a folder whose subfolders were never counted until a quiet pass has counted them', async () => {
    const folder = await tempDir()
    await mkdir(join(folder, 'a'))
    await writeFile(join(folder, 'a', 'one.txt'), 'One.\n')
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir: null, watchFolders: true })
    try {
      await workbench.boot()
      await workbench.importFolder(folder)
      // The walk that follows a folder's first watch counts it again: let it finish first.
      await workbench.idle()
      const root = workbench.project.store.library.data.roots[0]!
      delete root.folders
      await workbench.openProject(workbench.projectInfo().current.id)
      expect(workbench.unwatchedRootIds()).toEqual([root.id])
      await workbench.idle()
      expect(root.folders).toBe(2)
      expect(workbench.unwatchedRootIds()).toEqual([])
    } finally {
      await workbench.shutdown()
    }
  }, 30_000)
})

describe('LibraryService with the watcher and Stop', () => {
  const tempDir = useTempDirs()
  const open: Workbench[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((workbench) => workbench.shutdown()))
  })

  async function watched(): Promise<Workbench> {
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir: null, watchFolders: true })
    open.push(workbench)
    await workbench.boot()
    return workbench
  }

  it('never imports a change in one project’s folder into the project the user switched to', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'a.txt'), 'An article in project A.\n')
    const workbench = await watched()
    const projectA = workbench.projectInfo().current.id
    await workbench.importFolder(folder)
    await writeFile(join(folder, 'b.txt'), 'A second article, written just before the switch.\n')
    await workbench.createProject('Project B')
    await new Promise((done) => setTimeout(done, 1500))
    expect(workbench.project.store.library.data.sources).toHaveLength(0)
    expect(workbench.project.store.library.data.roots).toHaveLength(0)
    await workbench.openProject(projectA)
    await expect.poll(() => workbench.project.store.library.data.sources.length, { timeout: 8000 }).toBe(2)
  }, 30_000)

  it('does not finish a stopped import behind the user’s back when a file in that folder changes', async () => {
    const folder = await tempDir()
    await Promise.all(Array.from({ length: 600 }, (_, index) => writeFile(join(folder, `f${index}.txt`), `Article ${index}.\n`)))
    const workbench = await watched()
    workbench.events.on('importProgress', (progress) => {
      if (progress.done > 0) workbench.cancelImport()
    })
    const report = await workbench.importFolder(folder)
    expect(report.cancelled).toBe(true)
    const count = workbench.project.store.library.data.sources.length
    await writeFile(join(folder, 'late.txt'), 'Written after the user pressed Stop.\n')
    await new Promise((done) => setTimeout(done, 1500))
    expect(workbench.project.store.library.data.sources).toHaveLength(count)
    expect(workbench.project.store.library.data.roots[0]?.complete).toBe(false)
  }, 30_000)

  it('stops an import still waiting its turn without touching the library', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'a.txt'), 'An article.\n')
    const workbench = await watched()
    const first = workbench.importFolder(folder)
    const second = workbench.importFolder(folder)
    expect(workbench.cancelImport()).toEqual({ cancelled: true })
    expect((await first).cancelled).toBe(true)
    expect(await second).toMatchObject({ cancelled: true, added: 0 })
  })
})

describe('LibraryService tags and stars', () => {
  const tempDir = useTempDirs()

  it('keeps a source’s tags and star when its file changes and is re-imported, and after a restart', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'story.txt'), 'A headline the file gives\n\nBody.\n')
    const dataDir = await tempDir()
    const workbench = new Workbench({ dataDir, seedsDir: null })
    await workbench.boot()
    await workbench.importFolder(folder)
    const source = workbench.project.store.library.data.sources[0]!
    const marked = await workbench.project.library.mark(source.id, { tags: ['Korea', ' korea ', 'sanctions', ''], starred: true })
    expect(marked).toMatchObject({ tags: ['Korea', 'sanctions'], starred: true })
    await writeFile(join(folder, 'story.txt'), 'A headline the file gives\n\nBody, now longer.\n')
    expect((await workbench.importFolder(folder)).updated).toBe(1)
    expect(workbench.project.store.library.data.sources[0]).toMatchObject({ tags: ['Korea', 'sanctions'], starred: true })
    await workbench.project.library.mark(source.id, { starred: false })
    const reopened = new Workbench({ dataDir, seedsDir: null })
    await reopened.boot()
    expect(reopened.project.store.library.data.sources[0]).toMatchObject({ tags: ['Korea', 'sanctions'], starred: false })
  }, 30_000)

  it('reads a library saved before sources had tags and stars', () => {
    const old = { id: 's', rootId: 'r', relativePath: 'a.txt', title: 'A', format: 'text', words: 1, size: 1, mtimeMs: 0, contentHash: 'a'.repeat(64), importedAt: '', missing: false }
    expect(sourceSchema.parse(old)).toMatchObject({ tags: [], starred: false })
  })
})

describe('LibraryService.update of a source’s date', () => {
  const tempDir = useTempDirs()
  const open: Workbench[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((workbench) => workbench.shutdown()))
  })

  /** A workbench holding one Markdown source whose front matter dates it as given. */
  async function withSource(frontMatterDate: string | null = null): Promise<{ workbench: Workbench; sourceId: string }> {
    const folder = await tempDir()
    const front = frontMatterDate === null ? '' : `---\ntitle: Dated story\ndate: ${frontMatterDate}\n---\n`
    await writeFile(join(folder, 'story.md'), `${front}Body text about the summit.\n`)
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir: null })
    open.push(workbench)
    await workbench.boot()
    await workbench.importFolder(folder)
    return { workbench, sourceId: workbench.project.store.library.data.sources[0]!.id }
  }

  it('stores the date as typed by a person in ISO form, so date: filters find it', async () => {
    const { workbench, sourceId } = await withSource()
    const updated = await workbench.project.library.update({ sourceId, date: '16 Jan 2026' })
    expect(updated.meta.date).toBe('2026-01-16')
    expect((await workbench.project.search.search('date:2026-01')).total).toBe(1)
    expect((await workbench.project.library.update({ sourceId, date: 'January 2026' })).meta.date).toBe('2026-01')
    expect((await workbench.project.library.update({ sourceId, date: '2026-01-16T09:00+09:00' })).meta.date).toBe('2026-01-16')
    expect((await workbench.project.library.update({ sourceId, date: '  ' })).meta.date).toBeNull()
  }, 20_000)

  it('refuses a date it cannot read, naming the field and what was typed, and changes nothing', async () => {
    const { workbench, sourceId } = await withSource()
    const before = structuredClone(workbench.project.library.find(sourceId))
    await expect(workbench.project.library.update({ sourceId, title: 'A new title', date: 'next Tuesday-ish' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'library: Date: “next Tuesday-ish” is not a date; type it like 2026-01-16 or 16 January 2026'
    })
    await expect(workbench.project.library.update({ sourceId, date: 'yesterday' })).rejects.toThrow('depends on today’s date')
    expect(workbench.project.library.find(sourceId)).toEqual(before)
  }, 20_000)

  it('refuses it through the API handler too, as invalid input, and records no undo step', async () => {
    const { workbench, sourceId } = await withSource()
    const notAHost = async (): Promise<never> => {
      throw new Error('not used here')
    }
    const handlers = { ...createCoreHandlers(workbench), getAppInfo: notAHost, pickFolder: notAHost, exportNotes: notAHost, pickBundle: notAHost, openExternalUrl: notAHost }
    const refused = await dispatch(handlers, 'updateSource', { sourceId, date: 'next Tuesday-ish' })
    expect(refused).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'library: Date: “next Tuesday-ish” is not a date; type it like 2026-01-16 or 16 January 2026' }
    })
    expect(workbench.project.history.state().undo).toBeNull()
    const saved = await dispatch(handlers, 'updateSource', { sourceId, date: '16/01/2026' })
    expect(saved).toMatchObject({ ok: true, value: { meta: { date: '2026-01-16' } } })
  }, 20_000)

  it('leaves a date-time imported from the file as it is when other details are edited, and still filterable', async () => {
    const { workbench, sourceId } = await withSource('2015-07-24T05:36:09+01:00')
    expect(workbench.project.library.find(sourceId).meta.date).toBe('2015-07-24T05:36:09+01:00')
    await workbench.project.library.update({ sourceId, outlet: 'The Guardian' })
    expect(workbench.project.library.find(sourceId).meta.date).toBe('2015-07-24T05:36:09+01:00')
    expect((await workbench.project.search.search('date:2015-07-24')).total).toBe(1)
  }, 20_000)
})
