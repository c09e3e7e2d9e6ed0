// A deliberately naive reference for the index tests: each text normalised by one
// whole-string pipeline (not the tokenizer under test) and queries evaluated by scanning
// the token stream, so the index must agree with brute force.
import type { Query, QueryNode, TermMatcher } from '../../../../src/shared/search/query-types'

export function referenceTerms(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
}

function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)))
    }
    row = next
  }
  return row[b.length] ?? 0
}

function accepts(matcher: TermMatcher, term: string | undefined): boolean {
  if (term === undefined) return false
  if (matcher.kind === 'word') return term === matcher.word
  if (matcher.kind === 'prefix') return term.startsWith(matcher.prefix)
  return levenshtein(matcher.word, term) <= matcher.distance
}

/** How close a word is to what a fuzzy term typed, compared as a list: edits, then the shared beginning (up to 4 letters, longer first). */
export function referenceCloseness(typed: string, term: string): [number, number] {
  let shared = 0
  while (shared < Math.min(4, typed.length, term.length) && typed[shared] === term[shared]) shared++
  const edits = levenshtein(typed, term)
  return [edits, edits === 0 ? 0 : -shared]
}

/** The closeness of a document's closest word a fuzzy term accepts; null when it has none. */
export function referenceBestCloseness(matcher: Extract<TermMatcher, { kind: 'fuzzy' }>, terms: string[]): [number, number] | null {
  let best: [number, number] | null = null
  for (const term of terms) {
    if (!accepts(matcher, term)) continue
    const closeness = referenceCloseness(matcher.word, term)
    if (best === null || closeness[0] < best[0] || (closeness[0] === best[0] && closeness[1] < best[1])) best = closeness
  }
  return best
}

/** Whether `terms[from..to]` holds every part at a distinct position (parts are plain or repeated words). */
function windowHolds(parts: TermMatcher[], terms: string[], from: number, to: number): boolean {
  const used = new Set<number>()
  return parts.every((part) => {
    for (let position = from; position <= to; position++) {
      if (!used.has(position) && accepts(part, terms[position])) {
        used.add(position)
        return true
      }
    }
    return false
  })
}

export function referenceMatches(node: QueryNode, terms: string[]): boolean {
  switch (node.kind) {
    case 'word':
    case 'prefix':
    case 'fuzzy':
      return terms.some((term) => accepts(node, term))
    case 'phrase':
      return terms.some((_, start) => node.parts.every((part, offset) => accepts(part, terms[start + offset])))
    case 'near': {
      const width = node.parts.length - 1 + node.slop
      return terms.some((_, start) => windowHolds(node.parts, terms, start, start + width))
    }
    case 'and':
      return node.children.every((child) => referenceMatches(child, terms))
    case 'or':
      return node.children.some((child) => referenceMatches(child, terms))
    case 'not':
      return !referenceMatches(node.child, terms)
  }
}

/** The keys whose text matches the query's full-text part, sorted. */
export function referenceSearch(query: Query, texts: ReadonlyMap<string, string>): string[] {
  const root = query.root
  if (root === null) return query.filters.length === 0 ? [] : [...texts.keys()].sort()
  return [...texts]
    .filter(([, text]) => referenceMatches(root, referenceTerms(text)))
    .map(([key]) => key)
    .sort()
}

export { seededRandom } from '../../../helpers/seeded-random'
