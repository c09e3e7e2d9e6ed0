// Suggests passages that may back a claim, across the whole library: the search index
// finds the sources sharing the claim's words, their sentences are ranked with
// rankPassages, and the best passage of each source comes first, so that every outlet
// reporting a fact is offered, not five sentences of one.
import type { Source } from '../../../shared/domain/source'
import type { EvidenceSuggestion } from '../../../shared/domain/suggestions'
import { isStopWord } from '../../../shared/search/stop-words'
import { terms, tokenize } from '../../../shared/search/tokenize'
import type { TextRange } from '../../../shared/text/find'
import { splitSentences } from '../../../shared/text/sentences'
import { rankPassages, stem } from './rank-passages'

export const SUGGESTIONS = 5
const CANDIDATE_SOURCES = 40
const QUERY_WORDS = 40
const MIN_SENTENCE_CHARS = 20

export interface SuggestDeps {
  /** Source ids sharing any of these words, best first (the library search). */
  sourcesMatching(words: string[], limit: number): string[]
  source(id: string): Source | undefined
  text(contentHash: string): Promise<string | null>
}

interface Sentence extends TextRange {
  sourceId: string
  text: string
}

/** The claim's content words, normalised like the index, for the candidate search. */
export function claimWords(claim: string): string[] {
  return [...new Set(terms(claim).filter((word) => !isStopWord(word)))].slice(0, QUERY_WORDS)
}

function matchedRanges(sentence: string, stems: ReadonlySet<string>): TextRange[] {
  return tokenize(sentence)
    .filter((token) => stems.has(stem(token.term)))
    .map((token) => ({ start: token.start, end: token.end }))
}

export async function suggestEvidence(claim: string, deps: SuggestDeps, exclude: ReadonlySet<string> = new Set()): Promise<EvidenceSuggestion[]> {
  const words = claimWords(claim)
  if (words.length === 0) return []
  const candidates: Sentence[] = []
  for (const sourceId of deps.sourcesMatching(words, CANDIDATE_SOURCES)) {
    const source = deps.source(sourceId)
    if (source === undefined) continue
    const text = await deps.text(source.contentHash)
    if (text === null) continue
    for (const range of splitSentences(text)) {
      if (range.end - range.start < MIN_SENTENCE_CHARS) continue
      const key = `${sourceId}:${range.start}`
      if (!exclude.has(key)) candidates.push({ ...range, sourceId, text: text.slice(range.start, range.end) })
    }
  }
  const ranked = rankPassages(claim, candidates.map((candidate) => candidate.text)).filter((passage) => passage.score > 0)
  // Best passage of each source first, then the runners-up.
  const firsts: number[] = []
  const rest: number[] = []
  const seen = new Set<string>()
  for (const { index } of ranked) {
    const sourceId = candidates[index]?.sourceId ?? ''
    if (seen.has(sourceId)) rest.push(index)
    else {
      seen.add(sourceId)
      firsts.push(index)
    }
  }
  const stems = new Set(words.map(stem))
  const scores = new Map(ranked.map((passage) => [passage.index, passage.score]))
  return [...firsts, ...rest].slice(0, SUGGESTIONS).map((index) => {
    const sentence = candidates[index] as Sentence
    const source = deps.source(sentence.sourceId) as Source
    return {
      sourceId: sentence.sourceId,
      contentHash: source.contentHash,
      start: sentence.start,
      end: sentence.end,
      text: sentence.text,
      ranges: matchedRanges(sentence.text, stems),
      score: scores.get(index) ?? 0
    }
  })
}
