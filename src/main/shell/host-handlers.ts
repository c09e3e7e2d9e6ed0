// The operations only the desktop host can do: native folder and file pickers, native save dialog.
import { app, dialog, shell, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import { EXPORT_FORMAT_INFO } from '../../shared/domain/export'
import type { ApiHandlers } from '../../shared/ipc/contract'
import type { HostMethod } from '../core/api-handlers'
import { discardExport, exportBytes, saveExport } from '../core/export/export-service'
import type { Workbench } from '../core/workbench'
import { externalUrl } from './window'

export function createElectronHandlers(workbench: Workbench, getWindow: () => BrowserWindow | null): Pick<ApiHandlers, HostMethod> {
  const open = async (options: OpenDialogOptions): Promise<string | null> => {
    const window = getWindow()
    const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  }
  const save = async (options: SaveDialogOptions): Promise<string | null> => {
    const window = getWindow()
    const result = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options)
    return result.canceled || result.filePath === undefined ? null : result.filePath
  }
  return {
    getAppInfo: async () => ({ version: app.getVersion(), mode: 'electron', canPickFolder: true }),
    pickFolder: () => open({ title: 'Import a folder of sources', properties: ['openDirectory'] }),
    openExternalUrl: async ({ url }) => {
      const external = externalUrl(url)
      if (external === null) return { opened: false }
      await shell.openExternal(external)
      return { opened: true }
    },
    pickBundle: () =>
      open({ title: 'Open a project bundle', properties: ['openFile'], filters: [{ name: 'Sourcebench bundle', extensions: ['sourcebench', 'zip'] }] }),
    exportNotes: async (request) => {
      // Rendered before asking where: a failure shows in the Export dialog, not after the user picked a place.
      const file = await workbench.exportFile(request)
      try {
        const info = EXPORT_FORMAT_INFO[request.format]
        const path = await save({ title: `Export ${info.label}`, defaultPath: file.fileName, filters: [{ name: info.label, extensions: [info.extension] }] })
        if (path === null) return { kind: 'cancelled' }
        await saveExport(file.data, path)
        return { kind: 'saved', path, bytes: exportBytes(file.data) }
      } finally {
        // A bundle's temporary file, when it was not moved into place (cancelled, or the move failed).
        await discardExport(file.data)
      }
    }
  }
}
