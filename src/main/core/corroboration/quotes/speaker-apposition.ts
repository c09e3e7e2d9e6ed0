// Speakers introduced with an apposition holding commas: "Dean Johnson, a salesman from
// Sumter, South Carolina, says", "Clinton, during a town hall in Columbus, Ohio, said". The
// words next to the verb are then the apposition's tail (a place, an age, a body); the
// speaker is the name that opens the sentence, or the one a ", who …" clause hangs on.
import { sentenceStart } from './quote-boundaries'
import { cleanName, isOrganisation } from './speaker-names'
import { NAME_RUN, SEP, WORD_END, WORD_START } from './speaker-patterns'

// The sentence opens with a name, maybe a bracketed party ("Sen. Jack Reed (D-R.I.),") or a
// home ("Stacy Baker of Columbia,"), then a comma.
const HEAD = new RegExp(`^(?:(?:But|And|Yet|Still|Meanwhile|Now)${SEP})?((?:the${SEP})?${NAME_RUN})(?:${SEP}\\([^()\\n]{1,30}\\)|${SEP}(?:of|from|in)${SEP}${NAME_RUN})?,`, 'u')
/** Words that open a sentence with an adverbial, not a subject: "In Iowa, Trump said". */
const NOT_HEAD = /^(?:(?:But|And|Yet|Still|Meanwhile|Now)[ \t\u00a0]+)?(?:Of|To|About|Regarding|In|On|At|After|Before|During|For|From|With|Without|Since|Until|As|Like|Unlike|Despite|Under|Over|By|Through|Across|Among|Amid|When|While|If|Although|Though|Because|Yesterday|Today|Tomorrow|However|Also|Later|Earlier|Last|This|That|Then|Thus|So|Yes|No|Asked|Speaking|Writing|According|Instead|Separately|Overall|Ultimately|Again|Here|There|Once|Even|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)(?![\p{L}])/u
/** "… from Sumter, South Carolina," / "… in Worcester, Massachusetts,": a place after a place. */
const PLACE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:of|from|in|at|near)${SEP}${NAME_RUN},${SEP}$`, 'u')

export interface FoundSubject {
  subject: string
  start: number
}

/**
 * The name opening the sentence of `position` when it is followed by a comma, as in
 * "Name, apposition, said"; null when the sentence opens otherwise.
 */
export function sentenceHead(masked: string, position: number): FoundSubject | null {
  const start = sentenceStart(masked, position)
  let from = start
  // The previous sentence's closing mark may stand at this one's start.
  while (from < position && /[ \t\u00a0"”’»)]/.test(masked[from]!)) from++
  // The head may reach past `position` ("Rep. Tom Cole of |Oklahoma, …"): callers check it starts before.
  const opening = masked.slice(from, from + 160)
  if (NOT_HEAD.test(opening)) return null
  const head = HEAD.exec(opening)
  if (head === null) return null
  return { subject: head[1]!, start: from + head.index + head[0].indexOf(head[1]!) }
}

/** Whether the run ending right before `position` is a place named after another place ("Columbia, South Carolina"). */
export function followsPlace(masked: string, position: number): boolean {
  return PLACE_BEFORE.test(masked.slice(Math.max(0, position - 80), position))
}

/** The sentence's opening name when it is a person ("Dean Johnson, a salesman from …, says"). */
export function personHead(masked: string, position: number): FoundSubject | null {
  const head = sentenceHead(masked, position)
  if (head === null) return null
  const cleaned = cleanName(head.subject)
  return cleaned.kind === 'name' && !isOrganisation(cleaned.name) ? head : null
}

/** "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said": the name before ", who". */
const RELATIVE_HEAD = new RegExp(`${WORD_START}(${NAME_RUN})(?:${SEP}\\([^()\\n]{1,30}\\))?,${SEP}(?:who|whose)${WORD_END}`, 'gu')

export function relativeHead(masked: string, position: number): FoundSubject | null {
  const start = sentenceStart(masked, position)
  let last: FoundSubject | null = null
  for (const match of masked.slice(start, position).matchAll(RELATIVE_HEAD)) last = { subject: match[1]!, start: start + match.index }
  if (last === null) return null
  const cleaned = cleanName(last.subject)
  return cleaned.kind === 'name' && !isOrganisation(cleaned.name) ? last : null
}

const COMMA_BEFORE = /,[ \t\u00a0]*$/
const PREPOSITION_BEFORE = /(?:^|[^\p{L}])(?:of|for|from|in|at|to|with|by|on|near)[ \t\u00a0]+(?:the[ \t\u00a0]+)?$/u
const PRONOUN_ONLY = /^(?:he|she|they)$/i

/**
 * Who speaks when the words before the verb hold commas. A name inside an apposition (", a
 * Democratic super PAC, said", ", South Carolina, says") gives way to the sentence's opening
 * name or the name a ", who …" clause hangs on; a bare appositive name ("Trump's attorney,
 * Alan Garten, said") speaks itself. 'blocked' when none of these is sure: no speaker then.
 */
export function throughApposition(masked: string, near: FoundSubject, verbAt: number, viaApposition: boolean): FoundSubject | 'blocked' {
  const commaAfter = viaApposition || masked.slice(near.start + near.subject.length, verbAt).includes(',')
  // "… of Freedom Partners, the network's funding arm, said": a body or place after a preposition.
  const place = followsPlace(masked, near.start) || (viaApposition && PREPOSITION_BEFORE.test(masked.slice(Math.max(0, near.start - 12), near.start)))
  const commaBefore = COMMA_BEFORE.test(masked.slice(Math.max(0, near.start - 3), near.start))
  if (!place && !(commaAfter && commaBefore) && !(commaAfter && !viaApposition)) return near
  const head = personHead(masked, near.start) ?? relativeHead(masked, near.start)
  if (head !== null && head.start < near.start) return head
  // "Speaking in Florida, Trump insisted": the place opened the sentence; the name is the subject.
  if (place && !commaAfter) return near
  if (place || !commaBefore) return viaApposition ? near : 'blocked'
  const cleaned = cleanName(near.subject)
  return cleaned.kind === 'name' && !isOrganisation(cleaned.name) && !PRONOUN_ONLY.test(near.subject) ? near : 'blocked'
}

