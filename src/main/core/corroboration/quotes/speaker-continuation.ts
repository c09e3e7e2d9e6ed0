// Quotations that carry on from a credited one without an attribution of their own:
// “…,” Bozell says. “…” (same paragraph, or the next one when that opens with the quote),
// “….” “…,” he added, and fragments of one sentence closed by “…,” X said. Only when nothing
// but the neighbour's attribution (and the rest of its sentence) stands between them.
import { isSentenceEnd } from './quote-boundaries'
import type { ScannedQuote } from './quote-marks'
import type { ResolvedAttribution } from './speaker-resolution'

export interface CreditedQuotation {
  members: ScannedQuote[]
  attribution: ResolvedAttribution | null
}

/** Nothing but spaces, punctuation and at most one paragraph break. */
const ONLY_GAP = /^[\s,.;:—–-]*$/
const MAX_BREAKS = 1
/** Before the credit's speaker: punctuation and a few words of description ("…,” Trump spokesperson Ron Lieberman told …). */
const LEAD_GAP = /^[ \t\u00a0,;:—–-]*(?:[\p{L}.'’-]+,?[ \t\u00a0]+){0,5}$/u

/** Paragraph breaks in `gap`, a blank line counting as one. */
function breaks(gap: string): number {
  return gap.match(/\n[\s]*/g)?.length ?? 0
}

function gapIsEmpty(gap: string): boolean {
  return ONLY_GAP.test(gap) && breaks(gap) <= MAX_BREAKS
}

/** The rest of the attribution's sentence ("… in an exclusive interview.") may stand between. */
const MAX_TAIL = 200

/** Whether [from, to) is the rest of one sentence ("… in an exclusive interview.") and at most one paragraph break. */
function restOfSentence(masked: string, from: number, to: number): boolean {
  const tail = masked.slice(from, to)
  if (gapIsEmpty(tail)) return true
  const trimmed = tail.trimEnd()
  // A closing mark may end it: "… on NBC’s “Meet the Press.”"
  const body = trimmed.replace(/["”’»]$/, '')
  if (body.length > MAX_TAIL || body.includes('\n') || !/[.:]$/.test(body)) return false
  const last = from + body.length - 1
  for (let index = from; index < last; index++) if (isSentenceEnd(masked, index)) return false
  return breaks(tail.slice(trimmed.length)) <= MAX_BREAKS
}

/**
 * Whether only the attribution `credit` and the rest of its sentence stand between two
 * quotations: “…,” X says in an interview. “…”, or “…” X said of the “…” plan. “…”
 */
function onlyCreditBetween(masked: string, from: number, to: number, credit: ResolvedAttribution, closedSentence: boolean): boolean {
  if (credit.start < from || credit.end > to) {
    // After “….” the words before the next quotation start a sentence of their own.
    if (closedSentence) return gapIsEmpty(masked.slice(from, to))
    return credit.end <= from && restOfSentence(masked, from, to)
  }
  if (!LEAD_GAP.test(masked.slice(from, credit.start))) return false
  return restOfSentence(masked, credit.end, to)
}

/** "Leeds was “trying too hard” and “lost the room,” Thorpe said.": fragments of one sentence share its closing attribution. */
function sameSentence(masked: string, from: number, to: number): boolean {
  if (to - from > MAX_TAIL) return false
  for (let index = from; index < to; index++) if (isSentenceEnd(masked, index)) return false
  return true
}

/**
 * Gives an uncredited quotation its neighbour's speaker when the neighbour is credited and
 * the two are adjacent: the later one after “…,” X said. and the earlier one before “…,” X said.
 */
/**
 * A later speaker is lent to the quotation before only when it is not a question (“Are you
 * resigning?” “No,” he said: the question is the reporter's) and no sentence ends between the
 * two (The crowd chanted “…”. “…,” Smith said.).
 */
function mayShareBackward(masked: string, quotation: CreditedQuotation, from: number, to: number): boolean {
  const last = quotation.members.at(-1)!.parts.at(-1)!
  return !/\?/.test(masked.slice(last.end - 1, from)) && !/[.!?]/.test(masked.slice(from, to))
}

export function shareWithNeighbours(masked: string, quotations: CreditedQuotation[]): void {
  for (let index = 1; index < quotations.length; index++) {
    const quotation = quotations[index]!
    const previous = quotations[index - 1]!
    const credit = previous.attribution
    if (quotation.attribution !== null || credit === null || credit.speaker === null) continue
    const from = previous.members.at(-1)!.end
    const to = quotation.members[0]!.open
    const lastPart = previous.members.at(-1)!.parts.at(-1)!
    // ", saying he’s “made money.” “Frankly, …”": a subject-less credit goes on only straight into the next quotation.
    if (!credit.hasSubject) {
      if (/[.!?]/.test(masked[lastPart.end - 1] ?? '') && gapIsEmpty(masked.slice(from, to))) quotation.attribution = credit
      continue
    }
    if (onlyCreditBetween(masked, from, to, credit, /[.!?]/.test(masked[lastPart.end - 1] ?? ''))) quotation.attribution = credit
  }
  for (let index = quotations.length - 2; index >= 0; index--) {
    const quotation = quotations[index]!
    const next = quotations[index + 1]!
    const credit = next.attribution
    if (quotation.attribution !== null || credit === null || credit.speaker === null || !credit.hasSubject) continue
    const from = quotation.members.at(-1)!.end
    const to = next.members[0]!.open
    if (credit.start < to || masked.slice(from, to).includes('\n') || !mayShareBackward(masked, quotation, from, to)) continue
    if (ONLY_GAP.test(masked.slice(from, to)) || sameSentence(masked, from, to)) quotation.attribution = credit
  }
}
