import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sha256 } from '../../../../src/main/core/store/content-hash'
import { ProjectStore } from '../../../../src/main/core/store/project-store'
import { makeAnnotation, makeSource } from '../../../helpers/factories'
import { useTempDirs } from '../../../helpers/temp-dir'

describe('ProjectStore', () => {
  const tempDir = useTempDirs()

  async function projectWithTexts() {
    const dir = await tempDir()
    const store = await ProjectStore.open(dir)
    const texts = { current: 'The text a source shows.\n', highlighted: 'An older text an orphaned highlight was made on.\n', stray: 'A text a killed import wrote and never saved a source for.\n' }
    for (const text of Object.values(texts)) await store.writeText(sha256(text), text)
    store.library.data.sources.push(makeSource({ id: 's1', title: 'Story', relativePath: 'story.txt', contentHash: sha256(texts.current) }))
    await store.library.write()
    store.notes.data.annotations.push(makeAnnotation({ id: 'a1', sourceId: 's1', exact: 'older text', contentHash: sha256(texts.highlighted) }))
    await store.notes.write()
    return { dir, texts }
  }

  it('deletes at open the stored texts nothing refers to, and the temporary files of interrupted writes', async () => {
    const { dir, texts } = await projectWithTexts()
    await writeFile(join(dir, `.notes.json.4242.17.tmp`), '{"half": ')
    await writeFile(join(dir, 'texts', `.${sha256('x')}.txt.4242.18.tmp`), 'half a text')
    const reopened = await ProjectStore.open(dir)
    expect(reopened.collectedTexts).toBe(1)
    expect((await readdir(join(dir, 'texts'))).sort()).toEqual([`${sha256(texts.current)}.txt`, `${sha256(texts.highlighted)}.txt`].sort())
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
    expect(await reopened.readText(sha256(texts.highlighted))).toBe(texts.highlighted)
    expect(reopened.warnings).toEqual([])
  })

  it('deletes no text when a data file was damaged, since what refers to the texts is then unknown', async () => {
    const { dir } = await projectWithTexts()
    await writeFile(join(dir, 'library.json'), '{"version": 1, "roots": [')
    const reopened = await ProjectStore.open(dir)
    expect(reopened.warnings).toHaveLength(1)
    expect(reopened.collectedTexts).toBe(0)
    expect(await readdir(join(dir, 'texts'))).toHaveLength(3)
  })

  it('saves the library only when it changed, and waits for a save already under way', async () => {
    const dir = await tempDir()
    await mkdir(dir, { recursive: true })
    const store = await ProjectStore.open(dir)
    await store.saveLibrary()
    expect(await readdir(dir)).not.toContain('library.json')
    store.library.data.sources.push(makeSource({ id: 's1', title: 'Story', relativePath: 'story.txt' }))
    store.markLibraryChanged()
    const first = store.saveLibrary()
    await store.saveLibrary() // nothing new to write, but it must not return before the first save is on disk
    expect(await readdir(dir)).toContain('library.json')
    await first
    expect((await ProjectStore.open(dir)).library.data.sources).toHaveLength(1)
  })
})
