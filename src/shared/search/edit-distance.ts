// Bounded Levenshtein distance for fuzzy terms (`word~`): gives up as soon as the distance
// must exceed the bound, so scanning a whole vocabulary stays cheap.

let previous = new Int32Array(64)
let current = new Int32Array(64)

/** The edit distance between `a` and `b` when it is at most `max`; otherwise `max + 1`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const m = a.length
  const n = b.length
  if (Math.abs(m - n) > max) return max + 1
  if (n + 1 > previous.length) {
    previous = new Int32Array(n + 1)
    current = new Int32Array(n + 1)
  }
  for (let j = 0; j <= n; j++) previous[j] = j
  for (let i = 1; i <= m; i++) {
    const code = a.charCodeAt(i - 1)
    current[0] = i
    let rowMin = i
    for (let j = 1; j <= n; j++) {
      const substitution = (previous[j - 1] ?? 0) + (code === b.charCodeAt(j - 1) ? 0 : 1)
      const deletion = (previous[j] ?? 0) + 1
      const insertion = (current[j - 1] ?? 0) + 1
      const cell = Math.min(substitution, deletion, insertion)
      current[j] = cell
      if (cell < rowMin) rowMin = cell
    }
    if (rowMin > max) return max + 1
    const swap = previous
    previous = current
    current = swap
  }
  return Math.min(previous[n] ?? 0, max + 1)
}
