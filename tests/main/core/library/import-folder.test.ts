import { rmSync } from 'node:fs'
import { chmod, mkdir, rm, symlink, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InProcessExtractor } from '../../../../src/main/core/library/extractor'
import { importFolder } from '../../../../src/main/core/library/import-folder'
import { sha256 } from '../../../../src/main/core/store/content-hash'
import { ProjectStore } from '../../../../src/main/core/store/project-store'
import type { ImportProgress } from '../../../../src/shared/domain/source'
import { useTempDirs } from '../../../helpers/temp-dir'

const extractor = new InProcessExtractor({ maxInflatedBytes: 200 * 1024 * 1024 })
const options = (progress: ImportProgress[] = []) => ({
  now: () => new Date('2026-01-16T10:00:00Z'),
  onProgress: (p: ImportProgress) => void progress.push(p),
  extractor
})

async function makeFolder(dir: string): Promise<void> {
  await mkdir(join(dir, 'wires', 'tass'), { recursive: true })
  await writeFile(join(dir, 'anadolu.txt'), '\uFEFFPutin has hope in restoring Russia’s ties with South Korea\r\nRussian President Vladimir Putin expressed hope.\r\n')
  await writeFile(join(dir, 'wires', 'tass', 'ambassador.md'), '# Russia and Korea keep a friendly attitude\n\nSEOUL, February 13. /TASS/. Text.\n')
  await writeFile(join(dir, 'notes.odt'), 'a format Sourcebench does not read')
}

describe('importFolder', () => {
  const tempDir = useTempDirs()

  it('imports .txt and .md recursively with path, title, words, size and text hash', async () => {
    const folder = await tempDir()
    await makeFolder(folder)
    const store = await ProjectStore.open(await tempDir())
    const progress: ImportProgress[] = []
    const { report } = await importFolder(store, folder, options(progress))
    expect(report).toMatchObject({ added: 2, updated: 0, unchanged: 0, errors: [] })
    const sources = store.library.data.sources
    expect(sources.map((source) => source.relativePath).sort()).toEqual(['anadolu.txt', 'wires/tass/ambassador.md'])
    const anadolu = sources.find((source) => source.relativePath === 'anadolu.txt')!
    const text = await store.readText(anadolu.contentHash)
    expect(text).toBe('Putin has hope in restoring Russia’s ties with South Korea\nRussian President Vladimir Putin expressed hope.\n')
    expect(anadolu.contentHash).toBe(sha256(text))
    expect(anadolu.title).toBe('Putin has hope in restoring Russia’s ties with South Korea')
    expect(anadolu.words).toBe(16)
    expect(sources.find((source) => source.format === 'markdown')?.title).toBe('Russia and Korea keep a friendly attitude')
    expect(progress.at(-1)).toMatchObject({ done: 2, total: 2 })
  })

  it('is idempotent: a second import adds nothing and keeps the same ids', async () => {
    const folder = await tempDir()
    await makeFolder(folder)
    const store = await ProjectStore.open(await tempDir())
    await importFolder(store, folder, options())
    const ids = store.library.data.sources.map((source) => source.id)
    const { report } = await importFolder(store, folder, options())
    expect(report).toMatchObject({ added: 0, updated: 0, unchanged: 2, missing: 0 })
    expect(store.library.data.sources.map((source) => source.id)).toEqual(ids)
    expect(store.library.data.roots).toHaveLength(1)
  })

  it('updates a changed file in place, treats a touched-but-identical file as unchanged, and marks a deleted one missing', async () => {
    const folder = await tempDir()
    await makeFolder(folder)
    const store = await ProjectStore.open(await tempDir())
    await importFolder(store, folder, options())
    await writeFile(join(folder, 'anadolu.txt'), 'Putin has hope in restoring ties, an updated headline here\nNew body.\n')
    const later = new Date(Date.now() + 5000)
    await utimes(join(folder, 'wires', 'tass', 'ambassador.md'), later, later)
    await rm(join(folder, 'notes.odt'))
    const { report, changedSourceIds } = await importFolder(store, folder, options())
    expect(report).toMatchObject({ added: 0, updated: 1, unchanged: 1, missing: 0 })
    expect(changedSourceIds).toHaveLength(1)
    expect(store.library.data.sources.find((source) => source.relativePath === 'anadolu.txt')?.title).toBe(
      'Putin has hope in restoring ties, an updated headline here'
    )
    await rm(join(folder, 'anadolu.txt'))
    const third = await importFolder(store, folder, options())
    expect(third.report.missing).toBe(1)
    expect(store.library.data.sources.find((source) => source.relativePath === 'anadolu.txt')?.missing).toBe(true)
    expect(store.library.data.sources).toHaveLength(2)
  })

  it('lists each unreadable file with its reason and imports the rest', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'good.txt'), 'A perfectly good article about the ceremony.\n')
    await writeFile(join(folder, 'empty.txt'), '')
    await writeFile(join(folder, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]))
    await writeFile(join(folder, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]))
    await writeFile(join(folder, 'huge.txt'), 'x'.repeat(2048))
    await writeFile(join(folder, 'name with spaces & ünïcödé\nnewline.txt'), 'Odd file names are fine too.\n')
    const store = await ProjectStore.open(await tempDir())
    const { report } = await importFolder(store, folder, { ...options(), maxFileBytes: 1024 })
    expect(report.added).toBe(3)
    const reasons = Object.fromEntries(report.errors.map((error) => [error.relativePath, error.reason]))
    expect(reasons).toEqual({
      'binary.txt': 'binary content, not text',
      'empty.txt': 'the file is empty',
      'huge.txt': '2 KB, over the 1 KB import limit'
    })
    const latin1 = store.library.data.sources.find((source) => source.relativePath === 'latin1.txt')!
    expect(await store.readText(latin1.contentHash)).toBe('café noir')
  })

  // Root reads every file whatever its mode, so this can only be checked as another user.
  it.skipIf(process.getuid?.() === 0)('reports a file it may not read and goes on', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'locked.txt'), 'secret')
    await writeFile(join(folder, 'open.txt'), 'An open article.\n')
    await chmod(join(folder, 'locked.txt'), 0o000)
    const store = await ProjectStore.open(await tempDir())
    const { report } = await importFolder(store, folder, options())
    expect(report.added).toBe(1)
    expect(report.errors).toEqual([{ relativePath: 'locked.txt', reason: 'permission denied' }])
  })

  it('ends on a symbolic-link loop and imports each file once', async () => {
    const folder = await tempDir()
    await mkdir(join(folder, 'a'))
    await writeFile(join(folder, 'a', 'story.txt'), 'A story about a loop.\n')
    await symlink(folder, join(folder, 'a', 'back-to-top'))
    const store = await ProjectStore.open(await tempDir())
    const { report } = await importFolder(store, folder, options())
    expect(report.added).toBe(1)
  })

  it('refuses a path that is not a folder with a message naming it', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'file.txt'), 'x')
    const store = await ProjectStore.open(await tempDir())
    await expect(importFolder(store, join(folder, 'file.txt'), options())).rejects.toThrow(/file\.txt is a file, not a folder/)
    await expect(importFolder(store, join(folder, 'nope'), options())).rejects.toThrow(/library: no folder at .*nope/)
  })
})

