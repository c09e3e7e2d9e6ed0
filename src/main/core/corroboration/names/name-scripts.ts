// Which writing systems a text uses, so the Latin capital-run rules never see Cyrillic,
// Hangul, Arabic or Chinese words (each has its own reader) and a text in Latin script
// alone pays for one scan and nothing else.
import type { NameKind } from '../../../../shared/domain/corroboration'

export interface ScriptsUsed {
  cyrillic: boolean
  hangul: boolean
  arabic: boolean
  han: boolean
}

/** A name found by one of the script readers; offsets in the text, `end` exclusive. */
export interface NameSpan {
  start: number
  end: number
  kind: NameKind
}

const OTHER_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Han}]/u

/** Does the text hold any letter of a script one of the readers owns? */
export const hasOtherScript = (text: string): boolean => OTHER_SCRIPT.test(text)

/** The non-Latin scripts the text uses, or null when it uses none of them. */
export function scriptsIn(text: string): ScriptsUsed | null {
  if (!hasOtherScript(text)) return null
  return {
    cyrillic: /\p{Script=Cyrillic}/u.test(text),
    hangul: /\p{Script=Hangul}/u.test(text),
    arabic: /\p{Script=Arabic}/u.test(text),
    han: /\p{Script=Han}/u.test(text)
  }
}

/** Does the word start with a letter of a script one of the readers owns? */
export function inOtherScript(word: string): boolean {
  const first = word.codePointAt(0) ?? 0
  return first >= 0x0400 && OTHER_SCRIPT.test(String.fromCodePoint(first))
}

export const isCyrillic = (word: string): boolean => /^\p{Script=Cyrillic}/u.test(word)
export const isArabic = (word: string): boolean => /^\p{Script=Arabic}/u.test(word)

/** Only blanks (no line break, no punctuation) between `from` and `to`, and at least one. */
export function blankBetween(text: string, from: number, to: number): boolean {
  if (from >= to) return false
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (code !== 32 && code !== 9 && code !== 0xa0 && code !== 0x202f && code !== 0x2009) return false
  }
  return true
}
