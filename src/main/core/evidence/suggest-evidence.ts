// Suggests passages that may back a claim, across the whole library: the search index finds
// the sources sharing the claim's words, their sentences are ranked with scorePassages, and
// each passage is raised by how well its whole source matches, so another article's lucky
// sentence rarely comes first. A strong source may fill several of the five places; each
// further passage of a source counts a little less, so other outlets still get in.
import type { Source } from '../../../shared/domain/source'
import type { EvidenceSuggestion } from '../../../shared/domain/suggestions'
import { isStopWord } from '../../../shared/search/stop-words'
import { terms, tokenize } from '../../../shared/search/tokenize'
import type { TextRange } from '../../../shared/text/find'
import { evidenceTerm, evidenceTerms, isEvidenceStopWord } from './passage-terms'
import { addNeighbours, scorePassages } from './rank-passages'
import { PassageCache } from './source-passages'

export const SUGGESTIONS = 5
/** Passages of one source for "More from this source". */
export const MORE_FROM_SOURCE = 8
const CANDIDATE_SOURCES = 40
const QUERY_WORDS = 40
// Chosen on the tune half of WiCE dev (scripts/eval-evidence.ts). A passage scores its own
// match (1 for the best in the candidates) plus SOURCE_WEIGHT × its source's library-search
// score (1 for the best source); the k-th passage shown from one source is scaled by REPEAT_DECAY^k.
const SOURCE_WEIGHT = 1
const REPEAT_DECAY = 0.85

export interface MatchingSource {
  sourceId: string
  score: number
}

/** A stretch of a source already linked to the claim: passages overlapping it are not suggested again. */
export interface LinkedRange extends TextRange {
  sourceId: string
}

export interface SuggestDeps {
  /** Sources sharing any of these words, best first, with their search scores (the library search). */
  sourcesMatching(words: string[], limit: number): MatchingSource[]
  source(id: string): Source | undefined
  text(contentHash: string): Promise<string | null>
}

export interface SuggestOptions {
  linked?: readonly LinkedRange[]
  /** Only this source's passages, up to MORE_FROM_SOURCE of them (More from this source). */
  sourceId?: string
  /** Split and folded texts to reuse; a module-wide cache when absent. */
  cache?: PassageCache
}

interface Candidate {
  source: Source
  text: string
  ranges: TextRange[]
  /** Where the source's passages start in the pool. */
  from: number
  strength: number
}

const sharedCache = new PassageCache()

/** The claim's content words, normalised like the index, for the candidate search. */
export function claimWords(claim: string): string[] {
  return [...new Set(terms(claim).filter((word) => !isStopWord(word)))].slice(0, QUERY_WORDS)
}

function matchedRanges(sentence: string, wanted: ReadonlySet<string>): TextRange[] {
  return tokenize(sentence)
    .filter((token) => !isEvidenceStopWord(token.term) && wanted.has(evidenceTerm(token.term)))
    .map((token) => ({ start: token.start, end: token.end }))
}

export async function suggestEvidence(claim: string, deps: SuggestDeps, options: SuggestOptions = {}): Promise<EvidenceSuggestion[]> {
  const words = claimWords(claim)
  if (words.length === 0) return []
  const cache = options.cache ?? sharedCache
  const matches = options.sourceId === undefined ? deps.sourcesMatching(words, CANDIDATE_SOURCES) : [{ sourceId: options.sourceId, score: 1 }]
  const topScore = Math.max(1e-9, ...matches.map((match) => match.score))
  const candidates: Candidate[] = []
  const pool: string[][] = []
  const owner: Candidate[] = []
  for (const match of matches) {
    const source = deps.source(match.sourceId)
    const text = source === undefined ? null : await deps.text(source.contentHash)
    if (source === undefined || text === null) continue
    const passages = cache.get(source.contentHash, text)
    const candidate = { source, text, ranges: passages.ranges, from: pool.length, strength: match.score / topScore }
    candidates.push(candidate)
    for (const passageTerms of passages.terms) {
      pool.push(passageTerms)
      owner.push(candidate)
    }
  }
  const query = evidenceTerms(claim)
  const scores = scorePassages(query, pool)
  for (const candidate of candidates) addNeighbours(scores, candidate.from, candidate.from + candidate.ranges.length)
  // A loop, not Math.max(...scores): a library of books gives more passages than a call takes arguments.
  const best = scores.reduce((top, score) => Math.max(top, score), 1e-9)
  const ranked = [...scores.keys()]
    .filter((index) => (scores[index] ?? 0) > 0 && !isLinked(owner[index] as Candidate, index, options.linked ?? []))
    .map((index) => ({ index, score: (scores[index] ?? 0) / best + SOURCE_WEIGHT * (owner[index] as Candidate).strength }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
  const chosen = options.sourceId === undefined ? pickWithDecay(ranked, owner) : ranked.slice(0, MORE_FROM_SOURCE)
  const wanted = new Set(query)
  return chosen.map(({ index, score }) => {
    const candidate = owner[index] as Candidate
    const range = candidate.ranges[index - candidate.from] as TextRange
    const text = candidate.text.slice(range.start, range.end)
    return { sourceId: candidate.source.id, contentHash: candidate.source.contentHash, start: range.start, end: range.end, text, ranges: matchedRanges(text, wanted), score }
  })
}

function isLinked(candidate: Candidate, index: number, linked: readonly LinkedRange[]): boolean {
  const range = candidate.ranges[index - candidate.from]
  return range !== undefined && linked.some((link) => link.sourceId === candidate.source.id && link.start < range.end && range.start < link.end)
}

/** The five best, each further passage of a source already picked scaled down by REPEAT_DECAY. */
function pickWithDecay(ranked: ReadonlyArray<{ index: number; score: number }>, owner: readonly Candidate[]): Array<{ index: number; score: number }> {
  const chosen: Array<{ index: number; score: number }> = []
  const shown = new Map<Candidate, number>()
  const left = [...ranked]
  while (chosen.length < SUGGESTIONS && left.length > 0) {
    let pick = 0
    let pickScore = -Infinity
    // `left` is sorted and decay only lowers scores: past a score below the best so far, nothing can win.
    for (let i = 0; i < left.length && (left[i]?.score ?? 0) > pickScore; i++) {
      const passage = left[i] as { index: number; score: number }
      const decayed = passage.score * REPEAT_DECAY ** (shown.get(owner[passage.index] as Candidate) ?? 0)
      if (decayed > pickScore) {
        pick = i
        pickScore = decayed
      }
    }
    const [taken] = left.splice(pick, 1)
    if (taken === undefined) break
    const candidate = owner[taken.index] as Candidate
    shown.set(candidate, (shown.get(candidate) ?? 0) + 1)
    chosen.push({ index: taken.index, score: pickScore })
  }
  return chosen
}
