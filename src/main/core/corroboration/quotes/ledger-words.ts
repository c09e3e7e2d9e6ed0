// The words of a quotation as the ledger compares them: folded like search terms (case,
// diacritics, quote marks, hyphens and brackets aside), lightly stemmed, with function
// words told apart so "has been" never makes two different quotes look alike.
import { tokenize } from '../../../../shared/search/tokenize'
import { compareStem, isFunctionWord } from '../compare-words'

export interface LedgerWord {
  /** Folded term, compared exactly for the wording diff. */
  term: string
  /** Stem, compared for grouping, so "restore" meets "restoring". */
  stem: string
  content: boolean
  /** Inside [brackets] or (parentheses): words an editor or outlet inserted, not the speaker's. */
  editorial: boolean
  /** Offsets in the quotation's text. */
  start: number
  end: number
}

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

export function ledgerWords(text: string): LedgerWord[] {
  const inside = text.includes('[') || text.includes('(') ? bracketDepths(text) : null
  return tokenize(text).map((token) => ({
    term: token.term,
    stem: compareStem(token.term),
    content: !isFunctionWord(token.term),
    editorial: inside !== null && inside[token.start] === 1,
    start: token.start,
    end: token.end
  }))
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
