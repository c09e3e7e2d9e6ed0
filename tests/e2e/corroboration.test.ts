// Corroboration in the browser: the quote ledger on the seeds (the trade quote diffed,
// the aggregator's single-source "goodwill", a version opened and made into evidence),
// name variants confirmed and searched, and two sources aligned with scrolling in step.
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSession, type Session } from './support/session'

const screenshots = resolve(__dirname, '../../test-results/screenshots')

describe('corroboration (browser mode)', () => {
  let page: Page

  let session: Session

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true })
    session = await openSession('corroboration', { viewport: { width: 1500, height: 950 } })
    page = session.page
  }, 120_000)

  afterAll(async () => {
    await session?.close()
  })

  const groups = () => page.getByTestId('quote-group')
  /** The aggregator's "truly good results", shown as "truly ~~positive~~ good results". */
  const goodVersion = () => groups().first().getByTestId('quote-version').filter({ has: page.locator('ins', { hasText: /^good$/ }) }).first()

  it('leads the ledger with the trade quote in all five sources, "good" diffed against "positive"', async () => {
    await page.getByRole('tab', { name: 'Quotes' }).click()
    await groups().first().waitFor()
    const trade = groups().first()
    expect(await trade.locator('.quote-count').textContent()).toBe('5 sources')
    expect(await trade.locator('.flag').allTextContents()).toContain('wording differs')
    expect(await trade.locator('.quote-reference').textContent()).toMatch(/truly positive results in trade and business/)
    const good = goodVersion()
    expect(await good.locator('del').allTextContents()).toContain('positive')
    expect(await good.locator('ins').allTextContents()).toContain('good')
    await page.screenshot({ path: join(screenshots, 'quote-ledger.png') })
  })

  it('flags "goodwill has been squandered" as carried by one source only', async () => {
    await page.getByRole('radio', { name: 'Single source' }).click()
    await page.getByLabel('Filter quotes').fill('goodwill')
    await expect.poll(() => groups().count()).toBe(1)
    expect(await groups().first().locator('.flag-single').textContent()).toBe('single source')
    expect(await groups().first().locator('.quote-reference').textContent()).toBe('“goodwill has been squandered”')
    await page.getByLabel('Filter quotes').fill('')
    await page.getByRole('radio', { name: 'All quotes' }).click()
  })

  it('opens a version with the quote marked in view, and each source side by side', async () => {
    const trade = groups().first()
    await goodVersion().locator('.version-open').click()
    const marked = page.locator('mark.quote-hit')
    await expect.poll(() => marked.count()).toBeGreaterThan(0)
    expect((await marked.allTextContents()).join('')).toContain('truly good results')
    await expect.poll(() => marked.first().isVisible()).toBe(true)
    await trade.getByRole('button', { name: 'Side by side' }).click()
    await expect.poll(() => page.locator('.reader-pane').count()).toBe(4)
    for (const pane of ['pane-1', 'pane-2', 'pane-3', 'pane-4']) {
      await expect.poll(() => page.getByTestId(pane).locator('mark.quote-hit').count()).toBeGreaterThan(0)
    }
  })

  it('turns a version into a highlight linked to a new claim in one action', async () => {
    await goodVersion().getByRole('button', { name: 'Highlight this quote and link it to a claim' }).click()
    await page.getByRole('menuitem', { name: '+ New claim from this quote' }).click()
    await expect.poll(() => page.locator('.claim-card').count()).toBe(1)
    expect(await page.locator('.claim-card .link-quote').textContent()).toContain('truly good results')
    expect(await page.locator('.claim-card textarea').inputValue()).toMatch(/said: “.*truly positive results/)
    // The text box holds the whole claim, read from its first word: grown to fit, not scrolled to its end.
    const box = page.locator('.claim-card textarea')
    await expect.poll(() => box.evaluate((element) => element.scrollHeight - element.clientHeight)).toBeLessThanOrEqual(1)
    expect(await box.evaluate((element) => element.scrollTop)).toBe(0)
  })

  it('groups the spellings of Lee Sok-bae, and a confirmed group widens a search', async () => {
    await page.getByRole('tab', { name: 'Names' }).click()
    await page.getByLabel('Filter names').fill('Lee')
    const sokBae = page.getByTestId('name-group').filter({ hasText: 'Lee Seok-pae' })
    await sokBae.waitFor()
    expect(await sokBae.locator('.variant-text').allTextContents()).toEqual(expect.arrayContaining(['Lee Sok-bae', 'Lee Seok-pae', 'Lee Sok\u2011bae (U+2011)']))
    await page.screenshot({ path: join(screenshots, 'names.png') })
    await sokBae.getByRole('button', { name: 'Confirm' }).click()
    await expect.poll(() => sokBae.locator('.flag-confirmed').count()).toBe(1)

    await page.getByRole('tab', { name: 'Search' }).click()
    await page.getByLabel('Search the library').fill('"Lee Seok-pae"')
    await expect.poll(() => page.getByTestId('search-summary').textContent()).toMatch(/^1 source/)
    await page.getByLabel('Include spelling variants of confirmed names').check()
    await expect.poll(() => page.getByTestId('search-summary').textContent()).toMatch(/^3 sources/)
    expect(await page.getByTestId('included-variants').textContent()).toContain('Lee Sok-bae')
  })

  it('keeps a merge of two name groups after a reload', async () => {
    await page.getByRole('tab', { name: 'Names' }).click()
    await page.getByLabel('Filter names').fill('Zinoviev')
    await page.getByTestId('name-group').first().waitFor()
    await page.getByLabel('Filter names').fill('')
    const first = page.getByTestId('name-group').filter({ hasText: 'Anadolu Agency' }).first()
    const second = page.getByTestId('name-group').filter({ hasText: 'TASS' }).first()
    await first.getByRole('checkbox').check()
    await second.getByRole('checkbox').check()
    await page.getByRole('button', { name: /^Merge 2 selected/ }).click()
    const merged = page.getByTestId('name-group').filter({ hasText: 'Anadolu Agency' }).filter({ hasText: 'TASS' })
    await expect.poll(() => merged.count()).toBe(1)
    await page.reload()
    await page.getByRole('tab', { name: 'Names' }).click()
    await page.getByLabel('Filter names').fill('TASS')
    await expect.poll(() => page.getByTestId('name-group').filter({ hasText: 'Anadolu Agency' }).count()).toBe(1)
    await page.getByTestId('name-group').first().getByRole('button', { name: /Split TASS off/ }).click()
    await expect.poll(() => page.getByTestId('name-group').filter({ hasText: 'Anadolu Agency' }).count()).toBe(0)
  })

  it('aligns two sources: the shared quote linked, JoongAng’s own reporting marked, scrolling in step', async () => {
    await page.getByRole('tab', { name: 'Library' }).click()
    // Back to two panes after "Side by side" opened four.
    while ((await page.locator('.reader-pane').count()) > 2) await page.getByRole('button', { name: 'Close pane 3' }).click()
    // Both panes emptied: a source already showing in one would open there, whichever pane has the focus.
    for (const n of [1, 2]) {
      const close = page.getByRole('button', { name: `Close pane ${n}` })
      if ((await close.count()) > 0) await close.click()
    }
    // Alt+1 / Alt+2 pick the pane the next source opens in (a click in a pane scrolled half out of view can miss it).
    // The next source goes to the focused pane: wait for the shortcut to have taken effect before clicking.
    const focus = async (n: number): Promise<void> => {
      await page.keyboard.press(`Alt+${n}`)
      await expect.poll(() => page.locator('.reader-pane').nth(n - 1).getAttribute('class')).toContain('focused')
    }
    await focus(1)
    await page.locator('.source-item').filter({ hasText: 'Moscow, January 16' }).click()
    await expect.poll(() => page.locator('.reader-pane .pane-title').first().textContent()).toMatch(/^Moscow, January 16/)
    await focus(2)
    await page.locator('.source-item').filter({ hasText: 'Moscow signals desire' }).click()
    // Each pane shows its source before the comparison starts (a slow machine takes a moment).
    const titles = () => page.locator('.reader-pane .pane-title').allTextContents()
    await expect.poll(titles, { timeout: 10_000 }).toEqual([expect.stringMatching(/^Moscow, January 16/), expect.stringMatching(/^Moscow signals desire/)])
    await page.getByRole('button', { name: 'Compare panes' }).click()
    const view = page.getByTestId('compare-view')
    await view.getByTestId('compare-column-2').locator('[data-sentence]').first().waitFor()
    const route = view.getByTestId('compare-column-2').locator('[data-sentence]').filter({ hasText: 'Northern Sea Route' }).first()
    expect(await route.getAttribute('class')).toContain('only-here')
    const quote = view.getByTestId('compare-column-1').locator('[data-link]').filter({ hasText: 'truly positive results' }).first()
    const link = await quote.getAttribute('data-link')
    const partner = view.getByTestId('compare-column-2').locator(`[data-link="${link}"]`).first()
    expect(await partner.textContent()).toMatch(/pragmatic approaches/)

    // Scrolling the first column to the quote brings its partner to the same height in the second.
    const scroller = (column: number) => view.getByTestId(`compare-column-${column}`).locator('.compare-scroll')
    const before = await scroller(2).evaluate((element) => element.scrollTop)
    await quote.evaluate((element: HTMLElement) => {
      const column = element.closest('.compare-scroll') as HTMLElement
      column.scrollTop = element.offsetTop - 60
    })
    await expect.poll(() => scroller(2).evaluate((element) => element.scrollTop)).not.toBe(before)
    const tops = async () => [await quote.evaluate((element) => element.getBoundingClientRect().top), await partner.evaluate((element) => element.getBoundingClientRect().top)]
    await expect.poll(async () => {
      const [a, b] = await tops()
      return Math.abs(a! - b!)
    }).toBeLessThan(40)
    await page.screenshot({ path: join(screenshots, 'compare.png') })

    // At 1024 px the legend wraps onto more lines instead of being cut off.
    await page.setViewportSize({ width: 1024, height: 700 })
    const bar = view.locator('.compare-bar')
    const barBox = (await bar.boundingBox())!
    for (const item of await view.locator('.compare-legend li').all()) {
      const box = (await item.boundingBox())!
      expect(box.x + box.width).toBeLessThanOrEqual(barBox.x + barBox.width)
      expect(await item.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true)
    }
    await page.setViewportSize({ width: 1500, height: 950 })
    await view.getByRole('button', { name: 'Back to reading panes' }).click()
    await expect.poll(() => page.locator('.reader-pane').count()).toBeGreaterThan(1)
  }, 60_000)

  it('warns on a claim backed by the aggregator’s single-source "goodwill has been squandered"', async () => {
    await page.getByRole('tab', { name: 'Quotes' }).click()
    await page.getByRole('radio', { name: 'Single source' }).click()
    await page.getByLabel('Filter quotes').fill('goodwill')
    await expect.poll(() => groups().count()).toBe(1)
    const claims = await page.locator('.claim-card').count()
    await groups().first().getByRole('button', { name: 'Highlight this quote and link it to a claim' }).first().click()
    await page.getByRole('menuitem', { name: '+ New claim from this quote' }).click()
    await expect.poll(() => page.locator('.claim-card').count()).toBe(claims + 1)
    const warning = page.locator('.claim-card').last().getByTestId('single-source-quotes')
    await expect.poll(() => warning.textContent()).toMatch(/^Quotes words only one source carries: “goodwill has been squandered” \(Putin Signals Reset/)
    await warning.getByRole('button').click()
    await expect.poll(() => page.locator('.reader-pane .pane-title').allTextContents()).toContainEqual(expect.stringMatching(/^Putin Signals Reset/))
  })
})
