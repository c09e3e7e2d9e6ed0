import { rmSync } from 'node:fs'
import { chmod, cp, mkdir, realpath, rm, symlink, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InProcessExtractor } from '../../../../src/main/core/library/extractor'
import { importFolder } from '../../../../src/main/core/library/import-folder'
import { sha256 } from '../../../../src/main/core/store/content-hash'
import { ProjectStore } from '../../../../src/main/core/store/project-store'
import { SegmentedLibrary } from '../../../../src/main/core/store/segmented-library'
import type { ImportProgress } from '../../../../src/shared/domain/source'
import { UserError } from '../../../../src/shared/ipc/result'
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
  await writeFile(join(dir, 'budget.xlsx'), 'a format Sourcebench does not read')
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
    // Files of other types are not errors, but the report says how many were left out.
    expect(report.skipped).toEqual([{ extension: '.xlsx', count: 1 }])
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

  it('writes only the sources that changed when a folder is imported again', async () => {
    const folder = await tempDir()
    await makeFolder(folder)
    const store = await ProjectStore.open(await tempDir())
    await importFolder(store, folder, options())
    const unchanged = store.sourceChanges.revision
    await importFolder(store, folder, options())
    expect(store.sourceChanges.since(unchanged)).toEqual([])
    await writeFile(join(folder, 'anadolu.txt'), 'A corrected headline for the Anadolu story\nBody.\n')
    const before = store.sourceChanges.revision
    await importFolder(store, folder, options())
    expect(store.sourceChanges.since(before)).toEqual([store.library.data.sources.find((source) => source.relativePath === 'anadolu.txt')?.id])
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
    await rm(join(folder, 'budget.xlsx'))
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
    const counting = { parallelism: 1, close: async () => undefined, extract: (path: string | Uint8Array, name: string) => (extractions++, extractor.extract(path, name)) }
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

describe('importFolder and hostile folders', () => {
  const tempDir = useTempDirs()

  it.skipIf(process.platform !== 'linux')('imports the articles and refuses links to /proc and /etc, reading nothing through them', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'story.txt'), 'A real story about the ceremony.\n')
    await symlink('/proc/self/pagemap', join(folder, 'x.txt'))
    await symlink('/etc/passwd', join(folder, 'passwd.txt'))
    const store = await ProjectStore.open(await tempDir())
    const before = process.memoryUsage().rss
    const { report } = await importFolder(store, folder, options())
    expect(report.added).toBe(1)
    expect(report.errors.map((error) => [error.relativePath, error.reason])).toEqual([
      ['passwd.txt', 'symbolic link to /etc/passwd, outside the imported folder: not followed'],
      ['x.txt', expect.stringMatching(/^symbolic link to \/proc\/\d+\/pagemap, outside the imported folder: not followed$/)]
    ])
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024)
  })

  it.skipIf(process.platform !== 'linux')('imports a file whose name is not valid UTF-8 and says so', async () => {
    const folder = await tempDir()
    await writeFile(Buffer.concat([Buffer.from(`${folder}/r`), Buffer.from([0xe9]), Buffer.from('sum\u00e9.txt')]), 'Le résumé de la cérémonie.\n')
    const store = await ProjectStore.open(await tempDir())
    const { report } = await importFolder(store, folder, options())
    expect(report).toMatchObject({ added: 1, errors: [] })
    expect(report.warnings).toEqual([{ relativePath: 'r\uFFFDsumé.txt', reason: 'the file name is not valid UTF-8; bytes that could not be read are shown as �' }])
    const source = store.library.data.sources[0]!
    expect(await store.readText(source.contentHash)).toBe('Le résumé de la cérémonie.\n')
    expect((await importFolder(store, folder, options())).report).toMatchObject({ unchanged: 1, added: 0, missing: 0 })
  })

  it('asks before importing a folder larger than the limit, and imports it once confirmed', async () => {
    const folder = await tempDir()
    for (let index = 0; index < 12; index++) await writeFile(join(folder, `f${index}.txt`), `Article ${index}.\n`)
    const store = await ProjectStore.open(await tempDir())
    const large = { ...options(), largeImport: { files: 10, bytes: 1e9 } }
    const asked = await importFolder(store, folder, large)
    expect(asked.report.needsConfirmation).toEqual({ files: 12, bytes: 12 * 'Article 0.\n'.length + 2 })
    expect(store.library.data.roots).toEqual([])
    expect(store.library.data.sources).toEqual([])
    const confirmed = await importFolder(store, folder, { ...large, confirmLarge: true })
    expect(confirmed.report).toMatchObject({ added: 12 })
    expect(confirmed.report.needsConfirmation).toBeUndefined()
    // Once a folder is in the library, following it on disk never asks again.
    await writeFile(join(folder, 'f12.txt'), 'Article 12.\n')
    expect((await importFolder(store, folder, large)).report).toMatchObject({ added: 1 })
  })
})

