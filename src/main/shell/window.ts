// The main window, locked down: isolated, sandboxed preload, no Node in the page, no
// new windows, no navigation away from the app, no permission grants.
import { join } from 'node:path'
import { app, BrowserWindow, session, shell } from 'electron'

export function preloadPath(): string {
  return join(__dirname, '../preload/index.js')
}

/** The dev server's address under `npm run dev`; a packaged app never loads or trusts one. */
export function rendererDevUrl(): string | undefined {
  return app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
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
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links in notes may point at the web: hand http(s) to the system browser, never a new app window.
    if (/^https?:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())
  const devUrl = rendererDevUrl()
  if (devUrl !== undefined) void window.loadURL(devUrl)
  else void window.loadFile(join(__dirname, '../renderer/index.html'))
  return window
}
