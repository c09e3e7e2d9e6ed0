// The parts of a name as grouping needs them, in every script: words split at spaces, a
// Korean or Chinese name written as one word split into surname and given name («이재명» →
// «이», «재명»), a transliterated Chinese name split at its middle dots.
import { COMPOUND_SURNAMES as HAN_COMPOUND, SURNAMES as HAN_SURNAMES } from './han-words'
import { koreanSurname } from './hangul-names'
import { COMPOUND_SURNAMES as HANGUL_COMPOUND, SURNAMES as HANGUL_SURNAMES } from './hangul-words'
import { cyrillicStem, EAST_ASIAN_SURNAMES, isPatronymic } from './cyrillic-words'
import { SURNAME_FIRST } from './name-words'

const HANGUL = /^\p{Script=Hangul}+$/u
const HAN = /^\p{Script=Han}+$/u
const DOTS = /[·•・‧]/u
const CYRILLIC_SURNAME_FIRST: ReadonlySet<string> = new Set([...EAST_ASIAN_SURNAMES].map(cyrillicStem))

function hanSurname(word: string): string | null {
  if (word.length < 2 || word.length > 4) return null
  if (word.length >= 3 && HAN_COMPOUND.has(word.slice(0, 2))) return word.slice(0, 2)
  return word.length <= 3 && HAN_SURNAMES.has(word[0]!) ? word[0]! : null
}

/** «Vladimir Putin» → two parts; «이재명» → «이», «재명»; «习近平» → «习», «近平»; «埃尔多安» stays one. */
export function nameParts(text: string): string[] {
  const words = text.split(/\s+/u).filter((word) => word.length > 0)
  const only = words[0]
  if (words.length !== 1 || only === undefined) return words
  if (DOTS.test(only)) return only.split(DOTS).filter((part) => part.length > 0)
  const surname = HANGUL.test(only) ? koreanSurname(only) : HAN.test(only) ? hanSurname(only) : null
  return surname === null ? words : [surname, only.slice(surname.length)]
}

/** Is this name key a surname written first (Korean, Chinese: «lee», «이», «习», «ким»)? */
export function surnameFirst(key: string): boolean {
  return SURNAME_FIRST.has(key) || HANGUL_SURNAMES.has(key) || HANGUL_COMPOUND.has(key) || HAN_SURNAMES.has(key) || HAN_COMPOUND.has(key) || CYRILLIC_SURNAME_FIRST.has(key)
}

/** The surname of a Russian name given surname first with its patronymic last («Путин Владимир Владимирович»). */
export const surnameBeforePatronymic = (parts: readonly string[]): boolean => parts.length === 3 && isPatronymic(parts[2]!)
