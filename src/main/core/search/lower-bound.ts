// Binary search over a sorted list, shared by the search index (terms) and the quote ledger
// (attribution offsets, posting lists of quote ids).

/** The first index in the ascending `values` whose value is >= `target`. */
export function lowerBound<T extends string | number>(values: readonly T[], target: T): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (values[middle]! < target) low = middle + 1
    else high = middle
  }
  return low
}
