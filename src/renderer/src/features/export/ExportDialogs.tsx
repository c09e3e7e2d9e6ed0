// Shows whichever export or import dialog the store says is open.
import { useWorkbench } from '../../app/workbench-store'
import { ExportDialog } from './ExportDialog'
import { ImportAnnotationsDialog } from './ImportAnnotationsDialog'
import { OpenBundleDialog } from './OpenBundleDialog'

export function ExportDialogs() {
  const open = useWorkbench((state) => state.exportDialog)
  const close = (): void => useWorkbench.getState().setExportDialog(null)
  if (open === 'export') return <ExportDialog onClose={close} />
  if (open === 'import-annotations') return <ImportAnnotationsDialog onClose={close} />
  if (open === 'open-bundle') return <OpenBundleDialog onClose={close} />
  return null
}
