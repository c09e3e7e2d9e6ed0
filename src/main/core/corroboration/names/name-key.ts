// Keys that let spellings of one name meet: nameKey folds typography ("Lee Sok‑bae" with a
// non-breaking hyphen, "Lee Sok-bae's"), Russian case endings («Путина») and Arabic letter
// variants («إردوغان»); soundKey also folds romanisation ("Lee Seok-pae").
import { arabicFold } from './arabic-words'
import { cyrillicStem, isPatronymic } from './cyrillic-words'
import { hasOtherScript, isArabic, isCyrillic } from './name-scripts'
import { ORG_WORDS, TITLE_HEADS, TITLE_MODIFIERS } from './name-words'

const DASHES = /[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d]/g
const POSSESSIVE_S = /['\u2019\u02bc][sS]$/
const PLURAL_POSSESSIVE = /([sS])['\u2019\u02bc]$/
// Letters NFD does not split into a base and a mark.
const LETTER_FOLDS: Readonly<Record<string, string>> = { ø: 'o', đ: 'd', ł: 'l', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', þ: 'th', ð: 'd' }

function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øđłæœßıþð]/g, (letter) => LETTER_FOLDS[letter] ?? letter)
}

/**
 * One word folded by its script's rules: Cyrillic to its stem with ё as е («Алёна» and «Алена»,
 * «Путина» and «Путин» meet), Arabic to one spelling with «للـ» read as «الـ»; others as written.
 */
function scriptWord(word: string): string {
  if (isCyrillic(word)) return cyrillicStem(word)
  if (isArabic(word)) return arabicFold(word).replace(/^لل(?=\p{L}{2})/u, 'ال')
  return word
}

/** Hangul comes apart into letters under NFD; put the syllables back together. */
const composed = (key: string): string => (/[\u1100-\u11ff]/.test(key) ? key.normalize('NFC') : key)

/** The words of a name as written, without a trailing possessive or leading titles. */
function nameWords(text: string): string[] {
  const words = text.normalize('NFKC').trim().replace(/[.,;:!?)\]"”]+$/u, '').replace(POSSESSIVE_S, '').replace(PLURAL_POSSESSIVE, '$1').split(/\s+/u)
  const last = words[words.length - 1]?.toLowerCase() ?? ''
  // "General Motors" keeps its first word: titles are only dropped from people's names.
  if (ORG_WORDS.has(last)) return words
  // Leading titles go up to their last head word: "Prime Minister Tony Blair", but "State Duma" stays.
  let drop = 0
  for (let i = 0; i < words.length - 1; i++) {
    const bare = words[i]!.toLowerCase().replace(/\.$/, '')
    if (TITLE_HEADS.has(bare)) drop = i + 1
    else if (!TITLE_MODIFIERS.has(bare)) break
  }
  return words.slice(drop)
}

/**
 * Folded variant key: NFKC, lower case, diacritics dropped, hyphens, dashes, spaces and other
 * punctuation removed, trailing possessive and leading titles dropped.
 * "Lee Jae Myung" and "Lee Jae-myung's" → "leejaemyung"; "O’Brien" and "OBrien" → "obrien".
 */
export function nameKey(text: string): string {
  return composed(fold(nameWords(text).map(scriptWord).join(' ')).replace(/[^\p{L}\p{N}]/gu, ''))
}

/** One word of a name with romanisation differences folded away. */
function soundWord(word: string): string {
  return word
    .replace(/sh/g, 's')
    .replace(/eo/g, 'o')
    .replace(/eu/g, 'u')
    .replace(/oo/g, 'u')
    .replace(/ou/g, 'o')
    .replace(/ee/g, 'i')
    .replace(/ung/g, 'ong')
    .replace(/([aeiouy])r(?=[^aeiouy]|$)/g, '$1')
    .replace(/([^aeiouycs])h/g, '$1')
    .replace(/b/g, 'p')
    .replace(/g/g, 'k')
    .replace(/d/g, 't')
    .replace(/j/g, 'ch')
    .replace(/r/g, 'l')
    .replace(/(.)\1+/g, '$1')
}

/**
 * Romanisation-tolerant key so Korean (and similar) romanisations meet: "Lee Sok-bae" and
 * "Lee Seok-pae" both give "li sok pae"; "Park"/"Bak", "Jung"/"Jeong", "Myung"/"Myeong" meet.
 * Folded word by word (hyphens split words like spaces), so the number of words still has to
 * agree and "Lee Sok-bae" never meets "Lee Jae-myung".
 */
export function soundKey(text: string): string {
  const words = nameWords(text)
  // «Владимир Владимирович Путин» is «Владимир Путин» with the patronymic a formal text adds.
  const named = words.length === 3 && isCyrillic(words[1]!) && isPatronymic(words[1]!) ? [words[0]!, words[2]!] : words
  return named
    .flatMap((word) => (hasOtherScript(word) ? [otherSoundWord(word)] : fold(word).replace(DASHES, ' ').split(' ')))
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word.length > 0)
    .map((word) => (hasOtherScript(word) ? word : soundWord(word)))
    .join(' ')
}

/** Cyrillic by stem; Arabic by its consonants, so «بوتين» and «بوتن» meet; Hangul and Chinese as written. */
function otherSoundWord(word: string): string {
  if (isArabic(word)) {
    const folded = fold(scriptWord(word))
    return folded.slice(0, 1) + folded.slice(1).replace(/[اوي]/g, '')
  }
  return composed(fold(scriptWord(word)))
}
