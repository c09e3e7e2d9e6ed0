import { afterAll, describe, expect, it } from 'vitest'
import { extractPdf } from '../../../../../src/main/core/library/extract/pdf'
import { closeOcrEngines } from '../../../../../src/main/core/library/ocr/ocr-engine'
import { makeMixedPdf } from '../../../../helpers/scanned-pdf'
import { makePdf } from './make-pdf'

const OCR = { languages: ['eng'], langPath: null, cacheDir: null }
const STAMP = 'Case 1:23-cv-01234 Document 12 Filed 03/04/23 Page 2 of 3'
const TYPED = ['The court has considered the motion to dismiss.', 'It is granted in part and denied in part.']

describe('pdf (partly scanned)', () => {
  afterAll(() => closeOcrEngines())

  it('reads a stamped scan by OCR between typed pages, which keep their own text', async () => {
    const pdf = await makeMixedPdf([{ typed: TYPED }, { scan: ['The ambassador said relations could be restored.'], stamp: STAMP }, { typed: ['Exhibit list follows.'] }])
    const document = await extractPdf(pdf, OCR)
    const { text } = document
    const pageStarts = document.pageStarts ?? []
    expect(pageStarts).toHaveLength(3)
    expect(text.slice(0, pageStarts[1])).toBe(`${TYPED.join('\n')}\n\n`)
    expect(text.slice(pageStarts[2])).toBe('Exhibit list follows.')
    const scanned = text.slice(pageStarts[1], pageStarts[2])
    // The scan's own words, and the stamp (read off the drawn page, not from its text layer).
    expect(scanned).toMatch(/ambassador said relations/)
    expect(scanned).toMatch(/Document 12/)
    expect(document.warnings).toContain('page 2 read by OCR (scanned)')
    expect(document.ocr?.summary).toMatchObject({ pages: 1, recognised: true, lowConfidencePages: [] })
    const layout = document.ocr?.layout
    expect(layout?.pages.map((page) => page.textLayer === true)).toEqual([true, false, true])
    expect(layout?.pages[0]?.words).toEqual([])
    expect(layout?.pages[1]?.words.length).toBeGreaterThan(10)
    for (const page of layout?.pages ?? []) {
      for (const [start, end] of page.words) {
        expect(start).toBeGreaterThanOrEqual(pageStarts[1] ?? 0)
        expect(end).toBeLessThanOrEqual(pageStarts[2] ?? 0)
        expect(text.slice(start, end)).toMatch(/^\S+$/)
      }
    }
    // Every word's offsets slice to the words in page order: the page's text is made of them.
    const words = (layout?.pages[1]?.words ?? []).map(([start, end]) => text.slice(start, end))
    expect(words.join(' ')).toBe(scanned.replace(/\s+/g, ' ').trim())
  }, 60_000)

  it('reads every page by OCR when every page is a stamped scan, and says nothing about pages kept', async () => {
    const pdf = await makeMixedPdf([
      { scan: ['Trade and business results were positive.'], stamp: 'Page 1 of 2' },
      { scan: ['Officials in Seoul declined to comment.'], stamp: 'Page 2 of 2' }
    ])
    const document = await extractPdf(pdf, OCR)
    expect(document.ocr?.summary.pages).toBe(2)
    expect(document.ocr?.layout.pages.some((page) => page.textLayer === true)).toBe(false)
    expect(document.text).toMatch(/Trade and business results[\s\S]*Officials in Seoul/)
    expect(document.warnings.some((warning) => warning.includes('read by OCR'))).toBe(false)
  }, 60_000)

  it('does not OCR a typed PDF whose title page has little text and no picture', async () => {
    const pdf = makePdf({ pages: [['Annual Report'], ['The year began with a long negotiation over trade terms.'], []] })
    const document = await extractPdf(pdf, OCR)
    expect(document.ocr).toBeUndefined()
    expect(document.text).toBe('Annual Report\n\nThe year began with a long negotiation over trade terms.')
    expect(document.pageStarts).toHaveLength(3)
  }, 60_000)
})
