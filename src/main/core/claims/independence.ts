// Whether two sources are one story told twice: the share of one text's 5-word sequences
// (shingles) that also occur in the other. An aggregator's rewrite of a wire story scores
// high; two outlets reporting the same event in their own words score low.
import { terms } from '../../../shared/search/tokenize'

const SHINGLE_WORDS = 5

export function shingles(text: string): Set<string> {
  const words = terms(text)
  const set = new Set<string>()
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) set.add(words.slice(i, i + SHINGLE_WORDS).join(' '))
  return set
}

/** |S(copy) ∩ S(original)| / |S(copy)|: how much of `copy` is found in `original`. */
export function containment(copy: ReadonlySet<string>, original: ReadonlySet<string>): number {
  if (copy.size === 0) return 0
  let shared = 0
  for (const shingle of copy) if (original.has(shingle)) shared++
  return shared / copy.size
}
