import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { ExportDialogs } from '../../../../src/renderer/src/features/export/ExportDialogs'
import { chooseBundle } from '../../../../src/renderer/src/features/export/import-actions'
import type { BundleOpenReport } from '../../../../src/shared/domain/export'
import type { ProjectInfo } from '../../../../src/shared/domain/project'
import type { Api, AppInfo } from '../../../../src/shared/ipc/contract'
import type { Result } from '../../../../src/shared/ipc/result'

const BROWSER: AppInfo = { version: 't', mode: 'browser', canPickFolder: false }
const ELECTRON: AppInfo = { version: 't', mode: 'electron', canPickFolder: true }

function projectInfo(id: string, name: string): ProjectInfo {
  const entry = { id, name, dir: `/data/${id}`, createdAt: '' }
  return { current: entry, projects: [entry], warnings: [] }
}

const opened: BundleOpenReport = {
  projectName: 'Port deal',
  sources: 5,
  annotations: 12,
  claims: 2,
  texts: 5,
  originals: 0,
  foldersNotHere: ['leak'],
  alreadyOpenedAs: null,
  warnings: []
}

/** The engine after a bundle was opened: `current` is the project it reports. */
function fakeApi(answers: { pickBundle?: string | null; openBundle?: Result<unknown> }) {
  const calls: Array<[string, unknown]> = []
  let current = projectInfo('a', 'Mine')
  const answer = (method: string, input: unknown): Result<unknown> => {
    calls.push([method, input])
    if (method === 'pickBundle') return { ok: true, value: answers.pickBundle ?? null }
    if (method === 'openBundle') {
      const result = answers.openBundle ?? { ok: true, value: { project: projectInfo('b', 'Port deal (bundle)'), report: opened } }
      if (result.ok) current = projectInfo('b', 'Port deal (bundle)')
      return result
    }
    if (method === 'getProject') return { ok: true, value: current }
    if (method === 'listSources') return { ok: true, value: { roots: [], sources: [], unwatchedRootIds: [], total: 0, revision: 'e:0' } }
    if (method === 'claimSupport') return { ok: true, value: {} }
    return { ok: true, value: [] }
  }
  const api = new Proxy({} as Api, { get: (_target, method: string) => async (input: unknown) => answer(method, input) })
  return { api, calls }
}

function reset(api: Api, appInfo: AppInfo): void {
  useWorkbench.setState({
    api,
    appInfo,
    project: projectInfo('a', 'Mine'),
    texts: { s1: { sourceId: 's1', contentHash: 'h', text: 'An old text' } },
    exportDialog: null,
    notices: []
  })
}

describe('OpenBundleDialog', () => {
  afterEach(cleanup)

  it('asks for a path in browser mode, opens the bundle as the current project and reports what came in', async () => {
    const { api, calls } = fakeApi({})
    reset(api, BROWSER)
    render(<ExportDialogs />)
    await chooseBundle()
    const dialog = await screen.findByRole('dialog', { name: 'Open bundle' })
    expect(dialog.textContent).toContain('~ and relative paths start in the home folder')
    expect(calls.some(([method]) => method === 'pickBundle')).toBe(false)
    fireEvent.change(screen.getByLabelText('Bundle file'), { target: { value: ' ~/Downloads/port.sourcebench ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Open' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(calls.find(([method]) => method === 'openBundle')).toEqual(['openBundle', { path: '~/Downloads/port.sourcebench' }])
    const state = useWorkbench.getState()
    expect(state.project?.current.name).toBe('Port deal (bundle)')
    expect(state.texts).toEqual({})
    expect(state.notices.map((notice) => [notice.kind, notice.text])).toEqual([
      [
        'warning',
        'Opened “Port deal (bundle)” from the bundle: 5 sources, 12 highlights, 2 claims. Not on this computer: “leak”; its sources are read from the texts in the bundle.'
      ]
    ])
  })

  it('keeps a refused bundle’s reason in the dialog and stays in the current project', async () => {
    const { api } = fakeApi({ openBundle: { ok: false, error: { code: 'invalid-input', message: 'bundle: “../../.bashrc” points outside the bundle; nothing was written' } } })
    reset(api, BROWSER)
    useWorkbench.setState({ exportDialog: 'open-bundle' })
    render(<ExportDialogs />)
    fireEvent.change(screen.getByLabelText('Bundle file'), { target: { value: '/tmp/evil.sourcebench' } })
    fireEvent.click(screen.getByRole('button', { name: 'Open' }))
    expect((await screen.findByRole('alert')).textContent).toBe('“../../.bashrc” points outside the bundle; nothing was written')
    expect(screen.getByRole('dialog', { name: 'Open bundle' })).toBeTruthy()
    expect(useWorkbench.getState().project?.current.id).toBe('a')
  })

  it('uses Electron’s file picker instead of the dialog, and does nothing when the user cancels it', async () => {
    const cancelled = fakeApi({ pickBundle: null })
    reset(cancelled.api, ELECTRON)
    await chooseBundle()
    expect(cancelled.calls.map(([method]) => method)).toEqual(['pickBundle'])
    expect(useWorkbench.getState().exportDialog).toBeNull()

    const picked = fakeApi({ pickBundle: '/home/ann/port.sourcebench' })
    reset(picked.api, ELECTRON)
    await chooseBundle()
    expect(picked.calls.find(([method]) => method === 'openBundle')).toEqual(['openBundle', { path: '/home/ann/port.sourcebench' }])
    expect(useWorkbench.getState().exportDialog).toBeNull()
    expect(useWorkbench.getState().project?.current.id).toBe('b')
  })
})
