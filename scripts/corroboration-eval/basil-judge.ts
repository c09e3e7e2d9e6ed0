// The BASIL evaluation's own judge of "the same quotation", kept apart from the engine's
// matcher (its own tokens, stems, function words and rule) so the figures never grade the
// engine by itself. Also finds quotation marks in a stored text, for gold spans and flags.

export interface JudgeWords {
  /** Lower-cased words, apostrophes folded, possessive 's dropped. */
  tokens: string[]
  stems: string[]
  content: boolean[]
}

/** Ordinary English function words and speech verbs: they say nothing about which quote it is. */
const FUNCTION = new Set(
  ('a an the and or but nor so yet if then than that this these those there here of in on at to for from by with ' +
    'as into onto about over under after before up down out off again very too also just only not no all any ' +
    'some each every both more most much many such own same other i me my we us our you your he him his she her ' +
    'it its they them their what which who whom whose when where why how is am are was were be been being have ' +
    'has had do does did doing will would shall should can could may might must let get got going go say says ' +
    'said tell told think know just really well now even still ever never because while whether').split(' ')
)

// A word censored with asterisks ("f***ing") is one word, and says nothing the judge can compare.
const WORD = /[\p{L}\p{Nd}]+(?:(?:['\u2019]|\*+)[\p{L}]+)*\**/gu

function stemOf(token: string): string {
  let word = token.replace(/'s$/, '').replace(/n't$/, '')
  if (word.length > 5 && word.endsWith('ing')) word = word.slice(0, -3)
  else if (word.length > 4 && word.endsWith('ied')) word = `${word.slice(0, -3)}y`
  else if (word.length > 4 && word.endsWith('ed')) word = word.slice(0, -2)
  else if (word.length > 4 && word.endsWith('ies')) word = `${word.slice(0, -3)}y`
  else if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) word = word.slice(0, -1)
  return word.length > 4 && word.endsWith('e') ? word.slice(0, -1) : word
}

/** Spellings newsrooms differ on that are one word: "F.B.I."/"FBI", "O.K."/"OK", "Gen."/"General", "in to"/"into". */
const TITLES: Record<string, string> = { gen: 'general', sen: 'senator', rep: 'representative', gov: 'governor', pres: 'president', dept: 'department' }

function folded(text: string): string {
  return text
    .toLowerCase()
    .replace(/\u2019/g, "'")
    .replace(/\b(?:[a-z]\.){2,}/g, (letters) => letters.replace(/\./g, ''))
    .replace(/\bin to\b/g, 'into')
}

export function judgeWords(text: string): JudgeWords {
  const tokens = [...folded(text).matchAll(WORD)].map((match) => {
    const token = match[0].replace(/'s$/, '')
    return TITLES[token] ?? token
  })
  return { tokens, stems: tokens.map(stemOf), content: tokens.map((token) => !FUNCTION.has(token) && token.length > 1 && !token.includes('*')) }
}

/** A content word counts as shared when it sits in a run of this many stems both quotes have in order. */
export const MIN_RUN = 2
/** Share of the shorter quote's content words that shared runs must cover. */
export const MIN_COVER = 0.75
/** ...and at least this many of them. */
export const MIN_COVERED = 3

export type Verdict = 'exact' | 'fragment' | 'reworded' | null

function contentCount(words: JudgeWords): number {
  return words.content.filter(Boolean).length
}

/** For each word of `a`, whether it lies in a run of ≥ `minRun` stems shared with `b`. */
function coveredBy(a: JudgeWords, b: JudgeWords, minRun = MIN_RUN): boolean[] {
  const covered = new Array<boolean>(a.stems.length).fill(false)
  let previous = new Uint16Array(b.stems.length + 1)
  for (let i = 1; i <= a.stems.length; i++) {
    const row = new Uint16Array(b.stems.length + 1)
    for (let j = 1; j <= b.stems.length; j++) {
      if (a.stems[i - 1] !== b.stems[j - 1]) continue
      row[j] = previous[j - 1]! + 1
      if (row[j]! >= minRun) for (let k = i - row[j]!; k < i; k++) covered[k] = true
    }
    previous = row
  }
  return covered
}

function containsRun(long: readonly string[], short: readonly string[]): boolean {
  outer: for (let start = 0; start + short.length <= long.length; start++) {
    for (let k = 0; k < short.length; k++) if (long[start + k] !== short[k]) continue outer
    return true
  }
  return false
}

/**
 * Whether two quotations are the same quotation: the same words (exact); the shorter's
 * ≥ 2 words, one a content word, found word for word in the longer (fragment); or ≥ 75 %
 * and ≥ 3 (both, when it has 2) of the shorter's content words inside runs of ≥ 2 stems (3
 * when it has 2 content words) both share in order (reworded or partial). "gross abuse of power" and "gross abuse of the power
 * of the presidency" share only "gross abuse of" (2 of 3 content words): not the same.
 */
export function sameQuote(a: JudgeWords, b: JudgeWords): Verdict {
  if (a.tokens.length === 0 || b.tokens.length === 0) return null
  if (a.tokens.join(' ') === b.tokens.join(' ')) return 'exact'
  const [short, long] = contentCount(a) < contentCount(b) || (contentCount(a) === contentCount(b) && a.tokens.length <= b.tokens.length) ? [a, b] : [b, a]
  const content = contentCount(short)
  if (short.tokens.length >= 2 && content >= 1 && containsRun(long.tokens, short.tokens)) return 'fragment'
  // A quote of two content words is matched by longer runs: "I don't think it's OK" is not
  // "I don't think that's O.K.", while "would end Medicare as we know it" is "ending Medicare as we know it".
  const covered = coveredBy(short, long, content <= 2 ? MIN_RUN + 1 : MIN_RUN)
  let hits = 0
  short.content.forEach((isContent, k) => {
    if (isContent && covered[k]) hits++
  })
  return hits >= Math.min(MIN_COVERED, content) && content >= 2 && hits >= MIN_COVER * content ? 'reworded' : null
}

/** Whether the two share a run of ≥ 2 stems holding a content word (for classing false joins). */
export function shareRun(a: JudgeWords, b: JudgeWords): boolean {
  const covered = coveredBy(a, b)
  return a.content.some((isContent, k) => isContent && covered[k])
}

export interface Quotation {
  /** Interior of the marks: offsets of the first and after the last quoted character. */
  start: number
  end: number
}

/**
 * Quotations in a stored text, paragraph by paragraph: “…” and "…" pairs; a quotation left
 * open runs to the paragraph's end (the next paragraph reopens it, as newsrooms write).
 */
export function findQuotations(text: string): Quotation[] {
  const found: Quotation[] = []
  const paragraph = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g
  for (const match of text.matchAll(paragraph)) {
    const base = match.index
    const body = match[0]
    let open = -1
    for (let i = 0; i < body.length; i++) {
      const char = body[i]
      if (open < 0 && (char === '\u201c' || char === '"')) open = i
      else if (open >= 0 && (char === '\u201d' || (char === '"' && body[open] === '"'))) {
        if (i > open + 1) found.push({ start: base + open + 1, end: base + i })
        open = -1
      }
    }
    if (open >= 0 && open + 1 < body.length) found.push({ start: base + open + 1, end: base + body.length })
  }
  return found
}
