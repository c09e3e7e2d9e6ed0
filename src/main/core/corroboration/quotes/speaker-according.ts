// "According to Yonhap", "according to Ronald Reagan's former education secretary William J.
// Bennett": the attribution that needs no speech verb.
import { NAME_RUN, ORG_NP, ROLE_NP, SEP, WORD_END, WORD_START } from './speaker-patterns'
import { subjectKind, type AttributionMatch } from './speaker-match'

const ACCORDING = new RegExp(`${WORD_START}[Aa]ccording${SEP}to${SEP}(${ROLE_NP}|${ORG_NP}|him${WORD_END}|her${WORD_END}|them${WORD_END}|(?:the${SEP})?${NAME_RUN})`, 'gu')
const POSSESSED_NAME = new RegExp(`^(?:${SEP}\\p{Ll}[\\p{L}'’-]*){1,4}${SEP}(${NAME_RUN})`, 'u')
const LOOK_AHEAD = 150

export function findAccording(masked: string): AttributionMatch[] {
  const found: AttributionMatch[] = []
  for (const match of masked.matchAll(ACCORDING)) {
    const end = match.index + match[0].length
    // "according to Ronald Reagan's former education secretary William J. Bennett": the person after the possessive.
    const owned = /['’]s$/.test(match[1]!) ? POSSESSED_NAME.exec(masked.slice(end, end + LOOK_AHEAD)) : null
    if (owned !== null) {
      const ownedEnd = end + owned[0].length
      found.push({ start: match.index, end: ownedEnd, subject: owned[1]!, subjectStart: ownedEnd - owned[1]!.length, kind: 'name' })
      continue
    }
    const subjectStart = end - match[1]!.length
    found.push({ start: match.index, end, subject: match[1]!, subjectStart, kind: subjectKind(match[1]!) })
  }
  return found
}
