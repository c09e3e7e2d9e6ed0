import { describe, expect, it } from 'vitest'
import { ScrollSync, type ColumnElements } from '../../../../src/renderer/src/features/corroboration/compare-scroll'

/** A column of sentences laid out 40 px apart (jsdom has no layout, so positions are given). */
function column(links: (number | null)[], scrollHeight = 2000, clientHeight = 400): ColumnElements {
  const scroller = document.createElement('div')
  Object.defineProperty(scroller, 'scrollHeight', { value: scrollHeight })
  Object.defineProperty(scroller, 'clientHeight', { value: clientHeight })
  const sentences = links.map((link, index) => {
    const element = document.createElement('span')
    if (link !== null) element.dataset['link'] = String(link)
    Object.defineProperty(element, 'offsetTop', { value: index * 40 })
    Object.defineProperty(element, 'offsetHeight', { value: 30 })
    scroller.append(element)
    return element
  })
  return { scroller, sentences }
}

describe('ScrollSync', () => {
  it('brings the matching passage of the other column to the height of the one at the top', () => {
    const left = column([0, null, 1, null, 2, 3])
    const right = column([null, null, null, null, null, null, 3, null, 2, 1, 0])
    const sync = new ScrollSync()
    left.scroller.scrollTop = 150 // sentence 4 (link 2, top 160) is the first at the top
    sync.follow(left, [right])
    // link 2 is right's sentence 8 at 320: it must sit 10 px below the top, as on the left.
    expect(right.scroller.scrollTop).toBe(320 - (160 - 150))
  })

  it('skips passages only one source has when choosing what to line up', () => {
    const left = column([null, null, null, 5])
    const right = column([null, null, null, null, null, 5])
    left.scroller.scrollTop = 70 // sentence 2 is at the top but only the left has it; sentence 3 (link 5) is next
    new ScrollSync().follow(left, [right])
    expect(right.scroller.scrollTop).toBe(200 - (120 - 70))
  })

  it('does not make the first column follow the scroll it caused in the second', () => {
    const left = column([0, 1, 2, 3])
    const right = column([null, null, null, 0, 1, 2, 3])
    const sync = new ScrollSync()
    left.scroller.scrollTop = 45
    sync.follow(left, [right])
    const moved = right.scroller.scrollTop
    expect(moved).toBeGreaterThan(0)
    // The browser now reports right's scroll: it is ours, so left must stay where the user put it.
    sync.follow(right, [left])
    expect(left.scroller.scrollTop).toBe(45)
    // The user's next scroll of the right column is followed again.
    right.scroller.scrollTop = moved + 40
    sync.follow(right, [left])
    expect(left.scroller.scrollTop).not.toBe(45)
  })

  it('never scrolls past the end of a column', () => {
    const left = column([null, null, null, null, null, null, null, null, null, 7])
    const right = column([7], 300, 400)
    left.scroller.scrollTop = 350
    new ScrollSync().follow(left, [right])
    expect(right.scroller.scrollTop).toBe(0)
  })
})
