// The documents a query clause matches, sorted by id, with each one's BM25 score and hit
// count; and the boolean algebra (and, or, minus) that sums scores and hits as it combines.

export interface Matches {
  docs: Uint32Array
  scores: Float64Array
  hits: Uint32Array
}

export const NO_MATCHES: Matches = { docs: new Uint32Array(0), scores: new Float64Array(0), hits: new Uint32Array(0) }

/** Accumulates per-document sums in arrays indexed by document id, then lists them in id order. */
export class MatchAccumulator {
  private readonly scores: Float64Array
  private readonly hits: Uint32Array
  private readonly seen: Uint8Array
  private readonly docs: number[] = []

  constructor(docCount: number) {
    this.scores = new Float64Array(docCount)
    this.hits = new Uint32Array(docCount)
    this.seen = new Uint8Array(docCount)
  }

  add(doc: number, score: number, hits: number): void {
    if (this.seen[doc] === 0) {
      this.seen[doc] = 1
      this.docs.push(doc)
    }
    this.scores[doc] = (this.scores[doc] ?? 0) + score
    this.hits[doc] = (this.hits[doc] ?? 0) + hits
  }

  addAll(matches: Matches): void {
    for (let i = 0; i < matches.docs.length; i++) this.add(matches.docs[i] ?? 0, matches.scores[i] ?? 0, matches.hits[i] ?? 0)
  }

  finish(): Matches {
    const docs = Uint32Array.from(this.docs).sort()
    const scores = new Float64Array(docs.length)
    const hits = new Uint32Array(docs.length)
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] ?? 0
      scores[i] = this.scores[doc] ?? 0
      hits[i] = this.hits[doc] ?? 0
    }
    return { docs, scores, hits }
  }
}

/** Documents in both, scores and hits summed. */
export function intersect(a: Matches, b: Matches): Matches {
  const size = Math.min(a.docs.length, b.docs.length)
  const docs = new Uint32Array(size)
  const scores = new Float64Array(size)
  const hits = new Uint32Array(size)
  let n = 0
  for (let i = 0, j = 0; i < a.docs.length && j < b.docs.length; ) {
    const left = a.docs[i] ?? 0
    const right = b.docs[j] ?? 0
    if (left < right) i++
    else if (left > right) j++
    else {
      docs[n] = left
      scores[n] = (a.scores[i] ?? 0) + (b.scores[j] ?? 0)
      hits[n++] = (a.hits[i++] ?? 0) + (b.hits[j++] ?? 0)
    }
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n), hits: hits.subarray(0, n) }
}

/** Documents of `a` not in `b`. */
export function subtract(a: Matches, b: Matches): Matches {
  const docs = new Uint32Array(a.docs.length)
  const scores = new Float64Array(a.docs.length)
  const hits = new Uint32Array(a.docs.length)
  let n = 0
  let j = 0
  for (let i = 0; i < a.docs.length; i++) {
    const doc = a.docs[i] ?? 0
    while (j < b.docs.length && (b.docs[j] ?? 0) < doc) j++
    if (b.docs[j] === doc) continue
    docs[n] = doc
    scores[n] = a.scores[i] ?? 0
    hits[n++] = a.hits[i] ?? 0
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n), hits: hits.subarray(0, n) }
}

/** Every live document, with no score: the starting point of a query made only of exclusions. */
export function everyDocument(alive: Uint8Array, docCount: number): Matches {
  const docs: number[] = []
  for (let doc = 0; doc < docCount; doc++) if (alive[doc] === 1) docs.push(doc)
  return { docs: Uint32Array.from(docs), scores: new Float64Array(docs.length), hits: new Uint32Array(docs.length) }
}
