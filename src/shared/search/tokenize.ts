// Turns text into search terms the same way for the index and for queries, keeping each
// term's offsets in the ORIGINAL text so hits are highlighted where the reader sees them.
// Rules: NFKC, lower case, diacritics dropped, then a term is a run of letters and digits.
//
// Everything else separates terms: spaces of any kind, hyphens and dashes of any kind, quotes
// and apostrophes. Apostrophes separate on purpose: "Korea's" gives `korea s`, so `korea`
// finds the possessive, and a typed `Korea's` becomes the phrase `korea s` and still
// matches exactly. Invisible format characters (soft hyphen, zero-width joiner) are ignored
// inside words, since PDF and HTML extraction leave them in the middle of words.

export interface Token {
  /** The normalised term. */
  term: string
  /** Offsets of the term in the original text (end exclusive). */
  start: number
  end: number
}

export type TokenVisitor = (term: string, start: number, end: number) => void

const MARK = /^\p{M}/u
const NOT_WORD = /[^\p{L}\p{N}]/gu
const FORMAT_CHAR = /\p{Cf}/gu
const DIACRITIC = /\p{M}/gu
const CACHE_LIMIT = 20_000
// A non-ASCII character and its combining marks, folded: word characters stay, anything
// else becomes one space. Text repeats few distinct characters, so this cache stays small.
const foldedClusters = new Map<string, string>()

function foldCluster(cluster: string): string {
  let folded = foldedClusters.get(cluster)
  if (folded === undefined) {
    folded = cluster
      .normalize('NFKC')
      .toLowerCase()
      .normalize('NFD')
      .replace(DIACRITIC, '')
      .replace(FORMAT_CHAR, '')
      .replace(NOT_WORD, ' ')
    if (foldedClusters.size < CACHE_LIMIT) foldedClusters.set(cluster, folded)
  }
  return folded
}

/** The hash scanTokens gives an ascii term: FNV-1a over its lower-cased UTF-16 code units, from this seed, one termHashStep per unit. */
export const TERM_HASH_SEED = 0x811c9dc5 | 0

export function termHashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193)
}

/** Per ASCII code: 0 not a word character, else the character lower-cased. */
const ASCII_WORD = new Uint8Array(128)
for (let code = 0; code < 128; code++) {
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) ASCII_WORD[code] = code
  else if (code >= 65 && code <= 90) ASCII_WORD[code] = code + 32
}

function codePointLength(text: string, index: number): number {
  const code = text.charCodeAt(index)
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    const next = text.charCodeAt(index + 1)
    if (next >= 0xdc00 && next <= 0xdfff) return 2
  }
  return 1
}

function isMarkAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (code < 0x300) return false
  if (code <= 0x36f) return true
  return MARK.test(text.slice(index, index + codePointLength(text, index)))
}

/**
 * Where scanTokens reports each term, in one of two forms: `ascii` when the term is the
 * original slice [start, end) lower-cased (ASCII letters and digits only: most terms of
 * most texts), so a caller that only looks the term up needs no string for it; `folded`
 * with the normalised term otherwise.
 */
export interface TokenSink {
  /** `hash`: the term's hash (TERM_HASH_SEED, termHashStep), so a table finds it without reading it again. */
  ascii(start: number, end: number, hash: number): void
  folded(term: string, start: number, end: number): void
}

/** Reports each term of `text` to `sink`, in order (forEachToken gives every term as a string). */
export function scanTokens(text: string, sink: TokenSink): void {
  const length = text.length
  let start = -1
  let end = 0
  // The normalised term so far, once it differs from the lower-cased original slice.
  let built: string | null = null
  // The hash of the term so far while it is an ascii one.
  let hash = 0
  const emit = (): void => {
    if (built === null) sink.ascii(start, end, hash)
    else sink.folded(built.normalize('NFC'), start, end)
    start = -1
    built = null
  }
  let index = 0
  while (index < length) {
    const code = text.charCodeAt(index)
    if (code < 128 && (index + 1 >= length || text.charCodeAt(index + 1) < 0x300)) {
      const lower = ASCII_WORD[code] as number
      if (lower !== 0) {
        if (start < 0) {
          start = index
          hash = termHashStep(TERM_HASH_SEED, lower)
        } else if (built === null) hash = termHashStep(hash, lower)
        else built += String.fromCharCode(lower)
        end = index + 1
      } else if (start >= 0) emit()
      index++
      continue
    }
    const clusterStart = index
    index += codePointLength(text, index)
    while (index < length && isMarkAt(text, index)) index += codePointLength(text, index)
    const folded = foldCluster(text.slice(clusterStart, index))
    if (folded.length === 0 && start >= 0 && built === null) built = text.slice(start, end).toLowerCase()
    for (let k = 0; k < folded.length; k++) {
      const char = folded.charAt(k)
      if (char === ' ') {
        if (start >= 0) emit()
        continue
      }
      if (start < 0) {
        start = clusterStart
        built = char
      } else {
        built = (built ?? text.slice(start, end).toLowerCase()) + char
      }
      end = index
    }
  }
  if (start >= 0) emit()
}

/** Calls `visit` for each term of `text`, in order, without allocating token objects. */
export function forEachToken(text: string, visit: TokenVisitor): void {
  scanTokens(text, { ascii: (start, end) => visit(text.slice(start, end).toLowerCase(), start, end), folded: visit })
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  forEachToken(text, (term, start, end) => tokens.push({ term, start, end }))
  return tokens
}

/** The normalised terms of `text`, in order. */
export function terms(text: string): string[] {
  const result: string[] = []
  forEachToken(text, (term) => result.push(term))
  return result
}
