// The library filter: every typed word must appear in the title or path, ignoring case
// and typographic variants.
import type { Source } from '../../../../shared/domain/source'
import { foldText } from '../../../../shared/text/fold'

export function filterSources(sources: readonly Source[], query: string): Source[] {
  const words = foldText(query).split(' ').filter((word) => word.length > 0)
  if (words.length === 0) return [...sources]
  return sources.filter((source) => {
    const haystack = foldText(`${source.title} ${source.relativePath}`)
    return words.every((word) => haystack.includes(word))
  })
}
