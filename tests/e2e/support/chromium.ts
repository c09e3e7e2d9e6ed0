// Finds a Chromium for the end-to-end tests: $CHROME_PATH, then the system's Chromium or
// Chrome, then the binary shipped inside the npm package @sparticuz/chromium, so that
// `npm ci && npm test` needs nothing else on Linux x64.
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage'
]

export async function findChromium(): Promise<string> {
  const fromEnv = process.env['CHROME_PATH']
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!existsSync(fromEnv)) throw new Error(`e2e: CHROME_PATH=${fromEnv} does not exist`)
    return fromEnv
  }
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path))
  if (system !== undefined) return system
  const bundled = await import('@sparticuz/chromium')
  return bundled.default.executablePath()
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await findChromium(), headless: true, args: CHROMIUM_FLAGS })
}
