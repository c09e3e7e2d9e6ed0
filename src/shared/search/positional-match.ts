// Phrase and proximity matching over token positions, shared by the index (positions from
// its postings) and by highlighting (positions from tokenizing one text), so both agree.

/** An occurrence of a phrase or proximity group, as first and last token position. */
export interface PositionSpan {
  first: number
  last: number
}

/**
 * Start positions where part i occurs at start + i for every part. `parts[i]` holds the
 * sorted positions of part i.
 */
export function phraseStarts(parts: ArrayLike<number>[]): number[] {
  const head = parts[0]
  if (head === undefined) return []
  const cursors = new Array<number>(parts.length).fill(0)
  const starts: number[] = []
  outer: for (let h = 0; h < head.length; h++) {
    const start = head[h] ?? 0
    for (let i = 1; i < parts.length; i++) {
      const positions = parts[i] ?? []
      let cursor = cursors[i] ?? 0
      while (cursor < positions.length && (positions[cursor] ?? 0) < start + i) cursor++
      cursors[i] = cursor
      if (cursor >= positions.length) break outer
      if (positions[cursor] !== start + i) continue outer
    }
    starts.push(start)
  }
  return starts
}

/**
 * Non-overlapping windows, left to right, that hold every part in any order within
 * `parts - 1 + slop` positions. Parts listed under the same `group` (a repeated word) need
 * that many distinct positions.
 */
export function nearSpans(parts: ArrayLike<number>[], groups: number[], slop: number): PositionSpan[] {
  const need: number[] = []
  for (const group of groups) need[group] = (need[group] ?? 0) + 1
  const events: Array<{ position: number; group: number }> = []
  const seen = new Set<number>()
  parts.forEach((positions, part) => {
    const group = groups[part] ?? part
    if (seen.has(group)) return
    seen.add(group)
    for (let k = 0; k < positions.length; k++) events.push({ position: positions[k] ?? 0, group })
  })
  events.sort((a, b) => a.position - b.position || a.group - b.group)
  const width = parts.length - 1 + slop
  const have = new Array<number>(need.length).fill(0)
  let missing = need.filter((count) => count > 0).length
  const spans: PositionSpan[] = []
  let left = 0
  for (let right = 0; right < events.length; right++) {
    const added = events[right]
    if (added === undefined) continue
    have[added.group] = (have[added.group] ?? 0) + 1
    if (have[added.group] === need[added.group]) missing--
    while (left < right && added.position - (events[left]?.position ?? 0) > width) {
      const removed = events[left++]?.group ?? 0
      if (have[removed] === need[removed]) missing++
      have[removed] = (have[removed] ?? 0) - 1
    }
    if (missing === 0) {
      for (let group = events[left]?.group ?? 0; left < right && (have[group] ?? 0) > (need[group] ?? 0); group = events[left]?.group ?? 0) {
        have[group] = (have[group] ?? 0) - 1
        left++
      }
      spans.push({ first: events[left]?.position ?? 0, last: added.position })
      have.fill(0)
      missing = need.filter((count) => count > 0).length
      left = right + 1
    }
  }
  return spans
}
