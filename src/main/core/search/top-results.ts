// Keeps the best `limit` results of a search without sorting every match: a bounded heap
// ordered by score, ties broken by key so the order never depends on insertion history.

export interface SearchResult {
  key: string
  score: number
  /** Matched positions of the query's positive clauses (a phrase occurrence counts once). */
  hits: number
}

/** True when `a` ranks below `b`. */
function worse(a: SearchResult, b: SearchResult): boolean {
  return a.score < b.score || (a.score === b.score && a.key > b.key)
}

export class TopResults {
  private readonly heap: SearchResult[] = []

  constructor(private readonly limit: number) {}

  /** False when a result of this score cannot enter (checked before building the result). */
  admits(score: number): boolean {
    const worst = this.heap[0]
    return this.heap.length < this.limit ? true : worst !== undefined && score >= worst.score
  }

  offer(result: SearchResult): void {
    const heap = this.heap
    if (heap.length < this.limit) {
      heap.push(result)
      this.siftUp(heap.length - 1)
    } else if (heap[0] !== undefined && worse(heap[0], result)) {
      heap[0] = result
      this.siftDown(0)
    }
  }

  /** Best first. */
  sorted(): SearchResult[] {
    return [...this.heap].sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0))
  }

  private siftUp(start: number): void {
    const heap = this.heap
    for (let index = start; index > 0; ) {
      const parent = (index - 1) >> 1
      const child = heap[index]
      const above = heap[parent]
      if (child === undefined || above === undefined || !worse(child, above)) return
      heap[index] = above
      heap[parent] = child
      index = parent
    }
  }

  private siftDown(start: number): void {
    const heap = this.heap
    for (let index = start; ; ) {
      let smallest = index
      for (const child of [2 * index + 1, 2 * index + 2]) {
        const candidate = heap[child]
        const current = heap[smallest]
        if (candidate !== undefined && current !== undefined && worse(candidate, current)) smallest = child
      }
      if (smallest === index) return
      const moved = heap[index]
      const other = heap[smallest]
      if (moved === undefined || other === undefined) return
      heap[index] = other
      heap[smallest] = moved
      index = smallest
    }
  }
}
