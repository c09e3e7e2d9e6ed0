// Spots Korean full names, surname first ("Lee Jae-myung", "Kim Jong-un", "Yoon Suk Yeol"):
// the lexicon knows none of their given names, and a hyphenated given name looks to a
// capitalised-word rule like a compound such as "Seoul-led".
import { wordClass } from './name-lexicon'
import type { NameToken } from './name-tokens'
import { COMPOUND_SUFFIXES, SURNAME_FIRST } from './name-words'

const GIVEN_SHAPE = /^\p{Lu}\p{Ll}{0,5}-\p{L}{1,6}$/u
const GIVEN_SHAPE_CAPS = /^\p{Lu}{1,6}-\p{Lu}{1,6}$/u
const SYLLABLE = /^\p{Lu}\p{Ll}{1,4}$/u

/** "Sok-bae", "JI-EUN": a hyphenated Korean given name (not "Seoul-led" or "Moscow-Seoul"). */
function isKoreanGiven(token: NameToken, surnameInCaps: boolean): boolean {
  const shaped = surnameInCaps ? GIVEN_SHAPE_CAPS.test(token.lower.toUpperCase()) && token.allCaps : GIVEN_SHAPE.test(token.text.replace(/[\u2010\u2011]/g, '-'))
  if (!shaped) return false
  const [head = '', tail = ''] = token.lower.split('-')
  return !COMPOUND_SUFFIXES.has(tail) && wordClass(head) !== 'place' && wordClass(head) !== 'demonym'
}

/** Length of a surname-first name starting at `at` ("Lee Jae-myung", "Yoon Suk Yeol"), or 0. */
export function koreanNameAt(tokens: readonly NameToken[], at: number, headline: boolean): number {
  const surname = tokens[at]!
  if (!surname.cap || !SURNAME_FIRST.has(surname.lower) || surname.possessive) return 0
  const next = tokens[at + 1]
  if (next === undefined || !next.cap) return 0
  if (isKoreanGiven(next, surname.allCaps)) return 2
  const third = tokens[at + 2]
  const syllable = (token: NameToken): boolean => SYLLABLE.test(token.text) && wordClass(token.lower) === undefined
  if (!headline && third !== undefined && !next.possessive && syllable(next) && syllable(third)) return 3
  return 0
}
