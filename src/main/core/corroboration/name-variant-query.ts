// Widens a library search to every spelling of a confirmed name: a query mentioning
// "Lee Seok-pae" also finds "Lee Sok-bae" and "Lee Sok‑bae". Only confirmed groups are
// used, so an automatic guess never silently changes what a search returns.
import type { NameGroup } from '../../../shared/domain/corroboration'
import { terms, tokenize, type Token } from '../../../shared/search/tokenize'

export interface VariantExpansion {
  query: string
  /** The names widened, each with every spelling searched. */
  included: { name: string; variants: string[] }[]
}

interface Candidate {
  group: NameGroup
  words: string[]
}

/** The quoted phrase (start at the opening mark, end after the closing one) holding `offset`, if any. */
function phraseAround(query: string, offset: number): { start: number; end: number } | null {
  let open = -1
  for (let i = 0; i < query.length; i++) {
    if (query[i] !== '"') continue
    if (open < 0) open = i
    else {
      if (offset > open && offset < i) return { start: open, end: i + 1 }
      open = -1
    }
  }
  return null
}

function matchAt(tokens: readonly Token[], at: number, words: readonly string[]): boolean {
  if (at + words.length > tokens.length) return false
  for (let k = 0; k < words.length; k++) if (tokens[at + k]!.term !== words[k]) return false
  return true
}

function orGroup(group: NameGroup): string {
  return `(${group.variants.map((variant) => `"${variant.text.replace(/"/g, '')}"`).join(' OR ')})`
}

export function expandNameVariants(query: string, confirmed: readonly NameGroup[]): VariantExpansion {
  const candidates: Candidate[] = confirmed
    .filter((group) => group.variants.length > 1)
    .flatMap((group) => group.variants.map((variant) => ({ group, words: terms(variant.text) })))
    .filter((candidate) => candidate.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length)
  const tokens = tokenize(query)
  const replacements: { start: number; end: number; text: string; group: NameGroup }[] = []
  const taken = new Uint8Array(tokens.length)
  for (const candidate of candidates) {
    for (let at = 0; at < tokens.length; at++) {
      if (taken[at] === 1 || !matchAt(tokens, at, candidate.words)) continue
      const last = at + candidate.words.length - 1
      let start = tokens[at]!.start
      let end = tokens[last]!.end
      // Field filters (title:Lee) and possessives ("Lee's") are left as typed.
      if (query[start - 1] === ':' || /^['\u2019\w]/u.test(query.slice(end, end + 1))) continue
      const phrase = phraseAround(query, start)
      if (phrase !== null) {
        // Inside quotes only a phrase that is exactly the name is widened.
        if (terms(query.slice(phrase.start, phrase.end)).length !== candidate.words.length) continue
        start = phrase.start
        end = phrase.end
      }
      for (let k = at; k <= last; k++) taken[k] = 1
      replacements.push({ start, end, text: orGroup(candidate.group), group: candidate.group })
    }
  }
  if (replacements.length === 0) return { query, included: [] }
  replacements.sort((a, b) => a.start - b.start)
  let expanded = ''
  let cursor = 0
  for (const replacement of replacements) {
    expanded += query.slice(cursor, replacement.start) + replacement.text
    cursor = replacement.end
  }
  expanded += query.slice(cursor)
  const included = [...new Set(replacements.map((replacement) => replacement.group))].map((group) => ({
    name: group.label,
    variants: group.variants.map((variant) => variant.text)
  }))
  return { query: expanded, included }
}
