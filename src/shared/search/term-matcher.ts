// Whether a normalised term is matched by a query's word, prefix or fuzzy matcher: the one
// definition used both to expand matchers over the index vocabulary and to highlight text.
import { boundedEditDistance } from './edit-distance'
import type { TermMatcher } from './query-types'

export function acceptsTerm(matcher: TermMatcher, term: string): boolean {
  switch (matcher.kind) {
    case 'word':
      return term === matcher.word
    case 'prefix':
      return term.startsWith(matcher.prefix)
    case 'fuzzy':
      return boundedEditDistance(matcher.word, term, matcher.distance) <= matcher.distance
  }
}

export function matcherKey(matcher: TermMatcher): string {
  switch (matcher.kind) {
    case 'word':
      return `w:${matcher.word}`
    case 'prefix':
      return `p:${matcher.prefix}`
    case 'fuzzy':
      return `f${matcher.distance}:${matcher.word}`
  }
}

/** For each part, the index of the first part with the same matcher (a repeated word). */
export function partGroups(parts: TermMatcher[]): number[] {
  const first = new Map<string, number>()
  return parts.map((part, index) => {
    const key = matcherKey(part)
    const group = first.get(key) ?? index
    first.set(key, group)
    return group
  })
}
