// Importing what journalists have, through the UI: a saved web page (whose script must
// never run), a Windows-1251 text, a newsgroup post saved without an extension, a broken
// PDF listed with its reason, a spreadsheet counted as skipped; then correcting a source's
// citation details and seeing them in the library.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import iconv from 'iconv-lite'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './support/chromium'
import { serveApp, type ServedApp } from './support/serve'

const screenshots = resolve(__dirname, '../../test-results/screenshots')
const PAGE = `<!doctype html><html lang="en"><head><title>Envoy presents credentials – Example News</title>
<meta property="og:site_name" content="Example News"><meta name="author" content="Jane Reporter">
<script>document.title = 'HACKED'; window.__ran = true</script></head>
<body><article><h1>Envoy presents credentials</h1>
<p>South Korea's ambassador Lee Sok-bae presented his credentials in the Kremlin on Thursday, one of 32 new envoys received by the president.</p>
<p>The ceremony took place in the Alexander Hall of the Grand Kremlin Palace, and the president spoke of relations with each country in turn.</p>
<p>Officials in Seoul said the appointment showed that channels remained open despite sanctions and the war in Ukraine.</p>
</article></body></html>`

const POST = `From: jlee@example.edu (Jamie Lee)
Subject: Sanctions and the envoy
Newsgroups: talk.politics.misc
Date: Fri, 16 Jan 2026 09:30:00 +0000

The new envoy's arrival was discussed at length in the group.
`

describe('importing web pages, encodings and broken files (browser mode)', () => {
  let app: ServedApp
  let browser: Browser
  let page: Page
  const made: string[] = []

  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sourcebench-e2e-formats-'))
    const folder = await mkdtemp(join(tmpdir(), 'sourcebench-e2e-folder-'))
    made.push(dataDir, folder)
    await writeFile(join(folder, 'envoy.html'), PAGE)
    await writeFile(join(folder, 'tass-ru.txt'), iconv.encode('Посол России в Сеуле Георгий Зиновьев встретился с журналистами.\n', 'win1251'))
    await writeFile(join(folder, 'broken.pdf'), '%PDF-1.7\nthis file was cut short')
    await writeFile(join(folder, '178451'), POST)
    await writeFile(join(folder, 'budget.xlsx'), 'PK not really a spreadsheet')
    app = await serveApp(dataDir)
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' })
    await page.goto(app.url)
    await page.locator('.source-item').nth(4).waitFor()
    await page.getByLabel('Folder to import').fill(folder)
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.getByTestId('import-errors').waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })))
  })

  it('lists the broken PDF with its reason and imports the rest', async () => {
    await page.getByTestId('import-errors').getByRole('button').click()
    expect(await page.getByTestId('import-errors').textContent()).toMatch(/broken\.pdf: damaged PDF/)
    expect(await page.locator('.source-item').count()).toBe(8)
  })

  it('counts every file of the folder once under the import box, the skipped ones by type', async () => {
    const tally = page.getByTestId('import-tally')
    expect(await tally.textContent()).toMatch(/^5 files:3 imported0 unchanged1 not read1 skipped/)
    await tally.getByRole('button', { name: /1 skipped/ }).click()
    expect(await tally.getByRole('list', { name: 'Skipped files by type' }).textContent()).toBe('.xlsx 1')
    await page.locator('.import-bar').screenshot({ path: join(screenshots, 'import-tally.png') })
  })


  it('shows the web page as text, with its metadata, and never runs its script', async () => {
    await page.getByTestId('source-list').getByRole('button', { name: /Envoy presents credentials/ }).click()
    const pane = page.getByTestId('pane-1')
    await pane.getByText('Alexander Hall of the Grand Kremlin Palace', { exact: false }).waitFor()
    expect(await pane.locator('.pane-meta').textContent()).toContain('Example News')
    expect(await pane.getByTestId('source-text').textContent()).not.toContain('HACKED')
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined()
    expect(await page.title()).toBe('Sourcebench')
  })

  it('decodes a Windows-1251 text without mojibake, opening it beside the web page', async () => {
    await page.getByTestId('source-list').getByRole('button', { name: /Посол России в Сеуле/ }).click()
    await page.getByTestId('pane-2').getByTestId('source-text').getByText('Георгий Зиновьев', { exact: false }).waitFor()
  })

  it('keeps corrected citation details and shows them in the library', async () => {
    const pane = page.getByTestId('pane-2')
    await pane.getByRole('button', { name: 'Details' }).click()
    const details = page.getByRole('form', { name: 'Source details' })
    await details.getByLabel('Outlet').fill('TASS')
    await details.getByLabel('Date').fill('13/02/2026')
    expect(await details.getByTestId('date-reading').textContent()).toBe('→ 13 February 2026')
    await details.getByRole('button', { name: 'Save' }).click()
    await details.waitFor({ state: 'detached' })
    const item = page.getByTestId('source-list').getByRole('button', { name: /Посол России/ })
    expect(await item.textContent()).toContain('TASS, 13 Feb 2026')
    await page.screenshot({ path: join(screenshots, 'import-formats.png') })
    await page.reload()
    await page.locator('.source-item').nth(6).waitFor()
    expect(await page.getByTestId('source-list').getByRole('button', { name: /Посол России/ }).textContent()).toContain('TASS, 13 Feb 2026')
  })

  it('reads a newsgroup post saved without an extension as an e-mail: subject, sender, body', async () => {
    await page.getByTestId('source-list').getByRole('button', { name: /Sanctions and the envoy/ }).click()
    const pane = page.locator('[data-testid^="pane-"]', { hasText: 'discussed at length in the group' })
    await pane.getByText('discussed at length in the group', { exact: false }).waitFor()
    expect(await pane.locator('.pane-meta').textContent()).toContain('16 Jan 2026')
    expect(await pane.getByTestId('source-text').textContent()).toMatch(/^From: Jamie Lee <jlee@example\.edu>\nDate: Fri, 16 Jan 2026 [^\n]*\nSubject: Sanctions and the envoy/)
  })
})
