// A stand-in for the `electron` module, recording what the main bundle asks of it, so
// the built app can be started without the Electron binary (which cannot be
// downloaded on the build machines).
import { EventEmitter } from 'node:events'

export interface StubRecord {
  windows: StubWindow[]
  handlers: Map<string, (event: unknown, input: unknown) => unknown>
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null
  permissionCheckHandler: (() => boolean) | null
  singleInstanceLockRequested: boolean
  menuTemplate: unknown
  /** URLs handed to the system browser. */
  openedExternally: string[]
}

export class StubWebContents extends EventEmitter {
  readonly mainFrame = { url: 'file:///app/out/renderer/index.html', processId: 4, routingId: 1 }
  readonly sent: Array<[string, unknown]> = []
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload])
  }
}

export class StubWindow extends EventEmitter {
  readonly webContents = new StubWebContents()
  loadedFile: string | null = null
  constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
    super()
  }
  loadURL(): Promise<void> {
    return Promise.resolve()
  }
  loadFile(path: string): Promise<void> {
    this.loadedFile = path
    return Promise.resolve()
  }
  isDestroyed(): boolean {
    return false
  }
  show(): void {}
}

export function createElectronStub(userData: string, appPath: string): { module: Record<string, unknown>; record: StubRecord } {
  const record: StubRecord = {
    windows: [],
    handlers: new Map(),
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    singleInstanceLockRequested: false,
    menuTemplate: null,
    openedExternally: []
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => {
      record.singleInstanceLockRequested = true
      return true
    },
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => (name === 'userData' ? userData : `/tmp/${name}`),
    getAppPath: () => appPath,
    getVersion: () => '0.0.0-smoke',
    quit: () => undefined,
    exit: (code: number) => {
      throw new Error(`app.exit(${code}) during the smoke test`)
    }
  })
  class BrowserWindow extends StubWindow {
    constructor(options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
      super(options)
      record.windows.push(this)
    }
    static getAllWindows(): StubWindow[] {
      return record.windows
    }
  }
  const module = {
    app,
    BrowserWindow,
    ipcMain: { handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) => record.handlers.set(channel, handler) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: StubRecord['permissionRequestHandler']) => (record.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: StubRecord['permissionCheckHandler']) => (record.permissionCheckHandler = handler)
      }
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => (record.menuTemplate = menu)
    },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
      showErrorBox: (title: string, detail: string) => {
        throw new Error(`${title}: ${detail}`)
      }
    },
    shell: { openExternal: async (url: string) => void record.openedExternally.push(url) }
  }
  return { module, record }
}
