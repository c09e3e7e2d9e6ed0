import { mkdir, rm, writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Workbench } from '../../../../src/main/core/workbench'
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
  })

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
  })

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
  })

  it('follows the disk: added, changed and removed files show up without an import', async () => {
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
    // Each step was its own re-import, and each told the UI to refresh.
    await expect.poll(() => changes, { timeout: 8000 }).toBeGreaterThanOrEqual(3)
  })
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
  })

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
  })

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
