// The original beside the text, in Chromium: a PDF's pages with a highlight made by
// selecting on the page, linked to a claim, kept across a reload on the same page and
// words in both views, and reached again from the claim; a saved web page shown as its
// article without one request leaving the app; a scan made here, OCR'd on import and found by search.
import { AxeBuilder } from '@axe-core/playwright'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeScannedPdf } from '../helpers/scanned-pdf'
import { makePdf } from '../main/core/library/extract/make-pdf'
import { openSession, type Session } from './support/session'

const screenshots = resolve(__dirname, '../../test-results/screenshots')
const PHRASE = 'grain ports would reopen within a week'
const PDF_PAGES: string[][] = [
  ['Port closures: a report', 'This first page sets out the background of the dispute.', 'Ships waited outside the harbour for nine days.'],
  ['Findings', `The deputy minister said the ${PHRASE} of the talks.`, 'Officials in Odesa declined to comment on the claim.'],
  ['Annex', 'Tables of tonnage follow on this last page.']
]
const SCAN_WORD = 'wheelbarrow'
const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64')
const SAVED_PAGE = `<!doctype html><html><head><title>Harbour reopens | The Coast Herald</title>
<script>window.pwned = true</script></head><body>
<nav><a href="https://coast.example/">Home</a> <a href="https://coast.example/world">World</a></nav>
<article><h1>Harbour reopens after nine days</h1>
<p>The harbour master said on Friday that the first grain ship had left the port, ending a closure that began on 3 May.</p>
<img src="Harbour_files/chart.png" alt="Tonnage chart"><img src="https://tracker.example/pixel.gif" alt="">
<p>“We are back to normal traffic,” she said, adding that <a href="https://coast.example/ports">the other ports</a> would follow.</p>
<p onclick="window.pwned = true">Traders welcomed the news, though insurers said premiums would stay high for weeks.</p>
<iframe src="https://ads.example/frame"></iframe>
<p>Officials expect the backlog of forty ships to clear by the end of the month.</p></article></body></html>`

