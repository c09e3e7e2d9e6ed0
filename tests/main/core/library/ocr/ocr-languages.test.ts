import { lstat, mkdir, readFile, readlink, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtInEnglishFile } from '../../../../../src/main/core/library/ocr/ocr-engine'
import { OcrLanguageSettings, usableModel } from '../../../../../src/main/core/library/ocr/ocr-languages'
import { useTempDirs } from '../../../../helpers/temp-dir'

/** The table of parts of a .traineddata file with an LSTM model (what Tesseract 4 and later load), then filler. */
function fakeModel(lstm = true): Buffer {
  const entries = 24
  const header = Buffer.alloc(4 + 8 * entries)
  header.writeInt32LE(entries, 0)
  for (let index = 0; index < entries; index++) header.writeBigInt64LE(-1n, 4 + 8 * index)
  header.writeBigInt64LE(BigInt(header.length), 4)
  if (lstm) header.writeBigInt64LE(BigInt(header.length + 100), 4 + 8 * 17)
  return Buffer.concat([header, Buffer.alloc(400, 1)])
}

describe('OcrLanguageSettings', () => {
  const tempDir = useTempDirs()

  async function tessdata(files: Record<string, Buffer | string>): Promise<string> {
    const folder = await tempDir()
    for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content)
    return folder
  }

  it('offers English built in and the usable models of the chosen folder, by English name, never osd', async () => {
    const folder = await tessdata({
      'fra.traineddata': fakeModel(),
      'xyz.traineddata': fakeModel(),
      'osd.traineddata': fakeModel(),
      'eng.traineddata': fakeModel(),
      'old.traineddata': fakeModel(false),
      'notes.txt': 'not a model'
    })
    const settings = new OcrLanguageSettings(await tempDir(), async () => [])
    expect(await settings.get()).toEqual({ available: [{ code: 'eng', name: 'English', from: 'built-in' }], folder: null, chosen: ['eng'], problem: null })
    const listed = await settings.set(folder, ['eng', 'fra'])
    expect(listed).toEqual({
      available: [
        { code: 'eng', name: 'English', from: 'built-in' },
        { code: 'fra', name: 'French', from: 'folder' },
        { code: 'xyz', name: 'xyz', from: 'folder' }
      ],
      folder,
      chosen: ['eng', 'fra'],
      problem: `ocr: not Tesseract 4 (LSTM) models, so not offered: old.traineddata in ${folder}`
    })
  })

  it('keeps the choice app-wide in the data folder, and refuses a language the folder does not have', async () => {
    const dataDir = await tempDir()
    const folder = await tessdata({ 'deu.traineddata': fakeModel() })
    await new OcrLanguageSettings(dataDir, async () => []).set(folder, ['deu', 'eng'])
    const reopened = new OcrLanguageSettings(dataDir, async () => [])
    expect(await reopened.get()).toMatchObject({ folder, chosen: ['deu', 'eng'] })
    await expect(reopened.set(folder, ['eng', 'jpn'])).rejects.toThrow(`ocr: no traineddata for jpn (not in ${folder})`)
    await writeFile(join(dataDir, 'ocr-languages.json'), '{"version": 1, "folder": 3}')
    expect(await new OcrLanguageSettings(dataDir, async () => []).get()).toMatchObject({ folder: null, chosen: ['eng'] })
  })

  it('finds a folder a system package installed when the user chose none, and says why a chosen folder cannot be used', async () => {
    const system = await tessdata({ 'chi_sim.traineddata': fakeModel() })
    const empty = await tempDir()
    const settings = new OcrLanguageSettings(await tempDir(), async () => [join(empty, 'missing'), empty, system])
    expect(await settings.get()).toMatchObject({ folder: system, available: [{ code: 'eng' }, { code: 'chi_sim', name: 'Chinese (Simplified)' }], problem: null })
    const gone = join(empty, 'unplugged-drive')
    expect(await settings.set(gone, ['eng'])).toMatchObject({ folder: gone, available: [{ code: 'eng' }], problem: `ocr: the folder ${gone} cannot be read (it does not exist)` })
  })

  it('prepares one folder Tesseract loads every chosen language from, and skips with a warning a language whose file vanished', async () => {
    const dataDir = await tempDir()
    const folder = await tessdata({ 'fra.traineddata': fakeModel(), 'deu.traineddata': fakeModel() })
    const settings = new OcrLanguageSettings(dataDir, async () => [])
    await settings.set(folder, ['eng', 'fra', 'deu'])
    const prepared = await settings.prepare()
    expect(prepared).toEqual({ languages: ['eng', 'fra', 'deu'], langPath: join(dataDir, 'ocr-languages'), warnings: [] })
    expect(await readlink(join(dataDir, 'ocr-languages', 'eng.traineddata'))).toBe(builtInEnglishFile())
    const linked = join(dataDir, 'ocr-languages', 'fra.traineddata')
    expect((await lstat(linked)).isSymbolicLink() ? await readlink(linked) : await readFile(linked)).toEqual(
      (await lstat(linked)).isSymbolicLink() ? join(folder, 'fra.traineddata') : fakeModel()
    )
    await rm(join(folder, 'fra.traineddata'))
    const later = await new OcrLanguageSettings(dataDir, async () => []).prepare()
    expect(later.languages).toEqual(['eng', 'deu'])
    expect(later.warnings).toEqual([`OCR language French (fra) was skipped: fra.traineddata is not in ${folder}`])
  })

  it('uses English alone, from the app, when it is the only choice', async () => {
    expect(await new OcrLanguageSettings(await tempDir(), async () => []).prepare()).toEqual({ languages: ['eng'], langPath: null, warnings: [] })
  })

  it('tells a loadable model from a damaged or legacy-only file', async () => {
    const folder = await tessdata({ 'good.traineddata': fakeModel(), 'legacy.traineddata': fakeModel(false), 'junk.traineddata': 'junk' })
    expect(await usableModel(join(folder, 'good.traineddata'))).toBe(true)
    expect(await usableModel(join(folder, 'legacy.traineddata'))).toBe(false)
    expect(await usableModel(join(folder, 'junk.traineddata'))).toBe(false)
    expect(await usableModel(join(folder, 'missing.traineddata'))).toBe(false)
    await mkdir(join(folder, 'dir.traineddata'))
    expect(await usableModel(join(folder, 'dir.traineddata'))).toBe(false)
  })
})
