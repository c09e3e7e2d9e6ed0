// Says which imported folders are too large to follow live, and lets the user look for
// changes in them now (the app also looks whenever its window gets the focus back).
import { useWorkbench } from '../../app/workbench-store'

export function FolderWatchNotice() {
  const roots = useWorkbench((state) => state.roots)
  const unwatched = useWorkbench((state) => state.unwatchedRootIds)
  const rescanFolders = useWorkbench((state) => state.rescanFolders)
  const rescanning = useWorkbench((state) => state.rescanning)
  const names = roots.filter((root) => unwatched.includes(root.id))
  if (names.length === 0) return null
  const subfolders = names.reduce((sum, root) => sum + (root.folders ?? 0), 0)
  return (
    <p className="watch-notice" data-testid="watch-notice" role="note">
      {names.length === 1 ? `“${names[0]?.name}” has` : `${names.length} folders have`} too many subfolders ({subfolders.toLocaleString()}) to follow live:
      changes on disk are picked up when you come back to Sourcebench.{' '}
      <button type="button" className="link-button" disabled={rescanning} onClick={() => void rescanFolders(true)}>
        {rescanning ? 'Checking…' : 'Check for changes now'}
      </button>
    </p>
  )
}
