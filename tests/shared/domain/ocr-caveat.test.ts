import { describe, expect, it } from 'vitest'
import { describeOcr, ocrLabel } from '../../../src/shared/domain/ocr-caveat'

const summary = { confidence: 87.4, lowConfidencePages: [] as number[], languages: ['eng', 'chi_sim'], recognised: true, pages: 3 }

describe('ocr-caveat', () => {
  it('says the text was recognised by OCR, how sure, in which languages and where it is weak', () => {
    expect(describeOcr(summary)).toBe('Text recognised by OCR, may contain errors (mean confidence 87 %; read in eng + chi_sim)')
    expect(describeOcr({ ...summary, lowConfidencePages: [2, 3] }, false)).toBe(
      'text recognised by OCR, may contain errors (mean confidence 87 %; read in eng + chi_sim; low on pages 2, 3)'
    )
    const many = Array.from({ length: 11 }, (_, index) => index + 1)
    expect(describeOcr({ ...summary, lowConfidencePages: many })).toMatch(/low on pages 1, 2, 3, 4, 5, 6, 7, 8 and 3 more\)$/)
  })

  it('says how many pages of a partly typed PDF were read by OCR', () => {
    expect(ocrLabel(summary, 12)).toBe('OCR on 3 of 12 pages, 87 % sure')
    expect(describeOcr(summary, false, 12)).toBe('text recognised by OCR, may contain errors (3 of 12 pages; mean confidence 87 %; read in eng + chi_sim)')
    expect(ocrLabel(summary, 3)).toBe('OCR text, 87 % sure')
  })

  it('says plainly when nothing was recognised', () => {
    expect(describeOcr({ ...summary, recognised: false })).toBe('No text recognised by OCR')
    expect(ocrLabel({ ...summary, recognised: false })).toBe('no text recognised')
    expect(ocrLabel(summary)).toBe('OCR text, 87 % sure')
  })
})
