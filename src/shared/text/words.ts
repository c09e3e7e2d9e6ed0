// Word counting shared by the importer and the UI: a word is a run of letters or digits,
// with inner apostrophes and hyphens (so "Lee Sok-bae" is two words, "don't" one).
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}]+(?:['\u2019\u2010\u2011-][\p{L}\p{N}]+)*/gu)
  return matches === null ? 0 : matches.length
}
