// Loads the built preload (out/preload/index.js) with a stubbed `electron` and checks the
// one object it exposes: a method per contract channel that only invokes that channel,
// and the path of a dropped file asked of webUtils (never an IPC call).
import { existsSync } from 'node:fs'
import Module from 'node:module'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { API_GLOBAL, contract, type ApiMethod } from '../../src/shared/ipc/contract'

const bundle = join(resolve(__dirname, '../..'), 'out/preload/index.js')
type Loader = (request: string, parent: unknown, isMain: boolean) => unknown

describe('preload bundle (stubbed electron)', () => {
  const invoked: Array<[string, unknown]> = []
  const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>()

  beforeAll(() => {
    if (!existsSync(bundle)) throw new Error(`smoke: ${bundle} is missing; run \`npm run build\` first`)
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: Record<string, (...args: unknown[]) => unknown>) => exposed.set(name, api) },
      ipcRenderer: {
        invoke: (channel: string, input: unknown) => {
          invoked.push([channel, input])
          return Promise.resolve({ ok: true, value: null })
        },
        on: () => undefined,
        removeListener: () => undefined
      },
      webUtils: {
        getPathForFile: (file: { name: string }) => {
          if (file.name === 'broken') throw new Error('not a File')
          return file.name === 'in-memory' ? '' : `/home/ann/${file.name}`
        }
      }
    }
    const moduleWithLoad = Module as unknown as { _load: Loader }
    const originalLoad = moduleWithLoad._load
    moduleWithLoad._load = (request, parent, isMain) => (request === 'electron' ? electron : originalLoad(request, parent, isMain))
    try {
      Module.createRequire(bundle)(bundle)
    } finally {
      moduleWithLoad._load = originalLoad
    }
  })

  it('exposes one method per contract channel, each invoking only its own channel', async () => {
    const api = exposed.get(API_GLOBAL)!
    for (const method of Object.keys(contract) as ApiMethod[]) {
      invoked.length = 0
      await api[method]?.({ probe: method })
      expect(invoked.map(([channel]) => channel)).toEqual([contract[method].channel])
    }
  })

  it('answers where a dropped folder is from webUtils, and null when the file has no path', () => {
    const api = exposed.get(API_GLOBAL)!
    invoked.length = 0
    expect(api['pathForDroppedFile']?.({ name: 'leak' })).toBe('/home/ann/leak')
    expect(api['pathForDroppedFile']?.({ name: 'in-memory' })).toBeNull()
    expect(api['pathForDroppedFile']?.({ name: 'broken' })).toBeNull()
    expect(invoked).toEqual([])
  })
})
