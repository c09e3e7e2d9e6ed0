// Possible name variants in the browser: a Ukrainian and a Russian spelling of one official,
// and two English names a vowel apart, are proposed rather than joined; the reporter answers
// "Same person" for one and "Different people" for the other, and both answers survive a reload.
import { AxeBuilder } from '@axe-core/playwright'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './support/chromium'
import { serveApp, type ServedApp } from './support/serve'

const screenshots = resolve(__dirname, '../../test-results/screenshots')

const REPORTS: Record<string, string> = {
  'kyiv-wire.txt': 'Ports reopen\n\nDeputy minister Oleh Petrovych Hordiyenko said on Tuesday that the grain ports would reopen next week.\n',
  'moscow-daily.txt': 'Grain talks\n\nOleg Petrovich Gordienko told reporters the talks on grain had stalled.\n',
  'sports-desk.txt': 'Season opener\n\nTom Brady said the team was ready. Coach Tim Brady said nothing about the opener.\n'
}

describe('possible name variants (browser mode)', () => {
  let app: ServedApp
  let browser: Browser
  let page: Page
  const made: string[] = []

  const proposals = () => page.getByTestId('name-proposal')
  const proposalFor = (name: string) => proposals().filter({ hasText: name })

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true })
    const dataDir = await mkdtemp(join(tmpdir(), 'sourcebench-e2e-names-'))
    const folder = await mkdtemp(join(tmpdir(), 'sourcebench-e2e-names-folder-'))
    made.push(dataDir, folder)
    for (const [name, text] of Object.entries(REPORTS)) await writeFile(join(folder, name), text)
    app = await serveApp(dataDir)
    browser = await launchChromium()
    // A context of our own: axe needs one to inject its script.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' })
    page = await context.newPage()
    await page.goto(app.url)
    await page.locator('.source-item').nth(4).waitFor()
    await page.getByLabel('Folder to import').fill(folder)
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.locator('.source-item').nth(7).waitFor()
    await page.getByRole('tab', { name: 'Names' }).click()
    await page.getByTestId('name-proposals').waitFor()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })))
  })

  it('proposes both pairs for review, each with its reason, without joining them', async () => {
    await expect.poll(() => proposals().count()).toBe(2)
    const ukrainian = proposalFor('Oleh Petrovych Hordiyenko')
    expect(await ukrainian.textContent()).toContain('Oleg Petrovich Gordienko')
    expect(await ukrainian.locator('.proposal-reason').textContent()).not.toBe('')
    expect(await proposalFor('Tom Brady').textContent()).toContain('Tim Brady')
    // Apart until the reporter says otherwise: each name is still its own group.
    expect(await page.getByTestId('name-group').filter({ hasText: 'Hordiyenko' }).filter({ hasText: 'Gordienko' }).count()).toBe(0)
    const axe = await new AxeBuilder({ page }).include('[data-testid="name-proposals"]').withTags(['wcag2a', 'wcag2aa']).analyze()
    expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([])
    await page.screenshot({ path: join(screenshots, 'name-proposals.png') })
  })

  it('joins the pair answered "Same person" and drops the pair answered "Different people"; both hold after a reload', async () => {
    await proposalFor('Hordiyenko').getByRole('button', { name: /^Same person/ }).click()
    const joined = page.getByTestId('name-group').filter({ hasText: 'Hordiyenko' }).filter({ hasText: 'Gordienko' })
    await expect.poll(() => joined.count()).toBe(1)
    await proposalFor('Tom Brady').getByRole('button', { name: /^Different people/ }).click()
    await page.getByTestId('name-proposals').waitFor({ state: 'detached' })
    await page.reload()
    await page.getByRole('tab', { name: 'Names' }).click()
    await page.getByLabel('Filter names').fill('Brady')
    await expect.poll(() => page.getByTestId('name-group').count()).toBe(2)
    expect(await page.getByTestId('name-proposals').count()).toBe(0)
    await page.getByLabel('Filter names').fill('Gordienko')
    await expect.poll(() => page.getByTestId('name-group').filter({ hasText: 'Hordiyenko' }).count()).toBe(1)
  })
})
