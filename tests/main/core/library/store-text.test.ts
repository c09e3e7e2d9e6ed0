import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { storeText, storeTextTempName } from '../../../../src/main/core/library/store-text'
import { isAtomicWriteTemp } from '../../../../src/main/core/store/atomic-write'
import { sha256 } from '../../../../src/main/core/store/content-hash'
import { useTempDirs } from '../../../helpers/temp-dir'

describe.each([
  ['awaiting each call', false],
  ['with blocking calls (as on an extraction thread)', true]
])('storeText %s', (_, blocking) => {
  const tempDir = useTempDirs()

  it('writes the text under its hash and leaves no temporary file', async () => {
    const folder = await tempDir()
    const text = 'Seoul, 3 March. Talks resumed.\n'
    expect(await storeText(folder, text, blocking)).toBe(sha256(text))
    expect(await readFile(join(folder, `${sha256(text)}.txt`), 'utf8')).toBe(text)
    expect(await readdir(folder)).toEqual([`${sha256(text)}.txt`])
  })

  it('leaves a text already stored as it is (texts are named by their content)', async () => {
    const folder = await tempDir()
    const text = 'Already here.\n'
    const path = join(folder, `${sha256(text)}.txt`)
    await writeFile(path, text)
    const before = await stat(path)
    await storeText(folder, text, blocking)
    expect((await stat(path)).ino).toBe(before.ino)
  })
})

describe('storeTextTempName', () => {
  it('names a temporary file the store removes when a crash left it behind', () => {
    expect(isAtomicWriteTemp(basename(storeTextTempName('/project/texts/ab12.txt')))).toBe(true)
  })
})
