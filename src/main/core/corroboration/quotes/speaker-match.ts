// What an attribution found in the text is: where its words are, who it names as written and
// what kind of speaker that is (a name, a pronoun, a role or office, or none of its own).
import { OFFICE_NP, ORG_NP, PRONOUN, ROLE_NP } from './speaker-patterns'

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
  /**
   * Not a speech verb but the sentence's subject (speaker-clause-subject.ts), used only when
   * nothing else credits a quote: 'before' for a quote later in its sentence, 'after' for one in
   * the clause opening it ("After calling him “unfit,” Clinton said …").
   */
  fallback?: 'before' | 'after'
}

const PRONOUN_ONLY = new RegExp(`^(?:${PRONOUN}|him|her|them)$`, 'u')
const ROLE_ONLY = new RegExp(`^(?:${ROLE_NP}|${ORG_NP})$`, 'u')
const OFFICE_ONLY = new RegExp(`^${OFFICE_NP}$`, 'u')

export function subjectKind(subject: string): SubjectKind {
  if (subject === '') return 'none'
  if (PRONOUN_ONLY.test(subject)) return 'pronoun'
  if (ROLE_ONLY.test(subject)) return 'role'
  if (OFFICE_ONLY.test(subject)) return 'office'
  return 'name'
}
