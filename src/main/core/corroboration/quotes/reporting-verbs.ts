// The generated WordNet reporting verbs ("fumed", "quipped", "marvelled") and the only places
// they credit a speaker: right after a quotation and its speaker, inverted right after a
// quotation, or before a colon that opens one. Broader places keep the hand-picked verbs.
import { REPORTING_VERB_LINES } from './reporting-verb-table'
import { ADVS, NAME_RUN, ORG_NP, ROLE_NP, SEP } from './speaker-patterns'

const FINITE = new Set<string>()
const PARTICIPLE = new Set<string>()
for (const line of REPORTING_VERB_LINES.split('\n')) {
  const [past, third, participle] = line.split(' ')
  if (participle === undefined) continue
  for (const form of past!.split('/')) FINITE.add(form)
  if (third !== '-') FINITE.add(third!)
  for (const form of participle.split('/')) PARTICIPLE.add(form)
}

/**
 * 'after-speaker': “…,” Smith fumed / “…,” Jeff Weaver, a spokesman, fumed; 'inverted':
 * “…,” fumed Smith; 'colon': Smith fumed: “…” (or ", fuming: “…”", with no subject of its own).
 */
export type ReportingPlace = 'after-speaker' | 'inverted' | 'colon'

/** A closing mark after a masked quotation ('#') or its kept final stop. */
const CLOSED = `[#.!?][”"»],?${SEP}`
const SPEAKER = `(?:${ROLE_NP}|${ORG_NP}|${NAME_RUN}|[Hh]e|[Ss]he|[Tt]hey)`
const AFTER_SPEAKER = new RegExp(`${CLOSED}${SPEAKER}${SEP}${ADVS}$`, 'u')
const AFTER_APPOSITION = new RegExp(`${CLOSED}${NAME_RUN},${SEP}[^"“”«»#\\n;:.]{1,150},${SEP}${ADVS}$`, 'u')
const INVERTED = new RegExp(`${CLOSED}$`, 'u')
const OPENS_QUOTE = /^[ \t\u00a0]*:\s{0,3}["“«]/
const PARTICIPLE_OPENS = /,[ \t\u00a0]+$/
const LOOK_BEHIND = 200
/**
 * After “…,” Smith the quotation is the verb's object: only a stop, a comma that opens no new
 * quotation, or a phrase of time, place or audience may follow ("fumed on Tuesday"), never
 * another object ("“…,” Santilli expressed a desire").
 */
const NO_OBJECT_AFTER = /^(?:[ \t\u00a0]*(?:[.;!?\n]|,(?![ \t\u00a0]*["“«])|$)|[ \t\u00a0]+(?:in|on|at|during|after|before|when|as|while|to[ \t\u00a0]+(?:reporters|journalists)|about|with|from|via|later|again|back|afterwards?|\p{Ll}+ly|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?![\p{L}]))/u
const FULL_STOP_AFTER = /^[ \t\u00a0]*\./

const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those)[ \t\u00a0]+$/iu
const MAX_QUOTE = 2000

/**
 * Whether the quotation closing at `close` follows "the", "his" and the like: then it names or
 * labels something ("the “people’s plan,” Odum approved") and is nobody's words.
 */
export function isLabelQuote(masked: string, close: number): boolean {
  let open = close - 1
  const stop = Math.max(0, close - MAX_QUOTE)
  while (open > stop && (masked[open] === '#' || masked[open] === '.' || masked[open] === '!' || masked[open] === '?')) open--
  return /["“«]/.test(masked[open] ?? '') && DETERMINER_BEFORE.test(masked.slice(Math.max(0, open - 12), open))
}

export function isTableVerb(word: string): boolean {
  return FINITE.has(word) || PARTICIPLE.has(word)
}

/** Where a table verb at [start, end) of the masked text may credit a speaker, or null. */
export function reportingPlace(masked: string, start: number, end: number): { place: ReportingPlace; participle: boolean } | null {
  const word = masked.slice(start, end)
  const participle = !FINITE.has(word)
  const colon = OPENS_QUOTE.test(masked.slice(end, end + 8))
  if (participle) return colon && PARTICIPLE_OPENS.test(masked.slice(Math.max(0, start - 4), start)) ? { place: 'colon', participle } : null
  if (colon) return { place: 'colon', participle }
  const before = masked.slice(Math.max(0, start - LOOK_BEHIND), start)
  if (INVERTED.test(before.slice(-6))) return { place: 'inverted', participle }
  // Only the last stretch can hold "“…,” Smith fumed": a short slice keeps the search cheap.
  const speaker = AFTER_SPEAKER.exec(before.slice(-120)) ?? AFTER_APPOSITION.exec(before)
  if (speaker === null || isLabelQuote(masked, start - speaker[0].length + 1)) return null
  // “…end.” Smith fumed.: a quotation that ended its sentence is credited by a whole-sentence attribution only.
  const after = masked.slice(end, end + 16)
  return (speaker[0].startsWith('.') ? FULL_STOP_AFTER.test(after) : NO_OBJECT_AFTER.test(after)) ? { place: 'after-speaker', participle } : null
}
