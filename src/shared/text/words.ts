// Word counting shared by the importer and the UI: a word is a run of letters or digits,
// with inner apostrophes and hyphens (so "Lee Sok-bae" is two words, "don't" one). As a
// pattern: /[\p{L}\p{N}]+(?:['\u2019\u2010\u2011-][\p{L}\p{N}]+)*/gu, one word per match.
// Counted by a scan instead: matching made a string of every word, which was a sixth of
// what an import's threads spent per news text besides indexing it.

const WORD_CHAR = /[\p{L}\p{N}]/u
/** Per UTF-16 unit below 0x10000: 0 not looked at yet, 1 a letter or digit, 2 anything else. */
const bmpClass = new Uint8Array(0x10000)
for (let code = 0; code < 128; code++) bmpClass[code] = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? 1 : 2

function isJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2d || code === 0x2019 || code === 0x2010 || code === 0x2011
}

/** 1 for a letter or digit, else 2 (a code point the table does not know yet). */
function classify(code: number): number {
  if (code > 0xffff) return WORD_CHAR.test(String.fromCodePoint(code)) ? 1 : 2
  // A lone surrogate is neither a letter nor a digit, as for the pattern; never kept in the table, which would hide a pair.
  if (code >= 0xd800 && code <= 0xdfff) return 2
  return (bmpClass[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2)
}

const OUTSIDE = 0
const IN_WORD = 1
/** Just after a joiner that follows a word: a letter or digit now continues the word. */
const AFTER_JOINER = 2

export function countWords(text: string): number {
  let words = 0
  let state = OUTSIDE
  const length = text.length
  for (let index = 0; index < length; index++) {
    let code = text.charCodeAt(index)
    let kind = bmpClass[code] as number
    if (kind === 0) {
      if (code >= 0xd800 && code <= 0xdbff && index + 1 < length) {
        const low = text.charCodeAt(index + 1)
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000
          index++
        }
      }
      kind = classify(code)
    }
    if (kind === 1) {
      if (state === OUTSIDE) words++
      state = IN_WORD
    } else state = state === IN_WORD && isJoiner(code) ? AFTER_JOINER : OUTSIDE
  }
  return words
}
