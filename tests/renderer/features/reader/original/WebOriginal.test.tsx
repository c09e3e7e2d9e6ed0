import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { useWorkbench } from '../../../../../src/renderer/src/app/workbench-store'
import type { AnnotationMark } from '../../../../../src/renderer/src/features/reader/highlighter'
import { WebOriginal } from '../../../../../src/renderer/src/features/reader/original/WebOriginal'
import type { OriginalSelection } from '../../../../../src/renderer/src/features/reader/original/original-view-props'
import type { Api } from '../../../../../src/shared/ipc/contract'
import { makeSource } from '../../../../helpers/factories'

const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

const ARTICLE = `<div id="readability-page-1" class="page">
<h2 onclick="alert(1)" style="color:red">Credentials ceremony</h2>
<script>window.stolen = true</script>
<style>body { display: none }</style>
<p>The ambassadors presented their <b>credentials</b> in the Kremlin.</p>
<iframe src="https://tracker.example/frame"></iframe>
<object data="https://tracker.example/flash.swf"></object>
<embed src="https://tracker.example/embed">
<form action="https://tracker.example/post"><input name="q" value="typed"></form>
<link rel="stylesheet" href="https://tracker.example/style.css">
<figure><img src="${PIXEL}" alt="The hall" onerror="alert(2)"><figcaption>The hall</figcaption></figure>
<img src="https://cdn.example/photo.jpg" alt="A remote photo" srcset="https://cdn.example/photo-2x.jpg 2x">
<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="A drawing">
<img src="https://tracker.example/pixel.gif" alt="">
<ul><li>Trade went up.</li><li>Relations may be restored.</li></ul>
<p>Read <a href="https://news.example/more" target="_blank" rel="opener">the full remarks</a> or <a href="javascript:alert(3)">this</a>.</p>
</div>`

const TEXT = 'Credentials ceremony\n\nThe ambassadors presented their credentials in the Kremlin.\n\nThe hall\n\n• Trade went up.\n• Relations may be restored.\n\nRead the full remarks or this.'

const source = makeSource({ id: 's1', title: 'Ceremony', relativePath: 'ceremony.html', format: 'html' })

/** An API answering openExternalUrl with `opened`, recording every call. */
function fakeApi(opened: boolean): { api: Api; calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = []
  const api = new Proxy({} as Api, {
    get: (_target, method: string) => (input: unknown) => {
      calls.push([method, input])
      return Promise.resolve({ ok: true, value: method === 'openExternalUrl' ? { opened } : null })
    }
  })
  return { api, calls }
}

interface Shown {
  onSelect: ReturnType<typeof vi.fn<(selection: OriginalSelection | null) => void>>
  onAnnotationClick: ReturnType<typeof vi.fn<(id: string) => void>>
  article: HTMLElement
}

function show(
  options: { url?: string | null; annotations?: AnnotationMark[]; findHits?: Array<{ start: number; end: number }>; flash?: { annotationId: string; nonce: number } } = {}
): Shown {
  const onSelect = vi.fn<(selection: OriginalSelection | null) => void>()
  const onAnnotationClick = vi.fn<(id: string) => void>()
  render(
    <WebOriginal
      source={source}
      text={TEXT}
      html={ARTICLE}
      url={options.url === undefined ? 'https://news.example/ceremony' : options.url}
      annotations={options.annotations ?? []}
      searchHits={[]}
      searchCursor={0}
      findHits={options.findHits ?? []}
      currentFind={-1}
      quoteParts={[]}
      flash={options.flash ?? null}
      onSelect={onSelect}
      onAnnotationClick={onAnnotationClick}
    />
  )
  return { onSelect, onAnnotationClick, article: screen.getByTestId('web-original-article') }
}

function textNodeHolding(root: HTMLElement, words: string): Text {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) if ((node as Text).data.includes(words)) return node as Text
  throw new Error(`test: no text node holds "${words}"`)
}

function select(node: Text, from: string, to: string): void {
  const range = document.createRange()
  range.setStart(node, node.data.indexOf(from))
  range.setEnd(node, node.data.indexOf(to) + to.length)
  const selection = window.getSelection() as Selection
  selection.removeAllRanges()
  selection.addRange(range)
}

