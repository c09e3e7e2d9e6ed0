// Scores sentence pairs across sources by the content words they share, weighted by how
// rare each word is among all compared sentences, plus a bonus for word-for-word runs.
// An inverted index visits only pairs sharing a word, so ten articles stay cheap.
import type { SentenceFeatures } from './sentence-features'

/** Weight of the share of the shorter sentence copied verbatim, against 1 for the shared words. */
const RUN_WEIGHT = 0.3
/** Shares are of at least this many runs, so one stock phrase cannot make a short sentence "copied". */
const MIN_RUNS = 6
/** Below this many content words a sentence says too little to match on a partial overlap. */
const SHORT_SENTENCE_WORDS = 4
/** Shared words besides names below which two sentences only share a topic. */
const MIN_SHARED_PLAIN = 2
/** Names count for less: every report of a story repeats who and where. */
const NAME_WEIGHT = 0.7

export interface ScoredSentence {
  source: number
  features: SentenceFeatures
}

export interface ScoredPair {
  /** Indices into the scored sentences; `a` < `b`, always in different sources. */
  a: number
  b: number
  score: number
}

interface WordWeights {
  idf: Map<string, number>
  names: Set<string>
}

function wordWeights(sentences: readonly ScoredSentence[]): WordWeights {
  const count = (counts: Map<string, number>, words: Iterable<string>): void => {
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  const frequency = new Map<string, number>()
  const capitalised = new Map<string, number>()
  const lowerCase = new Map<string, number>()
  for (const { features } of sentences) {
    count(frequency, features.words)
    count(capitalised, features.capitalised)
    count(lowerCase, features.lowerCase)
  }
  const idf = new Map<string, number>()
  const names = new Set<string>()
  for (const [word, sentencesWith] of frequency) {
    // A word written with a capital more often than without, mid-sentence, is a name.
    const isName = (capitalised.get(word) ?? 0) > (lowerCase.get(word) ?? 0)
    if (isName) names.add(word)
    idf.set(word, Math.log(1 + sentences.length / sentencesWith) * (isName ? NAME_WEIGHT : 1))
  }
  return { idf, names }
}

function sharedRuns(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const run of small) if (large.has(run)) shared++
  return shared
}

/** How much of the shorter sentence the other repeats word for word, in [0, 1]. */
function copiedShare(a: ReadonlySet<string>, b: ReadonlySet<string>, sameWords: boolean): number {
  const shared = sharedRuns(a, b)
  // The same words in the same order: also covers lines too short to have runs ("Read more").
  if (sameWords && shared === a.size && shared === b.size) return 1
  return Math.min(1, shared / Math.max(MIN_RUNS, Math.min(a.size, b.size)))
}

/** Pairs of sentences from different sources scoring at least `minimum`, in index order. */
export function scorePairs(sentences: readonly ScoredSentence[], minimum: number): ScoredPair[] {
  const { idf, names } = wordWeights(sentences)
  const weightOf = (word: string): number => idf.get(word) ?? 0
  const postings = new Map<string, number[]>()
  const totals = sentences.map(({ features }, index) => {
    let total = 0
    for (const word of features.words) {
      total += weightOf(word)
      const list = postings.get(word)
      if (list === undefined) postings.set(word, [index])
      else list.push(index)
    }
    return total
  })
  const shared = new Float64Array(sentences.length)
  const sharedCount = new Uint32Array(sentences.length)
  const sharedPlain = new Uint32Array(sentences.length)
  const pairs: ScoredPair[] = []
  sentences.forEach((sentence, a) => {
    const touched: number[] = []
    for (const word of sentence.features.words) {
      const weight = weightOf(word)
      const plain = names.has(word) ? 0 : 1
      // Postings are in index order: only later sentences, so each pair is scored once.
      for (const b of postings.get(word) ?? []) {
        if (b <= a || sentences[b]?.source === sentence.source) continue
        if (sharedCount[b] === 0) touched.push(b)
        shared[b] = (shared[b] ?? 0) + weight
        sharedCount[b] = (sharedCount[b] ?? 0) + 1
        sharedPlain[b] = (sharedPlain[b] ?? 0) + plain
      }
    }
    touched.sort((x, y) => x - y)
    for (const b of touched) {
      const other = sentences[b] as ScoredSentence
      const overlap = shared[b] ?? 0
      const common = sharedCount[b] ?? 0
      const plainCommon = sharedPlain[b] ?? 0
      shared[b] = 0
      sharedCount[b] = 0
      sharedPlain[b] = 0
      const same = common === sentence.features.words.length && common === other.features.words.length
      const fewest = Math.min(sentence.features.words.length, other.features.words.length)
      // A dateline or "Read more" matches only the same few words: one shared name is not a match.
      if (fewest < SHORT_SENTENCE_WORDS && !same) continue
      // Names and one word ("relations with the Republic of Korea") are a topic, not a statement.
      if (!same && plainCommon < MIN_SHARED_PLAIN) continue
      const dice = (2 * overlap) / ((totals[a] ?? 0) + (totals[b] ?? 0))
      if ((dice + RUN_WEIGHT) / (1 + RUN_WEIGHT) < minimum) continue
      const copied = copiedShare(sentence.features.runs, other.features.runs, same)
      // A weighted mean, so only the same words in the same order score 1.
      const score = (dice + RUN_WEIGHT * copied) / (1 + RUN_WEIGHT)
      if (score >= minimum) pairs.push({ a, b, score })
    }
  })
  return pairs
}
