// Phrases (consecutive, in order) and proximity groups (`near`), verified on positions:
// candidates are the documents holding every part, and only their positions are decoded,
// into one reused buffer per part, so a phrase of common words allocates nothing per
// document. Scores are the parts' BM25 (or fuzzy) scores, as for the same words alone.
import { nearSpans } from '../../../shared/search/positional-match'
import type { TermMatcher } from '../../../shared/search/query-types'
import { partGroups } from '../../../shared/search/term-matcher'
import { bm25, idfOf, K1, type Corpus } from './bm25'
import { closenessWeight } from './fuzzy-closeness'
import { NO_MATCHES, type Matches } from './matches'
import { PostingCursor } from './posting-cursor'
import { decode, fuzzyScore, rankOf, UNSEEN, type DecodedTerm } from './term-scoring'

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

/**
 * How many starts s have part i at s + i for every part (as phraseStarts in
 * shared/search/positional-match.ts counts them); part i's sorted positions are
 * positions[i][0 .. lengths[i]).
 */
export function countPhraseStarts(positions: readonly Int32Array[], lengths: Int32Array): number {
  const head = positions[0]
  if (head === undefined) return 0
  const parts = positions.length
  const cursors = new Int32Array(parts)
  let count = 0
  outer: for (let h = 0; h < (lengths[0] ?? 0); h++) {
    const start = head[h] ?? 0
    for (let i = 1; i < parts; i++) {
      const list = positions[i] as Int32Array
      const length = lengths[i] ?? 0
      let cursor = cursors[i] ?? 0
      while (cursor < length && (list[cursor] ?? 0) < start + i) cursor++
      cursors[i] = cursor
      if (cursor >= length) break outer
      if (list[cursor] !== start + i) continue outer
    }
    count++
  }
  return count
}

/** A cursor over one accepted term of a part, with what scoring it needs. */
interface PartTerm {
  cursor: PostingCursor
  idf: number
  rank: number
  weight: number
  live: boolean
}

export function evaluatePositional(corpus: Corpus, parts: TermMatcher[], slop: number | null): Matches {
  const decodedParts = parts.map((part) => corpus.store.expand(part).map((postings) => decode(corpus, postings)))
  if (decodedParts.some((terms) => terms.length === 0)) return NO_MATCHES
  const partDocs = decodedParts.map((terms) => documentsOfAny(terms))
  // Rarest part first: its documents bound the candidates.
  const byRarity = [...partDocs].sort((a, b) => a.length - b.length)
  let candidates = byRarity[0] ?? new Uint32Array(0)
  for (let k = 1; k < byRarity.length && candidates.length > 0; k++) candidates = intersectDocs(candidates, byRarity[k] ?? candidates)
  if (candidates.length === 0) return NO_MATCHES
  // A fuzzy part scores as a fuzzy term does, over the documents holding any of its spellings.
  const fuzzyScales = parts.map((part, k) => (part.kind === 'fuzzy' ? idfOf(corpus, partDocs[k]?.length ?? 0) * (K1 + 1) : 0))

  // One cursor per (part, term), all moving forward through the candidates in step.
  const cursors: PartTerm[][] = parts.map((part, k) =>
    (decodedParts[k] ?? []).map((term) => {
      const cursor = new PostingCursor(term.postings.slices)
      const rank = rankOf(part, term.postings.term)
      return { cursor, idf: term.idf, rank, weight: closenessWeight(rank), live: cursor.next() }
    })
  )
  const buffers = parts.map(() => new Int32Array(256))
  const lengths = new Int32Array(parts.length)
  const groups = partGroups(parts)
  const docs = new Uint32Array(candidates.length)
  const scores = new Float64Array(candidates.length)
  const hits = new Uint32Array(candidates.length)
  let found = 0
  for (let c = 0; c < candidates.length; c++) {
    const doc = candidates[c] ?? 0
    let score = 0
    for (let part = 0; part < parts.length; part++) {
      const terms = cursors[part] as PartTerm[]
      const fuzzy = parts[part]?.kind === 'fuzzy'
      let bestRank = UNSEEN
      let weightedTf = 0
      let length = 0
      for (let t = 0; t < terms.length; t++) {
        const entry = terms[t] as PartTerm
        const cursor = entry.cursor
        while (entry.live && cursor.doc < doc) entry.live = cursor.next()
        if (!entry.live || cursor.doc !== doc) continue
        if (!fuzzy) score += bm25(corpus, entry.idf, cursor.tf, doc)
        else {
          if (entry.rank < bestRank) bestRank = entry.rank
          weightedTf += entry.weight * cursor.tf
        }
        let buffer = buffers[part] as Int32Array
        if (buffer.length < length + cursor.tf) {
          const bigger = new Int32Array(Math.max(buffer.length * 2, length + cursor.tf))
          bigger.set(buffer.subarray(0, length))
          buffers[part] = buffer = bigger
        }
        length = cursor.readPositionsInto(buffer, length)
      }
      if (fuzzy && bestRank !== UNSEEN) score += fuzzyScore(corpus, fuzzyScales[part] ?? 0, bestRank, weightedTf, doc)
      if (terms.length > 1) (buffers[part] as Int32Array).subarray(0, length).sort()
      lengths[part] = length
    }
    const count =
      slop === null
        ? countPhraseStarts(buffers, lengths)
        : nearSpans(
            buffers.map((buffer, part) => buffer.subarray(0, lengths[part] ?? 0)),
            groups,
            slop
          ).length
    if (count === 0) continue
    docs[found] = doc
    scores[found] = score
    hits[found++] = count
  }
  return { docs: docs.subarray(0, found), scores: scores.subarray(0, found), hits: hits.subarray(0, found) }
}
