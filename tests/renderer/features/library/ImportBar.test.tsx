import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { FolderWatchNotice } from '../../../../src/renderer/src/features/library/FolderWatchNotice'
import { ImportBar } from '../../../../src/renderer/src/features/library/ImportBar'
import type { ImportReport } from '../../../../src/shared/domain/source'
import type { Api } from '../../../../src/shared/ipc/contract'

function report(overrides: Partial<ImportReport>): ImportReport {
  return { rootId: 'r1', rootPath: '/home/ann/leak', added: 0, updated: 0, unchanged: 0, missing: 0, errors: [], warnings: [], cancelled: false, seconds: 0.1, ...overrides }
}

/** An API whose calls answer with what the test says; every call is recorded. */
function fakeApi(answers: Partial<Record<keyof Api, (input: unknown) => unknown>>): { api: Api; calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = []
  const api = new Proxy({} as Api, {
    get: (_target, method: string) => (input: unknown) => {
      calls.push([method, input])
      const answer = answers[method as keyof Api]
      if (method.startsWith('on')) return () => undefined
      return Promise.resolve({ ok: true, value: answer === undefined ? null : answer(input) })
    }
  })
  return { api, calls }
}

describe('ImportBar', () => {
  afterEach(cleanup)

  it('asks before importing a large folder, and imports it with the user’s agreement', async () => {
    const { api, calls } = fakeApi({
      importFolder: (input) =>
        (input as { confirmLarge: boolean }).confirmLarge ? report({ added: 25_000 }) : report({ needsConfirmation: { files: 25_000, bytes: 3.2 * 1024 ** 3 } }),
      getProject: () => ({ current: { id: 'p', name: 'P', dir: '/p', createdAt: '' }, projects: [], warnings: [] }),
      listSources: () => ({ roots: [], sources: [], unwatchedRootIds: [], total: 0, revision: 'e:0' }),
      listAnnotations: () => [],
      listClaims: () => [],
      claimSupport: () => ({})
    })
    useWorkbench.setState({ api, appInfo: { version: 't', mode: 'browser', canPickFolder: false }, importing: null, largeImport: null, lastImport: null })
    render(<ImportBar />)
    fireEvent.change(screen.getByLabelText('Folder to import'), { target: { value: '~/leak' } })
    fireEvent.click(screen.getByRole('button', { name: 'Import' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Import a large folder?' })
    expect(dialog.textContent).toContain('/home/ann/leak holds 25,000 files Sourcebench can read (3.2 GB)')
    expect(calls.filter(([method]) => method === 'importFolder')).toEqual([['importFolder', { path: '~/leak', confirmLarge: false }]])
    fireEvent.click(screen.getByRole('button', { name: 'Import all 25,000 files' }))
    await waitFor(() => expect(useWorkbench.getState().lastImport?.added).toBe(25_000))
    expect(calls.filter(([method]) => method === 'importFolder').at(-1)).toEqual(['importFolder', { path: '/home/ann/leak', confirmLarge: true }])
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  it('drops a large folder without importing anything when the user cancels', async () => {
    const importFolder = vi.fn()
    useWorkbench.setState({ importFolder, largeImport: { path: '/home/ann/leak', files: 30_000, bytes: 10 }, appInfo: { version: 't', mode: 'browser', canPickFolder: false } })
    render(<ImportBar />)
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(importFolder).not.toHaveBeenCalled()
  })

  it('shows the count of files found while a large folder is being listed', () => {
    useWorkbench.setState({ largeImport: null, importing: { rootPath: '/x', phase: 'listing', done: 12_345, total: 0, currentFile: null, errors: 0 } })
    render(<ImportBar />)
    expect(screen.getByRole('status').textContent).toContain('Listing files… 12,345 found')
  })
})

describe('FolderWatchNotice', () => {
  afterEach(cleanup)

  it('says which page of a scan is being read while it is recognised', () => {
    useWorkbench.setState({
      largeImport: null,
      lastImport: null,
      importing: { rootPath: '/x', phase: 'importing', done: 3, total: 9, currentFile: 'court/filing.pdf', detail: 'OCR page 3 of 40', errors: 0 }
    })
    render(<ImportBar />)
    expect(screen.getByRole('status').textContent).toContain('court/filing.pdf · OCR page 3 of 40')
  })

  it('names a folder too large to follow live and looks for changes on request', () => {
    const rescanFolders = vi.fn(async () => undefined)
    useWorkbench.setState({
      roots: [{ id: 'r1', path: '/home/ann/archive', name: 'archive', importedAt: '', complete: true, folders: 37_529 }],
      unwatchedRootIds: ['r1'],
      rescanFolders
    })
    render(<FolderWatchNotice />)
    expect(screen.getByTestId('watch-notice').textContent).toContain('“archive” has too many subfolders (37,529) to follow live')
    fireEvent.click(screen.getByRole('button', { name: 'Check for changes now' }))
    expect(rescanFolders).toHaveBeenCalledWith(true)
  })
})
