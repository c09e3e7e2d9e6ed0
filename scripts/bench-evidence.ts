// The suggested-evidence part of `npm run bench`: with the reuters library loaded, 200 claims
// written from the library's own headlines and sentences (every fourth word of a sentence
// dropped, as a writer paraphrases), each asked for suggestions as the UI asks. The claims are
// deleted afterwards, so the benchmarks after this one see the project as it was.
import type { Workbench } from '../src/main/core/workbench'
import type { Source } from '../src/shared/domain/source'

const CLAIMS = 200
const MIN_WORDS = 8

export interface EvidenceFigures {
  suggestClaims: number
  suggestP50Ms: number
  suggestP95Ms: number
  suggestMaxMs: number
  /** Share of claims whose own source is among the five suggestions: a sanity check, not a quality figure. */
  suggestOwnSourceShown: number
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

/** A claim taken from the text: its headline (first line) for even picks, a reworded body sentence for odd ones. */
function claimFrom(text: string, pick: number): string | null {
  const [headline = '', ...rest] = text.split('\n')
  if (pick % 2 === 0 && headline.split(/\s+/).length >= 4) return headline.trim()
  const sentence = rest
    .join(' ')
    .split(/(?<=[.!?])\s+/)
    .find((candidate) => candidate.split(/\s+/).length >= MIN_WORDS)
  return sentence === undefined ? null : sentence.split(/\s+/).filter((_word, index) => index % 4 !== 3).join(' ')
}

export async function benchEvidence(workbench: Workbench): Promise<{ figures: EvidenceFigures; rows: Array<[string, string, string]> }> {
  const { claims, store } = workbench.project
  const sources = store.library.data.sources
  const picked: Array<{ source: Source; text: string }> = []
  // A fixed stride through the library: the same claims every run, from every part of it.
  for (let step = 0; picked.length < CLAIMS && step < sources.length; step++) {
    const source = sources[(step * 7919) % sources.length]
    if (source === undefined) continue
    const text = await store.readText(source.contentHash).catch(() => null)
    const claim = text === null ? null : claimFrom(text, picked.length)
    if (claim !== null) picked.push({ source, text: claim })
  }
  const times: number[] = []
  const created: string[] = []
  let ownShown = 0
  try {
    for (const { source, text } of picked) {
      const claim = await claims.create(text)
      created.push(claim.id)
      const started = performance.now()
      const suggestions = await workbench.suggestEvidence(claim.id)
      times.push(performance.now() - started)
      if (suggestions.some((suggestion) => suggestion.sourceId === source.id)) ownShown++
    }
  } finally {
    for (const id of created) await claims.delete(id)
  }
  const figures: EvidenceFigures = {
    suggestClaims: times.length,
    suggestP50Ms: percentile(times, 50),
    suggestP95Ms: percentile(times, 95),
    suggestMaxMs: Math.max(0, ...times),
    suggestOwnSourceShown: ownShown / Math.max(1, times.length)
  }
  const rows: Array<[string, string, string]> = [
    [`suggest evidence, ${times.length} claims (reuters loaded)`, `${figures.suggestP50Ms.toFixed(1)} / ${figures.suggestP95Ms.toFixed(1)} ms`, 'p50 / p95; p95 ≤ 50 ms'],
    ['claim’s own source among the five', `${(figures.suggestOwnSourceShown * 100).toFixed(0)} %`, 'claims from headlines and reworded sentences']
  ]
  return { figures, rows }
}
