// The library filter: every typed word must appear in the title, outlet or path,
// ignoring case and typographic variants. The folded text of each source is computed
// once per source, so filtering 100,000 sources keeps up with typing and a refresh that
// changed one source folds that one.
import type { Source } from '../../../../shared/domain/source'
import { foldText } from '../../../../shared/text/fold'

export interface FilterIndex {
  sources: readonly Source[]
  haystacks: readonly string[]
}

/** Sources are never changed in place (an edit is a new object): each is folded once, not once per library change. */
const folded = new WeakMap<Source, string>()
/** Printable ASCII folds to its lower case: one native call instead of a character-by-character fold. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

function haystackOf(source: Source): string {
  let haystack = folded.get(source)
  if (haystack === undefined) {
    const text = `${source.title} ${source.meta.outlet ?? ''} ${source.relativePath}`
    haystack = PRINTABLE_ASCII.test(text) ? text.toLowerCase() : foldText(text)
    folded.set(source, haystack)
  }
  return haystack
}

export function buildFilterIndex(sources: readonly Source[]): FilterIndex {
  return { sources, haystacks: sources.map(haystackOf) }
}

export function filterSources(index: FilterIndex, query: string): readonly Source[] {
  const words = foldText(query).split(' ').filter((word) => word.length > 0)
  if (words.length === 0) return index.sources
  return index.sources.filter((_source, position) => {
    const haystack = index.haystacks[position] ?? ''
    return words.every((word) => haystack.includes(word))
  })
}
