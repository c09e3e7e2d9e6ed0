// Parses what the user types in the search box (Datashare/Lucene-like syntax) into a Query.
// Forgiving while typing: an unclosed quote or parenthesis is closed with a warning; real
// mistakes come back as a short message and the offset to point at, never as an exception.
import { SOURCE_FORMATS, type SourceFormat } from '../domain/source'
import { parseDateRange } from './date-range'
import { lexQuery, QuerySyntaxError, type LexToken } from './query-lexer'
import type { FieldFilter, ParseOutcome, Query, QueryNode, TermMatcher } from './query-types'
import { allMatchers, simplify } from './query-tree'
import { isStopWord } from './stop-words'
import { terms } from './tokenize'

export type { FieldFilter, ParseOutcome, Query, QueryNode, TermMatcher } from './query-types'

export const MAX_QUERY_CHARS = 1000
export const MAX_QUERY_TERMS = 64
export const MAX_PROXIMITY = 100
const TOO_LONG = `at most ${MAX_QUERY_CHARS} characters and ${MAX_QUERY_TERMS} terms`

type Draft =
  | { kind: 'node'; node: QueryNode }
  | { kind: 'filter'; filter: FieldFilter; label: string; position: number }
  | { kind: 'and'; children: Draft[] }
  | { kind: 'or'; children: Draft[] }
  | { kind: 'not'; child: Draft }

class QueryParser {
  private index = 0
  private depth = 0
  termCount = 0
  overflowPosition = -1

  constructor(
    private readonly tokens: LexToken[],
    private readonly warnings: string[]
  ) {}

  parseSequence(): Draft[] {
    const items: Draft[] = []
    for (let token = this.peek(); token !== undefined; token = this.peek()) {
      if (token.type === 'close') {
        if (this.depth === 0) throw new QuerySyntaxError("')' has no '(' to close", token.position)
        break
      }
      if (token.type === 'or') throw new QuerySyntaxError('OR needs a term on both sides', token.position)
      if (token.type === 'and') {
        this.index++
        if (items.length === 0 || this.endsOperand(this.peek())) throw new QuerySyntaxError('AND needs a term on both sides', token.position)
        continue
      }
      const item = this.parseOr()
      if (item !== null) items.push(item)
    }
    return items
  }

  private parseOr(): Draft | null {
    const alternatives = [this.parseUnary()]
    for (let token = this.peek(); token?.type === 'or'; token = this.peek()) {
      this.index++
      if (this.endsOperand(this.peek())) throw new QuerySyntaxError('OR needs a term on both sides', token.position)
      alternatives.push(this.parseUnary())
    }
    const children = alternatives.filter((child): child is Draft => child !== null)
    if (children.length <= 1) return children[0] ?? null
    return { kind: 'or', children }
  }

  private parseUnary(): Draft | null {
    const token = this.peek()
    if (token?.type === 'minus' || token?.type === 'not') {
      this.index++
      if (this.endsOperand(this.peek())) {
        const message = token.type === 'minus' ? "'-' needs a word right after it, as in -word" : 'NOT needs a term after it'
        throw new QuerySyntaxError(message, token.position)
      }
      const child = this.parseUnary()
      return child === null ? null : { kind: 'not', child }
    }
    return this.parsePrimary()
  }

  private parsePrimary(): Draft | null {
    const token = this.tokens[this.index++]
    switch (token?.type) {
      case 'open': {
        this.depth++
        const children = this.parseSequence()
        this.depth--
        if (this.peek()?.type === 'close') this.index++
        else this.warnings.push('closing parenthesis assumed')
        return children.length === 0 ? null : { kind: 'and', children }
      }
      case 'word':
        return this.word(token.text, token.position)
      case 'quoted':
        return this.quoted(token.text, token.slop, token.position)
      case 'field':
        return this.field(token)
      default:
        return null
    }
  }

  private word(text: string, position: number): Draft | null {
    let body = text
    let fuzzy: number | 'auto' | null = null
    const tilde = /~(\d*)$/.exec(body)
    if (tilde !== null) {
      body = body.slice(0, tilde.index)
      fuzzy = tilde[1] === '' ? 'auto' : Math.min(Number(tilde[1]), 2)
    }
    const prefix = tilde === null && body.endsWith('*')
    const words = terms(prefix ? body.replace(/\*+$/, '') : body)
    const last = words.pop()
    if (last === undefined) {
      this.warnings.push(`${text} has no letters or digits and was ignored`)
      return null
    }
    this.count(words.length + 1, position)
    let final: TermMatcher = { kind: 'word', word: last }
    const letters = [...last].length
    if (prefix) {
      if (letters < 2) throw new QuerySyntaxError(`${text} is too short for a prefix search (type at least 2 letters before *)`, position)
      final = { kind: 'prefix', prefix: last }
    } else if (fuzzy !== null && fuzzy !== 0) {
      // Automatic distance: one edit for short words, where two would match too much.
      const distance = fuzzy === 'auto' ? (letters > 5 ? 2 : 1) : fuzzy
      final = { kind: 'fuzzy', word: last, distance: distance === 2 ? 2 : 1 }
    }
    const parts: TermMatcher[] = [...words.map((word): TermMatcher => ({ kind: 'word', word })), final]
    return { kind: 'node', node: parts.length === 1 && parts[0] !== undefined ? parts[0] : { kind: 'phrase', parts } }
  }

