// The renderer under a strict Content Security Policy (no 'unsafe-inline', no 'unsafe-eval'):
// a journalist's path through the app in Chromium raises no violation, and both the policy
// the browser-mode server sends and the one built into index.html for Electron stay strict.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './support/chromium'
import { selectPhrase } from './support/page-actions'
import { serveApp, type ServedApp } from './support/serve'

const AGGREGATOR = 'Putin Signals Reset of South Korea‑Russia Relations at Moscow Credential Event'
const JOONGANG = 'Moscow signals desire for diplomatic reset with Seoul. But how far is it willing to go?'
const builtIndex = resolve(__dirname, '../../out/renderer/index.html')

interface Violation {
  directive: string
  blocked: string
  sample: string
  source: string
  line: number
}

type RecordingWindow = Window & { cspViolations: Violation[] }

/** The directives of a policy, by name: `style-src` → ["'self'"]. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== undefined && words[0] !== '')
      .map(([name, ...values]) => [name!.toLowerCase(), values])
  )
}

/** What a policy must hold to stay strict: nothing inline or evaluated, styles and scripts from the app only. */
function expectStrict(policy: string): void {
  expect(policy).not.toContain("'unsafe-inline'")
  expect(policy).not.toContain("'unsafe-eval'")
  expect(policy).not.toContain("'unsafe-hashes'")
  const parsed = directives(policy)
  expect(parsed.get('script-src')).toEqual(["'self'"])
  expect(parsed.get('style-src')).toEqual(["'self'"])
  expect(parsed.get('object-src')).toEqual(["'none'"])
}

describe('content security policy (browser mode)', () => {
  let app: ServedApp
  let browser: Browser
  let page: Page
  let dataDir: string
  let servedPolicy: string | undefined

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sourcebench-e2e-csp-'))
    app = await serveApp(dataDir)
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    page.on('pageerror', (error) => {
      throw error
    })
    // Installed before any script of the page runs, so not one violation goes unrecorded.
    await page.addInitScript(() => {
      const recording = window as unknown as RecordingWindow
      recording.cspViolations = []
      document.addEventListener('securitypolicyviolation', (event) => {
        recording.cspViolations.push({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          sample: event.sample,
          source: event.sourceFile,
          line: event.lineNumber
        })
      })
    })
    const response = await page.goto(app.url)
    servedPolicy = response?.headers()['content-security-policy']
    await page.locator('.source-item').nth(4).waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true })
  })

  const pane = (n: number) => page.locator(`[data-testid="pane-${n}"]`)
  const violations = (): Promise<Violation[]> => page.evaluate(() => (window as unknown as RecordingWindow).cspViolations)

  it('sends a policy with nothing inline or evaluated, and the page carries the same in its meta tag', async () => {
    expect(servedPolicy).toBeDefined()
    expectStrict(servedPolicy ?? '')
    expect(directives(servedPolicy ?? '').get('frame-ancestors')).toEqual(["'none'"])
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expectStrict(meta ?? '')
  })

  it('builds the Electron renderer with the same strict policy in index.html', async () => {
    const html = await readFile(builtIndex, 'utf-8')
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)
    expect(meta).not.toBeNull()
    expectStrict(meta![1]!)
    // Nothing inline for the policy to refuse in the first place.
    expect(html).not.toMatch(/<style|\sstyle=|<script(?![^>]*\ssrc=)[^>]*>/)
  })

  it('opens two sources, finds a name and highlights a passage without a violation', async () => {
    await page.getByTestId('source-list').getByRole('button', { name: AGGREGATOR }).click()
    await pane(1).getByText('Seoul’s Envoy').waitFor()
    await pane(2).click()
    await page.getByTestId('source-list').getByRole('button', { name: JOONGANG }).click()
    await pane(2).getByText('Header Ads', { exact: true }).waitFor()
    await page.getByLabel('Find in open sources').fill('Lee Sok-bae')
    await expect.poll(() => pane(1).locator('mark.find-hit').count()).toBeGreaterThan(0)
    await page.getByLabel('Next match').click()
    await page.getByLabel('Find in open sources').fill('')

    await selectPhrase(page, 1, 'goodwill has been squandered')
    // The selection toolbar is placed with a style prop, set through the CSSOM: allowed.
    await page.getByRole('button', { name: 'Highlight yellow' }).click()
    await pane(1).locator('mark.annotation-mark.color-yellow').first().waitFor()
    expect(await page.getByTestId('annotation-card').count()).toBe(1)
    expect(await violations()).toEqual([])
  })

  it('shows the quote ledger and the compare view without a violation', async () => {
    await page.getByRole('tab', { name: 'Quotes' }).click()
    const groups = page.getByTestId('quote-group')
    await groups.first().waitFor()
    expect(await groups.first().locator('.quote-count').textContent()).toBe('5 sources')
    await page.getByRole('tab', { name: 'Library' }).click()

    await page.getByRole('button', { name: 'Compare panes' }).click()
    const view = page.getByTestId('compare-view')
    await view.getByTestId('compare-column-2').locator('[data-sentence]').first().waitFor()
    // The columns' grid is a style prop too: it must have taken effect, side by side.
    const [first, second] = await Promise.all([1, 2].map((n) => view.getByTestId(`compare-column-${n}`).boundingBox()))
    expect(second!.x).toBeGreaterThan(first!.x + first!.width - 1)
    await view.getByRole('button', { name: 'Back to reading panes' }).click()
    await expect.poll(() => page.locator('.reader-pane').count()).toBe(2)
    expect(await violations()).toEqual([])
  })

  it('does refuse an inline style attribute, so the silence above is the policy working', async () => {
    await page.evaluate(() => {
      const probe = document.createElement('div')
      probe.id = 'csp-probe'
      probe.setAttribute('style', 'outline: 3px solid red')
      document.body.append(probe)
    })
    await expect.poll(async () => (await violations()).length).toBeGreaterThan(0)
    // One report per policy that refuses it: the header's and the meta tag's.
    expect((await violations()).map((violation) => violation.directive)).toEqual(expect.arrayContaining(['style-src-attr']))
    expect((await violations()).every((violation) => violation.directive === 'style-src-attr')).toBe(true)
    expect(await page.locator('#csp-probe').evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('none')
  })
})
