// The operations only the desktop host can do: native folder picker, native save dialog.
import { app, dialog, type BrowserWindow } from 'electron'
import type { ApiHandlers } from '../../shared/ipc/contract'
import type { HostMethod } from '../core/api-handlers'
import { writeFileAtomic } from '../core/store/atomic-write'
import type { Workbench } from '../core/workbench'

export function createElectronHandlers(workbench: Workbench, getWindow: () => BrowserWindow | null): Pick<ApiHandlers, HostMethod> {
  return {
    getAppInfo: async () => ({ version: app.getVersion(), mode: 'electron', canPickFolder: true }),
    pickFolder: async () => {
      const window = getWindow()
      const options = { title: 'Import a folder of sources', properties: ['openDirectory' as const] }
      const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    exportNotes: async () => {
      const window = getWindow()
      const options = {
        title: 'Export notes',
        defaultPath: workbench.exportFileName(),
        filters: [{ name: 'Markdown', extensions: ['md'] }]
      }
      const result = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options)
      if (result.canceled || result.filePath === undefined) return { kind: 'cancelled' }
      await writeFileAtomic(result.filePath, await workbench.notesMarkdown())
      return { kind: 'saved', path: result.filePath }
    }
  }
}
