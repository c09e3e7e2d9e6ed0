// Length-preserving folding of typographic variants, so that "Lee Sok-bae" matches
// "Lee Sok‑bae" (U+2011) and straight quotes match curly ones. Because every character
// maps to exactly one character, an offset in the folded text is the same offset in the
// original, and highlights land on the original characters.

const VARIANTS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\u2009': ' ', '\u200A': ' ', '\t': ' ', '\n': ' ', '\r': ' '
}

export function foldChar(char: string): string {
  const variant = VARIANTS[char]
  if (variant !== undefined) return variant
  const lower = char.toLowerCase()
  // A few characters lower-case to two code units (e.g. U+0130); keep them as they are
  // so the folded text stays aligned with the original.
  return lower.length === char.length ? lower : char
}

export function foldText(text: string): string {
  let folded = ''
  for (let i = 0; i < text.length; i++) folded += foldChar(text.charAt(i))
  return folded
}

/** Collapses runs of whitespace to one space, the way a reader types a phrase. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
