// Finds the terms a prefix or fuzzy matcher accepts in a sorted vocabulary without looking
// at every term. Fuzzy terms walk the vocabulary as the trie it implicitly is: one
// Levenshtein row per character of the current term, reused for the beginning it shares
// with the previous term, and a whole subtree skipped as soon as no continuation of its
// beginning can come within the distance. The shared beginnings are precomputed (one byte
// per term), so the walk compares no strings.

/** A sorted vocabulary and, per term, the length of the beginning it shares with the term before (capped at 255). */
export interface TermDictionary {
  terms: readonly string[]
  shared: Uint8Array
}

export function termDictionary(terms: readonly string[]): TermDictionary {
  const shared = new Uint8Array(terms.length)
  for (let id = 1; id < terms.length; id++) {
    const a = terms[id - 1] ?? ''
    const b = terms[id] ?? ''
    const limit = Math.min(a.length, b.length, 255)
    let length = 0
    while (length < limit && a.charCodeAt(length) === b.charCodeAt(length)) length++
    shared[id] = length
  }
  return { terms, shared }
}

/** The first index at or after `from` in the ascending `terms` whose term is >= `target`. */
function lowerBoundFrom(terms: readonly string[], target: string, from: number): number {
  let low = from
  let high = terms.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((terms[middle] ?? '') < target) low = middle + 1
    else high = middle
  }
  return low
}

/** Terms at or above this code unit cannot follow a letter or digit; a prefix's subtree ends before it. */
const PAST_EVERY_TERM = '\uffff'

/** The ids of the sorted `terms` that start with `prefix`, as a half-open range. */
export function prefixRange(terms: readonly string[], prefix: string): [number, number] {
  return [lowerBoundFrom(terms, prefix, 0), lowerBoundFrom(terms, prefix + PAST_EVERY_TERM, 0)]
}

let rows = new Int32Array(1024)

/**
 * Calls `visit` with the id of every term of the dictionary within `max` edits
 * (Levenshtein, on UTF-16 code units, as boundedEditDistance counts them) of `word`, in order.
 */
export function forEachTermWithin(dictionary: TermDictionary, word: string, max: number, visit: (id: number) => void): void {
  const { terms, shared } = dictionary
  const m = word.length
  const width = m + 1
  const maxDepth = m + max
  if (rows.length < width * (maxDepth + 1)) rows = new Int32Array(width * (maxDepth + 1))
  const table = rows
  const codes = Int32Array.from({ length: m }, (_, j) => word.charCodeAt(j))
  const over = max + 1
  // Row 0, and cells past each row's band, which the next row reads: out of reach (Ukkonen's band).
  for (let j = 0; j <= m; j++) table[j] = j <= max ? j : over
  // Rows 0..valid hold the Levenshtein rows of the beginning of the last term walked, which
  // shares `shared[id]` code units with terms[id] (also after a skip: the terms skipped share more).
  let valid = 0
  const count = terms.length
  for (let id = 0; id < count; ) {
    const term = terms[id] ?? ''
    let depth = Math.min(valid, shared[id] ?? 0)
    /** The length of a beginning no match can start with, once found. */
    let deadAt = 0
    while (depth < term.length) {
      if (depth >= maxDepth) {
        deadAt = depth + 1
        break
      }
      const above = depth * width
      const here = above + width
      const code = term.charCodeAt(depth)
      // Only cells within `max` of the diagonal can stay within `max`.
      const from = depth + 1 - max > 1 ? depth + 1 - max : 1
      const to = depth + 1 + max < m ? depth + 1 + max : m
      let rowMin = depth + 1 <= max ? depth + 1 : over
      table[here] = rowMin
      if (from > 1) table[here + from - 1] = over
      for (let j = from; j <= to; j++) {
        const substitution = (table[above + j - 1] ?? 0) + (codes[j - 1] === code ? 0 : 1)
        const deletion = (table[above + j] ?? 0) + 1
        const insertion = (table[here + j - 1] ?? 0) + 1
        let cell = substitution < deletion ? (substitution < insertion ? substitution : insertion) : deletion < insertion ? deletion : insertion
        if (cell > over) cell = over
        table[here + j] = cell
        if (cell < rowMin) rowMin = cell
      }
      if (to < m) table[here + to + 1] = over
      depth++
      if (rowMin > max) {
        deadAt = depth
        break
      }
    }
    valid = depth
    if (deadAt === 0) {
      // A term more than `max` shorter than the word ends outside the band: too far.
      if (depth + max >= m && (table[depth * width + m] ?? over) <= max) visit(id)
      id++
      continue
    }
    // No term beginning like this one (up to the row that failed, or past the longest length allowed) can match.
    id++
    while (id < count && (shared[id] ?? 0) >= deadAt) id++
  }
}
