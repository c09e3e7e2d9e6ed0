// What a library search answers over the API: ranked sources with hit counts and
// snippets, or the problem with the query, stated so the user can fix it.
import type { TextRange } from '../text/find'

export interface SearchSnippet {
  text: string
  ranges: TextRange[]
}

export interface SearchHit {
  sourceId: string
  score: number
  /** How many places in the source match. */
  hits: number
  snippets: SearchSnippet[]
}

export interface SearchResponse {
  /** One page: the best `limit` after the first `offset` (see the search input in ipc/contract.ts). */
  results: SearchHit[]
  /** Matching sources in all, before paging. */
  total: number
  /** Time to match and rank, and the whole answer with its snippets. */
  rankMs: number
  tookMs: number
  warnings: string[]
  /** A syntax error: the message and the character position it refers to. */
  problem: { message: string; position: number } | null
  /** Names whose other spellings were searched too (confirmed name groups), when asked for. */
  includedVariants?: { name: string; variants: string[] }[]
  /** Search is still catching up in the background (an index being rebuilt): only the sources indexed so far can match. */
  indexing?: SearchIndexing
}

/** How far search has got indexing texts in the background: `done` of `total` (see SearchService). */
export interface SearchIndexing {
  done: number
  total: number
}

export interface HitRangesResponse {
  sourceId: string
  contentHash: string
  ranges: TextRange[]
}
