// A passage the app proposes as evidence for a claim, with the claim's words marked.
import type { TextRange } from '../text/find'

export interface EvidenceSuggestion {
  sourceId: string
  contentHash: string
  start: number
  end: number
  text: string
  /** The claim's words in `text`, relative to it. */
  ranges: TextRange[]
  score: number
}
