// The open project's saved searches: loaded when the project opens (and again after an
// undo or redo, which may have brought one back), saved and deleted through the engine.
import { useEffect, useState } from 'react'
import type { SavedSearch } from '../../../../shared/domain/saved-search'
import { useWorkbench } from '../../app/workbench-store'
import { unwrap } from '../../lib/api'

export interface SavedSearches {
  saved: SavedSearch[]
  save(search: { name: string; query: string; nameVariants: boolean }): Promise<SavedSearch | undefined>
  remove(search: SavedSearch): Promise<void>
}

export function useSavedSearches(): SavedSearches {
  const api = useWorkbench((state) => state.api)
  const projectId = useWorkbench((state) => state.project?.current.id ?? null)
  const notesVersion = useWorkbench((state) => state.notesVersion)
  const [saved, setSaved] = useState<SavedSearch[]>([])
  const [version, setVersion] = useState(0)

  useEffect(() => {
    if (api === null || projectId === null) return undefined
    let current = true
    void useWorkbench
      .getState()
      .run(unwrap(api.listSavedSearches()))
      .then((list) => {
        if (current && list !== undefined) setSaved(list)
      })
    return () => {
      current = false
    }
  }, [api, projectId, notesVersion, version])

  return {
    saved,
    async save(search) {
      if (api === null) return undefined
      const kept = await useWorkbench.getState().run(unwrap(api.saveSearch(search)))
      setVersion((before) => before + 1)
      return kept
    },
    async remove(search) {
      const { undoable, run } = useWorkbench.getState()
      if (api === null) return
      await undoable(`Deleted the saved search “${search.name}”.`, 'Delete saved search', async () => (await run(unwrap(api.deleteSavedSearch({ id: search.id })))) !== undefined)
      setVersion((before) => before + 1)
    }
  }
}
