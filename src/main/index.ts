// Composition root: builds the engine, wires it to the window, the menu and IPC.
import { join } from 'node:path'
import { app, BrowserWindow, dialog } from 'electron'
import { events } from '../shared/ipc/contract'
import { createCoreHandlers } from './core/api-handlers'
import { gateUntilOpen } from './core/projects/project-opening'
import { startWatchingAfter, Workbench } from './core/workbench'
import { createElectronHandlers } from './shell/host-handlers'
import { registerApiHandlers } from './shell/ipc/handle'
import { installMenu } from './shell/menu'
import { createMainWindow, hardenSession } from './shell/window'

const SHUTDOWN_GRACE_MS = 4000
let mainWindow: BrowserWindow | null = null
const getWindow = (): BrowserWindow | null => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null)

function seedsDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'seeds') : join(app.getAppPath(), 'seeds')
}

async function start(): Promise<void> {
  hardenSession()
  const workbench = new Workbench({
    dataDir: app.getPath('userData'),
    seedsDir: seedsDir(),
    extractWorker: { path: join(__dirname, 'extract-worker.js') },
    findingsWorker: { path: join(__dirname, 'findings-worker.js') },
    watchFolders: true,
    appVersion: app.getVersion()
  })
  let quitting = false
  app.on('will-quit', (event) => {
    // Let a running import save what it did (at most a few seconds), then quit for real.
    if (quitting) return
    quitting = true
    event.preventDefault()
    const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS))
    void Promise.race([workbench.shutdown(), grace])
      .catch(() => undefined)
      .finally(() => app.exit(0))
  })
  const core = createCoreHandlers(workbench)
  // Folders are watched once the window has the library listed, not during the cold start.
  // The window is shown while the last project opens: its first requests are answered from what has been read.
  const handlers = gateUntilOpen(workbench, { ...core, ...createElectronHandlers(workbench, getWindow), listSources: startWatchingAfter(workbench, core.listSources) })
  registerApiHandlers(getWindow, handlers)
  workbench.events.on('importProgress', (progress) => getWindow()?.webContents.send(events.importProgress, progress))
  workbench.events.on('libraryChanged', () => getWindow()?.webContents.send(events.libraryChanged, null))
  workbench.events.on('corroborationProgress', (progress) => getWindow()?.webContents.send(events.corroborationProgress, progress))
  workbench.events.on('historyChanged', (state) => getWindow()?.webContents.send(events.historyChanged, state))
  installMenu(getWindow)
  const booting = workbench.boot()
  mainWindow = createMainWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow()
  })
  await booting
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const window = getWindow()
    if (window === null) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error)
      dialog.showErrorBox('Sourcebench could not start', detail)
      app.exit(1)
    })
}
