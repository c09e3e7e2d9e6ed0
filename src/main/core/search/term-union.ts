// The sorted union of several segments' vocabularies, so a fuzzy term walks each word once
// rather than once per segment (term-walk.ts). It may list words that merges have since
// dropped, never miss one: each segment confirms its own terms when postings are gathered.
import type { Segment } from './segment'
import { termDictionary, type TermDictionary } from './term-walk'

export interface TermUnion {
  dictionary: TermDictionary
  /** The segments whose every term the union holds. */
  covers: Set<Segment>
}

/** Terms merged between two yields. */
const TERMS_PER_STEP = 20_000

/** Merges the segments' sorted vocabularies, yielding every few thousand terms. */
export function* unionSteps(segments: readonly Segment[]): Generator<void, TermUnion> {
  const lists: Array<readonly string[]> = []
  for (const segment of segments) {
    // A saved segment's vocabulary is decoded on first use: one segment per step.
    lists.push(segment.terms)
    yield
  }
  const next = lists.map(() => 0)
  const terms: string[] = []
  for (let merged = 1; ; merged++) {
    let smallest: string | null = null
    for (let k = 0; k < lists.length; k++) {
      const candidate = lists[k]?.[next[k] ?? 0]
      if (candidate !== undefined && (smallest === null || candidate < smallest)) smallest = candidate
    }
    if (smallest === null) break
    terms.push(smallest)
    for (let k = 0; k < lists.length; k++) if (lists[k]?.[next[k] ?? 0] === smallest) next[k] = (next[k] ?? 0) + 1
    if (merged % TERMS_PER_STEP === 0) yield
  }
  yield
  return { dictionary: termDictionary(terms), covers: new Set(segments) }
}

export function buildUnion(segments: readonly Segment[]): TermUnion {
  const steps = unionSteps(segments)
  for (;;) {
    const step = steps.next()
    if (step.done === true) return step.value
  }
}
