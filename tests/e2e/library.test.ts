// The library as a reporter arranges it, in Chromium: a seed is starred and the list
// narrowed to the starred ones; the list is sorted by date (undated last) and the order
// outlives a reload; sources are grouped under their folder; a search is saved, another
// typed, and the saved one run again with a click (also after a reload); a folder dropped
// on the browser-mode page is explained instead of silently ignored.
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ServedApp } from './support/serve'
import { openSession, type Session } from './support/session'

const screenshots = resolve(__dirname, '../../test-results/screenshots')
const ANADOLU = 'Putin has hope in restoring Russia’s ties with South Korea'
const SLOW = 90_000

interface ListedSource {
  id: string
  title: string
  relativePath: string
  meta: { date: string | null }
}

describe('library in Chromium (browser mode)', () => {
  let app: ServedApp
  let page: Page

  let session: Session

  beforeAll(async () => {
    session = await openSession('library')
    ;({ app, page } = session)
  }, 120_000)

  afterAll(async () => {
    await session?.close()
  })

  const titles = () => page.getByTestId('source-list').locator('.source-title').allTextContents()

  async function listSources(): Promise<ListedSource[]> {
    const response = await fetch(`${app.origin}/api/library/list-sources`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Sourcebench-Token': app.token },
      body: ''
    })
    return ((await response.json()) as { value: { sources: ListedSource[] } }).value.sources
  }

  it('stars a seed from its row and shows only the starred sources', async () => {
    const star = page.getByRole('listitem').filter({ hasText: ANADOLU }).getByRole('button', { name: 'Star', exact: true })
    expect(await star.getAttribute('aria-pressed')).toBe('false')
    await star.click()
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true')
    expect((await listSources()).find((source) => source.title === ANADOLU)).toMatchObject({ starred: true })
    await page.getByLabel('Show').selectOption('starred')
    await expect.poll(titles).toEqual([ANADOLU])
    await page.getByLabel('Show').selectOption('all')
    await expect.poll(() => titles().then((shown) => shown.length)).toBe(5)
  }, SLOW)

  it('sorts by date with the undated last, and keeps the order after a reload', async () => {
    const sources = await listSources()
    const day = (source: ListedSource): string | null => /^\d{4}(-\d{2}(-\d{2})?)?/.exec(source.meta.date ?? '')?.[0] ?? null
    const expected = [...sources.filter((source) => day(source) !== null).sort((a, b) => (day(a) as string).localeCompare(day(b) as string)), ...sources.filter((source) => day(source) === null)]
    expect(expected.filter((source) => day(source) !== null).length).toBeGreaterThan(1)
    await page.getByLabel('Sort by').selectOption('date')
    // Equal days keep the library's order; compare the days the list shows, in order.
    await expect.poll(async () => (await titles()).map((title) => day(sources.find((source) => source.title === title)!))).toEqual(expected.map(day))
    await page.reload()
    await page.locator('.source-item').nth(4).waitFor()
    expect(await page.getByLabel('Sort by').inputValue()).toBe('date')
    expect((await titles()).map((title) => day(sources.find((source) => source.title === title)!))).toEqual(expected.map(day))
  }, SLOW)

  it('groups the sources under their folder, which collapses and opens again', async () => {
    await page.getByLabel('Group by folder').check()
    const header = page.getByTestId('source-list').getByRole('button', { name: 'seeds (5 sources)' })
    await header.waitFor()
    expect(await header.getAttribute('aria-expanded')).toBe('true')
    expect(await page.getByRole('button', { name: 'Remove “seeds” from the project…' }).isVisible()).toBe(true)
    await header.click()
    await expect.poll(() => titles().then((shown) => shown.length)).toBe(0)
    expect(await header.getAttribute('aria-expanded')).toBe('false')
    await header.click()
    await expect.poll(() => titles().then((shown) => shown.length)).toBe(5)
    await page.screenshot({ path: join(screenshots, 'library-grouped.png') })
    await page.getByLabel('Group by folder').uncheck()
  }, SLOW)

  it('says to type the path when a folder is dropped on the browser-mode page', async () => {
    const transfer = await page.evaluateHandle(() => {
      const data = new DataTransfer()
      data.items.add(new File(['x'], 'stories'))
      return data
    })
    await page.dispatchEvent('aside.library', 'dragover', { dataTransfer: transfer })
    await page.dispatchEvent('aside.library', 'drop', { dataTransfer: transfer })
    await expect.poll(() => page.locator('.notice').allTextContents()).toContainEqual(expect.stringContaining('type the folder’s path in “Folder to import” instead'))
  }, SLOW)

  it('saves a search and runs it again with one click, also after a reload', async () => {
    await page.getByRole('tab', { name: 'Search' }).click()
    const box = page.getByLabel('Search the library')
    const results = page.getByTestId('search-results').locator('li')
    await box.fill('"positive results" OR "good results"')
    await expect.poll(() => results.count()).toBeGreaterThanOrEqual(2)
    const saved = await results.count()
    await page.getByRole('button', { name: 'Save search' }).click()
    await page.getByLabel('Name of the saved search').fill('Trade quote')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    const run = page.getByRole('button', { name: 'Trade quote', exact: true })
    await run.waitFor()

    await box.fill('quokka')
    await expect.poll(() => page.getByTestId('search-summary').textContent()).toBe('No source matches.')
    await run.click()
    expect(await box.inputValue()).toBe('"positive results" OR "good results"')
    await expect.poll(() => results.count()).toBe(saved)

    await page.reload()
    await page.getByRole('tab', { name: 'Search' }).click()
    await page.getByRole('button', { name: 'Trade quote', exact: true }).click()
    await expect.poll(() => page.getByTestId('search-results').locator('li').count()).toBe(saved)
    await page.screenshot({ path: join(screenshots, 'saved-searches.png') })
  }, SLOW)
})
