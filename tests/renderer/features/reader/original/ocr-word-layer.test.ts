import { describe, expect, it } from 'vitest'
import type { OcrLayout, OcrPage, OcrWord } from '../../../../../src/shared/domain/original'
import { buildWordLayer, ocrPageStarts, pdfPageText } from '../../../../../src/renderer/src/features/reader/original/ocr-word-layer'
import { OffsetLayer } from '../../../../../src/renderer/src/features/reader/original/offset-layer'

const text = 'Envoy presents credentials\nin the Kremlin.'

/** Words of `text` laid out left to right on two lines of a 1000 × 1400 page. */
function pageOf(source: string): OcrPage {
  const words: OcrWord[] = []
  let line = 0
  let x = 0.1
  for (const match of source.matchAll(/\S+|\n/g)) {
    if (match[0] === '\n') {
      line += 1
      x = 0.1
      continue
    }
    const width = match[0].length * 0.02
    words.push([match.index, match.index + match[0].length, x, 0.1 + line * 0.05, x + width, 0.13 + line * 0.05, 91])
    x += width + 0.01
  }
  return { width: 1000, height: 1400, confidence: 91, words }
}

describe('ocr-word-layer', () => {
  it('lays one selectable span per recognised word on its box, with a space after each', () => {
    const layer = buildWordLayer(document, text, pageOf(text), () => 100)
    const spans = [...layer.element.querySelectorAll('span')]
    expect(spans.map((span) => span.textContent)).toEqual(['Envoy ', 'presents ', 'credentials ', 'in ', 'the ', 'Kremlin. '])
    const kremlin = spans[5] as HTMLElement
    expect(kremlin.style.top).toBe('15%')
    // Box heights are shares of the page, so the words follow a zoom without being rebuilt.
    expect(kremlin.style.fontSize).toBe('3cqh')
    expect(Number(kremlin.style.getPropertyValue('--scale-x'))).toBeGreaterThan(0)
    expect(layer.starts).toEqual([0, 5, 6, 14, 15, 26, 27, 29, 30, 33, 34, null])
  })

  it('maps stored offsets to the words on the scan and a selection on it back to offsets', () => {
    const built = buildWordLayer(document, text, pageOf(text), () => null)
    document.body.replaceChildren(built.element)
    const layer = OffsetLayer.fromWords(built.nodes, built.starts)
    const start = text.indexOf('credentials')
    const end = text.indexOf('Kremlin') + 'Kremlin'.length
    // The blanks between the words are covered too, so the highlight reads as one stroke per line.
    expect(layer.rangesFor(start, end).map((range) => range.toString())).toEqual(['credentials', ' ', 'in', ' ', 'the', ' ', 'Kremlin'])

    const range = document.createRange()
    range.setStart(built.nodes[2] as Text, 0)
    range.setEnd(built.nodes[6] as Text, 2)
    const selection = window.getSelection() as Selection
    selection.removeAllRanges()
    selection.addRange(range)
    expect(layer.selectionRange(selection)).toEqual({ start: 6, end: 29 })
    expect(text.slice(6, 29)).toBe('presents credentials\nin')
  })

  it('skips words whose offsets run backwards or past the text, rather than misplace everything after them', () => {
    const page: OcrPage = { width: 100, height: 100, confidence: 50, words: [[0, 5, 0, 0, 0.2, 0.1, 50], [2, 4, 0.3, 0, 0.4, 0.1, 50], [6, 999, 0.5, 0, 0.6, 0.1, 50], [6, 14, 0.5, 0, 0.6, 0.1, 50]] }
    const layer = buildWordLayer(document, text, page, () => null)
    expect([...layer.element.querySelectorAll('span')].map((span) => span.textContent)).toEqual(['Envoy ', 'presents '])
  })

  it('gives a page without words the start of the next page, so offsets land on the page that shows them', () => {
    const layout: OcrLayout = {
      pages: [
        { width: 1, height: 1, confidence: 90, words: [[0, 5, 0, 0, 0.1, 0.1, 90]] },
        { width: 1, height: 1, confidence: 0, words: [] },
        { width: 1, height: 1, confidence: 90, words: [[27, 29, 0, 0, 0.1, 0.1, 90]] },
        { width: 1, height: 1, confidence: 0, words: [] }
      ]
    }
    expect(ocrPageStarts(layout, text.length)).toEqual([0, 27, 27, text.length])
  })
})

describe('pdfPageText', () => {
  const whole = 'Typed page.\n\nPage 2 Exhibit A\n\nTyped again.'
  const starts = [0, 13, 31]
  const scanned: OcrPage = { width: 1000, height: 1400, confidence: 90, words: [[13, 17, 0.1, 0.1, 0.2, 0.12, 90]] }
  const typed: OcrPage = { width: 612, height: 792, confidence: 0, words: [], textLayer: true }

  it('uses the OCR words on a scanned page and pdf.js text layer on the typed pages of the same PDF', () => {
    const layout: OcrLayout = { pages: [typed, scanned, typed] }
    expect(pdfPageText(layout, starts, whole, 0)).toEqual({ kind: 'text-layer', text: 'Typed page.\n\n', base: 0 })
    expect(pdfPageText(layout, starts, whole, 1)).toEqual({ kind: 'words', text: whole, page: scanned })
    expect(pdfPageText(layout, starts, whole, 2)).toEqual({ kind: 'text-layer', text: 'Typed again.', base: 31 })
  })

  it('uses the text layer on every page of a typed PDF, and nothing on a scan page past the OCR cap', () => {
    expect(pdfPageText(null, starts, whole, 1)).toMatchObject({ kind: 'text-layer', base: 13 })
    expect(pdfPageText({ pages: [scanned] }, [0], whole, 1)).toBeNull()
  })
})
