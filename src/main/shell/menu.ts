// The application menu. Commands that belong to the page are sent to it as events.
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { events, type MenuCommand } from '../../shared/ipc/contract'

export function installMenu(getWindow: () => BrowserWindow | null): void {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(events.menuCommand, command)
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import Folder…', accelerator: 'CmdOrCtrl+O', click: send('import-folder') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send('export-notes') },
        { label: 'Import Annotations…', click: send('import-annotations') },
        { label: 'Open Bundle…', click: send('open-bundle') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      label: 'Edit',
      submenu: [
        // The page decides: in a text box the box's own undo, elsewhere the notes' history.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { label: 'Redo', accelerator: isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y', click: send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find in Sources', accelerator: 'CmdOrCtrl+F', click: send('find') },
        { label: 'New Claim', accelerator: 'CmdOrCtrl+Shift+N', click: send('new-claim') }
      ]
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', click: send('shortcuts') }] }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
