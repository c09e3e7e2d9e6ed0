// The host operations as a browser can do them: no native folder picker (the page asks
// for a path), and an export comes back as a file for the browser to download.
import type { ApiHandlers } from '../shared/ipc/contract'
import type { HostMethod } from '../main/core/api-handlers'
import type { Workbench } from '../main/core/workbench'

export function createBrowserHandlers(workbench: Workbench, version: string): Pick<ApiHandlers, HostMethod> {
  return {
    getAppInfo: async () => ({ version, mode: 'browser', canPickFolder: false }),
    pickFolder: async () => null,
    exportNotes: async () => ({ kind: 'download', fileName: workbench.exportFileName(), content: await workbench.notesMarkdown() })
  }
}
