// Finds the quotations in one article for the quote ledger: the offsets of their words, the
// wording, who the article says spoke and the words saying so, and quotations nested inside
// them. Pure, never throws, and linear in the text's length: it runs over whole libraries.
import type { TextSpan } from '../../../../shared/domain/corroboration'
import { isBrokenQuote, type JoinContext } from './quote-joining'
import { scanQuoteMarks, type ScannedQuote } from './quote-marks'
import { ParagraphBreaks } from './quote-paragraphs'
import { findSingleQuotes } from './quote-single-marks'
import { isTitleOfWork } from './quote-titles'
import { findAttributions } from './speaker-attribution'
import { findClauseSubjects } from './speaker-clause-subject'
import { AttributionIndex } from './speaker-lookup'
import { shareWithNeighbours } from './speaker-continuation'
import { resolveAttributions, type ResolvedAttribution } from './speaker-resolution'

export interface ExtractedQuote {
  /** Offsets of the quoted words in `text`, quote marks excluded; ≥1 part, more than one when attribution interrupts: “…,” he said, “…” */
  parts: TextSpan[]
  /** The parts' original text joined with a single space, inner whitespace runs collapsed to one space, trimmed. */
  text: string
  /**
   * Who the source says spoke ("Vladimir Putin", "Yonhap"), titles dropped and a surname
   * completed from the text's earlier full mention; he/she/they and "the ambassador" resolved
   * to the most recent named speaker earlier in the text (or the most recent person-like name
   * acting as a subject); an unnamed source as written ("a company executive"); null when
   * unattributed or unresolvable, and for the title of a work (the show “…”).
   */
  speaker: string | null
  /** The attributing words as written, e.g. "Putin said", "he stated", "said Russian President Vladimir Putin", "according to Yonhap"; null when none. */
  attribution: string | null
  /** Index (into the returned array) of the enclosing quote when this is a quote nested inside another quote (e.g. ‘looks forward to’ inside “…”); null otherwise. */
  nestedIn: number | null
}

interface Quotation {
  members: ScannedQuote[]
  attribution: ResolvedAttribution | null
  /** A title of a work (the show “…”): credited to nobody, passed over by its neighbours. */
  title: boolean
}

const HAS_WORD = /[\p{L}\p{Nd}]/u
const FULL_STOP = /[.!?]/

/**
 * The text with every quotation's words replaced by '#', so names and verbs inside quotes
 * are never taken for attributions. A final full stop is kept: the sentence still ends there.
 * `flat` is the text with line breaks inside paragraphs read as spaces.
 */
function maskQuotes(flat: string, quotes: readonly ScannedQuote[]): string {
  const chunks: string[] = []
  let at = 0
  for (const quote of quotes) {
    const from = quote.open + 1
    const to = quote.closed ? quote.end - 1 : quote.end
    if (from < at || from >= to) continue
    chunks.push(flat.slice(at, from))
    const last = quote.parts.at(-1)!.end - 1
    if (last >= from && last < to && FULL_STOP.test(flat[last]!)) chunks.push('#'.repeat(last - from), flat[last]!, '#'.repeat(to - last - 1))
    else chunks.push('#'.repeat(to - from))
    at = to
  }
  chunks.push(flat.slice(at))
  return chunks.join('')
}

function wording(text: string, parts: readonly TextSpan[]): string {
  return parts.map((part) => text.slice(part.start, part.end)).join(' ').replace(/\s+/g, ' ').trim()
}

/** Quotations one after the other across paragraphs (“…¶“…”) share their speaker when only one names it. */
function shareAcrossParagraphs(masked: string, quotations: Quotation[]): void {
  const continues = (earlier: Quotation, later: Quotation) => {
    const end = earlier.members.at(-1)!
    return !end.closed && masked.slice(end.end, later.members[0]!.open).trim() === ''
  }
  for (let index = quotations.length - 2; index >= 0; index--) {
    const quotation = quotations[index]!
    const next = quotations[index + 1]!
    if (quotation.attribution === null && continues(quotation, next)) quotation.attribution = next.attribution
  }
  for (let index = 1; index < quotations.length; index++) {
    const quotation = quotations[index]!
    const previous = quotations[index - 1]!
    if (quotation.attribution === null && continues(previous, quotation)) quotation.attribution = previous.attribution
  }
}

function group(text: string, flat: string, masked: string, scanned: readonly ScannedQuote[]): Quotation[] {
  const found = [...findAttributions(masked), ...findClauseSubjects(masked, scanned)].sort((a, b) => a.start - b.start)
  const attributions = new AttributionIndex(masked, text, resolveAttributions(masked, text, flat, found))
  const after = scanned.map((quote) => attributions.after(quote))
  const context: JoinContext = { text, masked, attributedBetween: (from, to) => attributions.namedBetween(from, to) }
  const quotations: Quotation[] = []
  scanned.forEach((quote, index) => {
    const previous = quotations.at(-1)
    if (isTitleOfWork(flat, quote.open, wording(text, quote.parts))) {
      quotations.push({ members: [quote], attribution: null, title: true })
    } else if (previous !== undefined && !previous.title && index > 0 && isBrokenQuote(context, scanned[index - 1]!, after[index - 1] ?? null, quote, after[index] ?? null)) {
      previous.members.push(quote)
    } else quotations.push({ members: [quote], attribution: after[index] ?? attributions.before(quote) ?? attributions.closing(quote), title: false })
  })
  const spoken = quotations.filter((quotation) => !quotation.title)
  shareAcrossParagraphs(masked, spoken)
  shareWithNeighbours(masked, spoken)
  // The sentence's subject only for what neither a speech verb nor a neighbour credits.
  for (const quotation of spoken) {
    const first = quotation.members[0]!
    if (quotation.attribution?.speaker == null) quotation.attribution = attributions.subject(first) ?? attributions.carriedOver(first) ?? quotation.attribution
  }
  return quotations
}

/** The quotations in `text`, in text order of their first part, each followed by those nested in it. */
export function extractQuotes(text: string): ExtractedQuote[] {
  if (typeof text !== 'string' || text === '') return []
  const breaks = new ParagraphBreaks(text)
  const scanned = scanQuoteMarks(text, breaks)
  if (scanned.length === 0) return []
  const flat = breaks.flatten(text)
  const masked = maskQuotes(flat, scanned)
  const result: ExtractedQuote[] = []
  for (const quotation of group(text, flat, masked, scanned)) {
    const parts = quotation.members.flatMap((member) => member.parts)
    const words = wording(text, parts)
    if (!HAS_WORD.test(words)) continue
    const outer = result.length
    const credited = quotation.attribution
    result.push({ parts, text: words, speaker: credited?.speaker ?? null, attribution: credited?.text ?? null, nestedIn: null })
    const nested = quotation.members.flatMap((member) => [
      ...member.nested,
      ...member.parts.flatMap((part) => findSingleQuotes(text, part.start, part.end))
    ])
    for (const span of nested.sort((a, b) => a.start - b.start)) {
      const inner = wording(text, [span])
      if (HAS_WORD.test(inner)) result.push({ parts: [span], text: inner, speaker: null, attribution: null, nestedIn: outer })
    }
  }
  return result
}
