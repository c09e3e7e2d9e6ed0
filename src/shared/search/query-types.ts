// The parsed form of a search query: plain data (it crosses IPC as is), with every term
// already normalised exactly as the index normalises text (see tokenize.ts).
import type { SourceFormat } from '../domain/source'

/** One position in a document: a term, any term starting with a prefix, or a term within 1–2 edits. */
export type TermMatcher =
  | { kind: 'word'; word: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'fuzzy'; word: string; distance: 1 | 2 }

export type QueryNode =
  | TermMatcher
  /** Consecutive positions, in order (a quoted phrase, or a bare word like `Sok-bae` or `U.S.`). */
  | { kind: 'phrase'; parts: TermMatcher[] }
  /** `"a b c"~N`: all parts, in any order, within a window of (parts - 1 + N) positions. */
  | { kind: 'near'; parts: TermMatcher[]; slop: number }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode }

export type TextField = 'title' | 'outlet' | 'folder'

/**
 * A condition on a source's metadata, applied by the caller (see filters.ts). Filters are
 * always combined with AND and apply to the whole query.
 */
export type FieldFilter =
  /** The field's words contain `words` consecutively; with `prefix`, the last one as a prefix. */
  | { field: TextField; words: string[]; prefix: boolean; negated: boolean }
  | { field: 'format'; format: SourceFormat; negated: boolean }
  /** Inclusive ISO days (YYYY-MM-DD); null is an open end. */
  | { field: 'date'; from: string | null; to: string | null; negated: boolean }

export interface Query {
  /** The full-text part; null when the query has none (empty, or filters only). */
  root: QueryNode | null
  filters: FieldFilter[]
}

export type ParseOutcome =
  | { ok: true; query: Query; warnings: string[] }
  | { ok: false; message: string; position: number }

export const EMPTY_QUERY: Query = { root: null, filters: [] }
