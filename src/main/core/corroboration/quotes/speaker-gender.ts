// Gender agreement for "he said" / "she said": the gender a pronoun asks for and the one a
// speaker is known by (a title such as Mrs or Sir, else a given name the lexicon knows), so a
// pronoun is never credited to someone of the other gender. Unknown on either side: no constraint.
import { givenNameGender, type Gender } from '../names/name-lexicon'
import { SURNAME_FIRST } from '../names/name-words'

export type { Gender } from '../names/name-lexicon'

// Senator, Minister, Dr and the like say nothing of gender; "Chairman" is used for women too.
const TITLE_GENDERS: ReadonlyMap<string, Gender> = new Map([
  ...['Mr', 'Sir', 'Lord', 'Baron', 'King', 'Prince', 'Duke'].map((title) => [title, 'male'] as const),
  ...['Mrs', 'Ms', 'Miss', 'Lady', 'Dame', 'Baroness', 'Queen', 'Princess', 'Duchess', 'Spokeswoman', 'Chairwoman', 'Congresswoman'].map(
    (title) => [title, 'female'] as const
  )
])

/** The gender "he" or "she" asks for; null for "they". */
export function pronounGender(pronoun: string): Gender | null {
  const lower = pronoun.trim().toLowerCase()
  if (lower === 'he' || lower === 'him') return 'male'
  if (lower === 'she' || lower === 'her') return 'female'
  return null
}

/**
 * The gender of the person `run` names as written ("Mrs Clinton", "Sen. Rand Paul"), `name`
 * being the full name it resolved to. Only a name of two words or more has a given name to go
 * by: a lone "Kelly" may be a surname, and "Kim Jong-un" opens with one.
 */
export function personGender(run: string, name: string): Gender | null {
  for (const token of run.split(/[ \t\u00a0]+/)) {
    const gender = TITLE_GENDERS.get(token.replace(/\.$/, ''))
    if (gender !== undefined) return gender
  }
  const words = name.split(' ')
  const given = words[0]!
  if (words.length < 2 || /^\p{Lu}\.?$/u.test(given) || SURNAME_FIRST.has(given.toLowerCase())) return null
  return givenNameGender(given)
}

/** Whether a speaker of `speaker` gender is known to be someone a pronoun asking for `wanted` cannot mean. */
export function disagrees(wanted: Gender | null, speaker: Gender | null): boolean {
  return wanted !== null && speaker !== null && wanted !== speaker
}
