import { describe, expect, it } from 'vitest'
import { OffsetLayer } from '../../../../../src/renderer/src/features/reader/original/offset-layer'
import { annotationAt, highlightItems, type PageMarks } from '../../../../../src/renderer/src/features/reader/original/pdf-highlights'

const text = 'First page text.\n\nWe hope to restore relations with South Korea.'
const pageStart = text.indexOf('We')

function pageLayer(): OffsetLayer {
  const root = document.createElement('div')
  const nodes = ['We hope to restore', 'relations with South Korea.'].map((run) => {
    const span = document.createElement('span')
    span.textContent = run
    root.append(span)
    return span.firstChild as Text
  })
  document.body.replaceChildren(root)
  return OffsetLayer.align(text.slice(pageStart), nodes, pageStart)
}

const none: PageMarks = { annotations: [], searchHits: [], searchCursor: 0, findHits: [], currentFind: -1, quoteParts: [], flashing: null }
const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length })

describe('pdf-highlights', () => {
  it('draws a highlight in its colour over the words it covers on this page, across runs', () => {
    const items = highlightItems(pageLayer(), { start: pageStart, end: text.length }, { ...none, annotations: [{ ...at('restore relations'), annotationId: 'a1', color: 'green' }] })
    expect(items.map((item) => [item.range.toString(), item.className, item.annotationId])).toEqual([
      ['restore', 'annotation-box color-green', 'a1'],
      ['relations', 'annotation-box color-green', 'a1']
    ])
  })

  it('leaves out what lies on other pages', () => {
    const items = highlightItems(pageLayer(), { start: pageStart, end: text.length }, { ...none, annotations: [{ ...at('First page'), annotationId: 'a1', color: 'yellow' }] })
    expect(items).toEqual([])
  })

  it('flashes the linked highlight, emphasises the current find and search hits, and draws hits over highlights', () => {
    const marks: PageMarks = {
      ...none,
      annotations: [{ ...at('South Korea'), annotationId: 'a1', color: 'pink' }],
      flashing: 'a1',
      findHits: [at('hope'), at('Korea')],
      currentFind: 1,
      searchHits: [at('relations')],
      searchCursor: 0,
      quoteParts: [at('We hope')]
    }
    const items = highlightItems(pageLayer(), { start: pageStart, end: text.length }, marks)
    expect(items.map((item) => `${item.className}: ${item.range.toString()}`)).toEqual([
      'annotation-box color-pink flash: South Korea',
      'quote-box: We hope',
      'search-box search-current: relations',
      'find-box: hope',
      'find-box find-current: Korea'
    ])
  })

  it('finds the highlight under a click, the smallest one where two overlap', () => {
    const root = document.createElement('div')
    root.innerHTML = '<div class="original-overlay"><div data-annotation-id="outer"></div><div data-annotation-id="inner"></div></div>'
    const [outer, inner] = [...root.querySelectorAll<HTMLElement>('[data-annotation-id]')]
    outer!.getBoundingClientRect = () => new DOMRect(0, 0, 200, 20)
    inner!.getBoundingClientRect = () => new DOMRect(50, 0, 40, 20)
    expect(annotationAt(root, 60, 10)).toBe('inner')
    expect(annotationAt(root, 10, 10)).toBe('outer')
    expect(annotationAt(root, 10, 40)).toBeNull()
  })
})
