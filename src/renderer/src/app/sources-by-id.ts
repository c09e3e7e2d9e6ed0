// Sources by id, built once per library list and shared by everything that needs it:
// with 20,000 sources, a map per component per render (or a scan per lookup) is too slow.
import type { Source } from '../../../shared/domain/source'

const maps = new WeakMap<readonly Source[], ReadonlyMap<string, Source>>()

export function sourcesById(sources: readonly Source[]): ReadonlyMap<string, Source> {
  let map = maps.get(sources)
  if (map === undefined) {
    map = new Map(sources.map((source) => [source.id, source]))
    maps.set(sources, map)
  }
  return map
}
