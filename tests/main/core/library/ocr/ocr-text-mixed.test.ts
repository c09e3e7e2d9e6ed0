import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readOcrResult, writeOcrResult } from '../../../../../src/main/core/library/ocr/ocr-cache'
import { buildMixedText, NO_TEXT_IN_SCAN, type RecognisedPage } from '../../../../../src/main/core/library/ocr/ocr-text'

const word = (text: string, left: number, confidence = 90): { text: string; box: [number, number, number, number]; confidence: number } => ({ text, box: [left, 10, left + 40, 30], confidence })

const RELEASE = 'The harbour master signed the release on Friday morning'.split(' ')
/** A scanned exhibit under a stamped "Page 2": OCR reads the stamp and far more. */
const SCAN: RecognisedPage = {
  width: 400,
  height: 500,
  paragraphs: [[[word('Page', 0), word('2', 50)], [word('Exhibit', 0), word('A', 90, 40)], RELEASE.map((text, index) => word(text, index * 45))]]
}

describe('buildMixedText', () => {
  it('puts OCR pages where they fall among text-layer pages, with word offsets in the whole text', () => {
    const layer = [
      { text: 'Typed page one.', width: 612, height: 792 },
      { text: 'Page 2', width: 612, height: 792 },
      { text: '', width: 612, height: 792 },
      { text: 'Typed page four.', width: 612, height: 792 }
    ]
    const built = buildMixedText([SCAN], [1], layer, ['eng'], NO_TEXT_IN_SCAN)
    const scanned = `Page 2\nExhibit A\n${RELEASE.join(' ')}`
    expect(built.text).toBe(`Typed page one.\n\n${scanned}\n\nTyped page four.`)
    // The empty third page starts where the text so far ends, as joinPages places an empty page.
    expect(built.pageStarts).toEqual([0, 17, 17 + scanned.length, 17 + scanned.length + 2])
    expect(built.layout.pages.map((page) => page.textLayer === true)).toEqual([true, false, true, true])
    expect(built.layout.pages[1]?.words.map(([start, end]) => built.text.slice(start, end))).toEqual(['Page', '2', 'Exhibit', 'A', ...RELEASE])
    expect(built.summary).toMatchObject({ pages: 1, recognised: true, lowConfidencePages: [] })
  })

  it('names the pages it read by their number in the PDF', () => {
    const layer = [0, 1, 2].map(() => ({ text: 'Typed.', width: 612, height: 792 }))
    expect(buildMixedText([SCAN], [2], layer, ['eng'], NO_TEXT_IN_SCAN).layout.pages.map((page) => page.textLayer === true)).toEqual([true, true, false])
  })

  it('keeps the few words of text layer when OCR reads no more than them, or reads them poorly', () => {
    const layer = [{ text: 'Typed.', width: 612, height: 792 }, { text: 'Harbour at dawn, 3 May', width: 612, height: 792 }]
    const caption: RecognisedPage = { width: 400, height: 500, paragraphs: [[[word('Harbour', 0), word('at', 50), word('dawn,', 90), word('3', 130), word('May', 160)]]] }
    const noise: RecognisedPage = { width: 400, height: 500, paragraphs: [[RELEASE.map((text, index) => word(text, index * 45, 28))]] }
    for (const page of [caption, noise]) {
      const built = buildMixedText([page], [1], layer, ['eng'], NO_TEXT_IN_SCAN)
      expect(built.text).toBe('Typed.\n\nHarbour at dawn, 3 May')
      expect(built.layout.pages.every((kept) => kept.textLayer === true)).toBe(true)
    }
  })

  it('keeps the text layer when OCR finds nothing on the scanned page', () => {
    const blank: RecognisedPage = { width: 400, height: 500, paragraphs: [] }
    const built = buildMixedText([blank], [1], [{ text: 'Typed.', width: 612, height: 792 }, { text: 'Page 2', width: 612, height: 792 }], ['eng'], NO_TEXT_IN_SCAN)
    expect(built.text).toBe('Typed.\n\nPage 2')
    expect(built.summary).toMatchObject({ recognised: true })
  })

  it('is kept in the OCR cache with its text-layer pages marked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ocr-mixed-'))
    try {
      const built = buildMixedText([SCAN], [1], [{ text: 'Typed.', width: 612, height: 792 }, { text: '', width: 612, height: 792 }], ['eng'], NO_TEXT_IN_SCAN)
      const hash = 'a'.repeat(64)
      await writeOcrResult(dir, hash, ['eng'], built)
      const read = await readOcrResult(dir, hash, ['eng'])
      expect(read?.layout).toEqual(built.layout)
      expect(read?.layout.pages[0]).toHaveProperty('textLayer', true)
      expect(read?.layout.pages[1]).not.toHaveProperty('textLayer')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
