// The journalist's path through the browser-mode app in Chromium: the seeds load; find
// marks a name in two panes (U+2011 included); a highlight is made, linked to a claim,
// survives a reload, leads back to its passage, and is exported as a Markdown footnote.
import { mkdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { selectPhrase } from './support/page-actions'
import { type ServedApp } from './support/serve'
import { openSession, type Session } from './support/session'

const screenshots = resolve(__dirname, '../../test-results/screenshots')
const AGGREGATOR = 'Putin Signals Reset of South Korea‑Russia Relations at Moscow Credential Event'
const JOONGANG = 'Moscow signals desire for diplomatic reset with Seoul. But how far is it willing to go?'
const QUOTE = 'goodwill has been squandered'
const CLAIM = 'Putin said goodwill between Moscow and Seoul had been squandered'

describe('workbench in Chromium (browser mode)', () => {
  let app: ServedApp
  let page: Page

  let session: Session

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true })
    session = await openSession('workbench', { acceptDownloads: true })
    ;({ app, page } = session)
  }, 120_000)

  afterAll(async () => {
    await session?.close()
  })

  const pane = (n: number) => page.locator(`[data-testid="pane-${n}"]`)

  /** Asks the running app for a source's text through its HTTP API, as a script would. */
  async function sourceTextByPath(relativePath: string): Promise<string> {
    const call = async <T>(route: string, input?: unknown): Promise<T> => {
      const response = await fetch(`${app.origin}/api/${route}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Sourcebench-Token': app.token },
        body: input === undefined ? '' : JSON.stringify(input)
      })
      const result = (await response.json()) as { ok: true; value: T }
      return result.value
    }
    const { sources } = await call<{ sources: Array<{ id: string; relativePath: string }> }>('library/list-sources')
    const source = sources.find((candidate) => candidate.relativePath === relativePath)
    if (source === undefined) throw new Error(`e2e: no source ${relativePath}`)
    return (await call<{ text: string }>('library/get-text', { sourceId: source.id })).text
  }

  it('opens the sample project with the five seed articles', async () => {
    await page.locator('.source-item').nth(4).waitFor()
    expect(await page.locator('.source-item').count()).toBe(5)
    expect(await page.locator('select[aria-label="Project"] option:checked').textContent()).toMatch(/Sample project/)
    expect(new URL(page.url()).searchParams.has('token')).toBe(false)
  })

  it('marks a name typed with a plain hyphen in two panes, U+2011 spelling included', async () => {
    await page.getByTestId('source-list').getByRole('button', { name: AGGREGATOR }).click()
    await pane(1).getByText('Seoul’s Envoy').waitFor()
    await pane(2).click()
    await page.getByTestId('source-list').getByRole('button', { name: JOONGANG }).click()
    await pane(2).getByText('Header Ads', { exact: true }).waitFor()
    await page.getByLabel('Find in open sources').fill('Lee Sok-bae')

    const hitsIn = (n: number) => pane(n).locator('mark.find-hit').allTextContents()
    await expect.poll(async () => (await hitsIn(1)).length).toBeGreaterThan(0)
    const first = await hitsIn(1)
    const second = await hitsIn(2)
    expect(first).toContain('Lee Sok\u2011bae')
    expect(second.length).toBeGreaterThan(0)
    expect(await page.getByTestId('find-count').textContent()).toBe(`1 of ${first.length + second.length}`)
    await page.getByLabel('Next match').click()
    expect(await page.getByTestId('find-count').textContent()).toBe(`2 of ${first.length + second.length}`)
    expect(await page.locator('mark.find-current').count()).toBeGreaterThan(0)
    await page.screenshot({ path: join(screenshots, 'two-panes-find.png') })
    await page.getByLabel('Find in open sources').fill('')
    expect(await page.locator('mark.find-hit').count()).toBe(0)
  })

  it('highlights a selected passage with a colour and a comment', async () => {
    await selectPhrase(page, 1, QUOTE)
    await page.getByRole('button', { name: 'Comment…' }).click()
    await page.getByRole('toolbar').getByLabel('Comment').fill('Only the aggregator has these words')
    await page.getByRole('button', { name: 'Highlight pink' }).click()
    const mark = pane(1).locator('mark.annotation-mark.color-pink')
    await mark.first().waitFor()
    expect((await mark.allTextContents()).join('')).toBe(QUOTE)
    const card = page.getByTestId('annotation-card')
    expect(await card.count()).toBe(1)
    expect(await card.locator('textarea').inputValue()).toBe('Only the aggregator has these words')
  })

  it('links the highlight to a new claim by drag and drop, and counts its sources', async () => {
    await page.getByRole('button', { name: '+ New claim' }).click()
    const claimText = page.getByLabel('Claim 1')
    await claimText.fill(CLAIM)
    await claimText.blur()
    await page.getByTestId('annotation-card').dragTo(page.getByTestId('claim-card'))
    const link = page.getByTestId('claim-link')
    await link.waitFor()
    expect(await link.textContent()).toContain(QUOTE)
    expect(await link.textContent()).toContain(AGGREGATOR)
    expect(await page.getByTestId('claim-support').textContent()).toBe('1 source')

    await selectPhrase(page, 2, 'positive results in trade and business')
    await page.getByRole('button', { name: 'Highlight yellow' }).click()
    await page.getByTestId('annotation-card').nth(1).waitFor()
    const secondCard = page.getByTestId('annotation-card').filter({ hasText: 'positive results in trade and business' })
    await secondCard.getByRole('button', { name: 'Link to claim' }).click()
    await page.getByRole('menuitem', { name: /^1\. / }).click()
    await expect.poll(() => page.getByTestId('claim-support').textContent()).toBe('2 sources')
  })

  it('keeps the highlight, the claim and its links after a reload', async () => {
    await page.reload()
    await page.getByTestId('claim-link').nth(1).waitFor()
    expect(await page.getByLabel('Claim 1').inputValue()).toBe(CLAIM)
    expect(await page.getByTestId('claim-support').textContent()).toBe('2 sources')
    await pane(1).locator('mark.annotation-mark.color-pink').first().waitFor()
    expect((await pane(1).locator('mark.annotation-mark.color-pink').allTextContents()).join('')).toBe(QUOTE)
  })

  it('opens a claim link on its passage, scrolled into view and flashed', async () => {
    await pane(1).getByRole('button', { name: 'Close pane 1' }).click()
    await pane(2).getByRole('button', { name: 'Close pane 2' }).click()
    await page.getByTestId('claim-link').filter({ hasText: QUOTE }).locator('.link-body').click()
    const mark = page.locator('mark.annotation-mark.color-pink').first()
    await mark.waitFor()
    expect(await mark.evaluate((element) => element.classList.contains('flash'))).toBe(true)
    const inView = await mark.evaluate((element) => {
      const box = element.getBoundingClientRect()
      const scroller = element.closest('.pane-scroll')!.getBoundingClientRect()
      return box.top >= scroller.top && box.bottom <= scroller.bottom
    })
    expect(inView).toBe(true)
    await page.screenshot({ path: join(screenshots, 'claim-link-flash.png') })
  })

  it('exports the notes as Markdown with a footnote per link', async () => {
    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export' })
    await dialog.getByRole('radio', { name: 'Markdown' }).check()
    await dialog.getByLabel('Preview').getByText('# Notes: Sample project').waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()])
    expect(download.suggestedFilename()).toMatch(/^sample-project-putin-and-south-korea-notes-\d{4}-\d{2}-\d{2}\.md$/)
    const markdown = await readFile(await download.path(), 'utf-8')
    expect(markdown).toContain(`${CLAIM}[^1][^2]`)
    const footnote = new RegExp(`\\[\\^1\\]: “${QUOTE}” — \\*${AGGREGATOR}\\*, \`001_dd8e53ad51b6acd2\\.txt\` in folder “seeds”, characters (\\d+)–(\\d+)\\. Anchor: exact\\.`).exec(markdown)
    expect(footnote).not.toBeNull()
    const text = await sourceTextByPath('001_dd8e53ad51b6acd2.txt')
    expect(text.slice(Number(footnote![1]), Number(footnote![2]))).toBe(QUOTE)
    expect(markdown).toContain('[^2]: “positive results in trade and business” — *Moscow signals desire for diplomatic reset')
    expect(markdown).toContain('Comment: Only the aggregator has these words')
    expect(markdown).toContain('_Corroborated: 2 independent sources (2 sources back it)._')
  })

  it('suggests passages for a claim from every outlet that reports it, and links one in one click', async () => {
    await page.getByRole('button', { name: '+ New claim' }).click()
    const claimText = page.getByLabel('Claim 2')
    await claimText.fill('Putin said the two countries had achieved truly positive results in trade and business')
    await claimText.blur()
    const card = page.getByTestId('claim-card').nth(1)
    await card.getByRole('button', { name: 'Suggest evidence' }).click()
    const suggestions = card.getByTestId('suggestion')
    await suggestions.first().waitFor()
    expect(await suggestions.count()).toBe(5)
    expect((await suggestions.allTextContents()).join(' ')).toContain('truly good results')
    expect(await suggestions.first().locator('mark.snippet-hit').count()).toBeGreaterThan(0)
    await suggestions.first().getByRole('button', { name: 'Link as evidence' }).click()
    await card.getByTestId('claim-link').waitFor()
    expect(await card.getByTestId('claim-support').textContent()).toBe('1 source')
    expect(await suggestions.count()).toBe(4)
    // More from one source: its further passages appear under its last one, or a note says there are none.
    const more = card.getByRole('button', { name: /^More from / }).first()
    const source = ((await more.getAttribute('aria-label')) ?? '').replace(/^More from /, '')
    await more.click()
    await card.getByRole('button', { name: `More from ${source}` }).waitFor({ state: 'detached' })
    const fromSource = suggestions.filter({ has: page.locator('.link-source', { hasText: source }) })
    const grew = (await suggestions.count()) > 4
    if (grew) expect(await fromSource.count()).toBeGreaterThan(1)
    else await card.getByText('No other passage of this source shares the claim’s words.').waitFor()
    await fromSource.last().scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(screenshots, 'suggested-evidence.png') })
  })

  it('shows two sources side by side with their highlights (screenshot for the README)', async () => {
    await pane(2).click()
    await page.getByTestId('source-list').getByRole('button', { name: JOONGANG }).click()
    await pane(2).locator('mark.annotation-mark.color-yellow').first().waitFor()
    await page.getByTestId('claim-card').first().getByTestId('claim-link').filter({ hasText: 'positive results' }).locator('.link-body').click()
    await page.getByLabel('Find in open sources').fill('Lee Sok-bae')
    await page.waitForTimeout(1700)
    expect(await page.locator('.reader-pane .source-text:not([hidden])').count()).toBe(2)
    await page.screenshot({ path: join(screenshots, 'workbench.png') })
  })
})
