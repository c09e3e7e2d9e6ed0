// The best results of a one-word query without materialising every match: the live
// documents are counted first (the idf needs the count), then scored straight into the
// bounded heap, a result object made only for a score that can still enter the page.
// Scores are computed exactly as evaluate.ts computes them, so the ranking is the same.
import { bm25, idfOf, type Corpus } from './bm25'
import { PostingCursor } from './posting-cursor'
import type { TermPostings } from './segment-postings'
import type { TopResults } from './top-results'

/** Fills `top` with the term's documents `accept` lets through; returns how many it let through. */
export function topWordResults(
  corpus: Corpus,
  postings: TermPostings,
  keyOf: (doc: number) => string,
  top: TopResults,
  accept?: (key: string) => boolean
): number {
  const alive = corpus.alive
  let live = 0
  for (const cursor = new PostingCursor(postings.slices, false); cursor.next(); ) if (alive[cursor.doc] === 1) live++
  const idf = idfOf(corpus, live)
  let total = 0
  for (const cursor = new PostingCursor(postings.slices, false); cursor.next(); ) {
    const doc = cursor.doc
    if (alive[doc] !== 1) continue
    const score = bm25(corpus, idf, cursor.tf, doc)
    if (accept === undefined) {
      if (top.admits(score)) top.offer({ key: keyOf(doc), score, hits: cursor.tf })
      continue
    }
    const key = keyOf(doc)
    if (!accept(key)) continue
    total++
    if (top.admits(score)) top.offer({ key, score, hits: cursor.tf })
  }
  return accept === undefined ? live : total
}
