import { describe, expect, it } from 'vitest'
import { OffsetLayer } from '../../../../../src/renderer/src/features/reader/original/offset-layer'

/** A page-like layer: one span per text run, as pdf.js's text layer draws them. */
function layerOf(runs: string[]): { root: HTMLElement; nodes: Text[] } {
  const root = document.createElement('div')
  const nodes = runs.map((text) => {
    const span = document.createElement('span')
    span.textContent = text
    root.append(span)
    return span.firstChild as Text
  })
  document.body.append(root)
  return { root, nodes }
}

function select(startNode: Text, startOffset: number, endNode: Text, endOffset: number): Selection {
  const selection = window.getSelection() as Selection
  const range = document.createRange()
  range.setStart(startNode, startOffset)
  range.setEnd(endNode, endOffset)
  selection.removeAllRanges()
  selection.addRange(range)
  return selection
}

describe('offset-layer', () => {
  const text = 'Page one.\n\nWe hope to restore relations\nwith South Korea, Putin said.'
  const pageStart = text.indexOf('We')
  const page = text.slice(pageStart)

  it('finds the runs a stored highlight covers on the page, across a line break', () => {
    const { nodes } = layerOf(['We hope to restore relations', 'with South Korea, Putin said.'])
    const layer = OffsetLayer.align(page, nodes, pageStart)
    const start = text.indexOf('restore')
    const end = text.indexOf(' Korea') + ' Korea'.length
    const ranges = layer.rangesFor(start, end)
    expect(ranges.map((range) => range.toString())).toEqual(['restore relations', 'with South Korea'])
  })

  it('reads a selection on the page back as the same offsets the text view would give', () => {
    const { nodes } = layerOf(['We hope to restore relations', 'with South Korea, Putin said.'])
    const layer = OffsetLayer.align(page, nodes, pageStart)
    const first = nodes[0] as Text
    const second = nodes[1] as Text
    const selected = layer.selectionRange(select(first, first.data.indexOf('hope'), second, second.data.indexOf(',')))
    expect(selected).not.toBeNull()
    expect(text.slice(selected?.start, selected?.end)).toBe('hope to restore relations\nwith South Korea')
  })

  it('maps recognised words by their stored offsets and ignores the spaces drawn between them', () => {
    const { nodes } = layerOf(['hope', ' ', 'to', ' ', 'restore'])
    const at = text.indexOf('hope')
    const layer = OffsetLayer.fromWords(nodes, [at, null, at + 5, null, at + 8])
    expect(layer.rangesFor(at + 5, at + 15).map((range) => range.toString())).toEqual(['to', 'restore'])
    const selected = layer.selectionRange(select(nodes[0] as Text, 1, nodes[4] as Text, 3))
    expect(text.slice(selected?.start, selected?.end)).toBe('ope to res')
  })

  it('gives nothing for a selection outside its text', () => {
    const { nodes } = layerOf(['We hope'])
    const other = layerOf(['unrelated words'])
    const layer = OffsetLayer.align(page, nodes, pageStart)
    expect(layer.selectionRange(select(other.nodes[0] as Text, 0, other.nodes[0] as Text, 5))).toBeNull()
    expect(layer.rangesFor(0, 5)).toEqual([])
  })
})
