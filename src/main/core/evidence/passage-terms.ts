// The words suggested evidence matches on: the search tokenizer's terms without function
// words, with numbers, ordinals and month abbreviations folded ("Nov 05" meets "November 5",
// "4th" meets "4") and common endings folded by the light stemmer.
import { isStopWord } from '../../../shared/search/stop-words'
import { forEachToken } from '../../../shared/search/tokenize'

// Words the search parser keeps (they serve its phrases) but that tell no claim from another:
// matching them only rewards long sentences.
const FUNCTION_WORDS = new Set([
  'about', 'after', 'all', 'also', 'been', 'being', 'can', 'could', 'did', 'do', 'does', 'during', 'each', 'him',
  'how', 'just', 'may', 'more', 'most', 'much', 'now', 'only', 'other', 'our', 'out', 'over', 'own', 'than', 'them',
  'those', 'through', 'up', 'us', 'very', 'what', 'when', 'where', 'while', 'who', 'whom', 'why', 'your'
])
// "May" is a function word above, so a date in May matches on its day and year alone.
const MONTHS = new Map([
  ['jan', 'january'], ['feb', 'february'], ['mar', 'march'], ['apr', 'april'], ['jun', 'june'], ['jul', 'july'], ['aug', 'august'],
  ['sep', 'september'], ['sept', 'september'], ['oct', 'october'], ['nov', 'november'], ['dec', 'december']
])
const NUMBER = /^0*(\d+?)(?:st|nd|rd|th)?$/

/** Folds common English endings so "restored", "restoring" and "restores" meet. */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'edly', 'ies', 'ied', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return suffix === 'ies' || suffix === 'ied' ? `${word.slice(0, -3)}y` : word.slice(0, -suffix.length)
  }
  return word
}

export function isEvidenceStopWord(term: string): boolean {
  return isStopWord(term) || FUNCTION_WORDS.has(term)
}

/** A (normalised, non-stop-word) term as evidence matching compares it. */
export function evidenceTerm(term: string): string {
  const number = NUMBER.exec(term)
  if (number !== null) return number[1] ?? term
  return stem(MONTHS.get(term) ?? term)
}

/** The content words of `text`, in order, folded for matching. */
export function evidenceTerms(text: string): string[] {
  const result: string[] = []
  forEachToken(text, (term) => {
    if (!isEvidenceStopWord(term)) result.push(evidenceTerm(term))
  })
  return result
}
