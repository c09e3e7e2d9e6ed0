import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Source } from '../../../../../src/shared/domain/source'
import { loadOcrLayout, ocrCacheDir } from '../../../../../src/main/core/library/ocr/ocr-cache'
import type { Workbench } from '../../../../../src/main/core/workbench'
import { sourceAt, useOcrWorkbenches } from './ocr-workbench'
import { makeBlankImage, makeScannedPdf, makeTextImage } from '../../../../helpers/scanned-pdf'
import { useTempDirs } from '../../../../helpers/temp-dir'


const PAGES = [
  ['The ambassador said relations could be restored.', 'Officials in Seoul declined to comment.'],
  [],
  ['Trade and business results were positive.']
]

describe('importing scans and images (OCR)', () => {
  const tempDir = useTempDirs()
  const openWorkbench = useOcrWorkbenches()

  async function bench(threads = 2): Promise<{ workbench: Workbench; details: string[] }> {
    const workbench = await openWorkbench(await tempDir(), threads)
    const details: string[] = []
    workbench.events.on('importProgress', (progress) => {
      if (progress.detail !== undefined) details.push(progress.detail)
    })
    return { workbench, details }
  }

  it('imports a scanned PDF with text that search finds, a page start per page, and every word placed on its page', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'scan.pdf'), await makeScannedPdf(PAGES))
    const { workbench, details } = await bench()
    const report = await workbench.importFolder(folder)
    expect(report).toMatchObject({ added: 1, errors: [] })
    const source = sourceAt(workbench, 'scan.pdf')
    expect(source.format).toBe('pdf')
    expect(source.ocr).toMatchObject({ recognised: true, languages: ['eng'], pages: 3, lowConfidencePages: [] })
    expect(source.ocr?.confidence).toBeGreaterThan(80)
    const { text } = await workbench.project.library.sourceText(source.id)
    expect(text).toBe('The ambassador said relations could be restored.\nOfficials in Seoul declined to comment.\n\nTrade and business results were positive.')
    expect(source.pageStarts).toEqual([0, 88, 90])
    expect(text.slice(source.pageStarts?.[2])).toMatch(/^Trade and business/)
    const found = await workbench.project.search.search('ambassador')
    expect(found.results.map((hit) => hit.sourceId)).toEqual([source.id])
    expect(details).toContain('OCR page 1 of 3')

    // The original view's layout: kept by file hash, for exactly this text.
    const layout = await loadOcrLayout(ocrCacheDir(workbench.project.store.dir), source.fileHash ?? '', source.contentHash)
    expect(layout?.pages.map((page) => page.words.length)).toEqual([13, 0, 6])
    for (const [index, page] of (layout?.pages ?? []).entries()) {
      for (const [start, end, left, top, right, bottom] of page.words) {
        expect(text.slice(start, end)).toMatch(/^\S+$/)
        expect(start).toBeGreaterThanOrEqual(source.pageStarts?.[index] ?? 0)
        expect(left < right && top < bottom && right <= 1 && bottom <= 1).toBe(true)
      }
    }
  }, 90_000)

  it('does not recognise an unchanged file again: the same scan in another folder reuses the result', async () => {
    const first = await tempDir()
    const second = await tempDir()
    await writeFile(join(first, 'scan.pdf'), await makeScannedPdf(PAGES))
    await copyFile(join(first, 'scan.pdf'), join(second, 'copy.pdf'))
    const { workbench, details } = await bench()
    await workbench.importFolder(first)
    // Progress is sent at most every 50 ms, so pages started together may show as one.
    expect(details.filter((detail) => detail.startsWith('OCR page')).length).toBeGreaterThan(0)
    details.length = 0
    expect(await workbench.importFolder(second)).toMatchObject({ added: 1, errors: [] })
    expect(details).toEqual([])
    expect(sourceAt(workbench, 'copy.pdf').contentHash).toBe(sourceAt(workbench, 'scan.pdf').contentHash)
    expect(sourceAt(workbench, 'copy.pdf').ocr).toEqual(sourceAt(workbench, 'scan.pdf').ocr)
    expect(await readdir(ocrCacheDir(workbench.project.store.dir))).toEqual([`${sourceAt(workbench, 'scan.pdf').fileHash}.json`])
  }, 90_000)

  it('imports images as image sources, and a blank one as a picture that says no text was recognised', async () => {
    const folder = await tempDir()
    await mkdir(join(folder, 'photos'))
    await writeFile(join(folder, 'photos', 'note.png'), makeTextImage(['Officials in Seoul declined to comment on Thursday.']))
    await writeFile(join(folder, 'photos', 'blank.png'), makeBlankImage())
    const { workbench } = await bench()
    expect(await workbench.importFolder(folder)).toMatchObject({ added: 2, errors: [] })
    const note = sourceAt(workbench, 'photos/note.png')
    expect(note).toMatchObject({ format: 'image', title: 'Officials in Seoul declined to comment on Thursday.', ocr: { recognised: true, pages: 1 } })
    const blank = sourceAt(workbench, 'photos/blank.png')
    expect(blank).toMatchObject({ format: 'image', title: 'blank', ocr: { recognised: false, confidence: 0, pages: 1 } })
    expect((await workbench.project.library.sourceText(blank.id)).text).toBe('No text was recognised in this image.')
    expect((await workbench.project.search.search('Thursday')).results.map((hit) => hit.sourceId)).toEqual([note.id])
    // The words saying nothing was recognised are not words to find the picture by.
    expect((await workbench.project.search.search('recognised')).results).toEqual([])
  }, 90_000)

  it('stops a scan being recognised when the import is stopped, without counting it as a problem, and reads it next time', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'long-scan.pdf'), await makeScannedPdf(Array.from({ length: 6 }, (_, index) => [`Page ${index + 1} of the long report.`])))
    const { workbench, details } = await bench(1)
    const stop = workbench.events.on('importProgress', (progress) => {
      if (progress.detail === 'OCR page 1 of 6') workbench.cancelImport()
    })
    const stopped = await workbench.importFolder(folder)
    stop()
    expect(stopped).toMatchObject({ cancelled: true, added: 0, errors: [] })
    expect(details).not.toContain('OCR page 6 of 6')
    expect(workbench.project.store.library.data.sources).toEqual([])
    const again = await workbench.importFolder(folder)
    expect(again).toMatchObject({ cancelled: false, added: 1, errors: [] })
    expect((await workbench.project.library.sourceText(sourceAt(workbench, 'long-scan.pdf').id)).text).toContain('Page 6 of the long report.')
  }, 120_000)

  it('reads an unchanged scan again when the languages it was read in are no longer the ones chosen', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'note.png'), makeTextImage(['The harbour gate stayed shut.']))
    const { workbench, details } = await bench()
    await workbench.importFolder(folder)
    const source = sourceAt(workbench, 'note.png')
    // As if it had been read when French was chosen too.
    source.ocr = { ...(source.ocr as NonNullable<Source['ocr']>), languages: ['eng', 'fra'] }
    details.length = 0
    const again = await workbench.importFolder(folder)
    expect(again).toMatchObject({ unchanged: 1, errors: [] })
    expect(sourceAt(workbench, 'note.png').ocr?.languages).toEqual(['eng'])
    // Read in the languages chosen now, the next import leaves it alone.
    const third = await workbench.importFolder(folder)
    expect(third).toMatchObject({ unchanged: 1 })
    expect(sourceAt(workbench, 'note.png').ocr?.languages).toEqual(['eng'])
  }, 60_000)
})
