// Library-wide search in the browser: results while typing, snippets with the hits
// marked, a syntax error explained, and a result opened with every hit marked and
// navigable — two results side by side keep their marks.
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSession, type Session } from './support/session'

const screenshots = resolve(__dirname, '../../test-results/screenshots')

describe('library search (browser mode)', () => {
  let page: Page

  let session: Session

  beforeAll(async () => {
    session = await openSession('search')
    page = session.page
    await page.getByRole('tab', { name: 'Search' }).click()
  }, 120_000)

  afterAll(async () => {
    await session?.close()
  })

  const results = () => page.getByTestId('search-results').locator('li')

  it('ranks sources while typing and marks the hits in their snippets, U+2011 spelling included', async () => {
    await page.getByLabel('Search the library').fill('"Lee Sok-bae"')
    await expect.poll(() => results().count()).toBe(3)
    expect(await page.getByTestId('search-summary').textContent()).toMatch(/^3 sources/)
    const marked = await page.getByTestId('search-results').locator('mark.snippet-hit').allTextContents()
    expect(marked).toContain('Lee Sok\u2011bae')
  })

  it('explains a syntax error instead of failing', async () => {
    await page.getByLabel('Search the library').fill('putin date:2026-13')
    await expect.poll(() => page.getByTestId('search-problem').textContent()).toMatch(/date:2026-13 is not a date/)
    expect(await results().count()).toBe(0)
  })

  it('opens results with every hit marked and navigable, two side by side', async () => {
    await page.getByLabel('Search the library').fill('"positive results" OR "good results"')
    await expect.poll(() => results().count()).toBeGreaterThanOrEqual(2)
    await results().nth(0).getByRole('button').click()
    await page.getByTestId('pane-2').click()
    await results().nth(1).getByRole('button').click()
    for (const pane of ['pane-1', 'pane-2']) {
      const hits = page.getByTestId(pane).locator('mark.search-hit')
      await expect.poll(() => hits.count()).toBeGreaterThan(0)
      expect((await hits.allTextContents()).join(' ').toLowerCase()).toMatch(/(positive|good) results/)
    }
    const position = page.getByTestId('pane-1').getByTestId('search-position')
    const total = Number((await position.textContent())?.split(' of ')[1])
    expect(await position.textContent()).toBe(`1 of ${total}`)
    if (total > 1) {
      await page.getByTestId('pane-1').getByLabel('Next search hit').click()
      expect(await position.textContent()).toBe(`2 of ${total}`)
    }
    await page.screenshot({ path: join(screenshots, 'search.png') })
  })
})
