import { afterAll, describe, expect, it } from 'vitest'
import { isImportStopped } from '../../../../../src/main/core/library/extractor'
import { closeOcrEngines } from '../../../../../src/main/core/library/ocr/ocr-engine'
import { imageHeader, type OcrImage } from '../../../../../src/main/core/library/ocr/ocr-images'
import { NO_TEXT_IN_SCAN } from '../../../../../src/main/core/library/ocr/ocr-text'
import { recogniseScan, type ScanPages } from '../../../../../src/main/core/library/ocr/recognise-scan'
import { makeTextImage } from '../../../../helpers/scanned-pdf'

function page(line: string): OcrImage {
  const bytes = makeTextImage([line])
  const header = imageHeader(bytes)
  return { bytes, width: header?.width ?? 0, height: header?.height ?? 0, dpi: null }
}

const LINES = ['The first page of the ruling.', 'The second page of the ruling.', 'The third page of the ruling.']

describe('recogniseScan', () => {
  afterAll(() => closeOcrEngines())

  it('reads the pages on two recognisers in page order, whatever order they finish in', async () => {
    const images = LINES.map(page)
    const pages: ScanPages = { count: 3, image: async (index) => images[index] as OcrImage }
    const one = await recogniseScan(pages, NO_TEXT_IN_SCAN, { languages: ['eng'], langPath: null, cacheDir: null, threads: 1 }, {})
    const two = await recogniseScan(pages, NO_TEXT_IN_SCAN, { languages: ['eng'], langPath: null, cacheDir: null, threads: 2 }, {})
    expect(one.text).toBe(LINES.join('\n\n'))
    expect(two).toEqual(one)
  }, 60_000)

  it('keeps a page that cannot be drawn empty, with a warning, and reads the rest', async () => {
    const images = LINES.map(page)
    const pages: ScanPages = {
      count: 3,
      image: async (index) => {
        if (index === 1) throw new Error('Bad image stream')
        return images[index] as OcrImage
      }
    }
    const scan = await recogniseScan(pages, NO_TEXT_IN_SCAN, undefined, {})
    expect(scan.text).toBe(`${LINES[0]}\n\n${LINES[2]}`)
    expect(scan.pageStarts).toEqual([0, LINES[0]?.length, (LINES[0]?.length ?? 0) + 2])
    expect(scan.warnings).toEqual(['page 2 could not be drawn for OCR (bad image stream)'])
  }, 60_000)

  it('stops between pages or mid-page when the import is stopped', async () => {
    const controller = new AbortController()
    const images = LINES.map(page)
    const progress: string[] = []
    const pages: ScanPages = { count: 3, image: async (index) => images[index] as OcrImage }
    const reading = recogniseScan(pages, NO_TEXT_IN_SCAN, undefined, {
      signal: controller.signal,
      onProgress: ({ detail }) => {
        progress.push(detail)
        controller.abort()
      }
    })
    const error = await reading.then(
      () => null,
      (caught: unknown) => caught
    )
    expect(isImportStopped(error)).toBe(true)
    expect(progress).toEqual(['OCR page 1 of 3'])
  }, 60_000)
})
