// Spots Korean full names, surname first ("Lee Jae-myung", "Kim Jong-un", "Yoon Suk Yeol"):
// the lexicon knows none of their given names, and a hyphenated given name looks to a
// capitalised-word rule like a compound such as "Seoul-led".
import { wordClass } from './name-lexicon'
import type { NameToken } from './name-tokens'
import { COMPOUND_SUFFIXES, SPEECH_VERBS, SURNAME_FIRST } from './name-words'

const GIVEN_SHAPE = /^\p{Lu}\p{Ll}{0,5}-\p{L}{1,6}$/u
const GIVEN_SHAPE_CAPS = /^\p{Lu}{1,6}-\p{Lu}{1,6}$/u
const SYLLABLE = /^\p{Lu}\p{Ll}{1,4}$/u
const SHORT_KNOWN: ReadonlySet<string> = new Set(['unknown', 'given', 'surname', 'common', 'function', 'date', 'verb', 'participle'])
const NOT_SYLLABLES: ReadonlySet<string> = new Set(['is', 'was', 'has', 'had', 'are', 'were', 'will', 'can', 'and', 'the', 'of', 'for', 'to', 'on', 'at', 'said', 'says', 'told', 'also', 'who', 'met', 'did', 'does'])

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
  // "O In Chun": the surname O stands alone as a letter would, so it needs both given syllables after it.
  const letterO = surname.text === 'O' && surname.dotted === null
  if (!surname.cap || !(SURNAME_FIRST.has(surname.lower) || letterO) || surname.possessive) return 0
  const next = tokens[at + 1]
  if (next === undefined || !next.cap) return 0
  if (!letterO && isKoreanGiven(next, surname.allCaps)) return 2
  const third = tokens[at + 2]
  const syllable = (token: NameToken): boolean => SYLLABLE.test(token.text) && wordClass(token.lower) === undefined
  // "Pak Chun Il", "Kim Il Nam", "Kim Sang Man": a syllable may be a short word the lexicon knows, if one of them is unknown
  // or both are plainly syllables (not "Kim Said", "Lee Is").
  const known = (token: NameToken): boolean =>
    SYLLABLE.test(token.text) && token.text.length <= 4 && !NOT_SYLLABLES.has(token.lower) && SHORT_KNOWN.has(wordClass(token.lower) ?? 'unknown')
  const given = third !== undefined && ((syllable(next) && known(third)) || (known(next) && syllable(third)) || (known(next) && known(third) && !SPEECH_VERBS.has(third.text)))
  if (!headline && given && !next.possessive && !third.possessive) return 3
  return 0
}