describe('the original view (browser mode)', () => {
  let session: Session
  let page: Page
  let folder: string

  const pane = (n: number) => page.locator(`[data-testid="pane-${n}"]`)
  /** Empties pane 1, so the next source opened goes there (a source opens in the first empty pane). */
  const emptyPane1 = async () => {
    const close = pane(1).getByRole('button', { name: 'Close pane 1' })
    if ((await close.count()) > 0) await close.click()
  }
  const openSource = async (title: string | RegExp) => {
    await emptyPane1()
    await page.getByTestId('source-list').getByRole('button', { name: title }).click()
  }

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true })
    folder = await mkdtemp(join(tmpdir(), 'sourcebench-e2e-original-folder-'))
    await writeFile(join(folder, 'port-report.pdf'), makePdf({ pages: PDF_PAGES, info: { Title: 'Port closures report' } }))
    await mkdir(join(folder, 'Harbour_files'))
    await writeFile(join(folder, 'Harbour_files', 'chart.png'), PIXEL_PNG)
    await writeFile(join(folder, 'Harbour.html'), SAVED_PAGE)
    await writeFile(join(folder, 'scan.pdf'), await makeScannedPdf([[`The ${SCAN_WORD} was left by the harbour gate.`, 'Nobody claimed it for a week.']]))
    session = await openSession('original')
    page = session.page
    await page.getByLabel('Folder to import').fill(folder)
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    // The five seeds and the three files here, the scan OCR'd on the way.
    await page.locator('.source-item').nth(7).waitFor({ timeout: 120_000 })
  }, 180_000)

  afterAll(async () => {
    await session?.close()
    if (folder !== undefined) await rm(folder, { recursive: true, force: true })
  })

  /** Selects `phrase` on a PDF page's text layer with the mouse, as a reader drags over it. */
  async function dragOverPhrase(pageNumber: number, phrase: string): Promise<void> {
    const box = await page.evaluate(
      ({ pageNumber, phrase }) => {
        const layer = document.querySelector(`[data-testid="pane-1"] [data-testid="pdf-page"][data-page-number="${pageNumber}"] .textLayer`)
        if (layer === null) return null
        const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
          const at = (node.textContent ?? '').indexOf(phrase)
          if (at === -1) continue
          const range = document.createRange()
          range.setStart(node, at)
          range.setEnd(node, at + 1)
          const first = range.getBoundingClientRect()
          range.setStart(node, at + phrase.length - 1)
          range.setEnd(node, at + phrase.length)
          const last = range.getBoundingClientRect()
          return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 }
        }
        return null
      },
      { pageNumber, phrase }
    )
    if (box === null) throw new Error(`e2e: “${phrase}” is not on page ${pageNumber}`)
    await page.mouse.move(box.x1, box.y1)
    await page.mouse.down()
    await page.mouse.move((box.x1 + box.x2) / 2, box.y2, { steps: 4 })
    await page.mouse.move(box.x2, box.y2, { steps: 4 })
    await page.mouse.up()
  }

  /** How much of the phrase's text on the page the drawn highlight boxes cover (0–1). */
  async function highlightCover(pageNumber: number, phrase: string): Promise<number> {
    return page.evaluate(
      ({ pageNumber, phrase }) => {
        const pdfPage = document.querySelector(`[data-testid="pane-1"] [data-testid="pdf-page"][data-page-number="${pageNumber}"]`)
        const layer = pdfPage?.querySelector('.textLayer')
        if (pdfPage === null || pdfPage === undefined || layer === null || layer === undefined) return 0
        const boxes = [...pdfPage.querySelectorAll('[data-testid="original-highlight"][data-annotation-id]')].map((box) => box.getBoundingClientRect())
        const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT)
        let covered = 0
        let total = 0
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
          const at = (node.textContent ?? '').indexOf(phrase)
          if (at === -1) continue
          for (let k = at; k < at + phrase.length; k += 1) {
            if (phrase.charAt(k - at) === ' ') continue
            const range = document.createRange()
            range.setStart(node, k)
            range.setEnd(node, k + 1)
            const char = range.getBoundingClientRect()
            const x = char.left + char.width / 2
            const y = char.top + char.height / 2
            total += 1
            if (boxes.some((box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom)) covered += 1
          }
        }
        return total === 0 ? 0 : covered / total
      },
      { pageNumber, phrase }
    )
  }

  /** The share of dark pixels on a page's canvas: 0 while the page is blank. */
  async function inkOnPage(pageNumber: number): Promise<number> {
    return page.evaluate((pageNumber) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="pane-1"] [data-testid="pdf-page"][data-page-number="${pageNumber}"] canvas`)
      if (canvas === null || canvas.width === 0) return 0
      const copy = document.createElement('canvas')
      copy.width = canvas.width
      copy.height = canvas.height
      const context = copy.getContext('2d')
      if (context === null) return 0
      context.drawImage(canvas, 0, 0)
      const { data } = context.getImageData(0, 0, copy.width, copy.height)
      let dark = 0
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128 && (data[i + 3] ?? 0) > 0) dark += 1
      return dark / (data.length / 4)
    }, pageNumber)
  }

  it('shows the PDF’s pages and highlights a passage selected on the page', async () => {
    await openSource('Port closures report')
    await pane(1).getByRole('button', { name: 'Original', exact: true }).click()
    const second = pane(1).locator('[data-testid="pdf-page"][data-page-number="2"]')
    await second.locator('.textLayer').getByText('deputy minister', { exact: false }).waitFor({ timeout: 30_000 })
    await second.scrollIntoViewIfNeeded()
    await dragOverPhrase(2, PHRASE)
    await page.getByRole('button', { name: 'Highlight green' }).click()
    const card = page.getByTestId('annotation-card').filter({ hasText: PHRASE })
    await card.waitFor()
    await expect.poll(() => highlightCover(2, PHRASE)).toBeGreaterThan(0.95)
    // Nothing drawn over the other pages.
    expect(await pane(1).locator('[data-testid="pdf-page"][data-page-number="1"] [data-testid="original-highlight"]').count()).toBe(0)
    await page.getByRole('button', { name: '+ New claim' }).click()
    const claimText = page.getByLabel('Claim 1')
    await claimText.fill('The ports would reopen within a week, the deputy minister said')
    await claimText.blur()
    await card.getByRole('button', { name: 'Link to claim' }).click()
    await page.getByRole('menuitem', { name: /^1\. / }).click()
    await page.getByTestId('claim-link').filter({ hasText: PHRASE }).waitFor()
    await page.screenshot({ path: join(screenshots, 'pdf-original.png') })
    const axe = await new AxeBuilder({ page }).include('[data-testid="pane-1"]').withTags(['wcag2a', 'wcag2aa']).analyze()
    expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([])
    // Without the library the page has room to be read: the picture for the README.
    await page.keyboard.press('Control+B')
    await expect.poll(() => highlightCover(2, PHRASE)).toBeGreaterThan(0.95)
    await pane(1).locator('[data-testid="pdf-page"][data-page-number="2"]').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(screenshots, 'pdf-original-wide.png') })
    await page.keyboard.press('Control+B')
    await page.getByTestId('source-list').waitFor()
  }, 90_000)

  it('keeps the highlight after a reload, on the same page and words in both views', async () => {
    await page.reload()
    await page.locator('.source-item').nth(7).waitFor()
    // The pane comes back showing the original.
    await expect.poll(() => highlightCover(2, PHRASE), { timeout: 30_000 }).toBeGreaterThan(0.95)
    await pane(1).getByRole('button', { name: 'Text', exact: true }).click()
    const mark = pane(1).locator('mark.annotation-mark.color-green')
    await mark.first().waitFor()
    expect((await mark.allTextContents()).join('')).toBe(PHRASE)
  }, 60_000)

  it('opens the claim’s link on the page of its passage', async () => {
    await page.getByTestId('claim-link').filter({ hasText: PHRASE }).locator('.link-body').click()
    const second = pane(1).locator('[data-testid="pdf-page"][data-page-number="2"]')
    await second.waitFor({ timeout: 30_000 })
    await expect.poll(() => highlightCover(2, PHRASE), { timeout: 30_000 }).toBeGreaterThan(0.95)
    await expect.poll(() => page.evaluate(() => {
      const box = document.querySelector('[data-testid="pane-1"] [data-testid="original-highlight"][data-annotation-id]')?.getBoundingClientRect()
      return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight
    })).toBe(true)
  }, 60_000)

  it('shows a saved web page as its article, with its local image, and no request leaving the app', async () => {
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    await openSource('Harbour reopens | The Coast Herald')
    await pane(1).getByRole('button', { name: 'Original', exact: true }).click()
    const article = pane(1).getByTestId('web-original')
    await article.getByText('the first grain ship had left the port').waitFor({ timeout: 30_000 })
    await expect.poll(() => article.locator('img').evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth))).toEqual([4])
    expect(await article.locator('iframe, script, [onclick]').count()).toBe(0)
    await article.getByRole('link', { name: 'the other ports' }).click()
    expect(page.url()).toContain(new URL(session.app.url).host)
    expect(await page.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined()
    const origin = new URL(session.app.url).origin
    const leaving = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))
    expect(leaving).toEqual([])
    // Only the app's own API was asked: no image, frame or script of the page was fetched.
    expect(requests.filter((url) => url.startsWith(origin) && !new URL(url).pathname.startsWith('/api/'))).toEqual([])
    await page.screenshot({ path: join(screenshots, 'web-original.png') })
  }, 60_000)

  it('reads a scanned PDF by OCR on import, says so, and search finds a word from it', async () => {
    await emptyPane1()
    await page.getByRole('tab', { name: 'Search' }).click()
    await page.getByLabel('Search the library').fill(SCAN_WORD)
    const hit = page.getByTestId('search-results').locator('li').filter({ hasText: SCAN_WORD })
    await hit.first().waitFor({ timeout: 30_000 })
    await hit.first().getByRole('button').click()
    await expect.poll(() => pane(1).locator('.pane-meta').textContent()).toMatch(/OCR text, \d+ % sure/)
    await pane(1).getByRole('button', { name: 'Original', exact: true }).click()
    await pane(1).getByTestId('ocr-caveat').waitFor()
    expect(await pane(1).getByTestId('ocr-caveat').textContent()).toMatch(/^Text recognised by OCR, may contain errors/)
    await pane(1).locator('[data-testid="pdf-page"][data-page-number="1"]').waitFor()
    // The scan itself is drawn (dark ink on the page), with the recognised words laid over it.
    await expect.poll(() => inkOnPage(1), { timeout: 30_000 }).toBeGreaterThan(0.001)
    expect(await pane(1).locator('[data-testid="pdf-page"][data-page-number="1"] .ocr-word-layer').getByText(SCAN_WORD).count()).toBe(1)
    await page.screenshot({ path: join(screenshots, 'scan-original.png') })
  }, 60_000)
})
