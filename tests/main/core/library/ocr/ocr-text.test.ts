import { describe, expect, it } from 'vitest'
import { buildOcrText, NO_TEXT_IN_SCAN, type RecognisedPage, type RecognisedWord } from '../../../../../src/main/core/library/ocr/ocr-text'

const word = (text: string, confidence = 90, box: [number, number, number, number] = [10, 20, 110, 60]): RecognisedWord => ({ text, box, confidence })
const page = (paragraphs: RecognisedWord[][][], width = 1000, height = 2000): RecognisedPage => ({ width, height, paragraphs })

describe('buildOcrText', () => {
  it('joins words by spaces, lines by line breaks, paragraphs by blank lines and pages as the PDF reader does', () => {
    const pages = [
      page([[[word('The'), word('ambassador')], [word('said.')]], [[word('Seoul'), word('declined.')]]]),
      page([]),
      page([[[word('Trade'), word('results.')]]])
    ]
    const built = buildOcrText(pages, ['eng'], NO_TEXT_IN_SCAN)
    expect(built.text).toBe('The ambassador\nsaid.\n\nSeoul declined.\n\nTrade results.')
    expect(built.pageStarts).toEqual([0, 37, 39])
    expect(built.text.slice(built.pageStarts[2])).toBe('Trade results.')
    expect(built.summary).toEqual({ confidence: 90, lowConfidencePages: [], languages: ['eng'], recognised: true, pages: 3 })
  })

  it('records every word with offsets that slice to it, its box as page fractions and its confidence', () => {
    const pages = [page([[[word('Officials', 95, [100, 200, 400, 260]), word('declined', 80, [420, 200, 700, 260])]]]), page([[[word('Thursday', 70, [0, 0, 1000, 2000])]]])]
    const built = buildOcrText(pages, ['eng'], NO_TEXT_IN_SCAN)
    const words = built.layout.pages.flatMap((one) => one.words)
    expect(words.map(([start, end]) => built.text.slice(start, end))).toEqual(['Officials', 'declined', 'Thursday'])
    expect(built.layout.pages[0]?.words[0]).toEqual([0, 9, 0.1, 0.1, 0.4, 0.13, 95])
    expect(built.layout.pages[1]?.words[0]?.slice(2)).toEqual([0, 0, 1, 1, 70])
    expect(built.layout.pages.map((one) => one.confidence)).toEqual([87.5, 70])
  })

  it('weights the mean confidence by words and flags the pages below the low-confidence mark', () => {
    const pages = [page([[[word('a', 90), word('b', 90), word('c', 90)]]]), page([[[word('smudge', 30)]]])]
    const built = buildOcrText(pages, ['eng'], NO_TEXT_IN_SCAN)
    expect(built.summary.confidence).toBe(75)
    expect(built.summary.lowConfidencePages).toEqual([2])
  })

  it('writes Chinese without the spaces the recogniser puts between its characters, and keeps them between Latin words', () => {
    const built = buildOcrText([page([[[word('外交'), word('部'), word('发言人'), word('Wang'), word('Yi')]]])], ['chi_sim'], NO_TEXT_IN_SCAN)
    expect(built.text).toBe('外交部发言人 Wang Yi')
    expect(built.layout.pages[0]?.words.map(([start, end]) => built.text.slice(start, end))).toEqual(['外交', '部', '发言人', 'Wang', 'Yi'])
  })

  it('drops empty words and gives a scan where nothing was recognised the placeholder text', () => {
    const built = buildOcrText([page([[[word(' '), word('')]]]), page([])], ['eng'], NO_TEXT_IN_SCAN)
    expect(built.text).toBe(NO_TEXT_IN_SCAN)
    expect(built.pageStarts).toEqual([0, NO_TEXT_IN_SCAN.length])
    expect(built.summary).toMatchObject({ recognised: false, confidence: 0, pages: 2 })
    expect(built.layout.pages.map((one) => one.words)).toEqual([[], []])
  })
})
