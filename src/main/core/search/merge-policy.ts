// When to merge segments, size-tiered: every save adds one small segment, so once there are
// more than a few, the cheapest run of consecutive segments is merged (small ones together,
// which keeps sizes growing geometrically and rewrites a document O(log n) times); and a
// segment whose documents are mostly replaced or removed is rewritten without them.

/** Segments searched together before a merge is due. */
export const MAX_SEGMENTS = 8
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
  if (segments.length > MAX_SEGMENTS) {
    let best = 0
    let bestBytes = Number.POSITIVE_INFINITY
    for (let first = 0; first + MERGE_WIDTH <= segments.length; first++) {
      let bytes = 0
      for (let k = first; k < first + MERGE_WIDTH; k++) bytes += segments[k]?.bytes ?? 0
      // Ties go to the newest run: recent segments are the small ones.
      if (bytes <= bestBytes) {
        best = first
        bestBytes = bytes
      }
    }
    return [best, best + MERGE_WIDTH - 1]
  }
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]
    if (segment !== undefined && segment.dead >= MIN_DEAD && segment.dead > segment.docs * DEAD_SHARE) return [index, index]
  }
  return null
}
