// Lines up the text a view shows (a PDF page's text-layer runs, a web article's DOM text)
// with the source's extracted text, character by character, so a highlight stored as
// offsets in the extracted text can be drawn on the view and a selection on the view
// read back as offsets. The two texts are the same words in the same order but differ in
// spacing, line breaks, typographic variants and the odd character the extractor tidied
// (a ligature, an overprinted run); the walk matches what it can and re-finds its place
// after a difference, so one stray character never shifts everything after it.
import { foldChar } from './fold'

/**
 * How many characters must agree to re-find the place after a difference, and how far
 * ahead (in non-space characters) to look for them: six within a page's stretch, else
 * three close by (a run printed several times over, "fake bold", rarely agrees for six;
 * three characters further away would agree by chance).
 */
const RESYNC_STEPS = [
  { size: 6, window: 400 },
  { size: 3, window: 16 }
] as const

function skeleton(text: string): { chars: string; at: number[] } {
  let chars = ''
  const at: number[] = []
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i)
    if (/\s/.test(char)) continue
    chars += foldChar(char)
    at.push(i)
  }
  return { chars, at }
}

/** Where `needle` next occurs in `haystack` from `from`, no further than `window` on; -1 if not. */
function findNear(haystack: string, needle: string, from: number, window: number): number {
  const found = haystack.slice(from, from + window + needle.length).indexOf(needle)
  return found === -1 ? -1 : from + found
}

/**
 * For each character of `shown`, the offset in `text` it stands for, or -1 (spaces,
 * line breaks, and characters the extracted text does not have).
 */
export function alignShownText(text: string, shown: string): Int32Array {
  const map = new Int32Array(shown.length).fill(-1)
  const t = skeleton(text)
  const s = skeleton(shown)
  let a = 0
  let b = 0
  while (a < t.chars.length && b < s.chars.length) {
    if (t.chars[a] === s.chars[b]) {
      map[s.at[b] as number] = t.at[a] as number
      a += 1
      b += 1
      continue
    }
    // The nearest place where both texts agree again.
    let skipText = Infinity
    let skipShown = Infinity
    for (const { size, window } of RESYNC_STEPS) {
      const inText = findNear(t.chars, s.chars.slice(b, b + size), a, window)
      const inShown = findNear(s.chars, t.chars.slice(a, a + size), b, window)
      skipText = inText === -1 ? Infinity : inText - a
      skipShown = inShown === -1 ? Infinity : inShown - b
      if (skipText !== Infinity || skipShown !== Infinity) break
    }
    if (skipText === Infinity && skipShown === Infinity) {
      // A character each side that differs (a ligature, a tidied symbol): same place, so it maps.
      map[s.at[b] as number] = t.at[a] as number
      a += 1
      b += 1
    } else if (skipText <= skipShown) a += skipText
    else b += skipShown
  }
  mapSpaces(text, shown, map)
  return map
}

/** A space between two mapped characters stands for the space between their counterparts, when there is one. */
function mapSpaces(text: string, shown: string, map: Int32Array): void {
  let previous = -1
  for (let i = 0; i < shown.length; i += 1) {
    if (map[i] !== -1) {
      previous = i
      continue
    }
    if (previous === -1 || !/\s/.test(shown.charAt(i))) continue
    let next = i + 1
    while (next < shown.length && map[next] === -1) next += 1
    if (next === shown.length) return
    const from = (map[previous] as number) + 1
    const to = map[next] as number
    const between = shown.slice(i, next)
    if (to > from && /^\s+$/.test(between) && /^\s+$/.test(text.slice(from, to))) for (let k = i; k < next; k += 1) map[k] = Math.min(from + (k - i), to - 1)
    i = next - 1
  }
}
