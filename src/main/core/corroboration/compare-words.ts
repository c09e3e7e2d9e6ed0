// Words as corroboration compares them, shared by the quote ledger and the sentence
// alignment: which words are function words (they tell no two passages apart) and a
// stem loose enough that "restore", "restored" and "restoring" meet.
import { isStopWord } from '../../../shared/search/stop-words'
import { stem } from '../evidence/rank-passages'

// Beyond the search stop words (kept small because they serve phrase queries): words
// that say nothing about which statement or event a passage reports, speech verbs included.
const FUNCTION_WORDS = new Set([
  'about', 'after', 'again', 'against', 'all', 'also', 'am', 'any', 'been', 'before', 'being', 'between', 'both',
  'can', 'could', 'did', 'do', 'does', 'during', 'each', 'even', 'how', 'him', 'just', 'may', 'me', 'might', 'more',
  'most', 'much', 'must', 'my', 'now', 'one', 'only', 'our', 'ours', 'out', 'over', 'own', 'same', 'shall', 'should',
  'some', 'than', 'them', 'those', 'through', 'too', 'under', 'until', 'up', 'us', 'very', 'what', 'when', 'where',
  'while', 'who', 'whom', 'why', 'your', 'says', 'say', 'told', 'added', 'stated', 'noted'
])
// What the tokenizer leaves of contractions and possessives at the apostrophe ("don't" →
// don, t; "Korea's" → korea, s): pieces, not words.
const APOSTROPHE_PIECES = new Set([
  's', 't', 'd', 'll', 'm', 're', 've', 'don', 'didn', 'doesn', 'isn', 'wasn', 'aren', 'weren', 'hasn', 'haven',
  'hadn', 'won', 'wouldn', 'couldn', 'shouldn'
])

export function isApostrophePiece(term: string): boolean {
  return APOSTROPHE_PIECES.has(term)
}

/** Function words, apostrophe pieces and single letters (the "e" of "e-mail"). */
export function isFunctionWord(term: string): boolean {
  return isStopWord(term) || FUNCTION_WORDS.has(term) || APOSTROPHE_PIECES.has(term) || (term.length === 1 && !/\d/.test(term))
}

/** The evidence stemmer, plus a final "e" dropped so "restore" meets "restoring" and "achieve" "achieved". */
export function compareStem(term: string): string {
  const stemmed = stem(term)
  return stemmed.length > 4 && stemmed.endsWith('e') && !/\d/.test(stemmed) ? stemmed.slice(0, -1) : stemmed
}
