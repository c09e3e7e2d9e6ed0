// The library filter: every typed word must appear in the title, outlet or path,
// ignoring case and typographic variants. The folded text of each source is computed
// once per library, so filtering 20,000 sources keeps up with typing.
import type { Source } from '../../../../shared/domain/source'
import { foldText } from '../../../../shared/text/fold'

export interface FilterIndex {
  sources: readonly Source[]
  haystacks: readonly string[]
}

export function buildFilterIndex(sources: readonly Source[]): FilterIndex {
  return { sources, haystacks: sources.map((source) => foldText(`${source.title} ${source.meta.outlet ?? ''} ${source.relativePath}`)) }
}

export function filterSources(index: FilterIndex, query: string): readonly Source[] {
  const words = foldText(query).split(' ').filter((word) => word.length > 0)
  if (words.length === 0) return index.sources
  return index.sources.filter((_source, position) => {
    const haystack = index.haystacks[position] ?? ''
    return words.every((word) => haystack.includes(word))
  })
}
