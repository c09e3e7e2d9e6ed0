// Finds every attribution in a text whose quotations are masked out: "Putin said", "he
// stated", "said Russian President Vladimir Putin", "according to Yonhap", ", adding". One
// regular-expression pass for the verbs, then a short anchored look either side of each.
import {
  ADVS, AFTER_PREPOSITION, FINITE_VERBS, INVERTIBLE_VERBS, NAME_RUN, OFFICE_NP, ORG_NP, PARTICIPLE_SET, PARTICIPLES, PRONOUN, ROLE_NP,
  ROLE_WORDS, SEP, SUBJECT, WORD_END, WORD_START
} from './speaker-patterns'
import { followsConnector, hasTitle } from './speaker-names'

/** 'office': "the Archbishop of Canterbury"; 'none': ", adding" or "And continued:", whose speaker is the sentence's. */
export type SubjectKind = 'name' | 'pronoun' | 'role' | 'office' | 'none'

export interface AttributionMatch {
  /** The attributing words as written, [start, end) in the text. */
  start: number
  end: number
  /** The speaker's words as written ("Russian President Vladimir Putin", "he", "the ambassador"), '' for ", adding". */
  subject: string
  subjectStart: number
  kind: SubjectKind
}

const verbAlternatives = [...FINITE_VERBS, ...PARTICIPLES].map((verb) => verb.replace(' ', SEP)).join('|')
const VERB = new RegExp(`(?<![\\p{L}\\p{M}'’\\u2010\\u2011-])(?:${verbAlternatives})${WORD_END}`, 'gu')
const ACCORDING = new RegExp(`${WORD_START}[Aa]ccording${SEP}to${SEP}(${ROLE_NP}|${ORG_NP}|him${WORD_END}|her${WORD_END}|them${WORD_END}|(?:the${SEP})?${NAME_RUN})`, 'gu')
const SUBJECT_BEFORE = new RegExp(`${WORD_START}(${SUBJECT}),?${SEP}${ADVS}$`, 'u')
// "David Frost, director general of the British Chambers of Commerce, warned": skip the apposition.
const APPOSITION_BEFORE = new RegExp(`${WORD_START}(${NAME_RUN}),${SEP}(?:\\p{Ll}|[Tt]he${SEP}|[Aa]n?${SEP})[^,;:\\n"“”«»#]{2,100},${SEP}${ADVS}$`, 'u')
// "Tony Banks, Labour MP for West Ham, said", once "West Ham" is known not to be the speaker.
const ANY_APPOSITION_BEFORE = new RegExp(`${WORD_START}(${NAME_RUN}),${SEP}[^,;:\\n"“”«»#]{2,100}?,?${SEP}${ADVS}$`, 'u')
// "Winthrop Knowlton, chairman of the special committee said": a role opens the apposition.
const ROLE_APPOSITION_BEFORE = new RegExp(`${WORD_START}(${NAME_RUN}),${SEP}(?:(?:the|a|an)${SEP})?${ROLE_WORDS}[^,;:\\n"“”«»#]{0,100}?,?${SEP}${ADVS}$`, 'u')
// "John Mason of Interstate Securities said", "Manaspas Xuto of Thailand said".
const PERSON_OF_PLACE_BEFORE = new RegExp(`${WORD_START}(${NAME_RUN})${SEP}(?:of|from|at)${SEP}(?:the${SEP})?${NAME_RUN},?${SEP}${ADVS}$`, 'u')
const SUBJECT_AFTER = new RegExp(`^${SEP}(${ROLE_NP}|${ORG_NP}|(?:the${SEP}|${ROLE_WORDS}${SEP})?${NAME_RUN}|(?:he|she|they)${WORD_END})`, 'u')
const TOLD_WHOM = new RegExp(`^${SEP}(?:reporters|journalists|the${SEP}press|lawmakers|${NAME_RUN})`, 'u')
// ", noting that", "while stressing": a participle that is not a noun ("a warning").
const OPENS_PARTICIPLE = /(?:,|(?:^|[^\p{L}])(?:while|before|after|when|by))[ \t\u00a0]+(?:\p{Ll}+ly[ \t\u00a0]+)?$/u
// "continues to be", "was said to", "called on the government": not reporting speech; "pointed
// out to the BBC" is.
const NOT_SPEECH_AFTER = /^[ \t\u00a0]+to[ \t\u00a0]+(?!(?:the|a|an|his|her|their|its|reporters|journalists)[^\p{L}]|\p{Lu})/u
const CALLED_FOR = /^[ \t\u00a0]+(?:on|for|off|up)[^\p{L}]/u
const ENDS_CLAUSE = /[,"”»’'#][ \t\u00a0]*$/
const PRONOUN_ONLY = new RegExp(`^(?:${PRONOUN}|him|her|them)$`, 'u')
const ROLE_ONLY = new RegExp(`^(?:${ROLE_NP}|${ORG_NP})$`, 'u')
const OFFICE_ONLY = new RegExp(`^${OFFICE_NP}$`, 'u')
// "And continued:", "But told BBC News:": the subject is left out and carries over.
const ELIDED_SUBJECT = /(?:^|[.!?]["”’]?[ \t\u00a0]+|\n[ \t\u00a0]*)(?:And|But|Then|Yet)[ \t\u00a0]+$/

const LOOK_BEHIND = 200
const NEAR_SUBJECT = 100
const LOOK_AHEAD = 150

export function subjectKind(subject: string): SubjectKind {
  if (subject === '') return 'none'
  if (PRONOUN_ONLY.test(subject)) return 'pronoun'
  if (ROLE_ONLY.test(subject)) return 'role'
  if (OFFICE_ONLY.test(subject)) return 'office'
  return 'name'
}

function subjectBefore(masked: string, before: string, from: number): { match: RegExpExecArray; start: number } | null {
  const comma = /,[ \t\u00a0]*$/.test(before)
  const apposition = comma ? APPOSITION_BEFORE.exec(before) : null
  if (apposition !== null) return { match: apposition, start: from + apposition.index }
  // A plain subject is short: searching only the end of the window keeps this pass cheap.
  const nearFrom = Math.max(from, from + before.length - NEAR_SUBJECT)
  const subject = SUBJECT_BEFORE.exec(before.slice(nearFrom - from))
  if (subject === null) {
    const role = ROLE_APPOSITION_BEFORE.exec(before)
    return role === null ? null : { match: role, start: from + role.index }
  }
  const start = nearFrom + subject.index
  if (subjectKind(subject[1]!) !== 'name' || hasTitle(subject[1]!)) return { match: subject, start }
  // "The MP for Sittingbourne and Sheppey said": a place, not the speaker.
  if (!AFTER_PREPOSITION.test(masked.slice(Math.max(0, start - 8), start))) return { match: subject, start }
  // A place after "Ambassador to" may still lead the name: "… to Russia Park Ro-byug".
  if (followsConnector(masked, start) && subject[1]!.trim().split(/[ \t\u00a0]+/).length >= 3) return { match: subject, start }
  const loose = PERSON_OF_PLACE_BEFORE.exec(before) ?? ANY_APPOSITION_BEFORE.exec(before)
  return loose === null ? null : { match: loose, start: from + loose.index }
}

function verbMatch(masked: string, verbStart: number, verb: string): AttributionMatch | null {
  const verbEnd = verbStart + verb.length
  const next = masked.slice(verbEnd, verbEnd + 24)
  if (NOT_SPEECH_AFTER.test(next) || (/^call/.test(verb) && CALLED_FOR.test(next))) return null
  if (PARTICIPLE_SET.has(verb.replace(/\s+/g, ' '))) {
    if (!OPENS_PARTICIPLE.test(masked.slice(Math.max(0, verbStart - 24), verbStart))) return null
    return { start: verbStart, end: verbEnd, subject: '', subjectStart: verbStart, kind: 'none' }
  }
  const from = Math.max(0, verbStart - LOOK_BEHIND)
  const before = masked.slice(from, verbStart)
  const subject = subjectBefore(masked, before, from)
  if (subject !== null) {
    let end = verbEnd
    if (verb === 'told' || verb === 'tells') {
      const whom = TOLD_WHOM.exec(masked.slice(verbEnd, verbEnd + LOOK_AHEAD))
      if (whom !== null) end += whom[0].length
    }
    const { start, match } = subject
    return { start, end, subject: match[1]!, subjectStart: start, kind: subjectKind(match[1]!) }
  }
  if (ELIDED_SUBJECT.test(before)) {
    return { start: verbStart, end: verbEnd, subject: '', subjectStart: verbStart, kind: 'none' }
  }
  if (!INVERTIBLE_VERBS.has(verb) || !ENDS_CLAUSE.test(masked.slice(Math.max(0, verbStart - 4), verbStart))) return null
  const after = SUBJECT_AFTER.exec(masked.slice(verbEnd, verbEnd + LOOK_AHEAD))
  if (after === null) return null
  const subjectStart = verbEnd + after[0].length - after[1]!.length
  return { start: verbStart, end: verbEnd + after[0].length, subject: after[1]!, subjectStart, kind: subjectKind(after[1]!) }
}

/** Attributions in text order. `masked` is the text with quoted words blanked out. */
export function findAttributions(masked: string): AttributionMatch[] {
  const found: AttributionMatch[] = []
  for (const match of masked.matchAll(VERB)) {
    const attribution = verbMatch(masked, match.index, match[0])
    if (attribution !== null) found.push(attribution)
  }
  for (const match of masked.matchAll(ACCORDING)) {
    const subjectStart = match.index + match[0].length - match[1]!.length
    found.push({ start: match.index, end: match.index + match[0].length, subject: match[1]!, subjectStart, kind: subjectKind(match[1]!) })
  }
  return found.sort((a, b) => a.start - b.start)
}
