// Registers one validated ipcMain handler per contract channel. A request from any frame
// but the main window's own top frame is refused; inputs are parsed with the shared
// schemas; every answer is a Result, so nothing is ever thrown across the bridge.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { contract, type ApiHandlers, type ApiMethod } from '../../../shared/ipc/contract'
import { err } from '../../../shared/ipc/result'
import { dispatch } from '../../core/dispatch'
import { rendererDevUrl } from '../window'

/** The app's own page: the main window's top frame, showing our bundled renderer or the dev server. */
function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  if (window.isDestroyed() || event.sender !== window.webContents) return false
  const frame = event.senderFrame
  const main = window.webContents.mainFrame
  if (frame === null || frame.processId !== main.processId || frame.routingId !== main.routingId) return false
  const devUrl = rendererDevUrl()
  return frame.url.startsWith('file://') || (devUrl !== undefined && frame.url.startsWith(devUrl))
}

export function registerApiHandlers(getWindow: () => BrowserWindow | null, handlers: ApiHandlers): void {
  for (const method of Object.keys(contract) as ApiMethod[]) {
    const { channel } = contract[method]
    ipcMain.handle(channel, (event, input: unknown) => {
      const window = getWindow()
      if (window === null || !isTrustedSender(event, window)) {
        return err('forbidden', `${channel}: refused a request from a frame that is not the Sourcebench window`)
      }
      return dispatch(handlers, method, input)
    })
  }
}
