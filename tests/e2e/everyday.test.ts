// A working day without a mouse, in Chromium: open a source, select with Shift+arrows,
// highlight, write a claim, link it, delete and undo, search, read the shortcuts; axe
// finds no serious or critical accessibility problem on any main view, light or dark;
// and the window is photographed at three sizes in both themes.
import { AxeBuilder } from '@axe-core/playwright'
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSession, type Session } from './support/session'

const screenshots = resolve(__dirname, '../../test-results/screenshots')
const JOONGANG = 'Moscow signals desire for diplomatic reset with Seoul. But how far is it willing to go?'

/** Presses Tab until the element has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let step = 0; step < limit; step++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`e2e: Tab never reached ${target.toString()}`)
}

/** Serious and critical WCAG 2.1 A/AA problems on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`)
}

describe('an everyday session, keyboard only (browser mode)', () => {
  let page: Page

  let session: Session

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true })
    session = await openSession('everyday')
    page = session.page
  }, 120_000)

  afterAll(async () => {
    await session?.close()
  })

  it('highlights a passage, writes a claim and links them without touching the mouse', async () => {
    const source = page.getByTestId('source-list').getByRole('button', { name: JOONGANG })
    await tabTo(page, source)
    await page.keyboard.press('Enter')
    await page.getByTestId('pane-1').getByText('Header Ads', { exact: true }).waitFor()
    // Alt+1 goes to the text of pane 1; Shift+Ctrl+→ selects word by word from the first word in view.
    await page.keyboard.press('Alt+1')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('source-text')
    for (let word = 0; word < 2; word++) await page.keyboard.press('Control+Shift+ArrowRight')
    expect((await page.evaluate(() => window.getSelection()?.toString() ?? '')).trim()).toBe('Header Ads')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Highlight yellow')
    await page.keyboard.press('2')
    const card = page.getByTestId('annotation-card').first()
    await card.waitFor()
    expect(await card.locator('.quote').textContent()).toContain('Header Ads')
    // The focus is back in the text, ready for the next selection.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('source-text')

    await page.keyboard.press('Control+Shift+N')
    const claimBox = page.getByLabel('Claim 1')
    await expect.poll(() => claimBox.evaluate((element) => element === document.activeElement)).toBe(true)
    await page.keyboard.type('The JoongAng page opens with advertising')
    const link = card.getByRole('button', { name: 'Link to claim' })
    await tabTo(page, link, 80)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('claim-link').count()).toBe(1)
  }, 60_000)

  it('deletes a highlight without asking, and takes it back with Ctrl+Z, its link included', async () => {
    const card = page.getByTestId('annotation-card').first()
    await tabTo(page, card.getByRole('button', { name: 'Delete' }), 80)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('annotation-card').count()).toBe(0)
    await expect.poll(() => page.getByTestId('notices').textContent()).toMatch(/Deleted the highlight and its link to 1 claim\..*Undo/)
    await page.keyboard.press('Escape')
    await page.locator('body').focus()
    await page.keyboard.press('Control+Z')
    await expect.poll(() => page.getByTestId('annotation-card').count()).toBe(1)
    await expect.poll(() => page.getByTestId('claim-link').count()).toBe(1)
    // The buttons follow the engine's history event, which may come a moment after the undo's answer.
    await expect.poll(() => page.locator('.history-buttons').getByRole('button', { name: /^Redo/ }).getAttribute('aria-label')).toBe('Redo Delete highlight')
  }, 30_000)

  it('opens the library search with Ctrl+Shift+F and types into it, not into Find', async () => {
    await page.locator('body').focus()
    await page.keyboard.press('Control+Shift+F')
    await expect.poll(() => page.getByRole('tab', { name: 'Search' }).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.type('ambassadors')
    expect(await page.getByLabel('Find in open sources').inputValue()).toBe('')
    await expect.poll(() => page.locator('.search-result').count()).toBeGreaterThan(0)
    await page.keyboard.press('Control+/')
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await sheet.waitFor()
    expect(await sheet.textContent()).toContain('Search the whole library')
    await page.keyboard.press('Escape')
    await expect.poll(() => sheet.count()).toBe(0)
  }, 30_000)

  it('has no serious or critical accessibility problem on any main view, light or dark', async () => {
    const problems: Record<string, string[]> = {}
    const check = async (view: string): Promise<void> => {
      const found = await axeProblems(page)
      if (found.length > 0) problems[view] = found
    }
    await page.getByRole('tab', { name: 'Library' }).click()
    await check('library and panes')
    await page.getByRole('tab', { name: 'Search' }).click()
    await check('search results')
    await page.getByRole('tab', { name: 'Quotes' }).click()
    await page.getByTestId('quote-group').first().waitFor()
    await check('quote ledger')
    await page.getByRole('tab', { name: 'Names' }).click()
    await page.locator('.name-group').first().waitFor()
    await check('names')
    await page.getByRole('tab', { name: 'Library' }).click()
    await page.getByTestId('pane-2').click()
    await page.getByTestId('source-list').getByRole('button').first().click()
    await page.getByRole('button', { name: 'Compare panes' }).click()
    await page.getByTestId('compare-view').locator('[data-sentence]').first().waitFor()
    await check('compare view')
    await page.getByRole('button', { name: 'Back to reading panes' }).click()
    await page.keyboard.press('Control+/')
    await check('shortcuts sheet')
    await page.keyboard.press('Escape')
    await page.emulateMedia({ colorScheme: 'dark' })
    await check('dark theme')
    await page.emulateMedia({ colorScheme: 'light' })
    expect(problems).toEqual({})
  }, 90_000)

  it('fits the window at 1024×700, 1440×900 and 2560×1440, light and dark (screenshots)', async () => {
    for (const [width, height] of [
      [1024, 700],
      [1440, 900],
      [2560, 1440]
    ] as const) {
      await page.setViewportSize({ width, height })
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        // Nothing is pushed out of the window: the page never scrolls sideways, every top-bar control is inside it.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
        const outside = await page.locator('.app-header button, .app-header select, .app-header input').evaluateAll((elements) =>
          elements.filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1).map((element) => element.textContent)
        )
        expect(outside).toEqual([])
        await page.screenshot({ path: join(screenshots, `window-${width}x${height}-${scheme}.png`) })
      }
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }, 60_000)
})
