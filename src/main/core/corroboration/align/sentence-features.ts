// What a sentence is compared by: its content words (folded by the shared tokenizer,
// stemmed, numbers kept), which of them are written as names, and its three-word runs,
// which catch quotations that outlets copy word for word even when they reword the rest.
import { tokenize, type Token } from '../../../../shared/search/tokenize'
import { compareStem, isApostrophePiece, isFunctionWord } from '../compare-words'

/** Headlines capitalise nearly every word; sentences full of names still leave some lower case. */
const TITLE_CASE_SHARE = 0.9
const UPPER_START = /^\p{Lu}/u
const HYPHEN = /^[-‐‑]$/u

export interface SentenceFeatures {
  /** Distinct stemmed content words. */
  words: string[]
  /** Of `words`, those written with a capital inside running text at least once (names). */
  capitalised: Set<string>
  /** Of `words`, those written in lower case inside running text at least once. */
  lowerCase: Set<string>
  /** Three-word runs (stemmed, stop words included) with at least two content words that are not names. */
  runs: Set<string>
}

/**
 * Per token, whether it is written like a name: capitalised after the first word, or
 * joined by a hyphen to a name ("Sok-bae"). Null for a headline or an all-caps line,
 * whose capitals say nothing.
 */
function writtenAsName(sentence: string, tokens: readonly Token[], content: readonly boolean[]): boolean[] | null {
  const flags: boolean[] = []
  tokens.forEach((token, index) => {
    const previous = tokens[index - 1]
    const capital = index > 0 && UPPER_START.test(sentence.charAt(token.start))
    const joined = previous !== undefined && flags[index - 1] === true && HYPHEN.test(sentence.slice(previous.end, token.start))
    flags.push(capital || joined)
  })
  const contentCount = content.filter(Boolean).length
  const capitalCount = flags.filter((flag, index) => flag && content[index] === true).length
  return contentCount > 1 && capitalCount >= TITLE_CASE_SHARE * contentCount ? null : flags
}

export function sentenceFeatures(sentence: string): SentenceFeatures {
  const tokens = tokenize(sentence).filter((token) => !isApostrophePiece(token.term))
  const stems = tokens.map((token) => compareStem(token.term))
  const content = tokens.map((token) => !isFunctionWord(token.term))
  const names = writtenAsName(sentence, tokens, content)
  const words = [...new Set(stems.filter((_word, index) => content[index] === true))]
  const capitalised = new Set<string>()
  const lowerCase = new Set<string>()
  // The first word is capitalised whatever it is, so it says nothing either way.
  for (let i = 1; names !== null && i < tokens.length; i++) {
    if (content[i] === true && !/\d/.test(stems[i] ?? '')) (names[i] === true ? capitalised : lowerCase).add(stems[i] ?? '')
  }
  // Runs of names ("Republic of Korea", "President Vladimir Putin") are shared by every
  // report of the story; copied wording shows in the other words.
  const plain = content.map((isContent, index) => isContent && names?.[index] !== true)
  const runs = new Set<string>()
  for (let i = 2; i < stems.length; i++) {
    if (Number(plain[i - 2]) + Number(plain[i - 1]) + Number(plain[i]) >= 2) runs.add(`${stems[i - 2]} ${stems[i - 1]} ${stems[i]}`)
  }
  return { words, capitalised, lowerCase, runs }
}
