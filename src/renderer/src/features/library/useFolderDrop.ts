// Dropping a folder on the library imports it. The desktop app learns where the dropped
// folder is from the preload (Electron's webUtils); a browser never tells a page a path,
// so browser mode says to type it instead. A dropped file is not imported: its folder is.
import { useState, type DragEvent } from 'react'
import { useWorkbench } from '../../app/workbench-store'

/** One dropped item, read while the drop event lasts (the browser empties the list after). */
export interface DroppedItem {
  name: string
  /** Where it is on disk, or null when the host cannot say (browser mode). */
  path: string | null
  /** null when the browser cannot tell a folder from a file (the engine then decides). */
  isFolder: boolean | null
}

export type DropOutcome =
  | { kind: 'import'; paths: string[]; files: string[] }
  | { kind: 'no-paths' }
  | { kind: 'only-files'; files: string[] }

/** What to do with a drop: import the folders, or say why nothing can be imported. */
export function planDrop(items: readonly DroppedItem[]): DropOutcome {
  if (items.length > 0 && items.every((item) => item.path === null)) return { kind: 'no-paths' }
  const files = items.filter((item) => item.isFolder === false).map((item) => item.name)
  const paths = items.filter((item) => item.isFolder !== false && item.path !== null).map((item) => item.path as string)
  return paths.length === 0 ? { kind: 'only-files', files } : { kind: 'import', paths, files }
}

function isFileDrag(event: DragEvent): boolean {
  return event.dataTransfer.types.includes('Files')
}

function droppedItems(transfer: DataTransfer, pathOf: (file: File) => string | null): DroppedItem[] {
  const items = [...transfer.items].filter((item) => item.kind === 'file')
  if (items.length === 0) return [...transfer.files].map((file) => ({ name: file.name, path: pathOf(file), isFolder: null }))
  return items.flatMap((item) => {
    const file = item.getAsFile()
    if (file === null) return []
    // Not every browser (nor jsdom) has entries; without one the folder question stays open.
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null
    return [{ name: file.name, path: pathOf(file), isFolder: entry === null ? null : entry.isDirectory }]
  })
}

/** The drop target's handlers and whether a drag of files is over it now. */
export function useFolderDrop() {
  const [over, setOver] = useState(false)

  async function run(outcome: DropOutcome): Promise<void> {
    const { notify, importFolder } = useWorkbench.getState()
    if (outcome.kind === 'no-paths') {
      notify('info', 'A browser does not tell Sourcebench where a dropped folder is on your disk: type the folder’s path in “Folder to import” instead.')
      return
    }
    for (const name of outcome.files) notify('warning', `“${name}” is a file: drop the folder that holds it to import its sources.`)
    // One after another: an import waits for the one before it to finish.
    if (outcome.kind === 'import') for (const path of outcome.paths) await importFolder(path)
  }

  return {
    over,
    handlers: {
      onDragOver(event: DragEvent) {
        if (!isFileDrag(event)) return
        event.preventDefault()
        event.dataTransfer.dropEffect = 'copy'
        if (!over) setOver(true)
      },
      onDragLeave(event: DragEvent) {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false)
      },
      onDrop(event: DragEvent) {
        if (!isFileDrag(event)) return
        event.preventDefault()
        setOver(false)
        const api = useWorkbench.getState().api
        if (api === null) return
        void run(planDrop(droppedItems(event.dataTransfer, (file) => api.pathForDroppedFile(file))))
      }
    }
  }
}
