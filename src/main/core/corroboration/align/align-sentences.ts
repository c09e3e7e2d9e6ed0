// Aligns the sentences of two or more articles on one story, in any order (outlets
// reorder and reword), so the reader sees which passages the sources share and which
// only one source carries. Pure: the caller supplies the texts.
import type { AlignedSource, SourceAlignment } from '../../../../shared/domain/corroboration'
import { scorePairs, type ScoredPair, type ScoredSentence } from './score-pairs'
import { sentenceFeatures } from './sentence-features'
import { splitSentences } from '../../../../shared/text/sentences'

/**
 * Tuned on the five seed articles: reworded reports of one statement mostly score
 * 0.25–0.7 and shared quotations 0.85–1, while pairs that only share the story's topic
 * mostly stay under 0.2; the 0.2–0.25 band is mixed, so precision wins there.
 */
export const DEFAULT_THRESHOLD = 0.23
/** A sentence links to at most this many sentences of each other source. */
const BEST_MATCHES = 2

export interface AlignInput {
  sourceId: string
  text: string
}

export interface AlignOptions {
  /** Minimum pair score in (0, 1]; higher links fewer, surer pairs. */
  threshold?: number
}

interface Located {
  source: number
  sentence: number
}

/** For each sentence and each other source, its best-scoring partners there, best first. */
function bestPartners(pairs: readonly ScoredPair[], located: readonly Located[]): Map<string, ScoredPair[]> {
  const ranked = new Map<string, ScoredPair[]>()
  const add = (from: number, pair: ScoredPair): void => {
    const to = pair.a === from ? pair.b : pair.a
    const key = `${from}:${located[to]?.source ?? -1}`
    const list = ranked.get(key)
    if (list === undefined) ranked.set(key, [pair])
    else list.push(pair)
  }
  for (const pair of pairs) {
    add(pair.a, pair)
    add(pair.b, pair)
  }
  for (const [key, list] of ranked) {
    const from = Number(key.slice(0, key.indexOf(':')))
    const partner = (pair: ScoredPair): number => (pair.a === from ? pair.b : pair.a)
    ranked.set(key, list.sort((x, y) => y.score - x.score || partner(x) - partner(y)).slice(0, BEST_MATCHES))
  }
  return ranked
}

/**
 * Groups kept pairs into links, strongest pair first, refusing a merge that would give a
 * link more than BEST_MATCHES sentences of one source: otherwise chains of "about the same
 * event" pairs glue a story's whole core into one link that tells the reader nothing.
 */
function groupPairs(pairs: readonly ScoredPair[], located: readonly Located[], sources: number): { groups: number[]; accepted: ScoredPair[] } {
  const groups = located.map((_entry, index) => index)
  const members = new Map<number, number[]>(located.map((entry, index) => [index, Array.from({ length: sources }, (_zero, source) => (source === entry.source ? 1 : 0))]))
  const root = (index: number): number => {
    let at = index
    while (groups[at] !== at) at = groups[at] ?? at
    return at
  }
  const accepted: ScoredPair[] = []
  const strongestFirst = [...pairs].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b)
  for (const pair of strongestFirst) {
    const [a, b] = [root(pair.a), root(pair.b)]
    if (a !== b) {
      const countsA = members.get(a) ?? []
      const countsB = members.get(b) ?? []
      const merged = countsA.map((count, source) => count + (countsB[source] ?? 0))
      if (merged.some((count) => count > BEST_MATCHES)) continue
      const [kept, absorbed] = a < b ? [a, b] : [b, a]
      groups[absorbed] = kept
      members.set(kept, merged)
      members.delete(absorbed)
    }
    accepted.push(pair)
  }
  return { groups: located.map((_entry, index) => root(index)), accepted: accepted.sort((x, y) => x.a - y.a || x.b - y.b) }
}

export function alignSources(inputs: readonly AlignInput[], options: AlignOptions = {}): SourceAlignment {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD
  const spans = inputs.map((input) => splitSentences(input.text))
  const located: Located[] = []
  const scored: ScoredSentence[] = []
  spans.forEach((list, source) =>
    list.forEach((span, sentence) => {
      located.push({ source, sentence })
      scored.push({ source, features: sentenceFeatures((inputs[source] as AlignInput).text.slice(span.start, span.end)) })
    })
  )
  const candidates = scorePairs(scored, threshold)
  const best = bestPartners(candidates, located)
  const isBest = (from: number, pair: ScoredPair): boolean => {
    const to = pair.a === from ? pair.b : pair.a
    return best.get(`${from}:${located[to]?.source ?? -1}`)?.includes(pair) === true
  }
  // Mutual: one generic sentence cannot collect links from every sentence of the other side.
  const kept = candidates.filter((pair) => isBest(pair.a, pair) && isBest(pair.b, pair))
  const { groups, accepted } = groupPairs(kept, located, inputs.length)
  const linked = new Set(accepted.flatMap((pair) => [pair.a, pair.b]))
  const linkOfGroup = new Map<number, number>()
  const sources: AlignedSource[] = inputs.map((input) => ({ sourceId: input.sourceId, sentences: [] }))
  located.forEach((entry, index) => {
    const span = spans[entry.source]?.[entry.sentence] as { start: number; end: number }
    let link: number | null = null
    if (linked.has(index)) {
      const group = groups[index] ?? index
      link = linkOfGroup.get(group) ?? linkOfGroup.size
      linkOfGroup.set(group, link)
    }
    sources[entry.source]?.sentences.push({ start: span.start, end: span.end, link })
  })
  const at = (index: number): [number, number] => {
    const entry = located[index] as Located
    return [entry.source, entry.sentence]
  }
  return {
    sources,
    pairs: accepted.map((pair) => ({ a: at(pair.a), b: at(pair.b), score: pair.score })),
    links: linkOfGroup.size
  }
}
