// How close a word found by a fuzzy term (`word~`) is to the word typed, as a rank and a
// weight that make closer words outrank frequent ones: the typed word itself first, then
// fewer edits, then, among equal edits, a longer shared beginning (as Jaro–Winkler does).

/** Shared beginnings longer than this count the same (Winkler's cap: after 4 letters it stops telling words apart). */
const PREFIX_CAP = 4
const RANKS_PER_DISTANCE = PREFIX_CAP + 1

/**
 * 0 for the typed word itself; 1–5 for one edit and 6–10 for two, lower for a longer
 * shared beginning. `distance` is the edit distance between the two.
 */
export function closenessRank(typed: string, term: string, distance: number): number {
  if (distance <= 0) return 0
  let shared = 0
  while (shared < PREFIX_CAP && shared < typed.length && shared < term.length && typed.charCodeAt(shared) === term.charCodeAt(shared)) shared++
  return 1 + (distance - 1) * RANKS_PER_DISTANCE + (PREFIX_CAP - shared)
}

/**
 * Halves with every rank. A fuzzy term scores each document `weight × (1 + saturation) / 2`
 * of its best word, with saturation in [0, 1), so a document's score stays within
 * (weight / 2, weight]: no frequency can lift a farther word above a closer one.
 */
export function closenessWeight(rank: number): number {
  return WEIGHTS[rank] ?? 2 ** -rank
}

/** Every rank a distance of 2 can give, looked up rather than computed once per document. */
const WEIGHTS = Array.from({ length: 1 + 2 * RANKS_PER_DISTANCE }, (_, rank) => 2 ** -rank)
