// The host operations as a browser can do them: no native folder or file picker (the page
// asks for a path), and an export is shelved for the page to download.
import type { ApiHandlers } from '../shared/ipc/contract'
import type { HostMethod } from '../main/core/api-handlers'
import { exportBytes } from '../main/core/export/export-service'
import type { Workbench } from '../main/core/workbench'
import { DownloadShelf } from './download-shelf'

export function createBrowserHandlers(workbench: Workbench, version: string, downloads: DownloadShelf = new DownloadShelf()): Pick<ApiHandlers, HostMethod> {
  return {
    getAppInfo: async () => ({ version, mode: 'browser', canPickFolder: false }),
    pickFolder: async () => null,
    pickBundle: async () => null,
    // A server cannot open the user's browser: the page opens the (already validated) address itself.
    openExternalUrl: async () => ({ opened: false }),
    exportNotes: async (request) => {
      // A bundle is shelved as its temporary file: the shelf or the download removes it.
      const file = await workbench.exportFile(request)
      return { kind: 'download', fileName: file.fileName, url: downloads.put(file), bytes: exportBytes(file.data) }
    }
  }
}
