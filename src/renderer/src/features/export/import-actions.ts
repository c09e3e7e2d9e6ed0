// Bringing work in: a file of annotations into the open project, and a project bundle
// opened as a new project (the native picker in Electron, a typed path in browser mode).
import { useWorkbench } from '../../app/workbench-store'
import { unwrap } from '../../lib/api'
import { ANNOTATION_FILE_CHARS, type AnnotationImportReport } from '../../../../shared/domain/export'
import { describeBundle } from './bundle-report'
import { formatBytes } from '../../../../shared/text/counts'

function connected() {
  const { api } = useWorkbench.getState()
  if (api === null) throw new Error('export: not connected to the engine')
  return api
}

/** Imports the annotations in `file`; a file too large is refused before it is read. Throws what went wrong. */
export async function importAnnotationFile(file: File): Promise<AnnotationImportReport> {
  // A UTF-8 file has at least as many bytes as characters: within the limit in bytes, within it in characters.
  if (file.size > ANNOTATION_FILE_CHARS) {
    throw new Error(`export: “${file.name}” is ${formatBytes(file.size)}; Sourcebench reads annotation files up to ${formatBytes(ANNOTATION_FILE_CHARS)}.`)
  }
  const content = await file.text()
  const report = await unwrap(connected().importAnnotations({ fileName: file.name, content }))
  // New highlights, claims and links: the notes show them at once.
  await useWorkbench.getState().refresh()
  return report
}

/** Opens the bundle at `path` as a new project and switches to it, then says what came in. Throws what went wrong. */
export async function openBundleAt(path: string): Promise<void> {
  const { project, report } = await unwrap(connected().openBundle({ path }))
  await useWorkbench.getState().enterOpenedProject()
  const { kind, text } = describeBundle(project.current.name, report)
  useWorkbench.getState().notify(kind, text)
}

/** File → Open bundle…: Electron's file picker, or the dialog that asks for a path in browser mode. */
export async function chooseBundle(): Promise<void> {
  const { api, appInfo, run, setExportDialog } = useWorkbench.getState()
  if (api === null) return
  if (appInfo?.mode !== 'electron') {
    setExportDialog('open-bundle')
    return
  }
  const path = await run(unwrap(api.pickBundle()))
  if (typeof path === 'string') await run(openBundleAt(path))
}
