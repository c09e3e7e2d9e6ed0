// Finds every attribution in a text whose quotations are masked out: "Putin said", "he
// stated", "said Russian President Vladimir Putin", "according to Yonhap", ", adding", "Said
// Stone:", "pollster Daron Shaw: “…”". One pass over the lower-case words (each looked up in
// the verb sets), then a short anchored look either side of each verb found.
import {
  ADVS, AFTER_PREPOSITION, FINITE_VERBS, INVERTIBLE_VERBS, NAME_RUN, NOUN_LIKE_VERBS, ORG_NP, PARTICIPLE_SET, PARTICIPLES, ROLE_NP,
  ROLE_WORDS, SEP, SUBJECT, WORD_END, WORD_START
} from './speaker-patterns'
import { personHead, relativeHead, throughApposition, type FoundSubject } from './speaker-apposition'
import { cleanName, followsConnector, hasTitle, isOrganisation } from './speaker-names'
import { isLabelQuote, isTableVerb, reportingPlace } from './reporting-verbs'
import { findAccording } from './speaker-according'
import { subjectKind, type AttributionMatch } from './speaker-match'

export { subjectKind, type AttributionMatch, type SubjectKind } from './speaker-match'

// Every lower-case word is looked up in a set: one pass whatever the number of verbs.
const LOWER_WORD = /(?<![\p{L}\p{M}'’\u2010\u2011-])\p{Ll}+(?![\p{L}\p{Nd}])/gu
const ONE_WORD_VERBS = new Set([...FINITE_VERBS, ...PARTICIPLES, ...NOUN_LIKE_VERBS].filter((verb) => !verb.includes(' ')))
/** "pointed out", "shot back": the first word and the particles that may follow it. */
const PHRASAL_VERBS = new Map<string, Set<string>>()
for (const verb of [...FINITE_VERBS, ...PARTICIPLES].filter((phrase) => phrase.includes(' '))) {
  const [first, particle] = verb.split(' ') as [string, string]
  PHRASAL_VERBS.set(first, (PHRASAL_VERBS.get(first) ?? new Set()).add(particle))
}
const PARTICLE_AFTER = /^[ \t\u00a0]+(\p{Ll}+)(?![\p{L}\p{Nd}])/u
// "was asked", "were told": the subject is the one spoken to; "is telling" still speaks.
const PASSIVE_BEFORE = /(?:^|[^\p{L}])(?:was|were|been|being|be|is|are|gets?|got)[ \t\u00a0]+(?:\p{Ll}+ly[ \t\u00a0]+)?$/u
const PROGRESSIVE_BEFORE = /(?:^|[^\p{L}])(?:is|are|was|were|am|been)[ \t\u00a0]+(?:\p{Ll}+ly[ \t\u00a0]+)?$/u
/** "notes", "claims": a verb before a colon or "that", or right after a quotation and its speaker ("…,” Smith notes."). */
const NOUN_LIKE_IS_VERB = /^(?:[ \t\u00a0]*:|[ \t\u00a0]+that(?![\p{L}]))/u
const NOUN_LIKE_ENDS = /^[ \t\u00a0]*[.,;]/
const QUOTE_THEN_SPEAKER = new RegExp(`["”»#],?${SEP}(?:${NAME_RUN}|he|she|they)${SEP}$`, 'u')
// "… and said", "but told reporters": the sentence's subject goes on speaking.
const AND_BEFORE = /(?:^|[^\p{L}])(?:and|but)[ \t\u00a0]+(?:(?:\p{Ll}+ly|then|later|also|has|have|had|even|now|still|again|never|since|just)[ \t\u00a0]+){0,2}$/u
/** "Said Dorothy Poynter, …, “…”", "Continued Stone: “…”": an inverted verb opening a sentence. */
const OPENING_VERB = /(?:^|[.!?]["”’]?[ \t\u00a0]+|\n[ \t\u00a0]*)(\p{Lu}\p{Ll}+)(?=[ \t\u00a0]+\p{Lu})/gu
const SUBJECT_BEFORE = new RegExp(`${WORD_START}(${SUBJECT}),?${SEP}${ADVS}$`, 'u')
// "David Frost, director general of the British Chambers of Commerce, warned": skip the apposition.
const APPOSITION_BEFORE = new RegExp(`${WORD_START}(${NAME_RUN}),${SEP}(?:\\p{Ll}|\\d|[Tt]he${SEP}|[Aa]n?${SEP})[^,;:\\n"“”«»#]{1,100},${SEP}${ADVS}$`, 'u')
// "Tony Banks, Labour MP for West Ham, said", once "West Ham" is known not to be the speaker.
const ANY_APPOSITION_BEFORE = new RegExp(`${WORD_START}(${NAME_RUN}),${SEP}[^,;:\\n"“”«»#]{2,100}?,?${SEP}${ADVS}$`, 'u')
// "Winthrop Knowlton, chairman of the special committee said": a role opens the apposition.
const ROLE_APPOSITION_BEFORE = new RegExp(`${WORD_START}(${NAME_RUN}),${SEP}(?:(?:the|a|an)${SEP})?${ROLE_WORDS}[^,;:\\n"“”«»#]{0,100}?,?${SEP}${ADVS}$`, 'u')
// "John Mason of Interstate Securities said", "Manaspas Xuto of Thailand said".
const PERSON_OF_PLACE_BEFORE = new RegExp(`${WORD_START}(${NAME_RUN})${SEP}(?:of|from|at)${SEP}(?:the${SEP})?${NAME_RUN},?${SEP}${ADVS}$`, 'u')
const SUBJECT_AFTER = new RegExp(`^${SEP}(${ROLE_NP}|${ORG_NP}|(?:the${SEP}|${ROLE_WORDS}${SEP})?${NAME_RUN}|(?:he|she|they)${WORD_END})`, 'u')
const JOB_THEN_NAME = new RegExp(`^((?:${SEP}[\\p{Ll}\\d][\\p{L}\\d'’-]*){1,3})${SEP}(${NAME_RUN})`, 'u')
/** Lower-case words that end a description rather than continue a job title ("said Obama in his speech Tuesday"). */
const FUNCTION_WORDS = new Set(['in', 'on', 'at', 'of', 'for', 'to', 'the', 'a', 'an', 'his', 'her', 'their', 'its', 'that', 'who', 'and', 'but', 'with', 'during', 'after', 'before', 'when', 'while', 'as', 'from', 'by', 'about', 'last', 'this', 'next', 'on', 'was', 'is', 'were', 'has', 'had'])
// Lazy, so the name is the first capitalised run that ends the description: "undecided Republican voter Stephanie Hooton".
const DESCRIBED_NAME_AFTER = new RegExp(`^((?:${SEP}\\p{Ll}[\\p{L}\\d'’-]*)(?:${SEP}[\\p{L}\\d][\\p{L}\\d'’-]*){0,3}?)${SEP}(${NAME_RUN})(?=[ \\t\\u00a0]*[,.;:!?]|${SEP}\\(|${SEP}(?:of|from|who|at|in|on)${WORD_END})`, 'u')
const TOLD_WHOM = new RegExp(`^${SEP}(?:reporters|journalists|the${SEP}press|lawmakers|${NAME_RUN})`, 'u')
// ", noting that", "while stressing": a participle that is not a noun ("a warning").
// A quotation ending in a comma (“…values,” saying) opens one too: its comma is masked.
// "issued a statement saying", "erred in saying": the statement's author speaks.
const OPENS_PARTICIPLE = /(?:,|#[”"»]|(?:^|[^\p{L}])(?:while|before|after|when|by|in|upon|statement|letter|email|e-mail|video|message|tweet|post|release|note|ad))[ \t\u00a0]+(?:\p{Ll}+ly[ \t\u00a0]+)?$/u
// "continues to be", "was said to", "called on the government": not reporting speech; "pointed
// out to the BBC" is.
// "said to cheers", "told to reporters": a plural noun after "to" is an audience.
const NOT_SPEECH_AFTER = /^[ \t\u00a0]+to[ \t\u00a0]+(?!(?:the|a|an|his|her|their|its|reporters|journalists|applause|laughter|\p{Ll}+s)[^\p{L}]|\p{Lu})/u
// "went on to say", "pledged to “…”": an infinitive that still reports speech.
const SPEECH_INFINITIVE = /^[ \t\u00a0]+to[ \t\u00a0]+(?:say|tell|add|note|call|describe|insist|argue|warn|declare|ask)(?![\p{L}])/u
const COMMISSIVE_VERBS = new Set(['pledged', 'pledges', 'pledging', 'vowed', 'vows', 'vowing', 'promised', 'promises', 'promising', 'swore', 'threatened', 'threatening'])
const CALLED_FOR = /^[ \t\u00a0]+(?:on|for|off|up)[^\p{L}]/u
const ENDS_CLAUSE = /[,"”»’'#][ \t\u00a0]*$/
// "And continued:", "But told BBC News:": the subject is left out and carries over.
const ELIDED_SUBJECT = /(?:^|[.!?]["”’]?[ \t\u00a0]+|\n[ \t\u00a0]*)(?:And|But|Then|Yet)[ \t\u00a0]+$/

const LOOK_BEHIND = 200
const NEAR_SUBJECT = 100
const LOOK_AHEAD = 150

function found(match: RegExpExecArray | null, start: number): FoundSubject | null {
  return match === null ? null : { subject: match[1]!, start }
}

/** The subject right before the verb, as the patterns find it. */
function nearSubjectBefore(masked: string, before: string, from: number): FoundSubject | null {
  // A plain subject is short: searching only the end of the window keeps this pass cheap.
  const nearFrom = Math.max(from, from + before.length - NEAR_SUBJECT)
  // "Rep. Earl Blumenauer (D-Ore.) said": the bracketed party is read as spaces.
  const near = before.slice(nearFrom - from).replace(PARTY, (party) => ' '.repeat(party.length))
  const subject = SUBJECT_BEFORE.exec(near)
  if (subject === null) {
    const role = ROLE_APPOSITION_BEFORE.exec(before)
    return role === null ? null : found(role, from + role.index)
  }
  const start = nearFrom + subject.index
  // "Russia's repeated calls": a possessive is no subject.
  if (/['’]s$/.test(subject[1]!)) return null
  if (subjectKind(subject[1]!) !== 'name' || hasTitle(subject[1]!)) return found(subject, start)
  // "The MP for Sittingbourne and Sheppey said": a place, not the speaker; ", and Dayton says" opens a clause.
  if (!AFTER_PREPOSITION.test(masked.slice(Math.max(0, start - 8), start)) || CLAUSE_AND.test(masked.slice(Math.max(0, start - 30), start))) return found(subject, start)
  // A place after "Ambassador to" may still lead the name: "… to Russia Park Ro-byug".
  if (followsConnector(masked, start) && subject[1]!.trim().split(/[ \t\u00a0]+/).length >= 3) return found(subject, start)
  const loose = PERSON_OF_PLACE_BEFORE.exec(before) ?? ANY_APPOSITION_BEFORE.exec(before)
  return loose === null ? null : found(loose, from + loose.index)
}

const COMMA_BEFORE = /,[ \t\u00a0]*$/
// ", and Dayton says", "asked for a photo and Clinton said": a new clause, not "Seoul and Tokyo".
const CLAUSE_AND = /(?:,|(?:^|[^\p{L}])\p{Ll}[\p{L}\d'’-]*)[ \t\u00a0]+(?:and|but)[ \t\u00a0]+$/u
/** "Pollster Carl Bialik: “…”": a full name and a colon right before the marks. */
const COLON_SPEAKER = new RegExp(`${WORD_START}(${NAME_RUN}):[ \\t\\u00a0]*["“«]`, 'gu')
const PARTY = /[ \t\u00a0]*\([^()\n]{1,30}\)(?:,(?=[ \t\u00a0]*$))?/g

// "“…,” Jeff Weaver, Sanders’ campaign manager, said": right after a quotation, the name opens the apposition.
const QUOTE_NAME_APPOSITION = new RegExp(`#[”"»],?${SEP}(${NAME_RUN}),${SEP}[^"“”«»#\\n;:]{1,150},${SEP}${ADVS}$`, 'u')

function subjectBefore(masked: string, before: string, from: number): FoundSubject | 'blocked' | null {
  const verbAt = from + before.length
  const comma = COMMA_BEFORE.test(before)
  const afterQuote = comma ? QUOTE_NAME_APPOSITION.exec(before) : null
  if (afterQuote !== null && cleanName(afterQuote[1]!).kind === 'name') return { subject: afterQuote[1]!, start: from + afterQuote.index + afterQuote[0].indexOf(afterQuote[1]!, 2) }
  const apposition = comma ? APPOSITION_BEFORE.exec(before) : null
  if (apposition !== null) return throughApposition(masked, found(apposition, from + apposition.index)!, verbAt, true)
  const near = nearSubjectBefore(masked, before, from)
  // "Trump, who …, said Friday": nothing but an apposition before the verb.
  if (near === null) return comma ? (personHead(masked, verbAt) ?? relativeHead(masked, verbAt)) : null
  return throughApposition(masked, near, verbAt, false)
}

/** "…,” said undecided Republican voter Stephanie Hooton of Derry": lower-case words describing the name that follows. */
function describedAfter(verbStart: number, verbEnd: number, ahead: string): AttributionMatch | null {
  const described = DESCRIBED_NAME_AFTER.exec(ahead)
  if (described === null || described[1]!.trim().split(/[ \t\u00a0]+/).some((word) => FUNCTION_WORDS.has(word))) return null
  // "said former Rep. George Miller": a run cut at a title's full stop is no name.
  if (cleanName(described[2]!).kind !== 'name' || (hasTitle(described[2]!.split(/[ \t\u00a0]+/).at(-1)!) && ahead[described[0].length] === '.')) return null
  const end = verbEnd + described[0].length
  return { start: verbStart, end, subject: described[2]!, subjectStart: end - described[2]!.length, kind: 'name' }
}

/** "Baick calls it “a foundation”": the plural noun "calls" is a verb when a quotation follows its object. */
const CALLS_THEN_QUOTE = /^(?![ \t\u00a0]+(?:were|are|was|is|have|had|has|will|would|could|can|from|to|for|of|in|at|on|by|that|which)[ \t\u00a0])(?:[ \t\u00a0]+[^\s"“”«»#.,;:!?]+){1,4}[ \t\u00a0]+["“«]/

// "with the union calling her “…”", "– Ryan saying he was “…” and Trump calling it …": a subject of its own before the participle.
// After "and" only past a quotation: "voters in Ohio and Texas saying" has no subject of its own.
const ABSOLUTE_BEFORE = new RegExp(`(?:(?:^|[^\\p{L}])with${SEP}|[”"»]${SEP}and${SEP}|[—–―][ \\t\\u00a0]*)(${SUBJECT})${SEP}$`, 'u')

function absoluteMatch(masked: string, verbStart: number, verbEnd: number): AttributionMatch | null {
  const from = Math.max(0, verbStart - NEAR_SUBJECT)
  const subject = ABSOLUTE_BEFORE.exec(masked.slice(from, verbStart))
  if (subject === null || subjectKind(subject[1]!) === 'pronoun' || /['’]s$/.test(subject[1]!)) return null
  const start = verbStart - /[ \t\u00a0]+$/.exec(subject[0])![0].length - subject[1]!.length
  return { start, end: verbEnd, subject: subject[1]!, subjectStart: start, kind: subjectKind(subject[1]!) }
}

function verbMatch(masked: string, verbStart: number, written: string): AttributionMatch | null {
  const verb = written.replace(/\s+/g, ' ')
  const verbEnd = verbStart + written.length
  const next = masked.slice(verbEnd, verbEnd + 24)
  if ((NOT_SPEECH_AFTER.test(next) && !SPEECH_INFINITIVE.test(next) && !COMMISSIVE_VERBS.has(verb)) || (/^call/.test(verb) && CALLED_FOR.test(next))) return null
  if (verb === 'calls' && CALLS_THEN_QUOTE.test(masked.slice(verbEnd, verbEnd + LOOK_AHEAD))) return finiteMatch(masked, verbStart, verbEnd, verb)
  if (NOUN_LIKE_VERBS.has(verb) && !NOUN_LIKE_IS_VERB.test(next)) {
    const behind = masked.slice(Math.max(0, verbStart - 80), verbStart)
    const quoted = NOUN_LIKE_ENDS.test(next) ? QUOTE_THEN_SPEAKER.exec(behind) : null
    // "the “Stop Vance” Hartley quips": a quotation after "the" labels the noun that follows.
    if (quoted === null || isLabelQuote(masked, verbStart - behind.length + quoted.index)) return null
  }
  const just = masked.slice(Math.max(0, verbStart - 24), verbStart)
  if (PARTICIPLE_SET.has(verb)) {
    if (PROGRESSIVE_BEFORE.test(just)) return finiteMatch(masked, verbStart, verbEnd, verb)
    if (!OPENS_PARTICIPLE.test(just)) return absoluteMatch(masked, verbStart, verbEnd)
    return { start: verbStart, end: verbEnd, subject: '', subjectStart: verbStart, kind: 'none' }
  }
  if (PASSIVE_BEFORE.test(just)) return null
  return finiteMatch(masked, verbStart, verbEnd, verb)
}

function finiteMatch(masked: string, verbStart: number, verbEnd: number, verb: string): AttributionMatch | null {
  const from = Math.max(0, verbStart - LOOK_BEHIND)
  const before = masked.slice(from, verbStart)
  const subject = subjectBefore(masked, before, from)
  if (subject === 'blocked') {
    // "…” that Sanders can catch Clinton, said Steve Elmendorf.": the name before the comma ends a clause; the speaker follows.
    const inverted = invertedMatch(masked, verbStart, verbEnd, verb)
    return inverted?.kind === 'name' && /^[ \t\u00a0]*[.,;]/.test(masked.slice(inverted.end, inverted.end + 4)) ? inverted : null
  }
  if (subject !== null) {
    let end = verbEnd
    if (verb === 'told' || verb === 'tells') {
      const whom = TOLD_WHOM.exec(masked.slice(verbEnd, verbEnd + LOOK_AHEAD))
      if (whom !== null) end += whom[0].length
    }
    return { start: subject.start, end, subject: subject.subject, subjectStart: subject.start, kind: subjectKind(subject.subject) }
  }
  if (ELIDED_SUBJECT.test(before) || AND_BEFORE.test(before)) {
    return { start: verbStart, end: verbEnd, subject: '', subjectStart: verbStart, kind: 'none' }
  }
  return invertedMatch(masked, verbStart, verbEnd, verb)
}

/** "…,” said Putin.", "said Republican party boss Reince Priebus": the speaker after the verb. */
function invertedMatch(masked: string, verbStart: number, verbEnd: number, verb: string, anyVerb = false): AttributionMatch | null {
  if ((!anyVerb && !INVERTIBLE_VERBS.has(verb)) || !ENDS_CLAUSE.test(masked.slice(Math.max(0, verbStart - 4), verbStart))) return null
  const ahead = masked.slice(verbEnd, verbEnd + LOOK_AHEAD)
  const after = SUBJECT_AFTER.exec(ahead)
  if (after === null) return describedAfter(verbStart, verbEnd, ahead)
  const rest = ahead.slice(after[0].length)
  // "…,” said he." inverts; "said he would" is "said (that) he would".
  if (subjectKind(after[1]!) === 'pronoun' && !/^[ \t\u00a0]*[.,;:!?]/.test(rest)) return null
  // "said Republican party boss Reince Priebus": the name after the job is the speaker.
  const person = JOB_THEN_NAME.exec(rest)
  if (person !== null && !person[1]!.split(/[ \t\u00a0]+/).some((word) => FUNCTION_WORDS.has(word))) {
    const end = verbEnd + after[0].length + person[0].length
    return { start: verbStart, end, subject: person[2]!, subjectStart: end - person[2]!.length, kind: 'name' }
  }
  const subjectStart = verbEnd + after[0].length - after[1]!.length
  return { start: verbStart, end: verbEnd + after[0].length, subject: after[1]!, subjectStart, kind: subjectKind(after[1]!) }
}

const QUOTE_OR_MASK = /["“”«»#]/
const ENDS_AFTER = /^[ \t\u00a0]*[.,;:!?]/

/** A WordNet reporting verb (reporting-verbs.ts), only where the place itself says it reports a quotation. */
function tableVerbMatch(masked: string, verbStart: number, verb: string): AttributionMatch | null {
  const verbEnd = verbStart + verb.length
  const where = reportingPlace(masked, verbStart, verbEnd)
  if (where === null) return null
  if (where.participle) return { start: verbStart, end: verbEnd, subject: '', subjectStart: verbStart, kind: 'none' }
  const next = masked.slice(verbEnd, verbEnd + 24)
  if (NOT_SPEECH_AFTER.test(next) || PASSIVE_BEFORE.test(masked.slice(Math.max(0, verbStart - 24), verbStart))) return null
  if (where.place === 'inverted') {
    const inverted = invertedMatch(masked, verbStart, verbEnd, verb, true)
    return inverted !== null && inverted.kind !== 'pronoun' && ENDS_AFTER.test(masked.slice(inverted.end, inverted.end + 4)) ? inverted : null
  }
  const match = finiteMatch(masked, verbStart, verbEnd, verb)
  // After a quotation the speaker must stand between its closing mark and the verb.
  if (match === null || match.kind === 'none' || (where.place === 'after-speaker' && QUOTE_OR_MASK.test(masked.slice(match.subjectStart, verbStart)))) return null
  return match
}

/** Attributions in text order. `masked` is the text with quoted words blanked out. */
export function findAttributions(masked: string): AttributionMatch[] {
  const found: AttributionMatch[] = []
  for (const match of masked.matchAll(LOWER_WORD)) {
    const word = match[0]
    const end = match.index + word.length
    const particle = PHRASAL_VERBS.has(word) ? PARTICLE_AFTER.exec(masked.slice(end, end + 12)) : null
    let written: string | null = ONE_WORD_VERBS.has(word) ? word : null
    if (particle !== null && PHRASAL_VERBS.get(word)!.has(particle[1]!)) written = masked.slice(match.index, end + particle[0].length)
    if (written === null) {
      const attribution = isTableVerb(word) ? tableVerbMatch(masked, match.index, word) : null
      if (attribution !== null) found.push(attribution)
      continue
    }
    const attribution = verbMatch(masked, match.index, written)
    if (attribution !== null) found.push(attribution)
  }
  for (const match of masked.matchAll(OPENING_VERB)) {
    const verb = match[1]!
    if (!INVERTIBLE_VERBS.has(verb.toLowerCase())) continue
    const verbStart = match.index + match[0].length - verb.length
    const after = SUBJECT_AFTER.exec(masked.slice(verbStart + verb.length, verbStart + verb.length + LOOK_AHEAD))
    if (after === null || subjectKind(after[1]!) === 'pronoun') continue
    const end = verbStart + verb.length + after[0].length
    found.push({ start: verbStart, end, subject: after[1]!, subjectStart: end - after[1]!.length, kind: subjectKind(after[1]!) })
  }
  for (const match of masked.matchAll(COLON_SPEAKER)) {
    const cleaned = cleanName(match[1]!)
    // "Continued Stone:" is an inverted verb, read above.
    if (ONE_WORD_VERBS.has(match[1]!.split(/[ \t\u00a0]/)[0]!.toLowerCase())) continue
    if (cleaned.kind !== 'name' || !cleaned.name.includes(' ') || isOrganisation(cleaned.name)) continue
    found.push({ start: match.index, end: match.index + match[1]!.length, subject: match[1]!, subjectStart: match.index, kind: 'name' })
  }
  found.push(...findAccording(masked))
  return found.sort((a, b) => a.start - b.start)
}
