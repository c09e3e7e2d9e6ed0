// A last-resort speaker for a quotation its sentence does not attribute with a speech verb:
// the person the sentence is about. "Hoover estimated that there are “…”", "Trump went even
// further: “…”", "with Sen. John McCain calling it a “Chinese menu”". News copy puts a quoted
// fragment in the mouth of the sentence's subject; only a person named there is taken.
import type { ScannedQuote } from './quote-marks'
import { sentenceStart } from './quote-boundaries'
import type { AttributionMatch } from './speaker-attribution'
import { cleanName, isOrganisation } from './speaker-names'
import { ADVS, NAME_RUN, SEP, VERB_LIKE, WORD_END, WORD_START } from './speaker-patterns'

// An opening adverbial before the subject: "On Tuesday, Sanders went further", "Reading from a text, Ben Carson".
const INTRO = `(?:(?:When|While|As|If|Although|Though|Like|Unlike|On|In|At|After|Before|During|Later|Earlier|Last|This|Since|Asked|Meanwhile|Still|Instead|Separately|Yesterday|Today|\\p{Lu}\\p{Ll}+ing)${WORD_END}[^,;:#"“”«»\\n]{0,80},${SEP})?`
// A lower-case job before the name ("Campaign chair Paul Manafort"), a party in brackets, an
// apposition between commas ("Corey Lewandowski, Trump’s fired campaign manager, ripped").
const JOB = '(?:chair|chairman|chairwoman|spokesman|spokeswoman|spokesperson|manager|director|adviser|advisor|strategist|pollster|aide|candidate|nominee|hopeful|host|anchor|founder|president|leader|secretary|counsel|attorney|lawyer|professor|economist|analyst|senator|governor|congressman|congresswoman|consultant|chief|executive|official|historian|expert)'
const SUBJECT = `(?:(?:[\\p{L}.'’-]+${SEP}){0,3}${JOB}${SEP})?(${NAME_RUN})(?:${SEP}\\([^()\\n]{1,30}\\))?(?:,${SEP}[^,;:#"“”«»\\n]{1,120},|${SEP}[—–]${SEP}[^—–;:#"“”«»\\n]{1,150}${SEP}[—–])?`
// "late Thursday night", "on Friday": when, between the subject and its verb.
const WHEN = `(?:(?:late|early|on|last)${SEP})?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:${SEP}(?:night|morning|afternoon|evening))?${SEP}`
// The sentence opens with its subject and a verb: "Sen. Rand Paul later called", "But Cruz would not".
const OPENING = new RegExp(
  `^[ \\t\\u00a0"”’»)]*(?:(?:But|And|Yet|Still|So|Now)${SEP})?${INTRO}${SUBJECT}${SEP}(?:${WHEN})?${ADVS}(?:${VERB_LIKE}|\\p{Ll}+${SEP}(?:to|that|of|for|about|on|with|as)${WORD_END})`,
  'u'
)
// "…, with Lewandowski taking to Twitter", "with Cruz recently promising": an absolute clause's own subject.
const WITH_SUBJECT = new RegExp(`${WORD_START}with${SEP}(${NAME_RUN})${SEP}(?:\\p{Ll}+ly${SEP})?(?!(?:during|morning|evening|nothing|something|anything|everything|including|according|regarding|following|concerning)${WORD_END})\\p{Ll}{3,}ing${WORD_END}`, 'gu')
// "As The Post's Ruth Marcus puts it, Obama is trying to …": the one who put it so.
const AS_PUT_IT = new RegExp(`${WORD_START}[Aa]s${SEP}(?:the${SEP})?(${NAME_RUN})(?:,${SEP}[^,;:#"“”«»\\n]{1,80},)?${SEP}(?:\\p{Ll}+ly${SEP})?(?:puts|put)${SEP}it${WORD_END}`, 'u')
// "Clinton: “Our goal is …”" in a run of exchanges: a surname alone before a colon (kept only when it completes to a full name).
const COLON_NAME = new RegExp(`^[ \\t\\u00a0"”’»)]*(${NAME_RUN}):[ \\t\\u00a0]*$`, 'u')
/** A clause that opens a sentence and leaves its subject to the main clause: "After …", "Acknowledging …". */
const OPENING_CLAUSE = /^[ \t\u00a0"”’»)]*(?:After|When|While|As|Although|Though|If|Before|Since|Once|Because|Despite|In|By|\p{Lu}\p{Ll}+ing)(?![\p{L}])/u
// The main clause after the quotation: "… to be president, Clinton on Monday ripped", "…,” though, Allen did suggest".
const MAIN_AFTER = new RegExp(`^[^.!?;:#"“”«»\\n]{0,120}?,${SEP}(?:(?:though|however|then),${SEP})?(${NAME_RUN})(?:${SEP}\\([^()\\n]{1,30}\\))?${SEP}(?:${WHEN})?${ADVS}${VERB_LIKE}`, 'u')
/** Words that open a sentence without being its subject: "When Wallace died", "Filling in for", "Another advised". */
const NOT_SUBJECT = /^(?:The|A|An|This|That|These|Those|It|Its|There|Here|In|On|At|For|From|With|By|Of|To|During|Despite|Under|Amid|When|While|If|As|Because|Although|Though|After|Before|Since|Until|Once|Unless|Whether|Where|Why|How|What|Another|Other|Like|Unlike|Following|Without|Among|Across|Over|Through|Also|Then|However|Some|Many|Both|Most|Several|Few|All|Others|Every|Each|No|Not|Only|Even|Just|\p{Lu}\p{Ll}+ing)$/u
/** Another clause with a subject of its own: "Clinton proposed it, but the Sanders campaign rejected …". */
const NEW_CLAUSE = /(?:[,;—–-][ \t\u00a0]*(?:but|while|whereas|and|although|though)|[ \t\u00a0](?:while|whereas)|;)[ \t\u00a0]/u
/** Words between the subject and the quote that hand it to someone else: "… accused Clinton of saying “…”". */
const OTHER_SPEAKER = /(?:^|[^\p{L}])(?:who|whom|whose|which|saying|said|says|according|quoted|quoting|wrote|told|claimed|declared)(?![\p{L}])|(?:^|[^\p{L}])(?:from|by)[ \t\u00a0]+\p{Lu}/u
const PASSIVE = /(?:^|[^\p{L}])(?:was|were|is|are|been|being|be|gets?|got)[ \t\u00a0]+(?:\p{Ll}+ly[ \t\u00a0]+)?(?:asked|told|questioned|pressed|quoted|cited|described|called|criticized|criticised|accused|attacked|mocked|urged|warned|interviewed|shown|seen|heard)(?![\p{L}])/u
const NAMED_PHRASE = /(?:^|[^\p{L}])of[ \t\u00a0]*$/u
/** Most of a sentence: a subject further back than this is no longer what the quote is about. */
const MAX_REACH = 250

function person(run: string): boolean {
  const cleaned = cleanName(run)
  return cleaned.kind === 'name' && !isOrganisation(cleaned.name)
}

/** Where the quotation's sentence starts; "Trump went further:¶“…”" carries over a colon and a line break. */
function quoteSentenceStart(masked: string, open: number): number {
  let anchor = open
  while (anchor > 0 && /\s/.test(masked[anchor - 1]!)) anchor--
  return sentenceStart(masked, masked[anchor - 1] === ':' ? anchor : open)
}

function openingSubject(window: string): RegExpExecArray | null {
  const opening = OPENING.exec(window)
  return opening === null || NOT_SUBJECT.test(opening[1]!.split(/[ \t\u00a0]/)[0]!) ? null : opening
}

function subjectOf(masked: string, open: number): AttributionMatch | null {
  const start = quoteSentenceStart(masked, open)
  if (open - start > MAX_REACH) return null
  const window = masked.slice(start, open)
  if (!/\p{L}/u.test(window)) return null
  let withSubject: RegExpExecArray | null = null
  for (const match of window.matchAll(WITH_SUBJECT)) withSubject = match
  const match = COLON_NAME.exec(window) ?? AS_PUT_IT.exec(window) ?? withSubject ?? openingSubject(window)
  if (match === null || !person(match[1]!)) return null
  const subjectStart = start + match.index + match[0].indexOf(match[1]!)
  const end = start + match.index + match[0].length
  // "Mayor Ann Lind was asked whether …": spoken to, not speaking.
  if (PASSIVE.test(masked.slice(subjectStart, end + 40))) return null
  const between = masked.slice(end, open)
  // "a defense of “New York values”": a phrase named, not words spoken.
  if (NAMED_PHRASE.test(between)) return null
  // Someone else's speech verb or clause between them: leave it to the other rules.
  if (OTHER_SPEAKER.test(between) || NEW_CLAUSE.test(between)) return null
  return { start: subjectStart, end, subject: match[1]!, subjectStart, kind: 'name', fallback: 'before' }
}

/**
 * "After calling him “unfit,” Clinton on Monday ripped into …": a quotation in the clause
 * opening its sentence belongs to the main clause's subject, after it.
 */
function mainSubjectAfter(masked: string, quote: ScannedQuote): AttributionMatch | null {
  const start = quoteSentenceStart(masked, quote.open)
  const window = masked.slice(start, quote.open)
  if (quote.open - start > MAX_REACH || !OPENING_CLAUSE.test(window) || window.includes(',') || !quote.closed) return null
  const match = MAIN_AFTER.exec(masked.slice(quote.end, quote.end + MAX_REACH))
  if (match === null || !person(match[1]!) || NOT_SUBJECT.test(match[1]!.split(/[ \t\u00a0]/)[0]!)) return null
  const subjectStart = quote.end + match.index + match[0].lastIndexOf(match[1]!, match[0].length - 1)
  const end = quote.end + match[0].length
  if (PASSIVE.test(masked.slice(subjectStart, end + 40))) return null
  return { start: subjectStart, end, subject: match[1]!, subjectStart, kind: 'name', fallback: 'after' }
}

/** One fallback attribution per quotation whose sentence has a person acting as its subject. */
export function findClauseSubjects(masked: string, quotes: readonly ScannedQuote[]): AttributionMatch[] {
  const found = new Map<number, AttributionMatch>()
  for (const quote of quotes) {
    const match = subjectOf(masked, quote.open) ?? mainSubjectAfter(masked, quote)
    if (match !== null && !found.has(match.start)) found.set(match.start, match)
  }
  return [...found.values()].sort((a, b) => a.start - b.start)
}
