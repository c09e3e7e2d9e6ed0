// Decides what a piece of a capitalised run is once nothing splits it further: a person, an
// organisation, nothing (a place, a plain phrase), or lone words that may be surnames, which
// extractNames settles after reading the whole text.
import type { NameKind } from '../../../../shared/domain/corroboration'
import { wordClass, type WordClass } from './name-lexicon'
import { isEnglishWord } from './english-words'
import type { NameToken } from './name-tokens'
import { AMBIGUOUS_GIVEN, KNOWN_ORGS, NON_ORG_ACRONYMS, ORG_WORDS, PLACE_ANYWHERE, PLACE_WORDS } from './name-words'

export interface FoundName {
  tokens: NameToken[]
  kind: NameKind
}

/** A lone capitalised word kept only if the text shows it is a surname (decided once the whole text is read). */
export interface LoneWord {
  token: NameToken
  titled: boolean
  speech: boolean
  headline: boolean
}

export interface RunFindings {
  names: FoundName[]
  lone: LoneWord[]
}

export interface PieceContext {
  /** The run's line is in title case, where capitals say nothing about names. */
  headline: boolean
  out: RunFindings
}

export const classOf = (token: NameToken): WordClass | undefined => wordClass(token.lower)
export const isConnector = (token: NameToken): boolean => !token.cap
export const nameWords = (tokens: readonly NameToken[]): NameToken[] => tokens.filter((token) => token.cap)

export function trimConnectors(tokens: readonly NameToken[]): NameToken[] {
  let start = 0
  let end = tokens.length
  while (start < end && isConnector(tokens[start]!)) start++
  while (end > start && isConnector(tokens[end - 1]!)) end--
  return tokens.slice(start, end)
}

function isAcronym(token: NameToken): boolean {
  const letters = token.text.replace(/[^\p{L}]/gu, '')
  return token.allCaps && letters.length >= 2 && letters.length <= 6
}

function firstIsGiven(words: readonly NameToken[]): boolean {
  const first = words[0]
  if (first === undefined || words.length < 2) return false
  if (classOf(first) === 'given' || AMBIGUOUS_GIVEN.has(first.lower)) return true
  // "J. K. Rowling", not "Y Vote".
  if (first.text.length === 1) return words.slice(1).every((word) => word.text.length === 1 || classOf(word) === undefined || classOf(word) === 'surname')
  return first.lower.includes('-') && first.lower.split('-').some((part) => wordClass(part) === 'given')
}

/** Capitalised words a transliterated name is built from ("Abd", "Al", "Bin", "Ould") besides unknown ones. */
export const NAME_LINKS: ReadonlySet<string> = new Set(['al', 'el', 'abu', 'abd', 'abdul', 'abdel', 'bin', 'ben', 'ibn', 'bint', 'ould', 'ul', 'ad', 'ag', 'oglu', 'ogly', 'kyzy', 'uulu'])

/**
 * "Dmitriy Rogozin", "Abd Al Aziz Awda", "Wa'il Hamza Julaydan": two to seven words the lexicon
 * does not know (or knows as names), none a particle at the end. Transliterated names are mostly
 * unknown words, while capitalised English phrases nearly always hold a word it knows or a
 * common English noun or adjective.
 */
function foreignShaped(words: readonly NameToken[]): boolean {
  if (words.length < 2 || words.length > 7 || NAME_LINKS.has(words[words.length - 1]!.lower)) return false
  let unknown = 0
  for (const [index, word] of words.entries()) {
    if (word.text.length < 2 || word.dotted !== null) return false
    const known = classOf(word)
    // "Hafiz Said Khan", "Rami Kamel Baker": a plain word inside the name (read-run kept it there) is one of its names.
    const inside = index > 0 && index < words.length - 1 && (known === 'verb' || known === 'common' || known === 'participle')
    // "Hutton Inquiry", "Belmarsh Prison": a common English noun ending the run makes it a thing.
    if (known === undefined && index === words.length - 1 && isEnglishWord(word.lower)) return false
    if (known === undefined) unknown++
    else if (known !== 'given' && known !== 'surname' && !NAME_LINKS.has(word.lower) && !inside) return false
  }
  return unknown > 0
}

export function emit(tokens: readonly NameToken[], kind: NameKind, context: PieceContext): void {
  const trimmed = trimConnectors(tokens)
  if (trimmed.length > 0) context.out.names.push({ tokens: trimmed, kind })
}

/** A word standing alone; `acronyms` is false for words left over from a failed name ("Header ADS"). */
export function readLone(token: NameToken, titled: boolean, speech: boolean, context: PieceContext, acronyms = true): void {
  const wordClassOf = classOf(token)
  if (KNOWN_ORGS.has(token.lower) || wordClassOf === 'org') return emit([token], 'organization', context)
  if (token.allCaps) {
    const organisation = acronyms && isAcronym(token) && !NON_ORG_ACRONYMS.has(token.lower) && wordClassOf === undefined
    if (organisation) emit([token], 'organization', context)
    return
  }
  if (ORG_WORDS.has(token.lower) || token.dotted !== null || token.text.length < 2) return
  if (wordClassOf === 'place' || wordClassOf === 'demonym' || wordClassOf === 'function') return
  if (wordClassOf === 'date' && !titled) return
  context.out.lone.push({ token, titled, speech, headline: context.headline })
}

/** A piece with no breaks left in it: person, organisation, nothing, or lone words to decide later. */
export function classify(piece: readonly NameToken[], titled: boolean, speech: boolean, context: PieceContext): void {
  const tokens = trimConnectors(piece)
  const words = nameWords(tokens)
  const only = words[0]
  if (only === undefined) return
  if (words.length === 1) return readLone(only, titled, speech, context)
  const phraseClass = wordClass(words.map((word) => word.lower).join(' '))
  if (phraseClass === 'place') return
  if (phraseClass === 'org') return emit(tokens, 'organization', context)
  if (phraseClass === 'given') return emit(tokens, 'person', context)
  if (words.every((word) => word.allCaps)) return
  const last = words[words.length - 1]!
  if (PLACE_WORDS.has(last.lower) || words.some((word) => PLACE_ANYWHERE.has(word.lower))) return
  if (words.length <= 4) {
    if (titled || firstIsGiven(words)) return emit(tokens, 'person', context)
    if (!context.headline && words.length <= 3) {
      const plain = words.every((word) => classOf(word) === undefined || classOf(word) === 'given' || classOf(word) === 'surname')
      if (speech && plain) return emit(tokens, 'person', context)
      const unknownBefore = words.slice(0, -1).every((word) => classOf(word) === undefined)
      if (classOf(last) === 'surname' && unknownBefore) return emit(tokens, 'person', context)
    }
  }
  if (!context.headline && foreignShaped(words)) return emit(tokens, 'person', context)
  // Not a full name, but a word in it may still be a surname used alone ("Defiant Putin") or an organisation.
  for (const word of words) readLone(word, false, speech && word === last, context, false)
}
