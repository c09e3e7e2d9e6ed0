// The words of a quotation as the ledger compares them: folded like search terms (case,
// diacritics, quote marks, hyphens and brackets aside), lightly stemmed, with function
// words told apart so "has been" never makes two different quotes look alike.
import { tokenize, type Token } from '../../../../shared/search/tokenize'
import { compareStem, isFunctionWord } from '../compare-words'
import { synonymsOf } from './synonyms'

export interface LedgerWord {
  /** Folded term, compared exactly for the wording diff. */
  term: string
  /** Stem, compared for grouping, so "restore" meets "restoring". */
  stem: string
  content: boolean
  /** Inside [brackets] or (parentheses): words an editor or outlet inserted, not the speaker's. */
  editorial: boolean
  /** Stems of its common synonyms ("ruin" for "destroy"); null when it has none or is a function word. */
  synonyms: ReadonlySet<string> | null
  /** An ellipsis ("…", "...") comes just before it: the writer dropped words there. */
  elided: boolean
  /** Offsets in the quotation's text. */
  start: number
  end: number
}

const ELLIPSIS = /\u2026|\.\.\./

/** For each character, whether it sits inside brackets or parentheses. */
function bracketDepths(text: string): Uint8Array {
  const inside = new Uint8Array(text.length)
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (char === 0x5b || char === 0x28) depth++
    else if ((char === 0x5d || char === 0x29) && depth > 0) depth--
    else inside[i] = depth > 0 ? 1 : 0
  }
  return inside
}

/** Letters written with full stops ("F.B.I.", "U.S.") as one word, so they meet "FBI" and "US". */
function joinInitials(text: string, tokens: Token[]): Token[] {
  if (!text.includes('.')) return tokens
  const joined: Token[] = []
  for (const token of tokens) {
    const last = joined.at(-1)
    const initial = token.end - token.start === 1 && /\p{L}/u.test(token.term)
    if (initial && last !== undefined && last.end + 1 === token.start && text[last.end] === '.' && /^\p{L}+$/u.test(last.term) && last.term.length === (last.end - last.start + 1) / 2) {
      joined[joined.length - 1] = { term: last.term + token.term, start: last.start, end: token.end }
    } else joined.push({ ...token })
  }
  return joined
}

export function ledgerWords(text: string): LedgerWord[] {
  const inside = text.includes('[') || text.includes('(') ? bracketDepths(text) : null
  const tokens = joinInitials(text, tokenize(text))
  const hasEllipsis = text.includes('\u2026') || text.includes('..')
  return tokens.map((token, index) => {
    const stem = compareStem(token.term)
    const content = !isFunctionWord(token.term)
    const synonyms = content ? synonymsOf(stem) : null
    return {
      term: token.term,
      stem,
      content,
      synonyms: synonyms !== null && synonyms.size > 0 ? synonyms : null,
      editorial: inside !== null && inside[token.start] === 1,
      elided: hasEllipsis && index > 0 && ELLIPSIS.test(text.slice(tokens[index - 1]!.end, token.start)),
      start: token.start,
      end: token.end
    }
  })
}

/** The wording with everything the ledger ignores taken out: equal keys = same words. */
export function wordingKey(words: readonly LedgerWord[]): string {
  return words.map((word) => word.term).join(' ')
}

export function contentCount(words: readonly LedgerWord[]): number {
  let count = 0
  for (const word of words) if (word.content) count++
  return count
}
