// Splits text into words and gathers runs of capitalised words ("Russian President Vladimir
// Putin", "Bank of Korea"): the raw material name finding classifies. Runs never cross a line
// break, punctuation or a possessive, which is where a name ends in running text.
import { DOTTED_ABBREVIATIONS, NAME_PARTICLES, SPEECH_VERBS, TITLE_HEADS } from './name-words'

export interface NameToken {
  start: number
  /** Exclusive; a trailing possessive ("Putin’s") is left outside. */
  end: number
  /** End of the word as written, possessive included: where the following gap starts. */
  rawEnd: number
  text: string
  /** Lower case with every hyphen variant as "-" and curly apostrophes straight: the lookup form. */
  lower: string
  /** Starts with a capital, or is a particle-prefixed surname such as "al-Assad". */
  cap: boolean
  allCaps: boolean
  possessive: boolean
  /** Letters of a dotted initialism this letter belongs to ("us" for both letters of "U.S."), else null. */
  dotted: string | null
  line: number
}

export interface CapitalRun {
  /** Capitalised words plus the lower-case connectors and particles between them. */
  tokens: NameToken[]
  /** A lower-case title stands right before the run ("envoy Lee Sok-bae"). */
  titled: boolean
  /** A speech verb follows the run ("Zinoviev said"). */
  speech: boolean
  /** The run's line is written in title case, like a headline: every word capitalised. */
  headline: boolean
}

// "Al-'Ajmi": a hyphen may be followed by an apostrophe standing for the Arabic ayn.
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:[-\u2010\u2011]['\u2019]?|['\u2019])[\p{L}\p{M}\p{N}]+)*/gu
const INNER_HYPHENS = /[\u2010\u2011]/g
/** No name is this long; longer runs are all-caps or title-case text, cut so work per run stays bounded. */
const MAX_RUN = 24
/** Small words a headline may leave in lower case; they do not count against title case. */
const HEADLINE_SMALL = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'with', 'as', 'by', 'from', 'vs', 'into', 'over'])

// The checks below take an ASCII fast path: tokenising is most of the time extraction takes.
function lowerForm(word: string): string {
  const lower = word.toLowerCase()
  return /[\u2010\u2011\u2019]/.test(lower) ? lower.replace(INNER_HYPHENS, '-').replace(/\u2019/g, "'") : lower
}

function isCapitalised(word: string, lower: string): boolean {
  const first = word.charCodeAt(0)
  if (first >= 65 && first <= 90) return true
  if (first >= 128 && /^[\p{Lu}\p{Lt}]/u.test(word)) return true
  return lower.includes('-') && /^(?:al|el|ad|as|ash|an|ar|at|az|ul)-/.test(lower) && /-[\p{Lu}]/u.test(word)
}

function isAllCaps(word: string): boolean {
  return word === word.toUpperCase() && /\p{Lu}.*\p{Lu}/u.test(word)
}

/** "Putin’s" → 2 (letters to leave out of the name); "ambassadors’" → 0 but still possessive. */
function possessiveLength(text: string, word: string, rawEnd: number): number | null {
  const last = word.charCodeAt(word.length - 1)
  if (last !== 115 && last !== 83) return null
  const apostrophe = word.charCodeAt(word.length - 2)
  if (word.length > 2 && (apostrophe === 39 || apostrophe === 0x2019)) return 2
  const next = text.charCodeAt(rawEnd)
  if (next !== 39 && next !== 0x2019) return null
  return /[\p{L}\p{N}]/u.test(text[rawEnd + 1] ?? '') ? null : 0
}

function markDottedInitialisms(text: string, tokens: NameToken[]): void {
  let i = 0
  while (i < tokens.length) {
    let j = i
    while (j + 1 < tokens.length && tokens[j]!.text.length === 1 && tokens[j + 1]!.text.length === 1 && text[tokens[j]!.end] === '.' && tokens[j + 1]!.start === tokens[j]!.end + 1) j++
    if (j > i) {
      const letters = tokens.slice(i, j + 1).map((token) => token.lower).join('')
      for (let k = i; k <= j; k++) tokens[k]!.dotted = letters
    }
    i = j + 1
  }
}

export function tokenize(text: string): NameToken[] {
  const tokens: NameToken[] = []
  let line = 0
  let cursor = 0
  for (const match of text.matchAll(WORD)) {
    const start = match.index
    for (let i = cursor; i < start; i++) if (text.charCodeAt(i) === 10) line++
    const rawEnd = start + match[0].length
    cursor = rawEnd
    const trimmed = possessiveLength(text, match[0], rawEnd)
    const end = rawEnd - (trimmed ?? 0)
    const word = text.slice(start, end)
    const lower = lowerForm(word)
    const cap = isCapitalised(word, lower)
    tokens.push({
      start,
      end,
      rawEnd,
      text: word,
      lower,
      cap,
      allCaps: cap && isAllCaps(word),
      possessive: trimmed !== null,
      dotted: null,
      line
    })
  }
  markDottedInitialisms(text, tokens)
  return tokens
}