describe('importFolder and crashes', () => {
  const tempDir = useTempDirs()

  it('saves the library every few files, so what was imported before a crash is on disk', async () => {
    const folder = await tempDir()
    for (let index = 0; index < 30; index++) await writeFile(join(folder, `f${String(index).padStart(2, '0')}.txt`), `Article ${index}.\n`)
    const projectDir = await tempDir()
    const store = await ProjectStore.open(projectDir)
    let extracted = 0
    let release: () => void = () => undefined
    const stuck = new Promise<void>((resolve) => (release = resolve))
    let reachedStuck: () => void = () => undefined
    const atStuck = new Promise<void>((resolve) => (reachedStuck = resolve))
    const gated = {
      parallelism: 1,
      close: async () => undefined,
      extract: async (path: string | Uint8Array, name: string) => {
        if (++extracted === 21) {
          reachedStuck()
          await stuck // the process "dies" here: only what was saved counts
        }
        return extractor.extract(path, name)
      }
    }
    const running = importFolder(store, folder, { ...options(), extractor: gated, checkpoint: { files: 5, ms: 60_000 } })
    await atStuck
    // A checkpoint started before the "crash" may still be on its way to the disk on a busy machine.
    await store.committed()
    // Read from a copy: a load cuts off a journal line still being written, which the running import is appending to.
    const copy = await tempDir()
    await cp(join(projectDir, 'library'), join(copy, 'library'), { recursive: true })
    const onDisk = await new SegmentedLibrary(copy, () => undefined).load()
    expect(onDisk.roots).toHaveLength(1)
    // Checkpoints reached the disk while files were still being read (a few are read at once and the files after
    // the stuck one go on, so how many varies); the stuck file never does.
    expect(onDisk.sources.length).toBeGreaterThanOrEqual(5)
    expect(onDisk.sources.length).toBeLessThan(30)
    release()
    await running
    // A second run on a fresh store (as after a restart) resumes: nothing is extracted twice.
    const reopened = await ProjectStore.open(projectDir)
    expect(reopened.library.data.sources).toHaveLength(30)
  })

  it('remembers a file that failed and does not extract it again until it changes', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'good.txt'), 'A good article.\n')
    await writeFile(join(folder, 'broken.pdf'), 'not a PDF at all, only words')
    const store = await ProjectStore.open(await tempDir())
    const extracted: string[] = []
    const counting = { parallelism: 1, close: async () => undefined, extract: (path: string | Uint8Array, name: string) => (extracted.push(name), extractor.extract(path, name)) }
    const first = await importFolder(store, folder, { ...options(), extractor: counting })
    expect(first.report.errors).toEqual([{ relativePath: 'broken.pdf', reason: expect.stringMatching(/damaged PDF/) }])
    expect(extracted).toEqual(['broken.pdf', 'good.txt'])
    const again = await importFolder(store, folder, { ...options(), extractor: counting })
    expect(again.report.errors).toEqual(first.report.errors)
    const later = new Date(Date.now() + 60_000)
    await utimes(join(folder, 'broken.pdf'), later, later)
    await importFolder(store, folder, { ...options(), extractor: counting })
    expect(extracted).toEqual(['broken.pdf', 'good.txt'])
    await writeFile(join(folder, 'broken.pdf'), 'still not a PDF, but different bytes')
    await importFolder(store, folder, { ...options(), extractor: counting })
    expect(extracted).toEqual(['broken.pdf', 'good.txt', 'broken.pdf'])
  })
})

describe('importFolder and the memory of failed files', () => {
  const tempDir = useTempDirs()

  it('tries again a file that timed out or crashed a thread, and one a newer extractor may read', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'slow.txt'), 'A file that timed out once on a busy machine.\n')
    await writeFile(join(folder, 'broken.pdf'), 'not a PDF')
    const store = await ProjectStore.open(await tempDir())
    let calls = 0
    const flaky = {
      parallelism: 1,
      close: async () => undefined,
      extract: async (path: string | Uint8Array, name: string) => {
        calls++
        if (name === 'slow.txt' && calls <= 2) throw Object.assign(new UserError('invalid-input', 'gave up after 120 s: the file takes too long to read'), { transient: true })
        return extractor.extract(path, name)
      }
    }
    const first = await importFolder(store, folder, { ...options(), extractor: flaky })
    expect(first.report.errors.map((error) => error.relativePath)).toEqual(['broken.pdf', 'slow.txt'])
    const second = await importFolder(store, folder, { ...options(), extractor: flaky })
    expect(second.report).toMatchObject({ added: 1 })
    expect(second.report.errors.map((error) => error.relativePath)).toEqual(['broken.pdf'])
    // A record written by an older extractor does not stop a newer one from trying.
    const record = Object.values(store.library.data.failedFiles)[0]!
    record.extractor = 0
    const before = calls
    await importFolder(store, folder, { ...options(), extractor: flaky })
    expect(calls).toBe(before + 1)
  })

  it('forgets a failed file once it is gone from the folder', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'broken.pdf'), 'not a PDF')
    const store = await ProjectStore.open(await tempDir())
    await importFolder(store, folder, options())
    expect(Object.keys(store.library.data.failedFiles)).toHaveLength(1)
    await rm(join(folder, 'broken.pdf'))
    await importFolder(store, folder, options())
    expect(store.library.data.failedFiles).toEqual({})
  })
})

describe('importFolder and the app data folder', () => {
  const tempDir = useTempDirs()

  it('imports a home folder that holds the app data, leaving the data out', async () => {
    const home = await realpath(await tempDir())
    await writeFile(join(home, 'story.txt'), 'A story in the home folder.\n')
    // Not hidden (hidden folders are left out anyway), as a data folder on Windows is not.
    const dataDir = join(home, 'AppData', 'Sourcebench')
    await mkdir(join(dataDir, 'projects', 'p1', 'texts'), { recursive: true })
    await writeFile(join(dataDir, 'projects', 'p1', 'texts', 'stored.txt'), 'A stored text.\n')
    await writeFile(join(home, 'AppData', 'notes.txt'), 'Beside the data folder, imported.\n')
    const store = await ProjectStore.open(join(dataDir, 'projects', 'p1'))
    const { report } = await importFolder(store, home, { ...options(), policy: { home, dataDir } })
    expect(store.library.data.sources.map((source) => source.relativePath).sort()).toEqual(['AppData/notes.txt', 'story.txt'])
    expect(report.errors).toEqual([])
  })
})
