// Ranks candidate passages (sentences) by how likely they back a claim: BM25 over the
// claim's folded content words (passage-terms.ts), plus bonuses for shared numbers, shared
// word pairs (names, phrases), the share of the claim's words covered, and the scores of
// the neighbouring sentences. Pure and synchronous; the app and the evaluation share it.
import { isStopWord } from '../../../shared/search/stop-words'
import { terms } from '../../../shared/search/tokenize'
import { evidenceTerms } from './passage-terms'

export { stem } from './passage-terms'

const K1 = 1.2
const B = 0.75
// Checked on the tune half of WiCE dev only (scripts/eval-evidence.ts): each weight sits on
// a plateau there (halving or doubling it moves hit@1 or hit@5 by at most two claims of 160).
// Neighbours count because evidence often spans two sentences.
const NUMBER_WEIGHT = 1.5
const PAIR_WEIGHT = 1.5
const COVERAGE_WEIGHT = 3
export const NEIGHBOUR_WEIGHT = 0.1

/** The inverse document frequency of each query term over these passages. */
export function queryWeights(query: readonly string[], docs: ReadonlyArray<readonly string[]>): Map<string, number> {
  const wanted = new Set(query)
  const documentFrequency = new Map<string, number>()
  for (const doc of docs) {
    const seen = new Set<string>()
    for (const word of doc) {
      if (!wanted.has(word) || seen.has(word)) continue
      seen.add(word)
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1)
    }
  }
  return new Map(
    [...wanted].map((word) => {
      const frequency = documentFrequency.get(word) ?? 0
      return [word, Math.log(1 + (docs.length - frequency + 0.5) / (frequency + 0.5))]
    })
  )
}

/**
 * Each passage's score for the query, neighbours not included: BM25 with document
 * frequencies over these passages, plus the bonuses unless `plain`.
 */
export function scorePassages(query: readonly string[], docs: ReadonlyArray<readonly string[]>, plain = false): Float64Array {
  const queryTerms = [...new Set(query)]
  const queryPairs = new Set(query.slice(1).map((word, index) => `${query[index]} ${word}`))
  const idf = queryWeights(queryTerms, docs)
  const averageLength = Math.max(1, docs.reduce((sum, doc) => sum + doc.length, 0) / Math.max(1, docs.length))
  const scores = new Float64Array(docs.length)
  docs.forEach((doc, index) => {
    const counts = new Map<string, number>()
    for (const word of doc) if (idf.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1)
    if (counts.size === 0) return
    let score = 0
    for (const [word, tf] of counts) {
      const weight = (idf.get(word) ?? 0) * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / averageLength)))
      score += !plain && /\d/.test(word) ? weight * NUMBER_WEIGHT : weight
    }
    if (!plain) {
      for (let i = 1; i < doc.length; i++) if (queryPairs.has(`${doc[i - 1]} ${doc[i]}`)) score += PAIR_WEIGHT
      score += COVERAGE_WEIGHT * (counts.size / queryTerms.length)
    }
    scores[index] = score
  })
  return scores
}

/** Adds a share of each passage's neighbours' scores, in place, for the passages from..to of one text. */
export function addNeighbours(scores: Float64Array, from: number, to: number): void {
  const own = scores.slice(from, to)
  for (let i = from; i < to; i++) scores[i] = (own[i - from] ?? 0) + NEIGHBOUR_WEIGHT * ((own[i - from - 1] ?? 0) + (own[i - from + 1] ?? 0))
}

export interface RankOptions {
  /** Plain BM25 (no folding, no number or word-pair bonus): the baseline the evaluation compares against. */
  plain?: boolean
}

export interface RankedPassage {
  index: number
  score: number
}

/** The passages of one text (in order), best first. */
export function rankPassages(claim: string, passages: readonly string[], options: RankOptions = {}): RankedPassage[] {
  const plain = options.plain === true
  const termsOf = plain ? (text: string): string[] => terms(text).filter((word) => !isStopWord(word)) : evidenceTerms
  const scores = scorePassages(termsOf(claim), passages.map(termsOf), plain)
  if (!plain) addNeighbours(scores, 0, scores.length)
  return [...scores].map((score, index) => ({ index, score })).sort((a, b) => b.score - a.score || a.index - b.index)
}
