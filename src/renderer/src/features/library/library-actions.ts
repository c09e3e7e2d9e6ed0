// The user's own marks on sources (tags, a star) and taking a folder out of the project:
// engine calls whose answers update the library the window shows. Each is undoable.
import { useWorkbench } from '../../app/workbench-store'
import { unwrap } from '../../lib/api'

/** Sets a source's tags and/or star; resolves true once the engine has kept them. */
export async function markSource(marks: { sourceId: string; tags?: string[]; starred?: boolean }): Promise<boolean> {
  const { api, run } = useWorkbench.getState()
  if (api === null) return false
  const source = await run(unwrap(api.tagSource(marks)))
  if (source === undefined) return false
  useWorkbench.getState().showSource(source)
  return true
}

/** The engine's name for the step, as Undo shows it. */
const REMOVE_FOLDER_STEP = 'Remove folder from project'

/** Takes an imported folder out of the project, then says what happened and offers Undo. */
export async function removeFolder(root: { id: string; name: string }): Promise<boolean> {
  const { api, run } = useWorkbench.getState()
  if (api === null) return false
  const outcome = await run(unwrap(api.removeFolder({ rootId: root.id })))
  if (outcome === undefined) return false
  await useWorkbench.getState().refresh()
  const { removedSources, keptHighlights } = outcome
  const sources = `${removedSources.toLocaleString()} source${removedSources === 1 ? '' : 's'}`
  const kept =
    keptHighlights === 0 ? '' : ` The ${keptHighlights} highlight${keptHighlights === 1 ? '' : 's'} on them ${keptHighlights === 1 ? 'is' : 'are'} kept, marked “source removed from the project”.`
  useWorkbench.getState().notify('success', `Removed “${root.name}” (${sources}) from the project.${kept}`, {
    label: 'Undo',
    run: () => {
      // Only while the removal is still the last change: an older Undo button must not take back something else.
      const state = useWorkbench.getState()
      if (state.history.undo === REMOVE_FOLDER_STEP) void state.undo()
      else state.notify('info', `“${REMOVE_FOLDER_STEP}” is no longer the last change: use Undo in the top bar to step back through your changes.`)
    }
  })
  return true
}
