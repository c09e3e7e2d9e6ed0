import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { storeText } from '../../../../src/main/core/library/store-text'
import { sha256 } from '../../../../src/main/core/store/content-hash'
import { PACKS_FOLDER, readPlace } from '../../../../src/main/core/store/text-packs'
import { useTempDirs } from '../../../helpers/temp-dir'

describe('storeText', () => {
  const tempDir = useTempDirs()

  it('on the main thread, writes the text under its hash and leaves no temporary file', async () => {
    const folder = await tempDir()
    const text = 'Seoul, 3 March. Talks resumed.\n'
    expect(await storeText(folder, text, false)).toEqual({ contentHash: sha256(text) })
    expect(await readFile(join(folder, `${sha256(text)}.txt`), 'utf8')).toBe(text)
    expect(await readdir(folder)).toEqual([`${sha256(text)}.txt`])
  })

  it('on the main thread, leaves a text already stored as it is (texts are named by their content)', async () => {
    const folder = await tempDir()
    const text = 'Already here.\n'
    const path = join(folder, `${sha256(text)}.txt`)
    await writeFile(path, text)
    const before = await stat(path)
    await storeText(folder, text, false)
    expect((await stat(path)).ino).toBe(before.ino)
  })

  it('blocking (as on an extraction thread), appends texts to one pack and says where each is, once per text', async () => {
    const folder = await tempDir()
    const texts = ['Seoul, 3 March. Talks resumed.\n', 'Kyiv — the mayor’s office said… «nothing».\n']
    const first = await storeText(folder, texts[0] ?? '', true)
    const second = await storeText(folder, texts[1] ?? '', true)
    const again = await storeText(folder, texts[0] ?? '', true)
    expect(first.contentHash).toBe(sha256(texts[0] ?? ''))
    expect(second.contentHash).toBe(sha256(texts[1] ?? ''))
    expect(again).toEqual(first)
    expect(first.place?.pack).toBe(second.place?.pack)
    expect(second.place?.offset).toBe(Buffer.byteLength(texts[0] ?? ''))
    expect(await readdir(folder)).toEqual([PACKS_FOLDER])
    for (const [k, stored] of [first, second].entries()) {
      if (stored.place === undefined) throw new Error('not packed')
      expect((await readPlace(join(folder, PACKS_FOLDER), stored.place)).toString('utf8')).toBe(texts[k])
    }
  })
})
