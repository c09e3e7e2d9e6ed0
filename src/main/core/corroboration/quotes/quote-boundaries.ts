// Where sentences end in article text, and what counts as space: a speaker is only looked
// for in the sentence around its quotation, and a quote's parts never start or end in space.

const INLINE_SPACE = /[ \t\r\u00a0\u2000-\u200b\u202f\u3000]/
const SENTENCE_PUNCTUATION = /[.!?…]/
const AFTER_PUNCTUATION = /["”’'»)\]]/
const STARTS_SENTENCE = /[\p{Lu}"“„‟«‘'([]/u
const ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'St', 'Jr', 'Sr', 'Gen', 'Col', 'Lt', 'Sgt', 'Capt', 'Gov', 'Sen', 'Rep', 'Rev',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'No', 'Inc', 'Ltd', 'Co', 'Corp',
  'vs', 'etc', 'Mt', 'Ft', 'Ave'
])

export function isInlineSpace(char: string | undefined): boolean {
  return char !== undefined && INLINE_SPACE.test(char)
}

export function isSpace(char: string | undefined): boolean {
  return char !== undefined && (char === '\n' || INLINE_SPACE.test(char))
}

/** Whether the punctuation at `index` ends a sentence: a capital or an opening mark follows, and it is no abbreviation. */
export function isSentenceEnd(text: string, index: number): boolean {
  const char = text[index]
  if (char === undefined || !SENTENCE_PUNCTUATION.test(char)) return false
  let next = index + 1
  while (next < text.length && AFTER_PUNCTUATION.test(text[next]!)) next++
  if (next < text.length && !isSpace(text[next])) return false
  while (isSpace(text[next])) next++
  if (next < text.length && !STARTS_SENTENCE.test(text[next]!)) return false
  if (char !== '.') return true
  let wordStart = index
  while (wordStart > 0 && /\p{L}/u.test(text[wordStart - 1]!)) wordStart--
  const word = text.slice(wordStart, index)
  return !(word.length === 1 && /\p{Lu}/u.test(word)) && !ABBREVIATIONS.has(word)
}

/** Where the sentence holding `position` starts, looking back at most `limit` characters. */
export function sentenceStart(text: string, position: number, limit = 300): number {
  const floor = Math.max(0, position - limit)
  for (let index = position - 1; index >= floor; index--) {
    const char = text[index]!
    if (char === '\n') return index + 1
    if (SENTENCE_PUNCTUATION.test(char) && isSentenceEnd(text, index)) return index + 1
  }
  return floor
}

/** Whether the text before `position` (back to `floor`) ends a sentence: ". “Next…". */
export function endsSentenceBefore(text: string, position: number, floor: number): boolean {
  let index = position - 1
  while (index >= floor && isSpace(text[index])) index--
  return index >= floor && SENTENCE_PUNCTUATION.test(text[index]!)
}

/** [start, end) with surrounding white space removed, or null when nothing is left. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  while (start < end && isSpace(text[start])) start++
  while (end > start && isSpace(text[end - 1])) end--
  return start < end ? { start, end } : null
}
