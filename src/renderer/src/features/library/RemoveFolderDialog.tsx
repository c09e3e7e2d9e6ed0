// Asks before an imported folder leaves the project, saying exactly what happens to its
// sources and to the highlights on them. An in-app dialog: the focus stays inside it,
// Escape cancels, and Cancel is the default.
import { useRef, useState } from 'react'
import type { ImportRoot } from '../../../../shared/domain/source'
import { SHORTCUTS } from '../../app/shortcuts'
import { ModalDialog } from '../../components/ModalDialog'
import { useWorkbench } from '../../app/workbench-store'
import { removeFolder } from './library-actions'

export function RemoveFolderDialog({ root, onClose }: { root: ImportRoot; onClose: () => void }) {
  const sources = useWorkbench((state) => state.sources)
  const annotations = useWorkbench((state) => state.annotations)
  const ids = new Set(sources.filter((source) => source.rootId === root.id).map((source) => source.id))
  const highlights = annotations.filter((annotation) => ids.has(annotation.target.sourceId)).length
  const undoKeys = SHORTCUTS.find((shortcut) => shortcut.id === 'undo')?.keys[0] ?? 'Ctrl+Z'
  const [removing, setRemoving] = useState(false)
  const cancelRef = useRef<HTMLButtonElement>(null)

  async function remove(): Promise<void> {
    setRemoving(true)
    await removeFolder(root)
    onClose()
  }

  return (
    <ModalDialog
      titleId="remove-folder-title"
      describedBy="remove-folder-text"
      role="alertdialog"
      className="remove-folder-dialog"
      onClose={onClose}
      initialFocus={cancelRef}
      busy={removing}
    >
      <h2 id="remove-folder-title">Remove “{root.name}” from the project?</h2>
      <div id="remove-folder-text">
        <p>
          Its {ids.size.toLocaleString()} source{ids.size === 1 ? '' : 's'} leave{ids.size === 1 ? 's' : ''} the library and the search, and <code>{root.path}</code> is no
          longer watched. Nothing on your disk is deleted.
        </p>
        <p>
          {highlights === 0
            ? 'No highlight is on these sources.'
            : `The ${highlights} highlight${highlights === 1 ? '' : 's'} on these sources ${highlights === 1 ? 'is' : 'are'} kept, listed as “source removed from the project”, and no longer count${highlights === 1 ? 's' : ''} as evidence for claims.`}{' '}
          Undo ({undoKeys}) puts the folder back; importing it again later also brings its highlights back.
        </p>
      </div>
      <div className="details-actions">
        <button type="button" className="button danger" disabled={removing} onClick={() => void remove()}>
          Remove from project
        </button>
        <button ref={cancelRef} type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  )
}