describe('WebOriginal', () => {
  // jsdom lays nothing out: every range gets one small box, so highlights can be painted and counted.
  const rect = { left: 10, top: 20, right: 60, bottom: 32, width: 50, height: 12, x: 10, y: 20, toJSON: () => ({}) } as DOMRect
  const originalRects = Range.prototype.getClientRects
  const originalRect = Range.prototype.getBoundingClientRect
  beforeAll(() => {
    Range.prototype.getClientRects = (() => [rect]) as unknown as typeof Range.prototype.getClientRects
    Range.prototype.getBoundingClientRect = () => rect
  })
  afterAll(() => {
    Range.prototype.getClientRects = originalRects
    Range.prototype.getBoundingClientRect = originalRect
  })
  afterEach(() => {
    cleanup()
    window.getSelection()?.removeAllRanges()
    vi.restoreAllMocks()
  })

  it('shows the article without scripts, handlers, styles, frames, embeds or forms', () => {
    const { article } = show()
    expect(article.querySelector('h2')?.textContent).toBe('Credentials ceremony')
    expect(article.querySelectorAll('script, style, iframe, object, embed, form, input, link')).toHaveLength(0)
    for (const element of Array.from(article.querySelectorAll('*'))) {
      const names = element.getAttributeNames()
      expect(names.filter((name) => name.startsWith('on') || name === 'style' || name === 'target' || name === 'srcset' || name === 'id')).toEqual([])
    }
    expect((window as unknown as { stolen?: boolean }).stolen).toBeUndefined()
  })

  it('keeps the images inlined by the engine, shows every other described one as its description and drops the rest, loading nothing', () => {
    const { article } = show()
    const images = Array.from(article.querySelectorAll('img'))
    expect(images.map((image) => image.getAttribute('src'))).toEqual([PIXEL])
    const missing = Array.from(article.querySelectorAll('[role="img"]')).map((element) => element.getAttribute('aria-label'))
    expect(missing).toEqual(['A remote photo', 'A drawing'])
    // Nothing in the view names an address it could load.
    expect(article.innerHTML).not.toMatch(/https?:\/\/(?:cdn|tracker)\.example|image\/svg/)
  })

  it('shows links as words whose address is a tooltip, and a click on one goes nowhere', () => {
    const { article } = show()
    const link = screen.getByRole('link', { name: 'the full remarks' })
    expect(link.tagName).toBe('A')
    expect(link.getAttribute('href')).toBeNull()
    expect(link.getAttribute('target')).toBeNull()
    expect(link.title).toContain('https://news.example/more')
    const click = new MouseEvent('click', { bubbles: true, cancelable: true })
    link.dispatchEvent(click)
    expect(click.defaultPrevented).toBe(true)
    const scriptLink = screen.getByText('this')
    expect(scriptLink.getAttribute('href')).toBeNull()
    expect(scriptLink.title).toBe('')
    expect(article.querySelectorAll('a[href]')).toHaveLength(0)
  })

  it('reads a selection on the article as offsets in the extracted text', () => {
    const { onSelect, article } = show()
    select(textNodeHolding(article, 'The ambassadors'), 'ambassadors', 'their')
    fireEvent.mouseUp(article)
    const selected = onSelect.mock.calls.at(-1)?.[0]
    expect(selected).toBeTruthy()
    expect(TEXT.slice(selected?.start, selected?.end)).toBe('ambassadors presented their')
  })

  it('maps a selection in a list item past the markers the text adds', () => {
    const { onSelect, article } = show()
    select(textNodeHolding(article, 'Relations'), 'Relations', 'restored')
    fireEvent.mouseUp(article)
    const selected = onSelect.mock.calls.at(-1)?.[0]
    expect(TEXT.slice(selected?.start, selected?.end)).toBe('Relations may be restored')
  })

  it('draws annotations and find hits over their words, and a click on an annotation opens it', async () => {
    const start = TEXT.indexOf('credentials in')
    const annotation: AnnotationMark = { annotationId: 'a1', start, end: start + 'credentials'.length, color: 'green' }
    const hit = TEXT.indexOf('Kremlin')
    const { onAnnotationClick } = show({ annotations: [annotation], findHits: [{ start: hit, end: hit + 7 }] })
    const boxes = await screen.findAllByTestId('original-highlight')
    const annotationBoxes = boxes.filter((box) => box.dataset['annotationId'] === 'a1')
    expect(annotationBoxes).toHaveLength(1)
    expect(annotationBoxes[0]?.className).toContain('color-green')
    expect(boxes.some((box) => box.className.includes('find-box'))).toBe(true)
    fireEvent.mouseUp(annotationBoxes[0] as HTMLElement)
    expect(onAnnotationClick).toHaveBeenCalledWith('a1')
  })

  it('flashes the highlight a claim’s link asks for', async () => {
    const start = TEXT.indexOf('Trade went up')
    const annotation: AnnotationMark = { annotationId: 'a2', start, end: start + 'Trade went up'.length, color: 'yellow' }
    show({ annotations: [annotation], flash: { annotationId: 'a2', nonce: 1 } })
    await waitFor(() => expect(screen.getAllByTestId('original-highlight').filter((box) => box.classList.contains('flash'))).toHaveLength(1))
  })

  it('shows the address before opening it, and opens it only when the user confirms', async () => {
    const { api, calls } = fakeApi(true)
    useWorkbench.setState({ api })
    show()
    fireEvent.click(screen.getByRole('button', { name: 'Open original URL in browser…' }))
    expect(screen.getByRole('alertdialog').textContent).toContain('https://news.example/ceremony')
    expect(calls).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(calls).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: 'Open original URL in browser…' }))
    fireEvent.click(screen.getByRole('button', { name: 'Open' }))
    await waitFor(() => expect(calls).toEqual([['openExternalUrl', { url: 'https://news.example/ceremony' }]]))
  })

  it('opens a tab cut off from the app in browser mode, where the engine cannot open a browser', async () => {
    const { api } = fakeApi(false)
    useWorkbench.setState({ api })
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    show()
    fireEvent.click(screen.getByRole('button', { name: 'Open original URL in browser…' }))
    fireEvent.click(screen.getByRole('button', { name: 'Open' }))
    await waitFor(() => expect(open).toHaveBeenCalledWith('https://news.example/ceremony', '_blank', 'noopener,noreferrer'))
  })

  it('never offers to open an address that is not http or https', () => {
    const { api, calls } = fakeApi(true)
    useWorkbench.setState({ api })
    show({ url: 'javascript:alert(1)' })
    const button = screen.getByRole('button', { name: 'Open original URL in browser…' }) as HTMLButtonElement
    expect(button.disabled).toBe(true)
    fireEvent.click(button)
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(calls).toEqual([])
  })

  it('shows no open button when the page stated no address', () => {
    show({ url: null })
    expect(screen.queryByRole('button', { name: 'Open original URL in browser…' })).toBeNull()
  })
})
