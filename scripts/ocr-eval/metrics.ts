// Character and word error rates of OCR text against a PDF's text layer, the measures of
// `npm run eval:ocr`. Both texts are normalised the same way first, so only what a reader
// would call a misread counts:
//   1. Unicode NFKC (ligatures "ﬁ" → "fi", full-width and compatibility forms, "…" → "...");
//   2. soft hyphens (U+00AD) and zero-width characters (U+200B–U+200D, U+2060, U+FEFF) removed;
//   3. typographic variants folded to ASCII: ‘ ’ ‚ ‛ ′ ʼ → ', “ ” „ ‟ ″ « » → ", the dashes and
//      hyphens U+2010–U+2015 and the minus U+2212 → -, bullets • ◦ ▪ ● → *;
//   4. every run of whitespace (line breaks, tabs, no-break and thin spaces) → one space; trimmed.
// Case, punctuation and digits are kept: "l" for "1" or "rn" for "m" are errors.
// CER = Levenshtein distance over code points / length of the normalised text layer;
// WER = Levenshtein distance over words (the normalised text split at spaces) / words in the
// text layer. Both can exceed 1 when the OCR text is much longer than the reference.

const FOLDS: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2022': '*', '\u25E6': '*', '\u25AA': '*', '\u25CF': '*'
}
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'gu')

export function normaliseForOcr(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/gu, '')
    .replace(FOLDABLE, (char) => FOLDS[char] ?? char)
    .replace(/\s+/gu, ' ')
    .trim()
}

/** Levenshtein distance between two sequences, compared with ===; O(n·m) time, O(m) memory. */
export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let previous = new Uint32Array(b.length + 1)
  let current = new Uint32Array(b.length + 1)
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    const item = a[i - 1]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (item === b[j - 1] ? 0 : 1)
      const deletion = previous[j]! + 1
      const insertion = current[j - 1]! + 1
      current[j] = substitution < deletion ? (substitution < insertion ? substitution : insertion) : deletion < insertion ? deletion : insertion
    }
    ;[previous, current] = [current, previous]
  }
  return previous[b.length]!
}

export interface ErrorRates {
  /** Characters and words of the normalised reference (the text layer). */
  referenceChars: number
  referenceWords: number
  charEdits: number
  wordEdits: number
  cer: number
  wer: number
}

/** Error rates of `ocr` against `reference`, both normalised by normaliseForOcr. */
export function errorRates(reference: string, ocr: string): ErrorRates {
  const ref = normaliseForOcr(reference)
  const hyp = normaliseForOcr(ocr)
  const refChars = Array.from(ref)
  const hypChars = Array.from(hyp)
  const refWords = ref.length === 0 ? [] : ref.split(' ')
  const hypWords = hyp.length === 0 ? [] : hyp.split(' ')
  const charEdits = editDistance(refChars, hypChars)
  const wordEdits = editDistance(refWords, hypWords)
  return {
    referenceChars: refChars.length,
    referenceWords: refWords.length,
    charEdits,
    wordEdits,
    cer: refChars.length === 0 ? (hypChars.length === 0 ? 0 : 1) : charEdits / refChars.length,
    wer: refWords.length === 0 ? (hypWords.length === 0 ? 0 : 1) : wordEdits / refWords.length
  }
}
