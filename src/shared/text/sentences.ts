// Splits an article into sentences with exact offsets, for suggested evidence and the
// aligned comparison: after . ! ? and at line breaks, but "Mr. Lee", "J. Smith",
// "U.S. President" and "Jan. 15" stay in one sentence.
import type { TextRange } from './find'

// Followed by a capitalised name or a number far more often than they end a sentence.
// "No" counts only before a number: "No. 10" but "the answer was no."
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'gov', 'sen',
  'rep', 'rev', 'pres', 'hon', 'amb', 'messrs', 'mt', 'ft', 'ave', 'blvd', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'vs', 'v', 'approx', 'est', 'fig', 'vol', 'eds', 'cf'
])
// A terminator run with its closing quotes and brackets, then whitespace or the end; or a line break.
const BOUNDARY = /[.!?…]+["'”’»)\]]*(?=\s|$)|\r\n|[\n\r\u2028\u2029]/gu
const WORD_CHAR = /[\p{L}\p{N}]/u
const LOWER_START = /^\s*[("'“‘]?\p{Ll}/u
const DIGIT_START = /^\s*\d/
const DOTTED = /^(?:\p{L}\.)+\p{L}$/u
const INITIAL = /^\p{Lu}$/u

/** The word just before `index`, without opening quotes or brackets. */
function wordBefore(text: string, index: number): string {
  let start = index
  while (start > 0 && !/\s/.test(text.charAt(start - 1))) start--
  return text.slice(start, index).replace(/^[("'“‘[]+/u, '')
}

function continuesSentence(text: string, index: number, terminator: string): boolean {
  const rest = text.slice(index + terminator.length, index + terminator.length + 8)
  // "she said?” he asked" or "approx. five": a lower-case word carries the sentence on.
  if (LOWER_START.test(rest)) return true
  if (terminator !== '.') return false
  const word = wordBefore(text, index)
  const folded = word.toLowerCase()
  if (folded === 'no') return DIGIT_START.test(rest)
  return ABBREVIATIONS.has(folded) || DOTTED.test(word) || INITIAL.test(word)
}

function trimmedSpan(text: string, start: number, end: number): TextRange | null {
  while (start < end && /\s/.test(text.charAt(start))) start++
  while (end > start && /\s/.test(text.charAt(end - 1))) end--
  // Lines of only dashes, bullets or rules are layout, not sentences.
  return WORD_CHAR.test(text.slice(start, end)) ? { start, end } : null
}

/** Sentences of `text`, trimmed, in order; `text.slice(start, end)` is the sentence. */
export function splitSentences(text: string): TextRange[] {
  const spans: TextRange[] = []
  let start = 0
  const push = (end: number): void => {
    const span = trimmedSpan(text, start, end)
    if (span !== null) spans.push(span)
  }
  for (const match of text.matchAll(BOUNDARY)) {
    const isLineBreak = /^[\r\n\u2028\u2029]/u.test(match[0])
    if (!isLineBreak && continuesSentence(text, match.index, match[0])) continue
    const end = match.index + match[0].length
    push(isLineBreak ? match.index : end)
    start = end
  }
  push(text.length)
  return spans
}
