// The main window, locked down: isolated, sandboxed preload, no Node in the page, no
// new windows, no navigation away from the app, no permission grants.
import { join } from 'node:path'
import { app, BrowserWindow, session } from 'electron'

export function preloadPath(): string {
  return join(__dirname, '../preload/index.js')
}

/** The dev server's address under `npm run dev`; a packaged app never loads or trusts one. */
export function rendererDevUrl(): string | undefined {
  return app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
}

/** The address to hand to the system browser, or null: only well-formed http(s) links leave the app. */
export function externalUrl(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null
}

export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Sourcebench',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true
    }
  })
  window.once('ready-to-show', () => window.show())
  // Every way to a new window lands here: window.open, target=_blank, and shift-, ctrl- or middle-clicks
  // (disposition 'new-window' or 'background-tab'). All are denied and nothing opens, in the app or the
  // system browser: a page's own address opens only through openExternalUrl, after the user has seen it.
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  window.webContents.on('will-frame-navigate', (event) => event.preventDefault())
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())
  const devUrl = rendererDevUrl()
  if (devUrl !== undefined) void window.loadURL(devUrl)
  else void window.loadFile(join(__dirname, '../renderer/index.html'))
  return window
}
