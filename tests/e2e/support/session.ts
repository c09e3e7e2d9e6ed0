// One browser-mode session for an e2e file: a fresh data folder (the sample project from
// the seeds), the server, Chromium and a page on the app with the library listed; close()
// ends all of it. A page error fails the test that caused it.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContextOptions, Page, Response } from 'playwright-core'
import { launchChromium } from './chromium'
import { serveApp, type ServedApp } from './serve'

export interface Session {
  app: ServedApp
  browser: Browser
  page: Page
  dataDir: string
  /** The answer to the first load of the app (its headers, say). */
  firstLoad: Response | null
  close(): Promise<void>
}

export interface SessionOptions extends BrowserContextOptions {
  /** Runs before the app is loaded, e.g. to install an init script. */
  beforeLoad?: (page: Page) => Promise<void>
}

export async function openSession(name: string, { beforeLoad, ...context }: SessionOptions = {}): Promise<Session> {
  const dataDir = await mkdtemp(join(tmpdir(), `sourcebench-e2e-${name}-`))
  const app = await serveApp(dataDir)
  const browser = await launchChromium()
  // A page made through a context: axe needs one.
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, ...context })).newPage()
  page.on('pageerror', (error) => {
    throw error
  })
  await beforeLoad?.(page)
  const firstLoad = await page.goto(app.url)
  await page.locator('.source-item').nth(4).waitFor()
  return {
    app,
    browser,
    page,
    dataDir,
    firstLoad,
    close: async () => {
      await browser.close()
      await app.stop()
      await rm(dataDir, { recursive: true, force: true })
    }
  }
}
