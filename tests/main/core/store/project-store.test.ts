import { spawn } from 'node:child_process'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sha256 } from '../../../../src/main/core/store/content-hash'
import { LOCK_FILE, ProjectRegistry, unlockDataFolder } from '../../../../src/main/core/projects/project-registry'
import { ProjectStore } from '../../../../src/main/core/store/project-store'
import { PACKS_FOLDER, PackAppender } from '../../../../src/main/core/store/text-packs'
import { makeAnnotation, makeSource } from '../../../helpers/factories'
import { useTempDirs } from '../../../helpers/temp-dir'

describe('ProjectStore', () => {
  const tempDir = useTempDirs()

  async function projectWithTexts() {
    const dir = await tempDir()
    const store = await ProjectStore.open(dir)
    const texts = {
      current: 'The text a source shows.\n',
      highlighted: 'An older text an orphaned highlight was made on.\n',
      earlier: 'An earlier version of a source, from before it changed on disk.\n',
      stray: 'A text a killed import wrote and never saved a source for.\n'
    }
    for (const text of [texts.current, texts.highlighted, texts.earlier]) await store.writeText(sha256(text), text)
    store.library.data.sources.push(makeSource({ id: 's1', title: 'Story', relativePath: 'story.txt', contentHash: sha256(texts.current) }))
    await store.library.write()
    store.notes.data.annotations.push(makeAnnotation({ id: 'a1', sourceId: 's1', exact: 'older text', contentHash: sha256(texts.highlighted) }))
    await store.notes.write()
    // Then the import goes on and writes a text, and the process is killed before the next save.
    await store.writeText(sha256(texts.stray), texts.stray)
    return { dir, texts }
  }

  it('deletes after open the texts nothing refers to (a killed import left them, or an old version) and leftover temporary files', async () => {
    const { dir, texts } = await projectWithTexts()
    await writeFile(join(dir, `.notes.json.4242.17.tmp`), '{"half": ')
    await writeFile(join(dir, 'texts', `.${sha256('x')}.txt.4242.18.tmp`), 'half a text')
    const reopened = await ProjectStore.open(dir)
    await reopened.textsListed()
    expect(reopened.collectedTexts).toBe(2)
    expect(reopened.hasText(sha256(texts.current))).toBe(true)
    expect(reopened.hasText(sha256(texts.stray))).toBe(false)
    const kept = [texts.current, texts.highlighted].map((text) => `${sha256(text)}.txt`)
    expect((await readdir(join(dir, 'texts'))).sort()).toEqual(kept.sort())
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
    expect(await reopened.readText(sha256(texts.highlighted))).toBe(texts.highlighted)
    expect(reopened.warnings).toEqual([])
  })

  it('deletes no text while a damaged data file is set aside, on this open or any later one', async () => {
    const { dir } = await projectWithTexts()
    const segment = (await readdir(join(dir, 'library'))).find((name) => name.startsWith('sources-'))
    await writeFile(join(dir, 'library', segment ?? 'missing'), '[{"id": "s1", "rootId": ')
    const first = await ProjectStore.open(dir)
    await first.textsListed()
    expect(first.warnings).toHaveLength(1)
    expect(first.collectedTexts).toBe(0)
    // The next open sees an empty library and no new damage, but the set-aside file may still be restored.
    const second = await ProjectStore.open(dir)
    await second.textsListed()
    expect(second.warnings).toEqual([])
    expect(second.collectedTexts).toBe(0)
    expect(await readdir(join(dir, 'texts'))).toHaveLength(4)
  })

  it('keeps the texts packed by the threads of an import: readable at once, indexed with the commit, orphans and damage dropped at the next open', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.open(dir)
    await store.textsListed()
    const appender = new PackAppender(join(store.textsFolder, PACKS_FOLDER))
    const texts = { shown: 'The text a source shows, packed by a thread.\n', stray: 'A text a killed import packed and never saved a source for.\n', spoilt: 'A text whose bytes will be spoilt on disk.\n' }
    const place = (text: string) => appender.append(sha256(text), Buffer.from(text))
    for (const text of [texts.shown, texts.spoilt]) store.adoptText(sha256(text), place(text))
    expect(await store.readText(sha256(texts.shown))).toBe(texts.shown)
    expect(await store.textBytes(sha256(texts.shown))).toBe(Buffer.byteLength(texts.shown))
    store.library.data.sources.push(makeSource({ id: 's1', title: 'Shown', relativePath: 'a.txt', contentHash: sha256(texts.shown) }), makeSource({ id: 's2', title: 'Spoilt', relativePath: 'b.txt', contentHash: sha256(texts.spoilt) }))
    await store.library.write()
    // Adopted after the last commit: its pack bytes are there, no index names them.
    store.adoptText(sha256(texts.stray), place(texts.stray))
    await store.close()
    // Spoil the second text's bytes in its pack.
    const spoilt = (await readdir(join(dir, 'texts', PACKS_FOLDER))).find((name) => name.endsWith('.pack')) ?? ''
    const bytes = await readFile(join(dir, 'texts', PACKS_FOLDER, spoilt))
    bytes[Buffer.byteLength(texts.shown) + 3] = 0x21
    await writeFile(join(dir, 'texts', PACKS_FOLDER, spoilt), bytes)

    const reopened = await ProjectStore.open(dir)
    // Readable as soon as the open returns, as a window shown during the open asks (texts are listed after).
    expect(await reopened.readText(sha256(texts.shown))).toBe(texts.shown)
    await reopened.textsListed()
    expect(reopened.collectedTexts).toBe(0)
    expect(reopened.hasText(sha256(texts.stray))).toBe(false)
    expect(await reopened.readText(sha256(texts.shown))).toBe(texts.shown)
    await expect(reopened.readText(sha256(texts.spoilt))).rejects.toThrow(/damaged .* re-import its folder/)
    expect(reopened.hasText(sha256(texts.spoilt))).toBe(false)
    // Re-importing stores it again (here as a file of its own), and the next open finds it.
    await reopened.writeText(sha256(texts.spoilt), texts.spoilt)
    await reopened.library.write()
    await reopened.close()
    const third = await ProjectStore.open(dir)
    await third.textsListed()
    expect(await third.readText(sha256(texts.spoilt))).toBe(texts.spoilt)
    // Once no source names the packed text, the open after drops it from the index, and the pack goes with its last text.
    third.library.data.sources = []
    await third.library.write()
    await third.close()
    const fourth = await ProjectStore.open(dir)
    await fourth.textsListed()
    expect(fourth.collectedTexts).toBe(2)
    expect(await readdir(join(dir, 'texts', PACKS_FOLDER))).toEqual([])
  })

  it('saves the library only when it changed, and waits for a save already under way', async () => {
    const dir = await tempDir()
    await mkdir(dir, { recursive: true })
    const store = await ProjectStore.open(dir)
    await store.saveLibrary()
    expect(await readdir(join(dir, 'library'))).not.toContain('manifest.json')
    store.library.data.sources.push(makeSource({ id: 's1', title: 'Story', relativePath: 'story.txt' }))
    store.markLibraryChanged({ sources: ['s1'] })
    const first = store.saveLibrary()
    await store.saveLibrary() // nothing new to write, but it must not return before the first save is on disk
    expect(await readdir(join(dir, 'library'))).toContain('manifest.json')
    await first
    expect((await ProjectStore.open(dir)).library.data.sources).toHaveLength(1)
  })
})

describe('ProjectRegistry lock', () => {
  const tempDir = useTempDirs()

  it('refuses a data folder another running Sourcebench holds, and takes over one a dead process left', async () => {
    const dataDir = await tempDir()
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
    try {
      await writeFile(join(dataDir, LOCK_FILE), String(other.pid))
      await expect(ProjectRegistry.open(dataDir)).rejects.toThrow(`another Sourcebench (process ${other.pid}) is using ${dataDir}`)
    } finally {
      other.kill('SIGKILL')
      await new Promise((done) => other.once('exit', done))
    }
    // Its process is gone now: the lock is stale and this process takes the folder.
    await ProjectRegistry.open(dataDir)
    expect(await readFile(join(dataDir, LOCK_FILE), 'utf-8')).toBe(String(process.pid))
    await unlockDataFolder(dataDir)
    expect(await readdir(dataDir)).not.toContain(LOCK_FILE)
  }, 20_000)
})
