import { describe, expect, it } from 'vitest'
import type { OcrLayout, OcrPage, OcrWord } from '../../../../../src/shared/domain/original'
import { buildWordLayer, ocrPageStarts } from '../../../../../src/renderer/src/features/reader/original/ocr-word-layer'
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