describe('importFolder with overlapping folders', () => {
  const tempDir = useTempDirs()

  it('never lists a file twice when a subfolder, a parent folder or a symlinked path is imported too', async () => {
    const folder = await tempDir()
    await makeFolder(folder)
    const store = await ProjectStore.open(await tempDir())
    await importFolder(store, join(folder, 'wires'), options())
    const sub = await importFolder(store, join(folder, 'wires', 'tass'), options())
    expect(sub.report).toMatchObject({ added: 0, unchanged: 1, missing: 0 })
    const parent = await importFolder(store, folder, options())
    expect(parent.report).toMatchObject({ added: 1 })
    const link = join(await tempDir(), 'link-to-stories')
    await symlink(folder, link)
    const viaLink = await importFolder(store, link, options())
    expect(viaLink.report).toMatchObject({ added: 0, unchanged: 1 })
    expect(store.library.data.sources.map((source) => source.relativePath).sort()).toEqual(['anadolu.txt', 'tass/ambassador.md'])
    expect(store.library.data.roots).toHaveLength(2)
  })
})

describe('importFolder when the disk changes underneath', () => {
  const tempDir = useTempDirs()

  it('reports the files of a folder deleted mid-import and keeps the ones already read', async () => {
    const folder = await tempDir()
    await mkdir(join(folder, 'doomed'))
    for (let index = 0; index < 40; index++) await writeFile(join(folder, 'doomed', `f${String(index).padStart(2, '0')}.txt`), `Article ${index}.\n`)
    const store = await ProjectStore.open(await tempDir())
    let deleted = false
    const { report } = await importFolder(store, folder, {
      ...options(),
      onProgress: (progress) => {
        if (!deleted && progress.done >= 5) {
          deleted = true
          rmSync(join(folder, 'doomed'), { recursive: true })
        }
      }
    })
    expect(deleted).toBe(true)
    expect(report.added).toBeGreaterThanOrEqual(5)
    expect(report.added + report.errors.length).toBe(40)
    expect(new Set(report.errors.map((error) => error.reason))).toEqual(new Set(['the file disappeared during import']))
  })
})

describe('importFolder and touched files', () => {
  const tempDir = useTempDirs()

  it('does not extract a file again when only its modification time changed', async () => {
    const folder = await tempDir()
    await makeFolder(folder)
    const store = await ProjectStore.open(await tempDir())
    let extractions = 0
    const counting = { parallelism: 1, close: async () => undefined, extract: (path: string, name: string) => (extractions++, extractor.extract(path, name)) }
    await importFolder(store, folder, { ...options(), extractor: counting })
    expect(extractions).toBe(2)
    const later = new Date(Date.now() + 60_000)
    await utimes(join(folder, 'anadolu.txt'), later, later)
    const { report } = await importFolder(store, folder, { ...options(), extractor: counting })
    expect(extractions).toBe(2)
    expect(report).toMatchObject({ unchanged: 2, updated: 0 })
    expect(store.library.data.sources.find((source) => source.relativePath === 'anadolu.txt')?.mtimeMs).toBeCloseTo(later.getTime(), -1)
  })
})
