// When to merge segments, size-tiered: every save adds one small segment, and four
// neighbours of about the same size are merged into one, which keeps sizes growing
// geometrically and rewrites a document O(log n) times. A small segment (a watched change)
// is never merged into large ones (seconds of work and a large write) unless segments pile
// up past a hard limit. No merge writes a segment past MAX_MERGED_BYTES (as Lucene's
// tiered policy caps its merged segments): the last merges of a very large library would
// otherwise rewrite the whole index at once, holding it twice in memory while they run.
// A segment whose documents are mostly replaced or removed is rewritten without them.

/** How many segments a settled index holds, about: under four per size tier. */
export const MAX_SEGMENTS = 8
/** Past this many, the cheapest run is merged even when its sizes differ widely. */
export const HARD_MAX_SEGMENTS = 24
/** A run is merged before that only when its largest segment is at most this many times its smallest. */
const BALANCE = 4
/**
 * A merge's inputs together stay under this many bytes (as Segment.bytes counts them), so
 * its output does too: at a million news texts (an index of ~1.7 GB) the largest merge
 * writes ~450 MB, not the whole index.
 */
export const MAX_MERGED_BYTES = 512 * 1024 * 1024
/** Consecutive segments merged at once when there are too many. */
const MERGE_WIDTH = 4
/** Share of dead documents past which a segment is rewritten, and the least count worth it. */
const DEAD_SHARE = 0.3
const MIN_DEAD = 32

export interface SegmentStats {
  docs: number
  dead: number
  bytes: number
}

/** The run [first, last] (inclusive) of segments to merge next, or null when none is due. */
export function nextMerge(segments: readonly SegmentStats[]): [number, number] | null {
  if (segments.length >= MERGE_WIDTH) {
    let best = -1
    let bestBytes = Number.POSITIVE_INFINITY
    for (let first = 0; first + MERGE_WIDTH <= segments.length; first++) {
      let bytes = 0
      let largest = 0
      let smallest = Number.POSITIVE_INFINITY
      for (let k = first; k < first + MERGE_WIDTH; k++) {
        const size = segments[k]?.bytes ?? 0
        bytes += size
        largest = Math.max(largest, size)
        smallest = Math.min(smallest, size)
      }
      const balanced = largest <= BALANCE * Math.max(smallest, 1)
      // Ties go to the newest run: recent segments are the small ones.
      if ((balanced || segments.length > HARD_MAX_SEGMENTS) && bytes <= MAX_MERGED_BYTES && bytes <= bestBytes) {
        best = first
        bestBytes = bytes
      }
    }
    if (best >= 0) return [best, best + MERGE_WIDTH - 1]
  }
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]
    if (segment !== undefined && segment.dead >= MIN_DEAD && segment.dead > segment.docs * DEAD_SHARE) return [index, index]
  }
  return null
}
