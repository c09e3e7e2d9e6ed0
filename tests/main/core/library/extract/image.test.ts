import { mkdir, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { extractDocument, type ExtractedDocument } from '../../../../../src/main/core/library/extract'
import { builtInEnglishFile, closeOcrEngines } from '../../../../../src/main/core/library/ocr/ocr-engine'
import { makeBlankImage, makeTextImage, makeTextTiff } from '../../../../helpers/scanned-pdf'
import { useTempDirs } from '../../../../helpers/temp-dir'

const options = { maxInflatedBytes: 10 * 1024 * 1024 }
const LINES = ['The ambassador said relations could be restored.', 'Officials in Seoul declined to comment.']

/** Every recorded word's offsets cut a single word out of the text. */
function wordsOf(document: ExtractedDocument): string[] {
  const words = document.ocr?.layout.pages.flatMap((page) => page.words) ?? []
  for (const [start, end] of words) {
    expect(document.text.slice(start, end)).toMatch(/^\S+$/)
    expect(/\S/.test(document.text.charAt(start - 1)) || /\S/.test(document.text.charAt(end))).toBe(false)
  }
  return words.map(([start, end]) => document.text.slice(start, end))
}

describe('extract image', () => {
  const tempDir = useTempDirs()
  afterAll(() => closeOcrEngines())

  it('reads the text of a PNG and of a TIFF by OCR, each word placed on the image', async () => {
    for (const [bytes, name] of [
      [makeTextImage(LINES), 'note.png'],
      [makeTextTiff(LINES), 'fax.tif']
    ] as const) {
      const document = await extractDocument(bytes, name, options)
      expect(document).toMatchObject({ format: 'image', title: null, pageStarts: null, text: LINES.join('\n') })
      expect(document.ocr?.summary).toMatchObject({ recognised: true, languages: ['eng'], pages: 1, lowConfidencePages: [] })
      expect(document.ocr?.summary.confidence).toBeGreaterThan(80)
      expect(wordsOf(document).slice(0, 3)).toEqual(['The', 'ambassador', 'said'])
      const [page] = document.ocr?.layout.pages ?? []
      expect(page?.width).toBeGreaterThan(1000)
      // "The" is the first word at the top left.
      expect(page?.words[0]?.slice(2, 4).every((fraction) => fraction > 0 && fraction < 0.5)).toBe(true)
    }
  }, 60_000)

  it('imports a blank image as a picture named after its file, saying no text was recognised', async () => {
    const document = await extractDocument(makeBlankImage(), 'photos/IMG_0042.png', options)
    expect(document).toMatchObject({ format: 'image', text: 'No text was recognised in this image.', title: 'IMG_0042' })
    expect(document.ocr?.summary).toMatchObject({ recognised: false, confidence: 0, pages: 1 })
  }, 60_000)

  it('refuses an image cut short, with a reason', async () => {
    const png = makeTextImage(LINES)
    await expect(extractDocument(png.slice(0, 20), 'cut.png', options)).rejects.toThrow('damaged image (its header is cut short)')
    await expect(extractDocument(png.slice(0, png.length >> 1), 'half.png', options)).rejects.toThrow(/^damaged image \(/)
  }, 60_000)

  it('keeps the result by file hash, so the same bytes are not recognised twice', async () => {
    const ocr = { languages: ['eng'], langPath: null, cacheDir: join(await tempDir(), 'ocr') }
    const bytes = makeTextImage(LINES)
    const progress: string[] = []
    const context = { fileHash: 'c'.repeat(64), onProgress: ({ detail }: { detail: string }) => progress.push(detail) }
    const first = await extractDocument(bytes, 'note.png', { ...options, ocr }, context)
    expect(progress).toEqual(['OCR page 1 of 1'])
    const again = await extractDocument(bytes, 'copy.png', { ...options, ocr }, context)
    expect(progress).toEqual(['OCR page 1 of 1'])
    expect(again).toEqual(first)
  }, 60_000)

  it('falls back to English with a warning when a chosen language will not load, and still reads the image', async () => {
    const folder = await tempDir()
    await mkdir(join(folder, 'links'))
    await symlink(builtInEnglishFile(), join(folder, 'links', 'eng.traineddata'))
    // xyz.traineddata is missing (it vanished after the languages were prepared).
    const ocr = { languages: ['eng', 'xyz'], langPath: join(folder, 'links'), cacheDir: null, warnings: ['OCR language deu was skipped'] }
    const document = await extractDocument(makeTextImage(LINES), 'note.png', { ...options, ocr })
    expect(document.text).toBe(LINES.join('\n'))
    expect(document.ocr?.summary.languages).toEqual(['eng'])
    expect(document.warnings).toEqual(['OCR language deu was skipped', expect.stringMatching(/^OCR languages eng, xyz could not be loaded \(.*\): English was used$/)])
  }, 60_000)
})
