// Runs a parsed query against the postings: boolean logic exactly as parsed, phrases and
// proximity checked on positions, and BM25 (k1 1.2, b 0.75) summed over the matched
// positive terms, with statistics over live documents only so removals never skew ranking.
// A fuzzy term ranks by closeness first (fuzzy-closeness.ts), then by BM25.
import type { QueryNode, TermMatcher } from '../../../shared/search/query-types'
import { bm25, idfOf, K1, type Corpus } from './bm25'
import { closenessWeight } from './fuzzy-closeness'
import { everyDocument, intersect, MatchAccumulator, NO_MATCHES, subtract, type Matches } from './matches'
import { PostingCursor } from './posting-cursor'
import { evaluatePositional } from './positional'
import { decode, fuzzyScore, rankOf, UNSEEN } from './term-scoring'

export type { Corpus } from './bm25'

/** A word or prefix term: every document holding any accepted term. */
function evaluateTerm(corpus: Corpus, matcher: TermMatcher): Matches {
  const decoded = corpus.store.expand(matcher).map((postings) => decode(corpus, postings))
  const only = decoded.length === 1 ? decoded[0] : undefined
  if (only !== undefined) {
    const scores = new Float64Array(only.docs.length)
    for (let i = 0; i < only.docs.length; i++) scores[i] = bm25(corpus, only.idf, only.tfs[i] ?? 0, only.docs[i] ?? 0)
    return { docs: only.docs, scores, hits: only.tfs }
  }
  const sum = new MatchAccumulator(corpus.docCount)
  for (const term of decoded) {
    for (let i = 0; i < term.docs.length; i++) {
      const doc = term.docs[i] ?? 0
      const tf = term.tfs[i] ?? 0
      sum.add(doc, bm25(corpus, term.idf, tf, doc), tf)
    }
  }
  return sum.finish()
}

function documentsSeen(bestRank: Uint8Array, docCount: number, count: number): Uint32Array {
  const docs = new Uint32Array(count)
  let n = 0
  for (let doc = 0; doc < docCount; doc++) if (bestRank[doc] !== UNSEEN) docs[n++] = doc
  return docs
}

/** A fuzzy term: every document holding any accepted spelling, scored by fuzzyScore. */
function evaluateFuzzy(corpus: Corpus, matcher: Extract<TermMatcher, { kind: 'fuzzy' }>): Matches {
  const expanded = corpus.store.expand(matcher)
  if (expanded.length === 0) return NO_MATCHES
  const bestRank = new Uint8Array(corpus.docCount).fill(UNSEEN)
  const weightedTf = new Float64Array(corpus.docCount)
  const tfSum = new Uint32Array(corpus.docCount)
  const found: number[] = []
  for (const postings of expanded) {
    const rank = rankOf(matcher, postings.term)
    const weight = closenessWeight(rank)
    const cursor = new PostingCursor(postings.slices, false)
    while (cursor.next()) {
      const doc = cursor.doc
      if (corpus.alive[doc] !== 1) continue
      const seen = bestRank[doc] ?? UNSEEN
      if (seen === UNSEEN) found.push(doc)
      if (rank < seen) bestRank[doc] = rank
      weightedTf[doc] = (weightedTf[doc] ?? 0) + weight * cursor.tf
      tfSum[doc] = (tfSum[doc] ?? 0) + cursor.tf
    }
  }
  // Found in term order; put in document order by a scan when most documents match, else by sorting.
  const docs = found.length > corpus.docCount / 16 ? documentsSeen(bestRank, corpus.docCount, found.length) : Uint32Array.from(found).sort()
  const scale = idfOf(corpus, docs.length) * (K1 + 1)
  const scores = new Float64Array(docs.length)
  const hits = new Uint32Array(docs.length)
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i] ?? 0
    scores[i] = fuzzyScore(corpus, scale, bestRank[doc] ?? 0, weightedTf[doc] ?? 0, doc)
    hits[i] = tfSum[doc] ?? 0
  }
  return { docs, scores, hits }
}

function evaluateAnd(corpus: Corpus, children: QueryNode[]): Matches {
  const positives: Matches[] = []
  const negatives: Matches[] = []
  for (const child of children) {
    if (child.kind === 'not') negatives.push(evaluate(corpus, child.child))
    else positives.push(evaluate(corpus, child))
    if (positives.at(-1)?.docs.length === 0) return NO_MATCHES
  }
  positives.sort((a, b) => a.docs.length - b.docs.length)
  let result = positives[0] ?? everyDocument(corpus.alive, corpus.docCount)
  for (let k = 1; k < positives.length && result.docs.length > 0; k++) result = intersect(result, positives[k] ?? result)
  for (const negative of negatives) result = subtract(result, negative)
  return result
}

function evaluateOr(corpus: Corpus, children: QueryNode[]): Matches {
  const sum = new MatchAccumulator(corpus.docCount)
  for (const child of children) sum.addAll(evaluate(corpus, child))
  return sum.finish()
}

export function evaluate(corpus: Corpus, node: QueryNode): Matches {
  switch (node.kind) {
    case 'word':
    case 'prefix':
      return evaluateTerm(corpus, node)
    case 'fuzzy':
      return evaluateFuzzy(corpus, node)
    case 'phrase':
      return evaluatePositional(corpus, node.parts, null)
    case 'near':
      return evaluatePositional(corpus, node.parts, node.slop)
    case 'and':
      return evaluateAnd(corpus, node.children)
    case 'or':
      return evaluateOr(corpus, node.children)
    case 'not':
      return subtract(everyDocument(corpus.alive, corpus.docCount), evaluate(corpus, node.child))
  }
}
