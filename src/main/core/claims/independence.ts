// Whether two sources are one story told twice: the share of one text's 5-word sequences
// (shingles) that also occur in the other. An aggregator's rewrite of a wire story scores
// high; two outlets reporting the same event in their own words score low. Shingles are
// kept as sorted 32-bit hashes: a few bytes each, so a whole library's stay in memory.
import { terms } from '../../../shared/search/tokenize'

const SHINGLE_WORDS = 5

/** FNV-1a over the shingle's characters; a collision only nudges a share by one in hundreds. */
function hash(text: string): number {
  let value = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index)
    value = Math.imul(value, 0x01000193)
  }
  return value >>> 0
}

/** The distinct shingle hashes of a text, sorted. */
export function shingles(text: string): Uint32Array {
  const words = terms(text)
  const hashes = new Uint32Array(Math.max(0, words.length - SHINGLE_WORDS + 1))
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) hashes[i] = hash(words.slice(i, i + SHINGLE_WORDS).join(' '))
  hashes.sort()
  let kept = 0
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[kept - 1]) hashes[kept++] = hashes[i] ?? 0
  return hashes.slice(0, kept)
}

/** |S(copy) ∩ S(original)| / |S(copy)|: how much of `copy` is found in `original`. */
export function containment(copy: Uint32Array, original: Uint32Array): number {
  if (copy.length === 0) return 0
  let shared = 0
  let i = 0
  let j = 0
  while (i < copy.length && j < original.length) {
    const a = copy[i] ?? 0
    const b = original[j] ?? 0
    if (a === b) {
      shared++
      i++
      j++
    } else if (a < b) i++
    else j++
  }
  return shared / copy.length
}
