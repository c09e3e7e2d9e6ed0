// Loads the built main bundle (out/main/index.js) with a stubbed `electron` and checks
// what a user's security depends on: the window's flags, the preload, the handlers.
import { existsSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import Module from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { contract, events } from '../../src/shared/ipc/contract'
import { createElectronStub, type StubRecord, type StubWindow } from './electron-stub'

const root = resolve(__dirname, '../..')
const bundle = join(root, 'out/main/index.js')
type Loader = (request: string, parent: unknown, isMain: boolean) => unknown

describe('main bundle (stubbed electron)', () => {
  let record: StubRecord
  let window: StubWindow

  beforeAll(async () => {
    if (!existsSync(bundle)) throw new Error(`smoke: ${bundle} is missing; run \`npm run build\` first`)
    const stub = createElectronStub(await mkdtemp(join(tmpdir(), 'sourcebench-smoke-')), root)
    record = stub.record
    const moduleWithLoad = Module as unknown as { _load: Loader }
    const originalLoad = moduleWithLoad._load
    moduleWithLoad._load = (request, parent, isMain) => (request === 'electron' ? stub.module : originalLoad(request, parent, isMain))
    try {
      Module.createRequire(bundle)(bundle)
      for (let waited = 0; record.windows.length === 0 && waited < 10_000; waited += 20) {
        await new Promise((done) => setTimeout(done, 20))
      }
    } finally {
      moduleWithLoad._load = originalLoad
    }
    const first = record.windows[0]
    if (first === undefined) throw new Error('smoke: the main bundle never created a window')
    window = first
  })

  it('takes the single-instance lock and opens one window with the app locked down', () => {
    expect(record.singleInstanceLockRequested).toBe(true)
    expect(record.windows).toHaveLength(1)
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
    expect(window.loadedFile).toBe(join(root, 'out/renderer/index.html'))
  })

  it('points the window at the built preload script', () => {
    const preload = window.options.webPreferences['preload'] as string
    expect(preload).toBe(join(root, 'out/preload/index.js'))
    expect(existsSync(preload)).toBe(true)
  })

  it('denies new windows, navigation and every permission request', () => {
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' })
    const navigation = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true } }
    window.webContents.emit('will-navigate', navigation, 'https://example.com')
    expect(navigation.defaultPrevented).toBe(true)
    const frameNavigation = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true } }
    window.webContents.emit('will-frame-navigate', frameNavigation, 'https://example.com')
    expect(frameNavigation.defaultPrevented).toBe(true)
    // A middle-click on any link opens nothing, in the app or outside it: web addresses leave only through openExternalUrl.
    expect(window.webContents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(window.webContents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(record.openedExternally).toEqual([])
    let granted: boolean | null = null
    record.permissionRequestHandler?.(window.webContents, 'media', (answer) => (granted = answer))
    expect(granted).toBe(false)
    expect(record.permissionCheckHandler?.()).toBe(false)
  })

  it('registers a handler for every contract channel', () => {
    const channels = Object.values(contract).map((entry) => entry.channel).sort()
    expect([...record.handlers.keys()].sort()).toEqual(channels)
  })

  it('answers the app window, refuses other frames, and rejects invalid input with a Result', async () => {
    const trusted = { sender: window.webContents, senderFrame: window.webContents.mainFrame }
    const listSources = record.handlers.get(contract.listSources.channel)!
    const listed = (await listSources(trusted, undefined)) as { ok: boolean; value: { sources: unknown[] } }
    expect(listed.ok).toBe(true)
    expect(listed.value.sources).toHaveLength(5)

    const subframe = { sender: window.webContents, senderFrame: { url: 'file:///app/out/renderer/index.html', processId: 4, routingId: 7 } }
    expect(await listSources(subframe, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const navigatedAway = { sender: window.webContents, senderFrame: { ...window.webContents.mainFrame, url: 'https://evil.example/' } }
    expect(await listSources(navigatedAway, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const otherContents = { sender: {}, senderFrame: window.webContents.mainFrame }
    expect(await listSources(otherContents, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } })

    const createClaim = record.handlers.get(contract.createClaim.channel)!
    expect(await createClaim(trusted, { text: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('text') } })
    expect(await createClaim(trusted, { text: 'A claim from the smoke test' })).toMatchObject({ ok: true, value: { text: 'A claim from the smoke test' } })
  })

  it('installs the application menu and forwards its commands to the page as events', () => {
    const template = record.menuTemplate as Array<{ label?: string; submenu?: Array<{ label?: string; click?: () => void }> }>
    const importItem = template.find((menu) => menu.label === 'File')?.submenu?.find((item) => item.label === 'Import Folder…')
    importItem?.click?.()
    expect(window.webContents.sent).toContainEqual([events.menuCommand, 'import-folder'])
    // Undo in the Edit menu goes to the page, which undoes in a text box or in the notes' history.
    const undoItem = template.find((menu) => menu.label === 'Edit')?.submenu?.find((item) => item.label === 'Undo')
    undoItem?.click?.()
    expect(window.webContents.sent).toContainEqual([events.menuCommand, 'undo'])
  })
})
