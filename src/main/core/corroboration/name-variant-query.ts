// Widens a library search to every spelling of a confirmed name: a query mentioning
// "Lee Seok-pae" also finds "Lee Sok-bae" and "Lee Sok‑bae". It works on the query's own
// tokens, so only a plain run of words or a whole "phrase" naming the person is widened;
// fields, proximity phrases, prefix*/fuzzy~ words and -exclusions are left as typed.
import type { NameGroup } from '../../../shared/domain/corroboration'
import { lexQuery, type LexToken } from '../../../shared/search/query-lexer'
import { terms } from '../../../shared/search/tokenize'

export interface VariantExpansion {
  query: string
  /** The names widened, each with every spelling searched. */
  included: { name: string; variants: string[] }[]
}

const QUOTE_MARKS = /["\u201C\u201D\u201E\u201F\u00AB\u00BB]/g
const QUOTE_CHARS = new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB'])

/** A run of the query that may name someone: a phrase, or consecutive plain words. */
interface Unit {
  words: string[]
  start: number
  end: number
  /** For a run of words: where each word's terms begin, so a match never splits a typed word. */
  wordStarts: number[]
  offsets: { start: number; end: number }[]
  phrase: boolean
}

interface Candidate {
  group: NameGroup
  words: string[]
  spellings: string[]
}

function candidatesOf(groups: readonly NameGroup[]): Candidate[] {
  const candidates: Candidate[] = []
  for (const group of groups) {
    const spellings = new Map<string, string>()
    for (const variant of group.variants) {
      for (const spelling of variant.spellings) {
        const key = terms(spelling.text).join(' ')
        if (key !== '' && !spellings.has(key)) spellings.set(key, spelling.text.replace(QUOTE_MARKS, ''))
      }
    }
    if (spellings.size < 2) continue
    for (const key of spellings.keys()) candidates.push({ group, words: key.split(' '), spellings: [...spellings.values()] })
  }
  // Longest first, so "Lee Jae-myung" wins over a confirmed "Lee" alone.
  return candidates.sort((a, b) => b.words.length - a.words.length)
}

/** Phrases and runs of plain words, each with its offsets in the query. */
function unitsOf(query: string, tokens: readonly LexToken[]): Unit[] {
  const units: Unit[] = []
  let run: Unit | null = null
  tokens.forEach((token, index) => {
    const negated = index > 0 && (tokens[index - 1]!.type === 'minus' || tokens[index - 1]!.type === 'not')
    if (token.type === 'word' && !negated && !/[*~]/.test(token.text)) {
      const end = token.position + token.text.length
      const words = terms(token.text)
      if (run === null) {
        run = { words: [], start: token.position, end, wordStarts: [], offsets: [], phrase: false }
        units.push(run)
      }
      run.wordStarts.push(run.words.length)
      for (const word of words) {
        run.words.push(word)
        run.offsets.push({ start: token.position, end })
      }
      run.end = end
      return
    }
    run = null
    if (token.type !== 'quoted' || negated || token.slop !== null) return
    const close = token.position + 1 + token.text.length
    // An unclosed phrase, or one with a proximity (~ without a number), is left as typed.
    if (!QUOTE_CHARS.has(query.charAt(close)) || query.charAt(close + 1) === '~') return
    units.push({ words: terms(token.text), start: token.position, end: close + 1, wordStarts: [0], offsets: [], phrase: true })
  })
  return units
}

function orGroup(candidate: Candidate): string {
  return `(${candidate.spellings.map((spelling) => `"${spelling}"`).join(' OR ')})`
}

export function expandNameVariants(query: string, confirmed: readonly NameGroup[]): VariantExpansion {
  const candidates = candidatesOf(confirmed)
  if (candidates.length === 0) return { query, included: [] }
  let tokens: LexToken[]
  try {
    tokens = lexQuery(query, [])
  } catch {
    return { query, included: [] }
  }
  const replacements: { start: number; end: number; candidate: Candidate }[] = []
  for (const unit of unitsOf(query, tokens)) {
    if (unit.phrase) {
      const candidate = candidates.find((entry) => entry.words.join(' ') === unit.words.join(' '))
      if (candidate !== undefined) replacements.push({ start: unit.start, end: unit.end, candidate })
      continue
    }
    const taken = new Uint8Array(unit.words.length)
    const boundaries = new Set([...unit.wordStarts, unit.words.length])
    for (const candidate of candidates) {
      for (const at of unit.wordStarts) {
        const last = at + candidate.words.length
        if (!boundaries.has(last) || last > unit.words.length) continue
        if (candidate.words.some((word, k) => taken[at + k] === 1 || unit.words[at + k] !== word)) continue
        taken.fill(1, at, last)
        replacements.push({ start: unit.offsets[at]!.start, end: unit.offsets[last - 1]!.end, candidate })
      }
    }
  }
  if (replacements.length === 0) return { query, included: [] }
  replacements.sort((a, b) => a.start - b.start)
  let expanded = ''
  let cursor = 0
  for (const replacement of replacements) {
    expanded += query.slice(cursor, replacement.start) + orGroup(replacement.candidate)
    cursor = replacement.end
  }
  expanded += query.slice(cursor)
  const included = [...new Map(replacements.map((replacement) => [replacement.candidate.group.id, replacement.candidate])).values()].map((candidate) => ({
    name: candidate.group.label,
    variants: candidate.spellings
  }))
  return { query: expanded, included }
}
