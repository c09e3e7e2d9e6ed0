// One term's postings turned into what ranking needs: its live documents and frequencies
// with its idf, where a fuzzy spelling stands, and a fuzzy term's score in a document.
import { boundedEditDistance } from '../../../shared/search/edit-distance'
import type { TermMatcher } from '../../../shared/search/query-types'
import { idfOf, saturation, type Corpus } from './bm25'
import { closenessRank, closenessWeight } from './fuzzy-closeness'
import { PostingCursor } from './posting-cursor'
import type { TermPostings } from './segment-postings'

/** A document's best fuzzy rank before any spelling was seen in it. */
export const UNSEEN = 255

/** One term's live documents with their frequencies, and its BM25 idf. */
export interface DecodedTerm {
  postings: TermPostings
  docs: Uint32Array
  tfs: Uint32Array
  idf: number
}

export function decode(corpus: Corpus, postings: TermPostings): DecodedTerm {
  const docs = new Uint32Array(postings.docFreq)
  const tfs = new Uint32Array(postings.docFreq)
  const cursor = new PostingCursor(postings.slices, false)
  let n = 0
  while (cursor.next()) {
    if (corpus.alive[cursor.doc] !== 1) continue
    docs[n] = cursor.doc
    tfs[n++] = cursor.tf
  }
  return { postings, docs: docs.subarray(0, n), tfs: tfs.subarray(0, n), idf: idfOf(corpus, n) }
}

/** Where a spelling found by a fuzzy matcher stands (fuzzy-closeness.ts); 0 for any other matcher's terms. */
export function rankOf(matcher: TermMatcher, term: string): number {
  return matcher.kind === 'fuzzy' ? closenessRank(matcher.word, term, boundedEditDistance(matcher.word, term, matcher.distance)) : 0
}

/**
 * A fuzzy term's score in one document, its spellings taken as one word: `scale` holds the
 * idf of the documents with any spelling (so a rare misspelling gains nothing from its
 * rarity); the closest spelling present places the document, and BM25 saturation of the
 * occurrences (farther spellings counted in proportion to their weight) orders it within
 * that. The score stays within (weight / 2, weight] × scale: closeness always wins.
 */
export function fuzzyScore(corpus: Corpus, scale: number, bestRank: number, weightedTf: number, doc: number): number {
  const best = closenessWeight(bestRank)
  return (scale * best * (1 + saturation(corpus, weightedTf / best, doc))) / 2
}
