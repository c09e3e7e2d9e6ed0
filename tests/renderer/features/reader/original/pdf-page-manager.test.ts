import { describe, expect, it } from 'vitest'
import { OffsetLayer } from '../../../../../src/renderer/src/features/reader/original/offset-layer'
import type { PageContent, RenderPage } from '../../../../../src/renderer/src/features/reader/original/pdf-page-content'
import { PageManager } from '../../../../../src/renderer/src/features/reader/original/pdf-page-manager'

interface FakePage {
  index: number
  scale: number
  destroyed: boolean
  finish(): void
}

/** Pages whose "text" is one word, laid out when the test says so. */
function fakeRenderer(): { render: RenderPage; pages: FakePage[] } {
  const pages: FakePage[] = []
  const render: RenderPage = (index, slots, scale) => {
    let finish: () => void = () => undefined
    const text = new Promise<OffsetLayer | null>((resolve) => {
      finish = () => {
        const span = document.createElement('span')
        span.textContent = `page${index}`
        slots.text.append(span)
        resolve(OffsetLayer.fromWords([span.firstChild as Text], [index * 10]))
      }
    })
    const page: FakePage = { index, scale, destroyed: false, finish: () => finish() }
    pages.push(page)
    const content: PageContent = {
      text,
      setScale: (next) => (page.scale = next),
      destroy: () => {
        page.destroyed = true
        slots.text.replaceChildren()
      }
    }
    return content
  }
  return { render, pages }
}

function hostsFor(count: number): HTMLElement[] {
  return Array.from({ length: count }, () => document.createElement('div'))
}

describe('PageManager', () => {
  it('renders only the pages asked for and lets go of pages that scrolled away', () => {
    const { render, pages } = fakeRenderer()
    const hosts = hostsFor(500)
    const manager = new PageManager(render, () => undefined)
    manager.sync(0, 2, 1, (index) => hosts[index] ?? null)
    expect(pages.map((page) => page.index).sort()).toEqual([0, 1, 2])
    manager.sync(250, 252, 1, (index) => hosts[index] ?? null)
    expect(pages.filter((page) => !page.destroyed).map((page) => page.index).sort()).toEqual([250, 251, 252])
    expect(hosts[0]?.childElementCount).toBe(0)
    // A page drawn again when it comes back, not kept all along.
    manager.sync(1, 1, 1, (index) => hosts[index] ?? null)
    expect(pages.filter((page) => !page.destroyed).map((page) => page.index)).toEqual([1])
  })

  it('starts the pages in the middle of the range (the ones in view) before those drawn ahead', () => {
    const { render, pages } = fakeRenderer()
    const hosts = hostsFor(50)
    new PageManager(render, () => undefined).sync(10, 14, 1, (index) => hosts[index] ?? null)
    expect(pages.map((page) => page.index)).toEqual([12, 11, 13, 10, 14])
  })

  it('gives each live page a picture slot, a text slot and an overlay for highlights, in that order', () => {
    const { render } = fakeRenderer()
    const host = document.createElement('div')
    new PageManager(render, () => undefined).sync(0, 0, 1, () => host)
    expect([...host.children].map((child) => child.className)).toEqual(['page-visual', 'page-text', 'original-overlay'])
  })

  it('tells when a page text is in place, and ignores the text of a page that has since gone', async () => {
    const { render, pages } = fakeRenderer()
    const hosts = hostsFor(10)
    const ready: number[] = []
    const manager = new PageManager(render, (index) => ready.push(index))
    manager.sync(0, 1, 1, (index) => hosts[index] ?? null)
    pages[1]?.finish()
    manager.sync(5, 5, 1, (index) => hosts[index] ?? null)
    pages[0]?.finish()
    pages[2]?.finish()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(ready).toEqual([5])
    expect(manager.texts().map((text) => text.index)).toEqual([5])
    expect(manager.text(5)?.layer.rangesFor(50, 51)[0]?.toString()).toBe('p')
  })

  it('passes a zoom on to the pages already drawn and draws new ones at the new scale', () => {
    const { render, pages } = fakeRenderer()
    const hosts = hostsFor(10)
    const manager = new PageManager(render, () => undefined)
    manager.sync(0, 1, 1, (index) => hosts[index] ?? null)
    manager.sync(0, 2, 1.5, (index) => hosts[index] ?? null)
    expect(pages.map((page) => page.scale)).toEqual([1.5, 1.5, 1.5])
  })
})
