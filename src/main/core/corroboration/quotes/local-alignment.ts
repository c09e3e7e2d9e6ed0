// Where a shorter quotation sits inside a longer one, tolerating changed, inserted and
// dropped words: Smith-Waterman over stems, content words scoring more than function
// words. Truncated quotes ("truly good results") find their place in the full sentence.
import type { LedgerWord } from './ledger-words'

const CONTENT_MATCH = 1
/** A common word's synonym ("ruined" for "destroyed") is a match, a little weaker than the same word. */
const SYNONYM_MATCH = 0.8
const FUNCTION_MATCH = 0.25
const MISMATCH = -0.5
const GAP = -0.35

export interface LocalMatch {
  /** Content words of the short side matched in order within the window (the same stem or a synonym). */
  matchedContent: number
  /** Word range of the long side the short side covers (end exclusive). */
  longStart: number
  longEnd: number
  /** Word range of the short side that took part. */
  shortStart: number
  shortEnd: number
}

function pairScore(a: LedgerWord, b: LedgerWord): number {
  if (a.stem === b.stem) return a.content ? CONTENT_MATCH : FUNCTION_MATCH
  return a.synonyms !== null && b.content && a.synonyms.has(b.stem) ? SYNONYM_MATCH : MISMATCH
}

/**
 * Cells one alignment may fill (about 18 MB): two quotations of thousands of words each (a
 * speech quoted whole, paragraph after paragraph) are matched only by their words as written.
 */
const MAX_CELLS = 2_000_000

export function alignLocally(short: readonly LedgerWord[], long: readonly LedgerWord[]): LocalMatch | null {
  const rows = short.length + 1
  const cols = long.length + 1
  if (rows * cols > MAX_CELLS) return null
  const score = new Float64Array(rows * cols)
  // 0 = start, 1 = diagonal, 2 = up (skip a short word), 3 = left (skip a long word)
  const move = new Uint8Array(rows * cols)
  let best = 0
  let bestCell = -1
  for (let i = 1; i < rows; i++) {
    const a = short[i - 1]!
    for (let j = 1; j < cols; j++) {
      const b = long[j - 1]!
      const diagonal = score[(i - 1) * cols + j - 1]! + pairScore(a, b)
      // Where one side marks dropped words with an ellipsis, the other's words there are free to skip.
      const up = score[(i - 1) * cols + j]! + (j < long.length && long[j]!.elided ? 0 : GAP)
      const left = score[i * cols + j - 1]! + (i < short.length && short[i]!.elided ? 0 : GAP)
      let value = 0
      let step = 0
      if (diagonal > value) { value = diagonal; step = 1 }
      if (up > value) { value = up; step = 2 }
      if (left > value) { value = left; step = 3 }
      const cell = i * cols + j
      score[cell] = value
      move[cell] = step
      if (value > best) { best = value; bestCell = cell }
    }
  }
  if (bestCell < 0) return null
  let i = Math.floor(bestCell / cols)
  let j = bestCell % cols
  const shortEnd = i
  const longEnd = j
  let matchedContent = 0
  while (i > 0 && j > 0 && move[i * cols + j] !== 0) {
    const step = move[i * cols + j]
    if (step === 1) {
      const a = short[i - 1]!
      if (a.content && pairScore(a, long[j - 1]!) > 0) matchedContent++
      i--
      j--
    } else if (step === 2) i--
    else j--
  }
  return { matchedContent, longStart: j, longEnd, shortStart: i, shortEnd }
}
