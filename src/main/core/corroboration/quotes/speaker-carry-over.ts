// A quotation that opens its own sentence right after an indirect one: "Greene added that the
// Fed wants out before the election. “They don’t like to talk about it.”" News copy moves from
// paraphrase to the speaker's own words; the paraphrase's speaker goes on. Only when that
// sentence names exactly one speaker and holds no quotation of its own.
import { isSentenceEnd, sentenceStart } from './quote-boundaries'
import type { ScannedQuote } from './quote-marks'
import type { ResolvedAttribution } from './speaker-resolution'

/** At most one paragraph break between the two sentences. */
const GAP = /^[ \t\u00a0]*(?:\n[ \t\u00a0\n]*)?$/
const MARKS = /["“”«»#]/
/** The quotation's own last sentence is complete: "…here?'" counts. */
const SENTENCE_ENDS = /[.!?…][)'’\]]*$/
const REPORTED = /(?:^|[^\p{L}])(?:reported|reports|according)(?![\p{L}])/u

/**
 * The one named speaker of the sentence right before `quote`, when `quote` opens and ends a
 * sentence of its own and the sentence before ends in a full stop without quotation marks.
 * `byStart` holds the speech-verb attributions in text order.
 */
export function paraphraseSpeaker(masked: string, text: string, quote: ScannedQuote, byStart: readonly ResolvedAttribution[], firstAfter: (position: number) => number): ResolvedAttribution | null {
  // “…,” Hannity started.: a quotation ending in a comma goes on with its own attribution.
  const last = quote.parts.at(-1)
  if (last === undefined || !SENTENCE_ENDS.test(text.slice(Math.max(last.start, last.end - 4), last.end))) return null
  let end = quote.open
  while (end > 0 && /\s/.test(masked[end - 1]!)) end--
  if (end === 0 || !GAP.test(masked.slice(end, quote.open)) || !/[.!?]/.test(masked[end - 1]!) || !isSentenceEnd(masked, end - 1)) return null
  const start = sentenceStart(masked, end - 1)
  if (MARKS.test(masked.slice(start, end))) return null
  let found: ResolvedAttribution | null = null
  for (let index = firstAfter(start); index < byStart.length && byStart[index]!.start < end; index++) {
    const candidate = byStart[index]!
    if (!candidate.hasSubject) continue
    // "The Hill reported": an outlet reports others' words, a lone word may be no person.
    if (REPORTED.test(candidate.text) || candidate.speaker?.includes(' ') !== true) return null
    if (found !== null && found.speaker !== candidate.speaker) return null
    found = candidate
  }
  return found
}