  private quoted(text: string, slop: number | null, position: number): Draft | null {
    const parts = terms(text).map((word): TermMatcher => ({ kind: 'word', word }))
    if (parts.length === 0) return null
    this.count(parts.length, position)
    if (parts.length === 1 && parts[0] !== undefined) return { kind: 'node', node: parts[0] }
    if (slop === null) return { kind: 'node', node: { kind: 'phrase', parts } }
    if (slop > MAX_PROXIMITY) this.warnings.push(`proximity ~${slop} was reduced to ~${MAX_PROXIMITY}`)
    return { kind: 'node', node: { kind: 'near', parts, slop: Math.min(slop, MAX_PROXIMITY) } }
  }

  private field(token: Extract<LexToken, { type: 'field' }>): Draft {
    const { field, value, quoted, position } = token
    const label = quoted ? `${field}:"${value}"` : `${field}:${value}`
    this.count(1, position)
    if (field === 'format') {
      const format = value.toLowerCase()
      if (!(SOURCE_FORMATS as readonly string[]).includes(format)) {
        throw new QuerySyntaxError(`${label} is not a format (use ${SOURCE_FORMATS.slice(0, -1).join(', ')} or ${SOURCE_FORMATS.at(-1) ?? ''})`, position)
      }
      return { kind: 'filter', label, position, filter: { field, format: format as SourceFormat, negated: false } }
    }
    if (field === 'date') {
      const range = parseDateRange(value)
      if (!range.ok && range.problem === 'reversed') throw new QuerySyntaxError(`${label} ends before it starts`, position)
      if (!range.ok) throw new QuerySyntaxError(`${label} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)`, position)
      return { kind: 'filter', label, position, filter: { field, ...range.span, negated: false } }
    }
    const prefix = !quoted && value.endsWith('*')
    const words = terms(prefix ? value.replace(/\*+$/, '') : value)
    if (words.length === 0) throw new QuerySyntaxError(`${label} has no words to look for`, position)
    return { kind: 'filter', label, position, filter: { field, words, prefix, negated: false } }
  }

  private count(terms: number, position: number): void {
    if (this.termCount <= MAX_QUERY_TERMS && this.termCount + terms > MAX_QUERY_TERMS) this.overflowPosition = position
    this.termCount += terms
  }

  private peek(): LexToken | undefined {
    return this.tokens[this.index]
  }

  private endsOperand(token: LexToken | undefined): boolean {
    return token === undefined || token.type === 'close' || token.type === 'or' || token.type === 'and'
  }
}

/** A filter, possibly negated or wrapped in a one-item group; null for anything else. */
function asFilter(draft: Draft): FieldFilter | null {
  if (draft.kind === 'filter') return draft.filter
  if (draft.kind === 'and' && draft.children.length === 1 && draft.children[0] !== undefined) return asFilter(draft.children[0])
  if (draft.kind !== 'not') return null
  const inner = asFilter(draft.child)
  return inner === null ? null : { ...inner, negated: !inner.negated }
}

function toNode(draft: Draft): QueryNode {
  switch (draft.kind) {
    case 'node':
      return draft.node
    case 'filter':
      throw new QuerySyntaxError(`${draft.label} applies to the whole query: it cannot be next to OR or inside ( )`, draft.position)
    case 'not':
      return { kind: 'not', child: toNode(draft.child) }
    default:
      return { kind: draft.kind, children: draft.children.map(toNode) }
  }
}

/** Top-level groups are plain conjunctions, so `(putin korea) title:seoul` keeps its filter. */
function flattenTop(items: Draft[]): Draft[] {
  return items.flatMap((item) => (item.kind === 'and' && asFilter(item) === null ? flattenTop(item.children) : [item]))
}

function buildQuery(items: Draft[]): Query {
  const filters: FieldFilter[] = []
  const nodes: QueryNode[] = []
  for (const item of flattenTop(items)) {
    const filter = asFilter(item)
    if (filter !== null) filters.push(filter)
    else nodes.push(toNode(item))
  }
  const root = nodes.length === 0 ? null : simplify(nodes.length === 1 && nodes[0] !== undefined ? nodes[0] : { kind: 'and', children: nodes })
  return { root, filters }
}

function onlyStopWords(root: QueryNode | null): boolean {
  const matchers = root === null ? [] : allMatchers(root)
  return matchers.length > 0 && matchers.every((matcher) => matcher.kind === 'word' && isStopWord(matcher.word))
}

/**
 * Syntax: bare words (all required); `a OR b` (binds tighter than the implicit AND);
 * `( )` groups; `-word`, `-"phrase"`, `-(group)` or `NOT` exclude; `"exact phrase"`;
 * `"words"~N` (all within N extra positions, any order); `prefix*` (2+ letters);
 * `word~`, `word~1`, `word~2` (fuzzy); `Sok-bae` / `U.S.` are phrases of their parts;
 * filters `title:`, `outlet:`, `folder:`, `format:`, `date:` (YYYY[-MM[-DD]], `A..B`,
 * `>`, `>=`, `<`, `<=`) apply to the whole query. Unknown `foo:bar` is the phrase "foo bar".
 */
export function parseQuery(input: string): ParseOutcome {
  if (input.length > MAX_QUERY_CHARS) {
    return { ok: false, message: `query is too long (${input.length} characters); ${TOO_LONG}`, position: MAX_QUERY_CHARS }
  }
  const warnings: string[] = []
  try {
    const parser = new QueryParser(lexQuery(input, warnings), warnings)
    const query = buildQuery(parser.parseSequence())
    if (parser.termCount > MAX_QUERY_TERMS) {
      return { ok: false, message: `query is too long (${parser.termCount} terms); ${TOO_LONG}`, position: parser.overflowPosition }
    }
    if (onlyStopWords(query.root)) warnings.push('only very common words: results may be many')
    return { ok: true, query, warnings: [...new Set(warnings)] }
  } catch (error) {
    if (error instanceof QuerySyntaxError) return { ok: false, message: error.message, position: error.position }
    throw error
  }
}
