// Ranks candidate passages (sentences) by how likely they back a claim: BM25 over the
// claim's content words with light stemming, plus bonuses for shared numbers, shared
// word pairs (names, phrases), the share of the claim's words covered, and the scores of
// the neighbouring sentences. Pure and synchronous; the app and the evaluation share it.
import { isStopWord } from '../../../shared/search/stop-words'
import { terms } from '../../../shared/search/tokenize'

const K1 = 1.2
const B = 0.75
// Tuned on WiCE dev (scripts/eval-evidence.ts); there is no held-out split, so treat the
// figures as optimistic. Neighbours count because evidence often spans two sentences.
const NUMBER_WEIGHT = 1.5
const PAIR_WEIGHT = 1.5
const NEIGHBOUR_WEIGHT = 0.1
const COVERAGE_WEIGHT = 3

/** Folds common English endings so "restored", "restoring" and "restores" meet. */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'edly', 'ies', 'ied', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return suffix === 'ies' || suffix === 'ied' ? `${word.slice(0, -3)}y` : word.slice(0, -suffix.length)
  }
  return word
}

function contentWords(text: string, stemming: boolean): string[] {
  const words = terms(text).filter((word) => !isStopWord(word))
  return stemming ? words.map(stem) : words
}

export interface RankOptions {
  /** Plain BM25 (no stemming, no number or word-pair bonus): the baseline the evaluation compares against. */
  plain?: boolean
}

export interface RankedPassage {
  index: number
  score: number
}

export function rankPassages(claim: string, passages: readonly string[], options: RankOptions = {}): RankedPassage[] {
  const plain = options.plain === true
  const query = contentWords(claim, !plain)
  const queryTerms = [...new Set(query)]
  const queryPairs = new Set(query.slice(1).map((word, index) => `${query[index]} ${word}`))
  const docs = passages.map((passage) => contentWords(passage, !plain))
  const averageLength = docs.reduce((sum, doc) => sum + doc.length, 0) / Math.max(1, docs.length)
  const documentFrequency = new Map<string, number>()
  for (const doc of docs) for (const word of new Set(doc)) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1)
  const idf = (word: string): number => {
    const frequency = documentFrequency.get(word) ?? 0
    return Math.log(1 + (docs.length - frequency + 0.5) / (frequency + 0.5))
  }
  return docs
    .map((doc, index) => {
      const counts = new Map<string, number>()
      for (const word of doc) counts.set(word, (counts.get(word) ?? 0) + 1)
      let score = 0
      for (const word of queryTerms) {
        const tf = counts.get(word) ?? 0
        if (tf === 0) continue
        const weight = idf(word) * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / Math.max(1, averageLength))))
        score += !plain && /\d/.test(word) ? weight * NUMBER_WEIGHT : weight
      }
      if (!plain) for (let i = 1; i < doc.length; i++) if (queryPairs.has(`${doc[i - 1]} ${doc[i]}`)) score += PAIR_WEIGHT
      if (!plain && queryTerms.length > 0) score += COVERAGE_WEIGHT * (queryTerms.filter((word) => counts.has(word)).length / queryTerms.length)
      return { index, score }
    })
    .map((passage, _position, all) => {
      if (plain) return passage
      const around = (all[passage.index - 1]?.score ?? 0) + (all[passage.index + 1]?.score ?? 0)
      return { index: passage.index, score: passage.score + NEIGHBOUR_WEIGHT * around }
    })
    .sort((a, b) => b.score - a.score || a.index - b.index)
}
