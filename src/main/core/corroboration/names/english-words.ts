// Is a word a common English noun or adjective (WordNet's, see english-word-table.ts)? The
// name finder asks before taking a run of capitalised words it does not otherwise know for a
// transliterated name: "Hutton Inquiry" and "Pension Scheme" are not people. Read on first use.
import { ENGLISH_WORDS } from './english-word-table'

let words: Set<string> | null = null

/** Shorter words are as often pieces of names as English ("Bin", "Din", "Song", "Said"). */
const MIN_LENGTH = 5
/** English words that are also common names or name parts in the news (Osama bin Laden, Evo Morales). */
const ALSO_NAMES = new Set(['laden', 'innocent', 'christian', 'german', 'general', 'frank', 'morales', 'hayes', 'james', 'grant', 'young', 'hunter', 'brown', 'white', 'black', 'green', 'king', 'rose', 'price', 'bishop', 'marshal', 'sultan', 'sheikh', 'emir'])

/** `lower` in lower case; a plural is read as its singular ("committees", "securities"). */
export function isEnglishWord(lower: string): boolean {
  if (lower.length < MIN_LENGTH || ALSO_NAMES.has(lower)) return false
  words ??= new Set(ENGLISH_WORDS.split(/\s+/).filter((word) => word !== ''))
  if (words.has(lower)) return true
  if (!lower.endsWith('s')) return false
  return words.has(lower.slice(0, -1)) || (lower.endsWith('ies') && words.has(`${lower.slice(0, -3)}y`)) || (lower.endsWith('es') && words.has(lower.slice(0, -2)))
}
