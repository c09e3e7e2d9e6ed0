// Whether two quotations are one broken by its attribution: “…,” Putin said, “and…” or
// “…,” Putin said during the ceremony. “We look…”. Quotes separated by ordinary narrative,
// by a second attribution, or each credited on its own stay apart.
import type { ScannedQuote } from './quote-marks'
import { isSentenceEnd } from './quote-boundaries'
import type { ResolvedAttribution } from './speaker-resolution'

/** The attribution sentence between the two halves may run this long ("Putin said during a ceremony … on Jan. 15."). */
const MAX_TAIL = 250
/** When the first half ended its sentence, only a short "he added." may follow before the second. */
const MAX_WORDS_AFTER_FULL_STOP = 8
const JOINING_PUNCTUATION = /[,.:;—–-]/

export interface JoinContext {
  text: string
  masked: string
  /** Whether another attribution naming a speaker starts in [from, to). */
  attributedBetween: (from: number, to: number) => boolean
}

export function isBrokenQuote(
  context: JoinContext,
  first: ScannedQuote,
  firstAfter: ResolvedAttribution | null,
  second: ScannedQuote,
  secondAfter: ResolvedAttribution | null
): boolean {
  if (firstAfter === null || secondAfter !== null || !first.closed) return false
  const { text, masked } = context
  const tail = masked.slice(firstAfter.end, second.open)
  if (tail.length > MAX_TAIL || tail.includes('\n')) return false
  const trimmed = tail.trimEnd()
  const lastIndex = firstAfter.end + trimmed.length - 1
  // The attribution ends with a comma or full stop before the second half, never mid-clause (“…” he said of the “…”).
  if (trimmed === '' || !JOINING_PUNCTUATION.test(trimmed.at(-1)!)) return false
  if (context.attributedBetween(firstAfter.end, second.open)) return false
  for (let index = firstAfter.end; index < lastIndex; index++) if (isSentenceEnd(masked, index)) return false
  const lastPart = first.parts.at(-1)!
  if (/[.!?…]/.test(text[lastPart.end - 1]!)) {
    const words = masked.slice(first.end, second.open).trim().split(/\s+/).length
    if (words > MAX_WORDS_AFTER_FULL_STOP) return false
  }
  return true
}
