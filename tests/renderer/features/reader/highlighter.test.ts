import { beforeEach, describe, expect, it } from 'vitest'
import { Highlighter, selectionOffsets } from '../../../../src/renderer/src/features/reader/highlighter'
import { findAll } from '../../../../src/shared/text/find'

const text = 'Seoul’s Envoy Lee Sok\u2011bae Attends.\nLee Sok-bae, South Korea’s top diplomat, said “goodwill has been squandered”.'

describe('Highlighter', () => {
  let container: HTMLDivElement
  let highlighter: Highlighter
  beforeEach(() => {
    document.body.innerHTML = '<div id="pane"></div>'
    container = document.getElementById('pane') as HTMLDivElement
    highlighter = new Highlighter(container)
  })

  it('draws each annotation at its character offsets, nesting overlaps, without changing the text', () => {
    const outer = { start: 14, end: 25, annotationId: 'a1', color: 'yellow' }
    const inner = { start: 18, end: 25, annotationId: 'a2', color: 'pink' }
    highlighter.render(text, [outer, inner])
    expect(container.textContent).toBe(text)
    expect(highlighter.elementsForAnnotation('a1').map((el) => el.textContent).join('')).toBe('Lee Sok\u2011bae')
    expect(highlighter.elementsForAnnotation('a2').map((el) => el.textContent).join('')).toBe('Sok\u2011bae')
    expect(highlighter.elementsForAnnotation('a2')[0]?.className).toContain('color-pink')
  })

  it('marks every find hit, typographic variants included, and emphasises the current one', () => {
    highlighter.render(text, [{ start: 0, end: 5, annotationId: 'a1', color: 'green' }])
    const hits = findAll(text, 'Lee Sok-bae')
    highlighter.markFindHits(hits, 1)
    const marks = [...container.querySelectorAll('mark.find-hit')].map((el) => el.textContent)
    expect(marks).toEqual(['Lee Sok\u2011bae', 'Lee Sok-bae'])
    expect(highlighter.currentFindHit()?.textContent).toBe('Lee Sok-bae')
    highlighter.markFindHits([], -1)
    expect(container.querySelectorAll('mark.find-hit')).toHaveLength(0)
    expect(highlighter.elementsForAnnotation('a1')).toHaveLength(1)
    expect(container.textContent).toBe(text)
  })

  it('measures a selection in text offsets even when it crosses marks', () => {
    highlighter.render(text, [{ start: 14, end: 25, annotationId: 'a1', color: 'yellow' }])
    const mark = highlighter.elementsForAnnotation('a1')[0]!
    const range = document.createRange()
    range.setStart(mark.firstChild!, 4)
    const after = mark.nextSibling!
    range.setEnd(after, 8)
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
    const offsets = selectionOffsets(container, selection)
    expect(offsets).toEqual({ start: 18, end: 33 })
    expect(text.slice(offsets!.start, offsets!.end)).toBe('Sok\u2011bae Attends')
  })

  it('ignores a selection outside its container', () => {
    highlighter.render(text, [])
    const outside = document.createElement('p')
    outside.textContent = 'elsewhere'
    document.body.append(outside)
    const range = document.createRange()
    range.selectNodeContents(outside)
    window.getSelection()!.removeAllRanges()
    window.getSelection()!.addRange(range)
    expect(selectionOffsets(container, window.getSelection())).toBeNull()
  })
})

describe('layoutText', () => {
  it('puts each paragraph in its own direction and each line in an isolate, keeping the text exactly', () => {
    const text = 'English first.\n\nيقول الرئيس "hello" ثم يتابع\nسطر ثان\n\n\n한국 대사관은 이석배 대사가\n'
    document.body.innerHTML = '<div id="pane"></div>'
    const container = document.getElementById('pane') as HTMLDivElement
    new Highlighter(container).render(text, [])
    expect(container.textContent).toBe(text)
    const paragraphs = [...container.querySelectorAll('p.para')]
    expect(paragraphs.map((p) => p.getAttribute('dir'))).toEqual(['auto', 'auto', 'auto'])
    expect(paragraphs[1]?.querySelectorAll('span[dir="auto"]')).toHaveLength(2)
    expect(paragraphs.map((p) => p.classList.contains('hangul'))).toEqual([false, false, true])
  })

  it('keeps offsets right for marks that cross a paragraph break', () => {
    const text = 'First paragraph ends.\n\nSecond begins here.'
    document.body.innerHTML = '<div id="pane"></div>'
    const container = document.getElementById('pane') as HTMLDivElement
    const highlighter = new Highlighter(container)
    highlighter.render(text, [{ start: 6, end: 30, annotationId: 'a1', color: 'yellow' }])
    expect(highlighter.elementsForAnnotation('a1').map((element) => element.textContent).join('')).toBe(text.slice(6, 30))
    const range = document.createRange()
    range.selectNodeContents(container.querySelectorAll('p.para')[1]!)
    window.getSelection()!.removeAllRanges()
    window.getSelection()!.addRange(range)
    expect(selectionOffsets(container, window.getSelection())).toEqual({ start: 23, end: text.length })
  })
})
