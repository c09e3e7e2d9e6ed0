// Runs a parsed query against the postings: boolean logic exactly as parsed, phrases and
// proximity checked on positions, and BM25 (k1 1.2, b 0.75) summed over the matched
// positive terms, with statistics over live documents only so removals never skew ranking.
// A fuzzy term ranks by closeness first (fuzzy-closeness.ts), then by BM25.
import { boundedEditDistance } from '../../../shared/search/edit-distance'
import { nearSpans, phraseStarts } from '../../../shared/search/positional-match'
import type { QueryNode, TermMatcher } from '../../../shared/search/query-types'
import { partGroups } from '../../../shared/search/term-matcher'
import { closenessRank, closenessWeight } from './fuzzy-closeness'
import { everyDocument, intersect, MatchAccumulator, NO_MATCHES, subtract, type Matches } from './matches'
import { PostingCursor } from './posting-cursor'
import type { PostingStore, TermPostings } from './posting-store'

const K1 = 1.2
const B = 0.75

export interface Corpus {
  store: PostingStore
  alive: Uint8Array
  docLengths: Uint32Array
  /** Document ids in use, removed ones included. */
  docCount: number
  liveCount: number
  averageLength: number
}

/** One term's live documents with their frequencies, and its BM25 idf. */
interface DecodedTerm {
  postings: TermPostings
  docs: Uint32Array
  tfs: Uint32Array
  idf: number
}

function decode(corpus: Corpus, postings: TermPostings): DecodedTerm {
  const docs = new Uint32Array(postings.docFreq)
  const tfs = new Uint32Array(postings.docFreq)
  const cursor = new PostingCursor(postings.slices)
  let n = 0
  while (cursor.next()) {
    if (corpus.alive[cursor.doc] !== 1) continue
    docs[n] = cursor.doc
    tfs[n++] = cursor.tf
  }
  return { postings, docs: docs.subarray(0, n), tfs: tfs.subarray(0, n), idf: idfOf(corpus, n) }
}

function idfOf(corpus: Corpus, docFreq: number): number {
  return Math.log(1 + (corpus.liveCount - docFreq + 0.5) / (docFreq + 0.5))
}

function bm25(corpus: Corpus, idf: number, tf: number, doc: number): number {
  const length = corpus.docLengths[doc] ?? 0
  return (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / corpus.averageLength))
}

/** BM25's term-frequency part without its (K1 + 1) scale: in [0, 1), growing with tf, shrinking with length. */
function saturation(corpus: Corpus, tf: number, doc: number): number {
  const length = corpus.docLengths[doc] ?? 0
  return tf / (tf + K1 * (1 - B + (B * length) / corpus.averageLength))
}

/** Where a spelling found by a fuzzy matcher stands (fuzzy-closeness.ts); 0 for any other matcher's terms. */
function rankOf(matcher: TermMatcher, term: string): number {
  return matcher.kind === 'fuzzy' ? closenessRank(matcher.word, term, boundedEditDistance(matcher.word, term, matcher.distance)) : 0
}

/**
 * A fuzzy term's score in one document, its spellings taken as one word: `scale` holds the
 * idf of the documents with any spelling (so a rare misspelling gains nothing from its
 * rarity); the closest spelling present places the document, and BM25 saturation of the
 * occurrences (farther spellings counted in proportion to their weight) orders it within
 * that. The score stays within (weight / 2, weight] × scale: closeness always wins.
 */
function fuzzyScore(corpus: Corpus, scale: number, bestRank: number, weightedTf: number, doc: number): number {
  const best = closenessWeight(bestRank)
  return (scale * best * (1 + saturation(corpus, weightedTf / best, doc))) / 2
}

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

const UNSEEN = 255

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
    const cursor = new PostingCursor(postings.slices)
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
  const docs = Uint32Array.from(found).sort()
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

/** Sorted live documents holding at least one of the terms. */
function documentsOfAny(terms: DecodedTerm[]): Uint32Array {
  const first = terms[0]
  if (terms.length === 1 && first !== undefined) return first.docs
  const all = new Set<number>()
  for (const term of terms) for (const doc of term.docs) all.add(doc)
  return Uint32Array.from(all).sort()
}

function intersectDocs(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length))
  let n = 0
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const left = a[i] ?? 0
    const right = b[j] ?? 0
    if (left < right) i++
    else if (left > right) j++
    else {
      out[n++] = left
      i++
      j++
    }
  }
  return out.subarray(0, n)
}

/** A phrase (consecutive, in order) or proximity group (`near`), verified on positions. */
function evaluatePositional(corpus: Corpus, parts: TermMatcher[], slop: number | null): Matches {
  const decodedParts = parts.map((part) => corpus.store.expand(part).map((postings) => decode(corpus, postings)))
  if (decodedParts.some((terms) => terms.length === 0)) return NO_MATCHES
  const partDocs = decodedParts.map((terms) => documentsOfAny(terms))
  // Rarest part first: its documents bound the candidates.
  const byRarity = [...partDocs].sort((a, b) => a.length - b.length)
  let candidates = byRarity[0] ?? new Uint32Array(0)
  for (let k = 1; k < byRarity.length && candidates.length > 0; k++) candidates = intersectDocs(candidates, byRarity[k] ?? candidates)
  if (candidates.length === 0) return NO_MATCHES
  // A fuzzy part scores as a fuzzy term does, over the documents holding any of its spellings.
  const fuzzyScales = parts.map((part, k) => (part.kind === 'fuzzy' ? idfOf(corpus, partDocs[k]?.length ?? 0) * (K1 + 1) : null))

  // One cursor per (part, term), all moving forward through the candidates in step, so
  // positions are decoded only for candidates and into one reused list per part.
  const cursors = parts.map((part, k) =>
    (decodedParts[k] ?? []).map((term) => {
      const cursor = new PostingCursor(term.postings.slices)
      const rank = rankOf(part, term.postings.term)
      return { cursor, idf: term.idf, rank, weight: closenessWeight(rank), live: cursor.next() }
    })
  )
  const lists = parts.map((): number[] => [])
  const groups = partGroups(parts)
  const docs: number[] = []
  const scores: number[] = []
  const hits: number[] = []
  for (const doc of candidates) {
    let score = 0
    cursors.forEach((terms, part) => {
      const list = lists[part] ?? []
      list.length = 0
      const fuzzyScale = fuzzyScales[part] ?? null
      let bestRank = UNSEEN
      let weightedTf = 0
      for (const entry of terms) {
        while (entry.live && entry.cursor.doc < doc) entry.live = entry.cursor.next()
        if (!entry.live || entry.cursor.doc !== doc) continue
        if (fuzzyScale === null) score += bm25(corpus, entry.idf, entry.cursor.tf, doc)
        else {
          bestRank = Math.min(bestRank, entry.rank)
          weightedTf += entry.weight * entry.cursor.tf
        }
        entry.cursor.readPositions(list)
      }
      if (fuzzyScale !== null && bestRank !== UNSEEN) score += fuzzyScore(corpus, fuzzyScale, bestRank, weightedTf, doc)
      if (terms.length > 1) list.sort((a, b) => a - b)
    })
    const count = slop === null ? phraseStarts(lists).length : nearSpans(lists, groups, slop).length
    if (count === 0) continue
    docs.push(doc)
    scores.push(score)
    hits.push(count)
  }
  return { docs: Uint32Array.from(docs), scores: Float64Array.from(scores), hits: Uint32Array.from(hits) }
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
