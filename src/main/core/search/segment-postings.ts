// A term's postings across every segment, as one list: each segment's stretch in segment
// order (so document ids keep ascending), matchers expanded over each segment's sorted
// vocabulary (or, for fuzzy terms, over the union of the large segments' vocabularies) and
// the accepted terms listed in sorted order, whatever the segmentation.
import type { TermMatcher } from '../../../shared/search/query-types'
import type { MemorySegment } from './memory-segment'
import type { PostingSlice } from './posting-cursor'
import type { Segment } from './segment'
import type { TermUnion } from './term-union'
import { forEachTermWithin, prefixRange, type TermDictionary } from './term-walk'

/** One term's whole posting list. */
export interface TermPostings {
  term: string
  slices: PostingSlice[]
  /** Documents in the list, removed ones included (they are skipped when read). */
  docFreq: number
}

export interface PostingSource {
  /** The posting lists of every term the matcher accepts, sorted by term. */
  expand(matcher: TermMatcher): TermPostings[]
}

export class SegmentPostings implements PostingSource {
  constructor(
    private readonly segments: readonly Segment[],
    private readonly memory: MemorySegment,
    private readonly union: TermUnion | null = null
  ) {}

  expand(matcher: TermMatcher): TermPostings[] {
    if (matcher.kind === 'word') {
      const postings = this.postings(matcher.word)
      return postings === null ? [] : [postings]
    }
    if (matcher.kind === 'fuzzy' && this.union !== null) return this.expandFuzzy(matcher, this.union)
    const found = new Map<string, TermPostings>()
    const add = (term: string, slice: PostingSlice, docFreq: number): void => {
      const known = found.get(term)
      if (known === undefined) found.set(term, { term, slices: [slice], docFreq })
      else {
        known.slices.push(slice)
        known.docFreq += docFreq
      }
    }
    for (const segment of this.segments) {
      const terms = segment.terms
      const take = (id: number): void => add(terms[id] ?? '', segment.slice(id), segment.docFreq(id))
      this.acceptedIds(segment, matcher, take)
    }
    const memoryTerms = this.memory.terms
    this.acceptedIds(this.memory, matcher, (id) => {
      const entry = this.memory.slice(memoryTerms[id] ?? '')
      if (entry !== null) add(memoryTerms[id] ?? '', entry.slice, entry.docFreq)
    })
    return [...found.keys()].sort().map((term) => found.get(term) as TermPostings)
  }

  /** The terms within the distance, found once in the union and in each segment it does not cover, then gathered per term. */
  private expandFuzzy(matcher: Extract<TermMatcher, { kind: 'fuzzy' }>, union: TermUnion): TermPostings[] {
    const accepted = new Set<string>()
    const walk = (dictionary: TermDictionary): void =>
      forEachTermWithin(dictionary, matcher.word, matcher.distance, (id) => accepted.add(dictionary.terms[id] ?? ''))
    walk(union.dictionary)
    for (const segment of this.segments) if (!union.covers.has(segment)) walk(segment.dictionary)
    walk(this.memory.dictionary)
    const found: TermPostings[] = []
    for (const term of [...accepted].sort()) {
      const postings = this.postings(term)
      if (postings !== null) found.push(postings)
    }
    return found
  }

  private postings(term: string): TermPostings | null {
    const slices: PostingSlice[] = []
    let docFreq = 0
    for (const segment of this.segments) {
      const id = segment.findTerm(term)
      if (id < 0) continue
      slices.push(segment.slice(id))
      docFreq += segment.docFreq(id)
    }
    const recent = this.memory.slice(term)
    if (recent !== null) {
      slices.push(recent.slice)
      docFreq += recent.docFreq
    }
    return slices.length === 0 ? null : { term, slices, docFreq }
  }

  private acceptedIds(vocabulary: { terms: readonly string[]; dictionary: TermDictionary }, matcher: Exclude<TermMatcher, { kind: 'word' }>, take: (id: number) => void): void {
    if (matcher.kind === 'prefix') {
      const [from, to] = prefixRange(vocabulary.terms, matcher.prefix)
      for (let id = from; id < to; id++) take(id)
    } else {
      forEachTermWithin(vocabulary.dictionary, matcher.word, matcher.distance, take)
    }
  }
}