function headlineLines(tokens: readonly NameToken[]): Set<number> {
  const lines = new Set<number>()
  let line = -1
  let words = 0
  let capitals = 0
  const finish = (): void => {
    if (words >= 3 && capitals >= 0.8 * words) lines.add(line)
  }
  for (const token of tokens) {
    if (token.line !== line) {
      finish()
      line = token.line
      words = 0
      capitals = 0
    }
    const first = token.text.charCodeAt(0)
    if ((first >= 48 && first <= 57) || HEADLINE_SMALL.has(token.text)) continue
    words++
    if (token.cap) capitals++
  }
  finish()
  return lines
}

/** Only spaces (no line break, no punctuation) between `from` and `to`; `empty` says whether nothing counts. */
function spaceOnly(text: string, from: number, to: number, empty: boolean): boolean {
  if (from >= to) return empty
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (code !== 32 && code !== 9 && code !== 0xa0 && code !== 0x202f && code !== 0x2009) return false
  }
  return true
}

const isAyn = (code: number): boolean => code === 39 || code === 0x2019 || code === 0x2018 || code === 0x02bf || code === 0x02bb

/** Spaces with one apostrophe at either end (or both) between two words, as in "Jami' 'Ali". */
function apostrophesOnly(text: string, from: number, to: number): boolean {
  const start = isAyn(text.charCodeAt(from)) ? from + 1 : from
  const end = to > start && isAyn(text.charCodeAt(to - 1)) ? to - 1 : to
  return (start > from || end < to) && spaceOnly(text, start, end, false)
}

function joins(text: string, previous: NameToken, next: NameToken): boolean {
  if (previous.possessive) return false
  if (spaceOnly(text, previous.rawEnd, next.start, false)) return true
  // "Ho' Yo'ng-il", "Jami' 'Ali": apostrophes for Korean o' / u' and for the Arabic ayn or hamza stand between the words.
  if (next.cap && apostrophesOnly(text, previous.rawEnd, next.start)) return true
  // "George W. Bush", "Dr. Kim".
  const abbreviated = (previous.text.length === 1 && previous.cap) || DOTTED_ABBREVIATIONS.has(previous.lower)
  return abbreviated && text.charCodeAt(previous.rawEnd) === 46 && spaceOnly(text, previous.rawEnd + 1, next.start, true)
}

/** May a lower-case word continue the run, given the connectors already waiting? */
function connects(token: NameToken, run: readonly NameToken[], pending: readonly NameToken[]): boolean {
  if (token.cap || pending.length >= 2) return false
  if (NAME_PARTICLES.has(token.lower)) return true
  const last = pending[pending.length - 1]
  if (token.lower === 'of' || token.lower === 'for') return last === undefined
  if (token.lower === 'the') return last !== undefined && (last.lower === 'of' || last.lower === 'for')
  // "Ministry of Oceans and Fisheries" but not "Hyundai Motor and Kia".
  if (token.lower === 'and') return last === undefined && run.some((word) => word.lower === 'of' || word.lower === 'for')
  return false
}

export function capitalRuns(text: string, tokens: readonly NameToken[]): CapitalRun[] {
  const headlines = headlineLines(tokens)
  const runs: CapitalRun[] = []
  let run: NameToken[] = []
  let pending: NameToken[] = []
  let first = 0
  const close = (): void => {
    if (run.length > 0) {
      const before = tokens[first - 1]
      const lastToken = run[run.length - 1]!
      const after = tokens[tokens.indexOf(lastToken, first) + 1]
      runs.push({
        tokens: run,
        titled: before !== undefined && !before.cap && TITLE_HEADS.has(before.lower) && spaceOnly(text, before.rawEnd, run[0]!.start, false),
        speech: after !== undefined && !lastToken.possessive && SPEECH_VERBS.has(after.text) && spaceOnly(text, lastToken.rawEnd, after.start, false),
        headline: headlines.has(run[0]!.line)
      })
    }
    run = []
    pending = []
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    const previous = pending[pending.length - 1] ?? run[run.length - 1]
    if (previous !== undefined && (!joins(text, previous, token) || run.length + pending.length >= MAX_RUN)) close()
    if (run.length === 0) {
      if (token.cap) {
        run = [token]
        first = i
      }
      continue
    }
    if (token.cap) {
      run.push(...pending, token)
      pending = []
    } else if (connects(token, run, pending)) {
      pending.push(token)
    } else {
      close()
    }
  }
  close()
  return runs
}
