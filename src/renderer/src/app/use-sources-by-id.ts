// The open library's sources by id, for components.
import type { Source } from '../../../shared/domain/source'
import { sourcesById } from './sources-by-id'
import { useWorkbench } from './workbench-store'

export function useSourcesById(): ReadonlyMap<string, Source> {
  return sourcesById(useWorkbench((state) => state.sources))
}
