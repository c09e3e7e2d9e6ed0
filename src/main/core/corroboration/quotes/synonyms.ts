// Whether two stems are synonyms of common words ("ruined" / "destroyed", "mistake" /
// "error"), from the WordNet table generated into synonym-table.ts; read into a map of
// stems on first use, so a library without rewordings pays nothing.
import { compareStem } from '../compare-words'
import { SYNONYM_LINES } from './synonym-table'

let table: Map<string, Set<string>> | null = null

function load(): Map<string, Set<string>> {
  const stems = new Map<string, Set<string>>()
  for (const line of SYNONYM_LINES.split('\n')) {
    const [word, ...others] = line.split(' ')
    if (word === undefined || word === '' || others.length === 0) continue
    const own = compareStem(word)
    const set = stems.get(own) ?? new Set<string>()
    for (const other of others) {
      const stem = compareStem(other)
      if (stem !== own) set.add(stem)
    }
    stems.set(own, set)
  }
  return stems
}

/** The stems listed as synonyms of `stem` (empty when it has none). */
export function synonymsOf(stem: string): ReadonlySet<string> {
  table ??= load()
  return table.get(stem) ?? EMPTY
}

const EMPTY: ReadonlySet<string> = new Set()

export function areSynonyms(a: string, b: string): boolean {
  return synonymsOf(a).has(b)
}
